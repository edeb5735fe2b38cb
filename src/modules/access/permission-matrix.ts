/**
 * The default permission matrix: project role × resource × action. It is data: it is synced into
 * the `role_permission` table at start-up, enforced from there on every route, and shown read-only
 * in the UI. Platform admins are allowed everything and are not listed here.
 */

/** Project roles, in the order the UI lists them. */
export const PROJECT_ROLES = ['sponsor', 'project_manager', 'consultant', 'business_expert', 'it', 'end_user', 'viewer'] as const;
export type ProjectRole = (typeof PROJECT_ROLES)[number];

/** Resources guarded by the matrix. */
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
  'rollout',
  'plan',
] as const;
export type Resource = (typeof RESOURCES)[number];

export const ACTIONS = ['read', 'create', 'update', 'delete', 'export', 'approve'] as const;
export type Action = (typeof ACTIONS)[number];

type Grants = Partial<Record<Resource, readonly Action[]>>;

const READ_ALL_PLANNING: Grants = {
  project: ['read'],
  goal: ['read'],
  kpi: ['read'],
  roi: ['read'],
  member: ['read'],
  raci: ['read'],
  permission: ['read'],
  job: ['read'],
  upload: ['read'],
};

const ALL: readonly Action[] = ['read', 'create', 'update', 'delete', 'export', 'approve'];
const EDIT: readonly Action[] = ['read', 'create', 'update', 'delete', 'export'];

/**
 * Why these grants: the PM runs the project; consultants do most of the method work but do not own
 * the team or delete the project; the sponsor owns goals and ROI and reads the audit trail; business
 * experts record KPI actuals for their area; IT handles files and jobs; end users and viewers read.
 * Stakeholder support levels are sensitive (they name who resists the change), so end users and
 * viewers do not see them.
 *
 * Dual-run reconciliation (`reconcile`: specs, runs, differences, explanations; `connection`: saved
 * database connections, whose passwords the API never returns): the PM owns both; consultants and
 * IT build specs, connections and runs (consultants also export the differences for the business);
 * business experts read the results and `update` them, because marking a difference as explained
 * needs their knowledge of the business — they do not create runs or connections; the sponsor
 * follows the results and the exit criterion read-only; end users and viewers see none of it
 * (differences expose production data of both systems).
 *
 * Assessment and blueprint (`process`: as-is/to-be BPMN maps and bottlenecks; `assessment`: user
 * roles, environment requirement profile and site facts, the current-state report; `probe`: the
 * browser/network probe every member may submit; `requirement`: the fit-gap list, with `approve` =
 * the steering committee's approval of custom development; `blueprint`: permission matrix, SoD rules,
 * blueprint versions, with `approve` = signing a version): consultants and business experts do the
 * analysis; IT owns the environment and the permission matrix; only the sponsor and the PM approve
 * custom development (they sit on the steering committee); a blueprint version is signed by the
 * client (sponsor / PM) and by the implementer (consultant), see the blueprint module.
 *
 * Data assets and migration (`data_asset`: inventory, profiles, quality rules, cleansing;
 * `migration`: plans, objects, batches, rollback): IT and consultants run them; business experts own
 * their data's quality, so they edit rules and cleansing but do not run loads; the sponsor reads.
 *
 * Risks (`risk`: early warnings, health score, the risk register): everyone who runs the project raises
 * risks (create) — business experts and IT see problems first; the PM and consultants maintain the
 * register (update); only the PM deletes a line; the sponsor reads and exports it for the steering
 * committee. End users and viewers see none of it: the change-resistance warning names the
 * stakeholders who resist. The thresholds are a project setting (`project` update: sponsor and PM).
 *
 * Go/no-go (`go_live`: readiness, the go-live checklist, decisions): the team maintains the checklist
 * (consultants and IT add and tick items, business experts tick the ones they own); `approve` = taking
 * the go/no-go decision, which is the steering committee's: sponsor and PM.
 *
 * Rollout (`rollout`: waves, pilot feedback, quality gates, with `approve` = a gate decision or override,
 * the steering committee's: sponsor and PM; `plan`: the project plan, its calendar and baselines): the
 * PM and consultants plan; business experts and IT report progress on the plan (`update`) and pilot
 * feedback (`rollout` create); everyone who works on the project reads the plan.
 */
