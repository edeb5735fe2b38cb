import type { DbExecutor } from '../../db/connection';

// What other modules may ask about projects; only this module reads or writes the `project` table.

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
