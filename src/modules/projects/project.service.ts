import type { Db, DbExecutor } from '../../db/connection';
import type { ProjectTable } from '../../db/schema';
import { AppError } from '../../shared/app-error';
import { newId, nowIso, todayDate } from '../../shared/ids';
import { getProjectRole, isAllowed, type Actor } from '../access/access.service';
import { ACTIONS, PROJECT_ROLES, RESOURCES } from '../access/permission-matrix';
import { recordAudit } from '../audit/audit.service';
import { getRaciCoverage, listStakeholderSupport } from '../team/team-contract';
import { DEFAULT_DELIVERABLES } from './default-deliverables';
import {
  deleteProjectRow,
  findProject,
  insertProjectWithFoundation,
  listMemberAllocations,
  listProjectsForUser,
  updateProjectRow,
} from './project.repository';
import {
  AVAILABLE_PHASES,
  ERP_MODULES,
  PHASES,
  type ErpModule,
  type CreateProjectInput,
  type Dashboard,
  type ProjectView,
  type UpdateProjectInput,
} from './project.schema';

/**
 * The ERP modules in scope stored on a project row, in the fixed module order (unknown codes and
 * repeats dropped), so documents list business areas the same way whatever order they were picked in.
 */
export function parseModulesInScope(stored: string): ErpModule[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    return [];
  }
  const picked = new Set(Array.isArray(parsed) ? parsed : []);
  return ERP_MODULES.filter((m) => picked.has(m));
}

/** Presents a project row. */
export function presentProject(row: ProjectTable, myRole: string | null): ProjectView {
  return {
    id: row.id,
    name: row.name,
    clientName: row.client_name,
    erpProduct: row.erp_product,
    erpVersion: row.erp_version,
    modulesInScope: JSON.parse(row.modules_in_scope) as string[],
    startDate: row.start_date,
    plannedGoLive: row.planned_go_live,
    description: row.description,
    timeZone: row.time_zone,
    isDemo: row.is_demo === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    myRole,
  };
}

/** The project or NOT_FOUND. */
export async function getProjectRow(db: DbExecutor, projectId: string): Promise<ProjectTable> {
  const row = await findProject(db, projectId);
  if (!row) throw new AppError('NOT_FOUND', { entity: 'project', id: projectId });
  return row;
}

/** Projects visible to the actor. */
export async function listProjects(db: Db, actor: Actor): Promise<ProjectView[]> {
  const rows = await listProjectsForUser(db.kysely, actor.userId, actor.isAdmin);
  return rows.map((r) => presentProject(r, r.my_role ?? (actor.isAdmin ? 'project_manager' : null)));
}

/**
 * Creates a project, makes the creator its project manager (linked to their account) and seeds
 * the method's deliverables into the RACI matrix.
 */
export async function createProject(
  db: Db,
  actor: Actor,
  input: CreateProjectInput,
  options: { isDemo?: boolean; executor?: DbExecutor } = {},
): Promise<ProjectView> {
  const run = async (tx: DbExecutor): Promise<ProjectView> => {
    const now = nowIso();
    const row: ProjectTable = {
      id: newId(),
      name: input.name,
      client_name: input.clientName,
      erp_product: input.erpProduct,
      erp_version: input.erpVersion,
      modules_in_scope: JSON.stringify(input.modulesInScope),
      start_date: input.startDate,
      planned_go_live: input.plannedGoLive,
      description: input.description,
      time_zone: input.timeZone,
      is_demo: options.isDemo ? 1 : 0,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    };
    await insertProjectWithFoundation(tx, row, {
      founder: {
        id: newId(),
        project_id: row.id,
        user_id: actor.userId,
        name: actor.name,
        department: '',
        title: '',
        phone: '',
        email: actor.email,
        project_role: 'project_manager',
        tier: 'pmo',
        organization: input.clientName,
        allocation_pct: 100,
        created_at: now,
        updated_at: now,
      },
      deliverables: DEFAULT_DELIVERABLES.map((d, i) => ({ id: newId(), project_id: row.id, phase: d.phase, name: d.name, sort: i })),
      roiSettings: { project_id: row.id, horizon_years: 5, discount_rate: 0.08, currency: 'CNY', updated_at: now },
    });
    const view = presentProject(row, 'project_manager');
    await recordAudit(tx, actor, { projectId: row.id, entity: 'project', entityId: row.id, action: 'create', after: view });
    return view;
  };
  return options.executor ? run(options.executor) : db.kysely.transaction().execute(run);
}