export const DEFAULT_PERMISSION_MATRIX: Record<ProjectRole, Grants> = {
  sponsor: {
    ...READ_ALL_PLANNING,
    project: ['read', 'update'],
    goal: ['read', 'create', 'update', 'delete'],
    kpi: ['read', 'create', 'update', 'delete'],
    roi: ['read', 'update', 'export'],
    member: ['read', 'export'],
    raci: ['read', 'export'],
    stakeholder: ['read'],
    audit: ['read'],
    reconcile: ['read'],
    connection: ['read'],
    process: ['read', 'export'],
    assessment: ['read', 'export'],
    probe: ['read', 'create'],
    requirement: ['read', 'export', 'approve'],
    blueprint: ['read', 'export', 'approve'],
    data_asset: ['read'],
    migration: ['read'],
    risk: ['read', 'export'],
    go_live: ['read', 'approve'],
    rollout: ['read', 'export', 'approve'],
    plan: ['read', 'export'],
  },
  project_manager: {
    project: ['read', 'update', 'delete'],
    goal: EDIT,
    kpi: EDIT,
    roi: EDIT,
    member: EDIT,
    raci: EDIT,
    stakeholder: EDIT,
    audit: ['read', 'export'],
    permission: ['read'],
    job: EDIT,
    upload: EDIT,
    reconcile: EDIT,
    connection: EDIT,
    process: EDIT,
    assessment: EDIT,
    probe: ['read', 'create', 'delete'],
    requirement: ALL,
    blueprint: ALL,
    data_asset: EDIT,
    migration: EDIT,
    risk: EDIT,
    go_live: ALL,
    rollout: ALL,
    plan: EDIT,
  },
  consultant: {
    ...READ_ALL_PLANNING,
    goal: ['read', 'create', 'update'],
    kpi: ['read', 'create', 'update'],
    roi: ['read', 'update'],
    member: ['read', 'export'],
    raci: ['read', 'update', 'export'],
    stakeholder: ['read', 'create', 'update'],
    job: ['read', 'create', 'update'],
    upload: ['read', 'create'],
    reconcile: ['read', 'create', 'update', 'export'],
    connection: ['read', 'create', 'update'],
    process: EDIT,
    assessment: ['read', 'create', 'update', 'export'],
    probe: ['read', 'create'],
    requirement: EDIT,
    blueprint: ['read', 'create', 'update', 'export', 'approve'],
    data_asset: ['read', 'create', 'update', 'export'],
    migration: ['read', 'create', 'update', 'export'],
    risk: ['read', 'create', 'update', 'export'],
    go_live: ['read', 'create', 'update'],
    rollout: EDIT,
    plan: EDIT,
  },
  business_expert: {
    ...READ_ALL_PLANNING,
    kpi: ['read', 'create'],
    member: ['read', 'export'],
    raci: ['read', 'export'],
    stakeholder: ['read'],
    upload: ['read', 'create'],
    job: ['read', 'create'],
    reconcile: ['read', 'update'],
    connection: ['read'],
    process: ['read', 'create', 'update', 'export'],
    assessment: ['read', 'create', 'update'],
    probe: ['create'],
    requirement: ['read', 'create', 'update', 'export'],
    blueprint: ['read', 'export'],
    data_asset: ['read', 'create', 'update', 'export'],
    migration: ['read'],
    risk: ['read', 'create'],
    go_live: ['read', 'update'],
    rollout: ['read', 'create', 'update', 'export'],
    plan: ['read', 'update', 'export'],
  },
  it: {
    ...READ_ALL_PLANNING,
    audit: ['read'],
    job: ['read', 'create', 'update'],
    upload: ['read', 'create', 'delete'],
    reconcile: ['read', 'create', 'update'],
    connection: ['read', 'create', 'update'],
    process: ['read'],
    assessment: ['read', 'create', 'update', 'export'],
    probe: ['read', 'create'],
    requirement: ['read'],
    blueprint: ['read', 'create', 'update', 'export'],
    data_asset: ['read', 'create', 'update', 'delete', 'export'],
    migration: ['read', 'create', 'update', 'export'],
    risk: ['read', 'create'],
    go_live: ['read', 'create', 'update'],
    rollout: ['read', 'create', 'update'],
    plan: ['read', 'update', 'export'],
  },
  end_user: {
    project: ['read'],
    goal: ['read'],
    kpi: ['read'],
    member: ['read'],
    raci: ['read'],
    permission: ['read'],
    process: ['read'],
    probe: ['create'],
    plan: ['read'],
  },
  viewer: {
    project: ['read'],
    goal: ['read'],
    kpi: ['read'],
    roi: ['read'],
    member: ['read'],
    raci: ['read'],
    permission: ['read'],
    process: ['read'],
    probe: ['create'],
    requirement: ['read'],
    blueprint: ['read'],
    rollout: ['read'],
    plan: ['read'],
  },
};

/** The matrix as rows, the shape stored in `role_permission`. */
export function listDefaultPermissions(): { role: ProjectRole; resource: Resource; action: Action }[] {
  const rows: { role: ProjectRole; resource: Resource; action: Action }[] = [];
  for (const role of PROJECT_ROLES) {
    const grants = DEFAULT_PERMISSION_MATRIX[role];
    for (const resource of RESOURCES) {
      for (const action of grants[resource] ?? []) rows.push({ role, resource, action });
    }
  }
  return rows;
}
