/**
 * API types of 风险预警 (mirrors src/modules/risks/risk.schema.ts, the source of truth). Copied, not
 * imported: the web build never depends on server code.
 */

/** Dimensions of project health: the four classic pitfalls (避坑指南), goal attainment and the register. */
export const HEALTH_DIMENSIONS = [
  'executive_backing',
  'change_management',
  'customisation',
  'data_quality',
  'goals',
  'risk_register',
] as const;
export type HealthDimension = (typeof HEALTH_DIMENSIONS)[number];

/** Signal levels, best first; `no_data` when the project has not recorded what the indicator reads. */
export const SIGNAL_LEVELS = ['ok', 'watch', 'warning', 'critical', 'no_data'] as const;
export type SignalLevel = (typeof SIGNAL_LEVELS)[number];

export const RISK_CATEGORIES = [
  'executive_backing',
  'change_management',
  'customisation',
  'data_quality',
  'schedule',
  'budget',
  'technical',
  'resource',
  'other',
] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];

export const RISK_STATUSES = ['open', 'mitigating', 'accepted', 'closed'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** Early-warning thresholds and health weights of a project (shares are fractions, 0.2 = 20 %). */
export interface RiskSettings {
  resistanceWarnShare: number;
  resistanceCriticalShare: number;
  assessmentStaleDays: number;
  sponsorInactiveDays: number;
  approvalWaitDays: number;
  dataScoreWarn: number;
  dataScoreCritical: number;
  rejectRatioWarn: number;
  rejectRatioCritical: number;
  goalLagWarn: number;
  goalLagCritical: number;
  weights: Record<HealthDimension, number>;
}

export interface Evidence {
  label: string;
  /** A page of the project, relative to /projects/{id}/ (e.g. `team?tab=members`). */
  href: string | null;
}

export interface IndicatorView {
  /** `<dimension>.<indicator>`, e.g. `customisation.modules_over`. */
  code: string;
  dimension: HealthDimension;
  level: SignalLevel;
  score: number | null;
  value: number | null;
  title: string;
  message: string;
  evidence: Evidence[];
  /** Open register line raised from this indicator, if any. */
  riskCode: string | null;
  /** At warning or critical today but not on the previous evaluated day. */
  isNew: boolean;
}

export interface DimensionView {
  code: HealthDimension;
  title: string;
  score: number | null;
  level: SignalLevel;
  weight: number;
  /** The method's countermeasure (应对) for this pitfall. */
  countermeasure: string;
  indicators: IndicatorView[];
}

export interface HealthView {
  score: number | null;
  level: SignalLevel;
  evaluatedOn: string;
  dimensions: DimensionView[];
  /** Indicators at warning or critical, worst first. */
  alerts: IndicatorView[];
  /** One point per evaluated day, oldest first. */
  history: { day: string; score: number | null }[];
}

export interface RiskView {
  id: string;
  code: string;
  title: string;
  description: string;
  category: RiskCategory;
  probability: number;
  impact: number;
  /** probability × impact, 1–25. */
  score: number;
  level: RiskLevel;
  ownerMemberId: string | null;
  ownerName: string | null;
  mitigation: string;
  contingency: string;
  dueDate: string | null;
  /** Open or being mitigated and past its due date. */
  overdue: boolean;
  status: RiskStatus;
  sourceIndicator: string | null;
  /** The source indicator as users read it (dimension · indicator), localized by the server. */
  sourceIndicatorTitle: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

/** The editable fields of a register line (UpdateRiskBody takes any subset). */
export interface RiskFields {
  title: string;
  description: string;
  category: RiskCategory;
  probability: number;
  impact: number;
  ownerMemberId: string | null;
  mitigation: string;
  contingency: string;
  dueDate: string | null;
  status: RiskStatus;
}

/** CreateRiskBody: the fields plus the early-warning indicator a risk is raised from. */
export interface CreateRiskInput extends RiskFields {
  sourceIndicator: string | null;
}
