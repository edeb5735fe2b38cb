import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { RISK_LEVEL_TAG, RISK_STATUS_TAG } from '../risk-model';
import type { RiskLevel, RiskStatus } from '../types';

/** 未处理 / 应对中 / 已接受 / 已关闭. */
export function RiskStatusTag({ status }: { status: RiskStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={RISK_STATUS_TAG[status]} data-status={status}>
      {t(`risks.status.${status}`)}
    </Tag>
  );
}

/** The risk value (probability × impact) coloured by its level. */
export function RiskScoreTag({ score, level, testId }: { score: number; level: RiskLevel; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={RISK_LEVEL_TAG[level]} data-testid={testId} data-level={level}>
      {score} · {t(`risks.riskLevel.${level}`)}
    </Tag>
  );
}
