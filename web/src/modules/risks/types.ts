/**
 * API types of 风险预警: aliases of the generated schema.gen.ts (the server's OpenAPI document, from
 * src/modules/risks/risk.schema.ts and risk.routes.ts), and the document's enums as lists the
 * compiler checks against it (see {@link enumValues}).
 */
import { enumValues, type Schemas } from '../../api/schema';

// ---- project health and its early warnings ----

export type HealthView = Schemas['ProjectHealth'];
export type DimensionView = Schemas['HealthDimension'];
export type IndicatorView = Schemas['RiskIndicator'];
export type Evidence = Schemas['RiskEvidence'];
/** Early-warning thresholds and health weights of a project (shares are fractions, 0.2 = 20 %). */
export type RiskSettings = Schemas['RiskSettings'];

/** Dimensions of project health: the four classic pitfalls (避坑指南), goal attainment and the register. */
export type HealthDimension = DimensionView['code'];
export const HEALTH_DIMENSIONS = enumValues<HealthDimension>()([
  'executive_backing',
  'change_management',
  'customisation',
  'data_quality',
  'goals',
  'risk_register',
]);

/** Signal levels, best first; `no_data` when the project has not recorded what the indicator reads. */
export type SignalLevel = IndicatorView['level'];
export const SIGNAL_LEVELS = enumValues<SignalLevel>()(['ok', 'watch', 'warning', 'critical', 'no_data']);

// ---- the risk register ----

export type RiskView = Schemas['Risk'];

export type RiskCategory = RiskView['category'];
export const RISK_CATEGORIES = enumValues<RiskCategory>()([
  'executive_backing',
  'change_management',
  'customisation',
  'data_quality',
  'schedule',
  'budget',
  'technical',
  'resource',
  'other',
]);
export type RiskStatus = RiskView['status'];
export const RISK_STATUSES = enumValues<RiskStatus>()(['open', 'mitigating', 'accepted', 'closed']);
export type RiskLevel = RiskView['level'];
export const RISK_LEVELS = enumValues<RiskLevel>()(['low', 'medium', 'high']);

/** The editable fields of a register line, every one given (UpdateRiskBody takes any subset). */
export type RiskFields = Required<Schemas['UpdateRiskBody']>;
/** A change to a register line: any subset of its fields. */
export type RiskUpdate = Schemas['UpdateRiskBody'];
/**
 * CreateRiskBody with every field given (the form and the prefill from a warning always fill them
 * all, so the server's defaults never apply): the fields plus the indicator a risk is raised from.
 */
export type CreateRiskInput = Required<Schemas['CreateRiskBody']>;

/**
 * The indicators a risk can be raised from (CreateRiskBody's `sourceIndicator`). The health view
 * names an indicator by a plain string; {@link INDICATOR_CODES} tells which of those the register takes.
 */
export type IndicatorCode = NonNullable<CreateRiskInput['sourceIndicator']>;
export const INDICATOR_CODES = enumValues<IndicatorCode>()([
  'executive_backing.sponsor_named',
  'executive_backing.sponsor_active',
  'executive_backing.approvals_waiting',
  'change_management.resistance',
  'change_management.key_resistors',
  'change_management.stale_assessments',
  'customisation.share',
  'customisation.modules_over',
  'data_quality.scores',
  'data_quality.unprofiled',
  'data_quality.rejects',
  'goals.defined',
  'goals.smart',
  'goals.behind',
  'risk_register.high_open',
  'risk_register.overdue',
]);
