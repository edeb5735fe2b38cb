import type { Dayjs } from 'dayjs';
import type { ErrorDetail } from '../../api/types';
import type { CheckView, CriterionView, Decision, DecisionInput } from './types';

/** A conditional go lists its conditions and a no-go its reasons; a plain go has none. */
export const needsConditions = (decision: Decision | undefined): boolean => decision === 'conditional_go' || decision === 'no_go';

/** A go or conditional go sets the go-live date; a no-go has none. */
export const needsDate = (decision: Decision | undefined): boolean => decision === 'go' || decision === 'conditional_go';

export interface DecisionFormValues {
  decision?: Decision;
  conditions?: string;
  goLiveDate?: Dayjs | null;
}

/** The request body of a decision: fields the chosen decision does not use are sent empty. */
export function toDecisionInput(values: DecisionFormValues): DecisionInput {
  const decision = values.decision ?? 'no_go';
  return {
    decision,
    conditions: needsConditions(decision) ? (values.conditions ?? '').trim() : '',
    goLiveDate: needsDate(decision) && values.goLiveDate ? values.goLiveDate.format('YYYY-MM-DD') : null,
  };
}

export interface CriteriaCounts {
  passed: number;
  total: number;
}

export function criteriaCounts(criteria: readonly CriterionView[]): CriteriaCounts {
  return { passed: criteria.filter((c) => c.status === 'pass').length, total: criteria.length };
}

export interface ChecklistCounts {
  /** Passed or not applicable. */
  done: number;
  failed: number;
  pending: number;
  total: number;
}

export function checklistCounts(checks: readonly CheckView[]): ChecklistCounts {
  return {
    done: checks.filter((c) => c.status === 'pass' || c.status === 'na').length,
    failed: checks.filter((c) => c.status === 'fail').length,
    pending: checks.filter((c) => c.status === 'pending').length,
    total: checks.length,
  };
}

export interface FailingCriterion {
  code: string;
  title: string;
  reason: string;
}

/**
 * The criteria a refused "go" names (409 details: one `{field: criterion code, reason}` each),
 * titled from the current readiness view; a code the view does not know keeps its code as title.
 */
export function failingCriteria(details: readonly ErrorDetail[], criteria: readonly CriterionView[]): FailingCriterion[] {
  const titles = new Map(criteria.map((c) => [c.code as string, c.title]));
  return details.map((d) => {
    const title = titles.get(d.field) ?? d.field;
    // The server's reason may repeat the title ("蓝图已审批: …"); show it once.
    const reason = d.reason.startsWith(title) ? d.reason.slice(title.length).replace(/^\s*[:：]\s*/, '') : d.reason;
    return { code: d.field, title, reason: reason || d.reason };
  });
}
