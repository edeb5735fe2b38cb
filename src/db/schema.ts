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
export interface Database {
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
}
