/**
 * Names the web uses for the GoLive HTTP API. Every type is an alias of the generated schema.gen.ts
 * (from the server's OpenAPI document, `npm run gen:api`); the lists are the runtime values of the
 * document's enums, checked by the compiler against them (see {@link enumValues}).
 */
import { enumValues, type QueryOf, type ResponseOf, type Schemas } from './schema';

/** The nine phases of the method, in order. */
export const PHASES = enumValues<Phase>()([
  'goals',
  'team',
  'assessment',
  'blueprint',
  'rollout',
  'training',
  'cutover',
  'operations',
  'risks',
]);
export type Phase = Dashboard['phases'][number]['phase'];
/** Phases whose module is built; the others are shown as "coming soon". */
export const AVAILABLE_PHASES: readonly Phase[] = ['goals', 'team', 'assessment', 'blueprint', 'cutover', 'risks'];

/** Permission matrix resources and actions (src/modules/access/permission-matrix.ts). */
export const RESOURCES = [
  'project',
  'goal',
  'kpi',
  'roi',
  'member',
  'raci',
  'stakeholder',
  'audit',
  'permission',
  'job',
  'upload',
  'reconcile',
  'connection',
  'process',
  'assessment',
  'probe',
  'requirement',
  'blueprint',
  'data_asset',
  'migration',
  'risk',
  'go_live',
] as const;
export const ACTIONS = ['read', 'create', 'update', 'delete', 'export', 'approve'] as const;

export type ErpModule = NonNullable<ProjectInput['modulesInScope']>[number];
export const ERP_MODULES = enumValues<ErpModule>()(['finance', 'purchasing', 'inventory', 'sales', 'production', 'quality', 'hr', 'crm']);

export type ProjectRole = MemberInput['projectRole'];
export const PROJECT_ROLES = enumValues<ProjectRole>()([
  'sponsor',
  'project_manager',
  'consultant',
  'business_expert',
  'it',
  'end_user',
  'viewer',
]);

export type TeamTier = MemberInput['tier'];
export const TEAM_TIERS = enumValues<TeamTier>()(['steering', 'pmo', 'expert', 'consultant_vendor', 'consultant_partner', 'member']);

export type RaciLetter = RaciMatrix['assignments'][number]['letter'];
export const RACI_LETTERS = enumValues<RaciLetter>()(['R', 'A', 'C', 'I']);

export type SmartCriterion = SmartIssue['criterion'];
export const SMART_CRITERIA = enumValues<SmartCriterion>()(['specific', 'measurable', 'achievable', 'relevant', 'timeBound']);

export type RoiItemKind = RoiItem['kind'];
export const ROI_ITEM_KINDS = enumValues<RoiItemKind>()(['one_off_cost', 'recurring_cost', 'benefit']);

export type GoalDirection = Goal['direction'];

/** Support levels of a stakeholder, 1 strongly against … 5 champion. */
export const SUPPORT_LEVELS = [1, 2, 3, 4, 5] as const;

export type ErrorBody = Schemas['Error'];
export type ErrorDetail = ErrorBody['error']['details'][number];

export type User = Schemas['User'];
export type ApiToken = Schemas['ApiToken'];
export type CreatedToken = ResponseOf<'/api/v1/auth/tokens', 'post'>;
export type PermissionMatrix = ResponseOf<'/api/v1/permissions', 'get'>;

export type Project = Schemas['Project'];
export type ProjectInput = Schemas['CreateProjectBody'];
export type ProjectUpdate = Schemas['UpdateProjectBody'];
export type ProjectAccess = Schemas['ProjectAccess'];
export type Dashboard = Schemas['ProjectDashboard'];
export type AuditPage = ResponseOf<'/api/v1/projects/{id}/audit', 'get'>;
export type AuditEntry = AuditPage['items'][number];

export type SmartIssue = Schemas['SmartIssue'];
export type Goal = Schemas['Goal'];
export type GoalInput = Schemas['CreateGoalBody'];
export type GoalUpdate = Schemas['UpdateGoalBody'];
export type Measurement = Schemas['KpiMeasurement'];
export type MeasurementInput = Schemas['KpiMeasurementBody'];

