/** API types of 上线 → 上线决策 (mirrors src/modules/go-live/go-live.schema.ts). */

/** Criteria evaluated from the other modules' data, in the order the page lists them. */
export const READINESS_CRITERIA = [
  'blueprint_approved',
  'migration_loaded',
  'dual_run_exit',
  'no_critical_warnings',
  'high_risks_managed',
  'checklist_complete',
] as const;
export type ReadinessCriterion = (typeof READINESS_CRITERIA)[number];

export const CRITERION_STATUSES = ['pass', 'fail'] as const;
export type CriterionStatus = (typeof CRITERION_STATUSES)[number];

export const CHECK_CATEGORIES = ['people', 'system', 'data', 'support', 'other'] as const;
export type CheckCategory = (typeof CHECK_CATEGORIES)[number];

export const CHECK_STATUSES = ['pending', 'pass', 'fail', 'na'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

export const DECISIONS = ['go', 'conditional_go', 'no_go'] as const;
export type Decision = (typeof DECISIONS)[number];

export interface CriterionView {
  code: ReadinessCriterion;
  title: string;
  status: CriterionStatus;
  /** What was found, in the caller's language. */
  detail: string;
  /** A page of the project to open, relative to /projects/{id}/. */
  href: string;
}

export interface CheckView {
  id: string;
  title: string;
  category: CheckCategory;
  ownerMemberId: string | null;
  ownerName: string | null;
  status: CheckStatus;
  note: string;
  sort: number;
  updatedAt: string;
  updatedByName: string | null;
}

export interface DecisionView {
  id: string;
  decision: Decision;
  /** Conditions of a conditional go, or the reasons of a no-go. */
  conditions: string;
  goLiveDate: string | null;
  decidedByName: string;
  decidedAt: string;
  /** The criteria as they stood when the decision was taken. */
  criteria: CriterionView[];
  ready: boolean;
}

export interface GoLiveView {
  /** Every criterion passes. */
  ready: boolean;
  criteria: CriterionView[];
  checks: CheckView[];
  /** Newest first. */
  decisions: DecisionView[];
  plannedGoLive: string | null;
}

export interface CreateCheckInput {
  title: string;
  category: CheckCategory;
  ownerMemberId: string | null;
  status: CheckStatus;
  note: string;
}

export type UpdateCheckInput = Partial<CreateCheckInput>;

export interface DecisionInput {
  decision: Decision;
  conditions: string;
  /** YYYY-MM-DD; required for go and conditional go. */
  goLiveDate: string | null;
}
