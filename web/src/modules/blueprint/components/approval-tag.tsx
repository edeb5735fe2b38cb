import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApprovalStatus } from '../types';

const APPROVAL_COLOR: Record<ApprovalStatus, string> = { pending: 'orange', approved: 'green', rejected: 'red' };

/** Shows an approval tag; exported for the versions page. */
export function ApprovalTag(props: { status: ApprovalStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={APPROVAL_COLOR[props.status]} data-testid={`approval-${props.status}`}>
      {t(`blueprint.approvalStatus.${props.status}`)}
    </Tag>
  );
}
