import type { AssessmentTables } from './schema-assessment';
import type { BlueprintTables } from './schema-blueprint';
import type { DataAssetTables } from './schema-data-assets';
import type { GoLiveTables } from './schema-go-live';
import type { MigrationTables } from './schema-migration';
import type { ErpPermissionTables } from './schema-erp-permissions';
import type { RiskTables } from './schema-risks';
import type { RolloutTables } from './schema-rollout';

/**
 * Table types for Kysely. Portable storage conventions, identical on both dialects:
 * ids are text UUIDs, timestamps are ISO-8601 UTC text, calendar dates are `YYYY-MM-DD` text,
 * flags are integers 0/1, structured values are JSON text, amounts are double precision.
 */

export interface AppUserTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  is_admin: number;
  locale: string;
  created_at: string;
}

export interface SessionTable {
  id: string; // sha256 of the cookie token: a stolen table does not yield live cookies
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
}

export interface LoginAttemptTable {
  id: string;
  email: string;
  ip: string;
  at: string;
  success: number;
}

export interface RolePermissionTable {
  role: string;
  resource: string;
  action: string;
}

export interface ProjectTable {
  id: string;
  name: string;
  client_name: string;
  erp_product: string;
  erp_version: string;
  modules_in_scope: string; // JSON array of module codes
  start_date: string | null;
  planned_go_live: string | null;
  description: string;
  is_demo: number;
  /** IANA zone name; business dates and displayed times follow it. */
  time_zone: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProjectMemberTable {
  id: string;
  project_id: string;
  user_id: string | null;
  name: string;
  department: string;
  title: string;
  phone: string;
  email: string;
  project_role: string;
  tier: string;
  organization: string;
  allocation_pct: number;
  created_at: string;
  updated_at: string;
}

export interface GoalTable {
  id: string;
  project_id: string;
  statement: string;
  kpi_name: string | null;
  kpi_unit: string | null;
  baseline: number | null;
  target: number | null;
  direction: string; // 'increase' | 'decrease'
  deadline: string | null;
  owner_member_id: string | null;
  module: string | null;
  created_at: string;
  updated_at: string;
}

export interface KpiMeasurementTable {
  id: string;
  project_id: string;
  goal_id: string;
  measured_on: string;
  value: number;
  note: string;
  created_at: string;
}

export interface RoiSettingsTable {
  project_id: string;
  horizon_years: number;
  discount_rate: number;
  currency: string;
  updated_at: string;
}

export interface RoiItemTable {
  id: string;
  project_id: string;
  kind: string; // 'one_off_cost' | 'recurring_cost' | 'benefit'
  label: string;
  amount: number;
  created_at: string;
}

export interface DeliverableTable {
  id: string;
  project_id: string;
  phase: string;
  name: string;
  sort: number;
}

export interface RaciAssignmentTable {
  project_id: string;
  deliverable_id: string;
  member_id: string;
  letter: string; // 'R' | 'A' | 'C' | 'I'
}

export interface StakeholderTable {
  id: string;
  project_id: string;
  member_id: string | null;
  name: string;
  organization: string;
  influence: number; // 1..5
  note: string;
  created_at: string;
}

export interface StakeholderAssessmentTable {
  id: string;
  project_id: string;
  stakeholder_id: string;
  assessed_on: string;
  support: number; // 1 strongly against .. 5 champion
  note: string;
  created_at: string;
}

export interface AuditLogTable {
  id: string;
  project_id: string | null;
  actor_id: string | null;
  actor_name: string;
  at: string;
  entity: string;
  entity_id: string;
  action: string;
  before_json: string | null;
  after_json: string | null;
}

export interface JobTable {
  id: string;
  project_id: string | null;
  type: string;
  payload: string;
  status: string; // queued | running | succeeded | failed | cancelled
  progress: number;
  message: string;
  attempts: number;
  max_attempts: number;
  result: string | null;
  error: string | null;
  cancel_requested: number;
  run_after: string;
  locked_by: string | null;
  heartbeat_at: string | null;
  created_by: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export interface UploadTable {
  id: string;
  project_id: string;
  original_name: string;
  stored_path: string;
  size: number;
  sha256: string;
  content_type: string;
  created_by: string | null;
  created_at: string;
}

/** Every table golive owns. */
/** Tables of a module live in the module's schema file (src/db/schema-<module>.ts) and join here. */
export interface Database
  extends AssessmentTables, BlueprintTables, ErpPermissionTables, DataAssetTables, MigrationTables, RiskTables, GoLiveTables, RolloutTables {
  app_user: AppUserTable;
  session: SessionTable;
  api_token: ApiTokenTable;
  login_attempt: LoginAttemptTable;
  role_permission: RolePermissionTable;
  project: ProjectTable;
  project_member: ProjectMemberTable;
  goal: GoalTable;
  kpi_measurement: KpiMeasurementTable;
  roi_settings: RoiSettingsTable;
  roi_item: RoiItemTable;
  deliverable: DeliverableTable;
  raci_assignment: RaciAssignmentTable;
  stakeholder: StakeholderTable;
  stakeholder_assessment: StakeholderAssessmentTable;
  audit_log: AuditLogTable;
  job: JobTable;
  upload: UploadTable;
  data_connection: DataConnectionTable;
  reconcile_spec: ReconcileSpecTable;
  reconcile_run: ReconcileRunTable;
  reconcile_difference: ReconcileDifferenceTable;
  reconcile_item: ReconcileItemTable;
}

/** A saved database connection of a project; the URL (with its password) is encrypted at rest. */
export interface DataConnectionTable {
  id: string;
  project_id: string;
  name: string;
  kind: string; // 'postgres' | 'mysql' | 'sqlite'
  masked_url: string;
  url_encrypted: string; // AES-256-GCM, see src/modules/cutover/secret-box.ts
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A dual-run reconciliation spec: two sources, the comparison, schedule, exit criterion, webhook. */
export interface ReconcileSpecTable {
  id: string;
  project_id: string;
  name: string;
  left_source: string; // JSON source reference
  right_source: string; // JSON source reference
  comparison: string; // JSON: the engine spec without left/right
  schedule_cron: string;
  schedule_enabled: number;
  time_zone: string;
  schedule_anchor: string; // ISO instant: scheduled slots at or before it are never run
  exit_days: number;
  webhook_format: string; // 'wecom' | 'dingtalk' | 'feishu' | 'json' | 'none'
  webhook_url_encrypted: string | null;
  webhook_url_masked: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** One run of a spec. */
export interface ReconcileRunTable {
  id: string;
  project_id: string;
  spec_id: string;
  job_id: string | null;
  trigger: string; // 'manual' | 'schedule'
  business_date: string;
  scheduled_for: string | null;
  status: string; // queued | running | succeeded | failed | cancelled
  summary: string | null; // JSON ReconcileSummary
  differences_total: number;
  status_counts: string | null; // JSON { status: count }
  new_count: number;
  open_count: number;
  resolved_count: number;
  error: string | null;
  webhook_status: string | null; // null (not sent) | 'sent' | 'failed'
  webhook_error: string | null;
  created_by: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

/** One differing row (or column of a row) of a run. */
export interface ReconcileDifferenceTable {
  id: string;
  project_id: string;
  spec_id: string;
  run_id: string;
  seq: number;
  item_key: string;
  item_id: string | null;
  track: string; // 'new' | 'open'
  status: string;
  column_name: string | null;
  key_text: string;
  key_json: string;
  left_value: string | null;
  right_value: string | null;
  delta: string | null;
  row_count: number | null;
  row_number: number | null;
}

/** The lifecycle of one difference across runs, with its explanation. */
export interface ReconcileItemTable {
  id: string;
  project_id: string;
  spec_id: string;
  item_key: string;
  status: string;
  column_name: string | null;
  key_text: string;
  state: string; // 'open' | 'resolved'
  first_run_id: string;
  first_business_date: string;
  resolved_run_id: string | null;
  explained: number;
  explanation: string | null;
  explained_by: string | null;
  explained_by_name: string | null;
  explained_at: string | null;
}
