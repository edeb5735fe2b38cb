import { Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The dialog to freeze the blueprint as a new version, with an optional note. */
export function VersionCreateModal(props: {
  open: boolean;
  busy: boolean;
  note: string;
  onNote(note: string): void;
  onCancel(): void;
  onOk(): void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={props.open}
      title={t('blueprint.version.create')}
      onCancel={props.onCancel}
      onOk={props.onOk}
      confirmLoading={props.busy}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      okButtonProps={{ id: 'version-create-ok' }}
    >
      <Typography.Paragraph type="secondary">{t('blueprint.version.createHint')}</Typography.Paragraph>
      <Input.TextArea
        rows={3}
        maxLength={2000}
        value={props.note}
        onChange={(e) => props.onNote(e.target.value)}
        placeholder={t('blueprint.version.note')}
      />
    </Modal>
  );
}
