import { Button, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../components/format';
import type { RequirementApproval } from './use-requirement-approval';

/** The dialog to approve or reject a 定制开发 requirement, showing the method's justification. */
export function ApprovalModal({ approval }: { approval: RequirementApproval }) {
  const { t } = useTranslation();
  const { deciding, busy, comment } = approval;
  return (
    <Modal
      open={!!deciding}
      title={deciding ? `${t('blueprint.approval.title')} · ${deciding.code} ${deciding.title}` : ''}
      onCancel={approval.close}
      footer={[
        <Button key="cancel" onClick={approval.close}>
          {t('common.cancel')}
        </Button>,
        <Button key="reject" danger loading={busy} onClick={() => void approval.decide('rejected')} data-testid="approval-reject">
          {t('blueprint.approval.reject')}
        </Button>,
        <Button key="approve" type="primary" loading={busy} onClick={() => void approval.decide('approved')} data-testid="approval-approve">
          {t('blueprint.approval.approve')}
        </Button>,
      ]}
      data-testid="approval-modal"
    >
      {deciding && (
        <div>
          <Typography.Paragraph type="secondary">{t('blueprint.approval.intro')}</Typography.Paragraph>
          <dl style={{ margin: 0 }}>
            <dt>
              <strong>{t('blueprint.field.gapReason')}</strong>
            </dt>
            <dd>{deciding.gapReason}</dd>
            <dt>
              <strong>{t('blueprint.field.justification')}</strong>
            </dt>
            <dd>{deciding.justification}</dd>
            <dt>
              <strong>{t('blueprint.field.effortDays')}</strong>
            </dt>
            <dd>{formatNumber(deciding.effortDays, 1)}</dd>
            <dt>
              <strong>{t('blueprint.field.upgradeImpact')}</strong>
            </dt>
            <dd>{deciding.upgradeImpact}</dd>
          </dl>
          <Typography.Paragraph type="secondary">
            {t('blueprint.approval.requestedBy', { name: deciding.approval?.requestedByName ?? '' })}
          </Typography.Paragraph>
          <Input.TextArea
            rows={3}
            maxLength={2000}
            value={comment}
            onChange={(e) => approval.setComment(e.target.value)}
            placeholder={t('blueprint.approval.comment')}
            data-testid="approval-comment"
          />
        </div>
      )}
    </Modal>
  );
}
