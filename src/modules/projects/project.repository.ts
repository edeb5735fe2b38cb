import type { DbExecutor } from '../../db/connection';
import type { DeliverableTable, ProjectMemberTable, ProjectTable, RoiSettingsTable } from '../../db/schema';

/** One project row. */
export function findProject(db: DbExecutor, projectId: string): Promise<ProjectTable | undefined> {
  return db.selectFrom('project').selectAll().where('id', '=', projectId).executeTakeFirst();
}

/** Projects the user is a member of, with their role; every project for admins. */
export async function listProjectsForUser(
  db: DbExecutor,
  userId: string,
  isAdmin: boolean,
): Promise<(ProjectTable & { my_role: string | null })[]> {
  const base = db
    .selectFrom('project')
    .leftJoin('project_member', (join) =>
      join.onRef('project_member.project_id', '=', 'project.id').on('project_member.user_id', '=', userId),
    )
    .selectAll('project')
    .select('project_member.project_role as my_role')
    .orderBy('project.created_at', 'desc');
  return isAdmin ? base.execute() : base.where('project_member.user_id', '=', userId).execute();
}

/** What a new project starts with besides its row (see the justified exceptions of module-boundaries.test.ts). */
export interface ProjectFoundation {
  founder: ProjectMemberTable;
  deliverables: DeliverableTable[];
  roiSettings: RoiSettingsTable;
}

/**
 * Inserts a project with its founding member, default deliverables and ROI settings, in the
 * caller's transaction: a project never exists without them.
 */
export async function insertProjectWithFoundation(db: DbExecutor, project: ProjectTable, foundation: ProjectFoundation): Promise<void> {
  await db.insertInto('project').values(project).execute();
  await db.insertInto('project_member').values(foundation.founder).execute();
  if (foundation.deliverables.length > 0) await db.insertInto('deliverable').values(foundation.deliverables).execute();
  await db.insertInto('roi_settings').values(foundation.roiSettings).execute();
}

/** Applies changes to a project row. */
export async function updateProjectRow(db: DbExecutor, projectId: string, changes: Partial<ProjectTable>): Promise<void> {
  await db.updateTable('project').set(changes).where('id', '=', projectId).execute();
}

/** Deletes a project row (the database cascades to everything in it). */
export async function deleteProjectRow(db: DbExecutor, projectId: string): Promise<void> {
  await db.deleteFrom('project').where('id', '=', projectId).execute();
}

/** The tier and allocation of every member of the project, for the dashboard's team figures. */
export async function listMemberAllocations(db: DbExecutor, projectId: string): Promise<{ tier: string; allocation_pct: number }[]> {
  return db.selectFrom('project_member').select(['tier', 'allocation_pct']).where('project_id', '=', projectId).execute();
}

/** A project's name, or undefined when it does not exist. */
export async function findProjectName(db: DbExecutor, projectId: string): Promise<string | undefined> {
  const row = await db.selectFrom('project').select('name').where('id', '=', projectId).executeTakeFirst();
  return row?.name;
}

/** The ids of every project, oldest first. */
export async function listProjectIds(db: DbExecutor): Promise<string[]> {
  const rows = await db.selectFrom('project').select('id').orderBy('created_at').execute();
  return rows.map((r) => r.id);
}

/**
 * Sets a project's planned go-live date (the go/no-go decision moves it), inside the caller's
 * transaction; the caller records the audit entry of the decision that moved it.
 */
export async function setPlannedGoLive(tx: DbExecutor, projectId: string, date: string, updatedAt: string): Promise<void> {
  await tx.updateTable('project').set({ planned_go_live: date, updated_at: updatedAt }).where('id', '=', projectId).execute();
}
