import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EnvStatus } from '../types';

const COLOR: Record<EnvStatus, string> = { pass: 'success', warn: 'warning', fail: 'error', unknown: 'default' };

/** A coloured pass / warn / fail / not recorded tag. */
export function StatusTag({ status, tip, testId }: { status: EnvStatus; tip?: string; testId?: string }) {
  const { t } = useTranslation();
  const tag = (
    <Tag color={COLOR[status]} data-testid={testId} data-status={status}>
      {t(`assessment.status.${status}`)}
    </Tag>
  );
  return tip ? <Tooltip title={tip}>{tag}</Tooltip> : tag;
}
