import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CheckCategory, CheckStatus, CriterionStatus, Decision } from '../types';

const CATEGORY_COLOR: Record<CheckCategory, string> = {
  people: 'blue',
  system: 'geekblue',
  data: 'cyan',
  support: 'purple',
  other: 'default',
};

/** 人员 / 系统 / 数据 / 支持 / 其他. */
export function CheckCategoryTag({ category }: { category: CheckCategory }) {
  const { t } = useTranslation();
  return <Tag color={CATEGORY_COLOR[category]}>{t(`goLive.category.${category}`)}</Tag>;
}

export const CHECK_STATUS_COLOR: Record<CheckStatus, string> = {
  pending: 'default',
  pass: 'success',
  fail: 'error',
  na: 'default',
};

/** 待确认 / 通过 / 未通过 / 不适用 (read-only; editors get a select). */
export function CheckStatusTag({ status, testId }: { status: CheckStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={CHECK_STATUS_COLOR[status]} data-testid={testId} data-status={status}>
      {t(`goLive.checkStatus.${status}`)}
    </Tag>
  );
}

/** 通过 / 未通过 of a readiness criterion. */
export function CriterionStatusTag({ status }: { status: CriterionStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={status === 'pass' ? 'success' : 'error'} data-status={status}>
      {t(`goLive.criterionStatus.${status}`)}
    </Tag>
  );
}

const DECISION_COLOR: Record<Decision, string> = {
  go: 'success',
  conditional_go: 'warning',
  no_go: 'error',
};

/** 上线 / 有条件上线 / 暂缓上线. */
export function DecisionTag({ decision }: { decision: Decision }) {
  const { t } = useTranslation();
  return (
    <Tag color={DECISION_COLOR[decision]} data-testid="decision-tag" data-decision={decision}>
      {t(`goLive.decisionOption.${decision}`)}
    </Tag>
  );
}
