/**
 * Types of the GoLive HTTP API, mirrored from the server's zod schemas in
 * src/modules/*\/*.schema.ts (the source of truth). They are duplicated rather than imported so the
 * web build does not depend on the server's runtime packages.
 */

/** The nine phases of the method, in order (project.schema.ts PHASES). */
export const PHASES = ['goals', 'team', 'assessment', 'blueprint', 'rollout', 'training', 'cutover', 'operations', 'risks'] as const;
export type Phase = (typeof PHASES)[number];
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

export const ERP_MODULES = ['finance', 'purchasing', 'inventory', 'sales', 'production', 'quality', 'hr', 'crm'] as const;
export type ErpModule = (typeof ERP_MODULES)[number];

export const PROJECT_ROLES = ['sponsor', 'project_manager', 'consultant', 'business_expert', 'it', 'end_user', 'viewer'] as const;
export type ProjectRole = (typeof PROJECT_ROLES)[number];

export const TEAM_TIERS = ['steering', 'pmo', 'expert', 'consultant_vendor', 'consultant_partner', 'member'] as const;
export type TeamTier = (typeof TEAM_TIERS)[number];

export const RACI_LETTERS = ['R', 'A', 'C', 'I'] as const;
export type RaciLetter = (typeof RACI_LETTERS)[number];

export const SMART_CRITERIA = ['specific', 'measurable', 'achievable', 'relevant', 'timeBound'] as const;
export type SmartCriterion = (typeof SMART_CRITERIA)[number];

export const ROI_ITEM_KINDS = ['one_off_cost', 'recurring_cost', 'benefit'] as const;
export type RoiItemKind = (typeof ROI_ITEM_KINDS)[number];

export const GOAL_DIRECTIONS = ['increase', 'decrease'] as const;
export type GoalDirection = (typeof GOAL_DIRECTIONS)[number];

/** Support levels of a stakeholder, 1 strongly against … 5 champion. */
export const SUPPORT_LEVELS = [1, 2, 3, 4, 5] as const;

export interface ErrorDetail {
  field: string;
  reason: string;
}
export interface ErrorBody {
  error: { code: string; message: string; details: ErrorDetail[] };
}

export interface User {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  locale: string;
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
}
export interface CreatedToken {
  token: string;
  item: ApiToken;
}

export interface PermissionMatrix {
  roles: string[];
  resources: string[];
  actions: string[];
  grants: { role: string; resource: string; action: string }[];
}

export interface Project {
  id: string;
  name: string;
  clientName: string;
  erpProduct: string;
  erpVersion: string;
  modulesInScope: string[];
  startDate: string | null;
  plannedGoLive: string | null;
  description: string;
  /** IANA zone; every time is shown in it. */
  timeZone: string;
  isDemo: boolean;
  createdAt: string;
  updatedAt: string;
  myRole: string | null;
}
export interface ProjectInput {
  name: string;
  clientName: string;
  erpProduct: string;
  erpVersion: string;
  modulesInScope: ErpModule[];
  startDate: string | null;
  plannedGoLive: string | null;
  description: string;
  timeZone: string;
}

export interface ProjectAccess {
  role: string;
  allowed: string[];
}

export interface Dashboard {
  project: Project;
  daysToGoLive: number | null;
  goals: { total: number; smart: number; averageProgress: number | null };
  team: { members: number; fteTotal: number; byTier: Record<string, number> };
  raci: { deliverables: number; withoutAccountable: number };
  stakeholders: { total: number; resisting: number };
  phases: { phase: Phase; available: boolean }[];
}

export interface AuditEntry {
  id: string;
  at: string;
  actorName: string | null;
  entity: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
}
export interface AuditPage {
  total: number;
  items: AuditEntry[];
}

export interface SmartIssue {
  criterion: SmartCriterion;
  code: string;
  message: string;
}
export interface Goal {
  id: string;
  projectId: string;
  statement: string;
  kpiName: string | null;
  kpiUnit: string | null;
  baseline: number | null;
  target: number | null;
  direction: GoalDirection;
  deadline: string | null;
  ownerMemberId: string | null;
  ownerName: string | null;
  module: string | null;
  latestValue: number | null;
  latestMeasuredOn: string | null;
  progress: number | null;
  smart: { ok: boolean; issues: SmartIssue[] };
  createdAt: string;
  updatedAt: string;
}
export interface GoalInput {
  statement: string;
  kpiName: string | null;
  kpiUnit: string | null;
  baseline: number | null;
  target: number | null;
  direction: GoalDirection;
  deadline: string | null;
  ownerMemberId: string | null;
  module: ErpModule | null;
}

export interface Measurement {
  id: string;
  goalId: string;
  measuredOn: string;
  value: number;
  note: string;
}
export interface MeasurementInput {
  measuredOn: string;
  value: number;
  note: string;
}

export interface RoiSettings {
  horizonYears: number;
  /** Fraction: 0.08 = 8 %. */
  discountRate: number;
  currency: string;
}
export interface RoiItem {
  id: string;
  kind: RoiItemKind;
  label: string;
  amount: number;
}
export interface RoiCashFlow {
  year: number;
  cashFlow: number;
  discounted: number;
  cumulative: number;
}
export interface Roi {
  settings: RoiSettings;
  items: RoiItem[];
  result: {
    oneOffCost: number;
    recurringCostPerYear: number;
    benefitPerYear: number;
    netBenefitPerYear: number;
    cashFlows: RoiCashFlow[];
    totalCost: number;
    totalBenefit: number;
    roiPercent: number | null;
    npv: number;
    paybackYears: number | null;
    paybackWithinHorizon: boolean;
  };
}

export interface Member {
  id: string;
  name: string;
  department: string;
  title: string;
  phone: string;
  email: string;
  projectRole: string;
  tier: string;
  organization: string;
  allocationPct: number;
  accountEmail: string | null;
}
export interface MemberInput {
  name: string;
  department: string;
  title: string;
  phone: string;
  email: string;
  projectRole: ProjectRole;
  tier: TeamTier;
  organization: string;
  allocationPct: number;
  accountEmail: string | null;
}

export interface RaciMatrix {
  deliverables: { id: string; phase: string; name: string; sort: number }[];
  members: { id: string; name: string; tier: string; department: string }[];
  assignments: { deliverableId: string; memberId: string; letter: RaciLetter }[];
  issues: { deliverableId: string; code: 'no_accountable' | 'no_responsible'; message: string }[];
}

export interface StakeholderAssessment {
  id: string;
  assessedOn: string;
  support: number;
  note: string;
}
export interface Stakeholder {
  id: string;
  name: string;
  organization: string;
  memberId: string | null;
  influence: number;
  note: string;
  support: number | null;
  history: StakeholderAssessment[];
}
export interface StakeholderInput {
  name: string;
  organization: string;
  memberId: string | null;
  influence: number;
  note: string;
  support: number;
  assessedOn?: string;
}
export interface StakeholderUpdate {
  name?: string;
  organization?: string;
  influence?: number;
  note?: string;
}
export interface AssessmentInput {
  assessedOn: string;
  support: number;
  note: string;
}

// ---- uploads and jobs (uploads/upload.routes.ts, jobs/job.routes.ts) ----

export interface Upload {
  id: string;
  originalName: string;
  size: number;
  sha256: string;
  contentType: string;
  createdAt: string;
}

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export interface Job {
  id: string;
  projectId: string | null;
  type: string;
  status: JobStatus;
  /** 0..1 */
  progress: number;
  message: string;
  attempts: number;
  maxAttempts: number;
  result: unknown;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

// ---- cutover: dual-run reconciliation (cutover/cutover.schema.ts) ----

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
