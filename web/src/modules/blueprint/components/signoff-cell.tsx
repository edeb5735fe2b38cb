import { CheckCircleOutlined } from '@ant-design/icons';
import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../components/format';
import type { Signoff } from '../types';

/** One side's sign-off of a version: who and when (the comment on hover), or "not signed". */
export function SignoffCell(props: { signoff: Signoff | undefined }) {
  const { t } = useTranslation();
  if (!props.signoff) return <Typography.Text type="secondary">{t('blueprint.version.notSigned')}</Typography.Text>;
  return (
    <Tooltip title={props.signoff.comment || undefined}>
      <span data-testid={`signed-${props.signoff.side}`}>
        <CheckCircleOutlined style={{ color: '#52c41a' }} /> {props.signoff.signerName}
        <br />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDateTime(props.signoff.signedAt)}
        </Typography.Text>
      </span>
    </Tooltip>
  );
}
