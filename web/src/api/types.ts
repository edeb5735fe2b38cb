/**
 * Names the web uses for the GoLive HTTP API. Every type is an alias of the generated schema.gen.ts
 * (from the server's OpenAPI document, `npm run gen:api`); the lists are the runtime values of the
 * document's enums, checked by the compiler against them (see {@link enumValues}).
 */
import { enumValues, type ResponseOf, type Schemas } from './schema';

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

// ---- cutover: dual-run reconciliation (cutover/cutover.schema.ts) ----
// Still hand-written: the OpenAPI document types the run summary and the spec's comparison as
// unknown and marks named schemas used with .nullable() as nullable everywhere; see the report.

export const CONNECTION_KINDS = ['postgres', 'mysql', 'sqlite'] as const;
export type ConnectionKind = (typeof CONNECTION_KINDS)[number];

export interface DataConnection {
  id: string;
  projectId: string;
  name: string;
  kind: ConnectionKind;
  /** The URL with its password replaced by ***; the password is never returned. */
  maskedUrl: string;
  usedBy: { id: string; name: string }[];
  createdAt: string;
  updatedAt: string;
}
export interface ConnectionInput {
  name: string;
  kind: ConnectionKind;
  url: string;
  password?: string;
}
export interface ConnectionUpdate {
  name?: string;
  url?: string;
  password?: string;
}

export type SourceRef =
  | { type: 'upload'; uploadId: string; sheet?: string; encoding?: string }
  | { type: 'connection'; connectionId: string; table?: string; query?: string };

/** How one column is compared (engine columnRuleSchema). */
export interface ColumnRule {
  numeric?: boolean;
  tolerance?: number;
  relativeTolerance?: number;
  round?: number;
  trim?: boolean;
  caseInsensitive?: boolean;
  nullEqualsEmpty?: boolean;
  timestamp?: unknown;
}
export interface AggregateCheck {
  name?: string;
  groupBy: string[];
  sum: string[];
  count?: boolean;
  tolerance: number;
}
/** The comparison part of a spec; column names are the left side's. Unknown fields are kept as they are. */
export interface Comparison {
  key: string | string[];
  mapColumns?: Record<string, string>;
  ignore?: string[];
  rules?: Record<string, ColumnRule>;
  aggregates?: AggregateCheck[];
  [other: string]: unknown;
}

export const WEBHOOK_FORMATS = ['wecom', 'dingtalk', 'feishu', 'json', 'none'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

export const RUN_STATUSES = JOB_STATUSES;
export type RunStatus = JobStatus;

export const DIFF_STATUSES = [
  'changed',
  'only_left',
  'only_right',
  'duplicate_left',
  'duplicate_right',
  'null_key_left',
  'null_key_right',
] as const;
export type DiffStatus = (typeof DIFF_STATUSES)[number];

export const EXIT_REASON_CODES = ['met', 'no_runs', 'unexplained', 'gap', 'too_few'] as const;

export interface ExitCriterion {
  met: boolean;
  required: number;
  /** Consecutive business days, newest first, without unexplained differences. */
  streak: number;
  streakDates: string[];
  reasonCode: (typeof EXIT_REASON_CODES)[number];
  /** Localized by the server. */
  reason: string;
  lastBusinessDate: string | null;
}

/** The engine summary of a finished run (snake_case, as the CLI prints it). */
export interface ReconcileSummary {
  left_rows: number;
  right_rows: number;
  matched: number;
  changed: number;
  only_left: number;
  only_right: number;
  duplicate_keys_left: number;
  duplicate_keys_right: number;
  null_keys_left: number;
  null_keys_right: number;
  columns: Record<string, number>;
  skipped_columns: string[];
  aggregates?: {
    name: string;
    group_by: string[];
    sum: string[];
    groups: number;
    mismatched_groups: number;
    mismatches: {
      group: Record<string, string | null>;
      left_count: number;
      right_count: number;
      sums: Record<string, { left: string | null; right: string | null; delta: string | null }>;
    }[];
  }[];
}

export interface ReconcileRun {
  id: string;
  specId: string;
  jobId: string | null;
  trigger: 'manual' | 'schedule';
  businessDate: string;
  scheduledFor: string | null;
  status: RunStatus;
  summary: ReconcileSummary | null;
  differencesTotal: number;
  statusCounts: Record<string, number>;
  newCount: number;
  openCount: number;
  resolvedCount: number;
  unexplained: number;
  error: string | null;
  webhookStatus: string | null;
  webhookError: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface ReconcileSpec {
  id: string;
  projectId: string;
  name: string;
  left: SourceRef;
  right: SourceRef;
  leftLabel: string;
  rightLabel: string;
  comparison: Comparison;
  schedule: { cron: string; enabled: boolean; timeZone: string; nextRunAt: string | null };
  exitCriterionDays: number;
  /** The URL is masked as the API shows it; sending it back unchanged keeps the stored one. */
  webhook: { format: WebhookFormat; url: string | null };
  lastRun: ReconcileRun | null;
  exitCriterion: ExitCriterion;
  createdAt: string;
  updatedAt: string;
}

export interface SpecInput {
  name: string;
  left: SourceRef;
  right: SourceRef;
  comparison: Comparison;
  schedule: { cron: string; enabled: boolean; timeZone: string };
  exitCriterionDays: number;
  webhook: { format: WebhookFormat; url: string | null };
}

export interface MappingSuggestion {
  leftColumns: string[];
  rightColumns: string[];
  suggestions: { left: string; right: string; match: 'exact' | 'normalized' | 'synonym' }[];
  suggestedKey: string[];
  mapColumns: Record<string, string>;
  unmatchedLeft: string[];
  unmatchedRight: string[];
}

export interface ExitCriteriaSummary {
  allMet: boolean;
  items: { specId: string; specName: string; exitCriterion: ExitCriterion; lastRun: ReconcileRun | null }[];
}

export interface DifferenceFilter {
  status?: DiffStatus;
  column?: string;
  key?: string;
  explained?: 'yes' | 'no';
  track?: 'new' | 'open';
}

export interface Difference {
  id: string;
  itemId: string | null;
  key: (string | null)[];
  keyText: string;
  status: DiffStatus;
  statusLabel: string;
  column: string | null;
  left: string | null;
  right: string | null;
  delta: string | null;
  count: number | null;
  row: number | null;
  track: 'new' | 'open';
  firstSeenDate: string | null;
  explained: boolean;
  explanation: string | null;
  explainedBy: string | null;
  explainedAt: string | null;
}

export interface ResolvedItem {
  itemId: string;
  keyText: string;
  status: DiffStatus;
  column: string | null;
  firstSeenDate: string;
  explained: boolean;
  explanation: string | null;
}

export interface TrendPoint {
  businessDate: string;
  runId: string;
  differencesTotal: number;
  unexplained: number;
  statusCounts: Record<string, number>;
  newCount: number;
  openCount: number;
  resolvedCount: number;
}
export interface ReconcileHistory {
  trend: TrendPoint[];
  exitCriterion: ExitCriterion;
}

export interface WebhookResult {
  ok: boolean;
  status: 'sent' | 'failed' | 'skipped';
  error: string | null;
}