/** Updates project fields; writes before/after to the audit trail. */
export async function updateProject(db: Db, actor: Actor, projectId: string, input: UpdateProjectInput): Promise<ProjectView> {
  return db.kysely.transaction().execute(async (tx) => {
    const before = await getProjectRow(tx, projectId);
    const next = {
      name: input.name ?? before.name,
      client_name: input.clientName ?? before.client_name,
      erp_product: input.erpProduct ?? before.erp_product,
      erp_version: input.erpVersion ?? before.erp_version,
      modules_in_scope: input.modulesInScope ? JSON.stringify(input.modulesInScope) : before.modules_in_scope,
      start_date: input.startDate === undefined ? before.start_date : input.startDate,
      planned_go_live: input.plannedGoLive === undefined ? before.planned_go_live : input.plannedGoLive,
      description: input.description ?? before.description,
      time_zone: input.timeZone ?? before.time_zone,
      updated_at: nowIso(),
    };
    if (next.start_date && next.planned_go_live && next.planned_go_live < next.start_date) {
      throw new AppError('VALIDATION_FAILED', { summary: 'plannedGoLive: must not be before the start date' }, [
        { field: 'plannedGoLive', reason: 'must not be before the start date' },
      ]);
    }
    await updateProjectRow(tx, projectId, next);
    const role = await getProjectRole(tx, projectId, actor);
    const view = presentProject({ ...before, ...next }, role ?? null);
    await recordAudit(tx, actor, {
      projectId,
      entity: 'project',
      entityId: projectId,
      action: 'update',
      before: presentProject(before, role ?? null),
      after: view,
    });
    return view;
  });
}

/** Deletes a project and everything in it (the audit trail stays). */
export async function deleteProject(db: Db, actor: Actor, projectId: string): Promise<void> {
  await db.kysely.transaction().execute(async (tx) => {
    const before = await getProjectRow(tx, projectId);
    await deleteProjectRow(tx, projectId);
    await recordAudit(tx, actor, {
      projectId,
      entity: 'project',
      entityId: projectId,
      action: 'delete',
      before: presentProject(before, null),
    });
  });
}

/** The project with the caller's role. */
export async function getProject(db: Db, actor: Actor, projectId: string): Promise<ProjectView> {
  const row = await getProjectRow(db.kysely, projectId);
  return presentProject(row, (await getProjectRole(db.kysely, projectId, actor)) ?? null);
}

/** The caller's role and every `resource:action` it allows, for the UI (admins: every pair the matrix defines). */
export async function getProjectAccess(db: Db, actor: Actor, projectId: string): Promise<{ role: string; allowed: string[] }> {
  const role = (await getProjectRole(db.kysely, projectId, actor)) ?? 'none';
  const allowed: string[] = [];
  for (const resource of RESOURCES) {
    for (const action of ACTIONS) {
      const granted = actor.isAdmin ? await isDefinedAction(db, resource, action) : await isAllowed(db, role, resource, action);
      if (granted) allowed.push(`${resource}:${action}`);
    }
  }
  return { role, allowed };
}

async function isDefinedAction(db: Db, resource: (typeof RESOURCES)[number], action: (typeof ACTIONS)[number]): Promise<boolean> {
  for (const role of PROJECT_ROLES) if (await isAllowed(db, role, resource, action)) return true;
  return false;
}

/** Dashboard figures for the project overview. One project read, then every figure in parallel. */
export async function getProjectDashboard(
  db: Db,
  projectId: string,
  myRole: string | null,
  goalSummary: (
    db: Db,
    projectId: string,
    project: ProjectTable,
  ) => Promise<{ total: number; smart: number; averageProgress: number | null }>,
): Promise<Dashboard> {
  const row = await getProjectRow(db.kysely, projectId);
  const project = presentProject(row, myRole);
  const k = db.kysely;
  const [members, raci, stakeholders, goals] = await Promise.all([
    listMemberAllocations(k, projectId),
    getRaciCoverage(k, projectId),
    listStakeholderSupport(k, projectId),
    goalSummary(db, projectId, row),
  ]);
  // A stakeholder's current support is their latest assessment; one never assessed is not resisting.
  const currentSupport = stakeholders.flatMap((s) => s.assessments.slice(-1).map((a) => a.support));
  const byTier: Record<string, number> = {};
  for (const m of members) byTier[m.tier] = (byTier[m.tier] ?? 0) + 1;
  const daysToGoLive = project.plannedGoLive
    ? Math.round((Date.parse(`${project.plannedGoLive}T00:00:00Z`) - Date.parse(`${todayDate()}T00:00:00Z`)) / 86_400_000)
    : null;
  return {
    project,
    daysToGoLive,
    goals,
    team: {
      members: members.length,
      fteTotal: Math.round(members.reduce((sum, m) => sum + m.allocation_pct, 0)) / 100,
      byTier,
    },
    raci,
    stakeholders: {
      total: stakeholders.length,
      resisting: currentSupport.filter((s) => s <= 2).length,
    },
    phases: PHASES.map((phase) => ({ phase, available: AVAILABLE_PHASES.includes(phase) })),
  };
}
