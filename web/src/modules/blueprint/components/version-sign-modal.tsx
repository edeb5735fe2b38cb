import { Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BlueprintVersion } from '../types';

/** The dialog to sign a version for one's side, with an optional comment. */
export function VersionSignModal(props: {
  signing: BlueprintVersion | null;
  busy: boolean;
  comment: string;
  onComment(comment: string): void;
  onCancel(): void;
  onOk(): void;
}) {
  const { t } = useTranslation();
  const { signing } = props;
  return (
    <Modal
      open={!!signing}
      title={signing ? t('blueprint.version.signTitle', { label: signing.label }) : ''}
      onCancel={props.onCancel}
      onOk={props.onOk}
      confirmLoading={props.busy}
      okText={t('blueprint.version.sign')}
      cancelText={t('common.cancel')}
      okButtonProps={{ id: 'version-sign-ok' }}
    >
      <Typography.Paragraph>{t('blueprint.version.signHint')}</Typography.Paragraph>
      <Input.TextArea
        rows={3}
        maxLength={2000}
        value={props.comment}
        onChange={(e) => props.onComment(e.target.value)}
        placeholder={t('blueprint.approval.comment')}
      />
    </Modal>
  );
}