export type Roi = Schemas['Roi'];
export type RoiSettings = Schemas['RoiSettingsBody'];
export type RoiItem = Roi['items'][number];
export type RoiItemInput = Schemas['RoiItemBody'];
export type RoiCashFlow = Roi['result']['cashFlows'][number];

export type Member = Schemas['Member'];
export type MemberInput = Schemas['CreateMemberBody'];
export type MemberUpdate = Schemas['UpdateMemberBody'];
export type RaciMatrix = Schemas['RaciMatrix'];

export type Stakeholder = Schemas['Stakeholder'];
export type StakeholderAssessment = Stakeholder['history'][number];
export type StakeholderInput = Schemas['StakeholderBody'];
export type StakeholderUpdate = Schemas['UpdateStakeholderBody'];
export type AssessmentInput = Schemas['StakeholderAssessmentBody'];

// ---- uploads and jobs ----

export type Upload = Schemas['Upload'];
export type Job = Schemas['Job'];
export type JobStatus = Job['status'];
export const JOB_STATUSES = enumValues<JobStatus>()(['queued', 'running', 'succeeded', 'failed', 'cancelled']);

// ---- cutover: dual-run reconciliation (src/modules/cutover/*.schema.ts) ----

export type DataConnection = Schemas['DataConnection'];
export type ConnectionKind = DataConnection['kind'];
export const CONNECTION_KINDS = enumValues<ConnectionKind>()(['postgres', 'mysql', 'sqlite']);
export type ConnectionInput = Schemas['CreateDataConnectionBody'];
export type ConnectionUpdate = Schemas['UpdateDataConnectionBody'];

export type SourceRef = Schemas['ReconcileSourceRef'];

/**
 * The comparison part of a spec; column names are the left side's. Also the body of a save: the
 * fields with a default (mapColumns, ignore, rules, aggregates, …) may be left out, in the answer too.
 */
export type Comparison = Schemas['ReconcileComparison'];
/** How one column is compared (engine columnRuleSchema). */
export type ColumnRule = NonNullable<Comparison['rules']>[string];
export type AggregateCheck = NonNullable<Comparison['aggregates']>[number];

export type ReconcileSpec = Schemas['ReconcileSpec'];
export type SpecInput = Schemas['CreateReconcileSpecBody'];
export type SpecUpdate = Schemas['UpdateReconcileSpecBody'];
export type WebhookFormat = ReconcileSpec['webhook']['format'];
export const WEBHOOK_FORMATS = enumValues<WebhookFormat>()(['wecom', 'dingtalk', 'feishu', 'json', 'none']);
export type WebhookTest = Schemas['TestWebhookBody'];
export type WebhookResult = Schemas['WebhookResult'];

export type ReconcileRun = Schemas['ReconcileRun'];
export type RunStatus = ReconcileRun['status'];
export const RUN_STATUSES = enumValues<RunStatus>()(['queued', 'running', 'succeeded', 'failed', 'cancelled']);
/** The engine summary of a finished run (snake_case, as the CLI prints it). */
export type ReconcileSummary = Schemas['ReconcileSummary'];

export type ExitCriterion = Schemas['ReconcileExitCriterion'];
export const EXIT_REASON_CODES = enumValues<ExitCriterion['reasonCode']>()(['met', 'no_runs', 'unexplained', 'gap', 'too_few']);
export type ExitCriteriaSummary = ResponseOf<'/api/v1/projects/{id}/reconcile/exit-criteria', 'get'>;

export type MappingSuggestion = Schemas['SuggestMapping'];

export type Difference = Schemas['ReconcileDifference'];
export type DiffStatus = Difference['status'];
export const DIFF_STATUSES = enumValues<DiffStatus>()([
  'changed',
  'only_left',
  'only_right',
  'duplicate_left',
  'duplicate_right',
  'null_key_left',
  'null_key_right',
]);
/** The filters of the differences list (and of its export), without the paging. */
export type DifferenceFilter = Omit<QueryOf<'/api/v1/projects/{id}/reconcile/runs/{runId}/differences', 'get'>, 'limit' | 'offset'>;
export type ExplainInput = Schemas['ExplainDifferencesBody'];
export type ResolvedItem = Schemas['ReconcileResolvedItem'];

export type ReconcileHistory = Schemas['ReconcileHistory'];
export type TrendPoint = ReconcileHistory['trend'][number];
