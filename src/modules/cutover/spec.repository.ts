import { sql } from 'kysely';
import type { DbExecutor } from '../../db/connection';
import type { ReconcileSpecTable } from '../../db/schema';

/** A project's reconciliation specs, by name. */
export async function listSpecRows(db: DbExecutor, projectId: string): Promise<ReconcileSpecTable[]> {
  return db.selectFrom('reconcile_spec').selectAll().where('project_id', '=', projectId).orderBy('name').execute();
}

/** Every spec (of any project) whose schedule is enabled. */
export async function listScheduledSpecRows(db: DbExecutor): Promise<ReconcileSpecTable[]> {
  return db.selectFrom('reconcile_spec').selectAll().where('schedule_enabled', '=', 1).execute();
}

/** One spec of the project, if any. */
export async function findSpecRow(db: DbExecutor, projectId: string, specId: string): Promise<ReconcileSpecTable | undefined> {
  return db.selectFrom('reconcile_spec').selectAll().where('id', '=', specId).where('project_id', '=', projectId).executeTakeFirst();
}

/** Whether another spec of the project (other than `exceptId`) already has this name. */
export async function specNameTaken(db: DbExecutor, projectId: string, name: string, exceptId?: string): Promise<boolean> {
  let query = db.selectFrom('reconcile_spec').select('id').where('project_id', '=', projectId).where('name', '=', name);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** The sources (JSON) of every spec of the project, to see which connections they use. */
export async function listSpecSources(
  db: DbExecutor,
  projectId: string,
): Promise<{ id: string; name: string; left_source: string; right_source: string }[]> {
  return db
    .selectFrom('reconcile_spec')
    .select(['id', 'name', 'left_source', 'right_source'])
    .where('project_id', '=', projectId)
    .execute();
}

/** Inserts a spec. */
export async function insertSpec(db: DbExecutor, row: ReconcileSpecTable): Promise<void> {
  await db.insertInto('reconcile_spec').values(row).execute();
}

/** Applies changes to a spec. */
export async function updateSpecRow(db: DbExecutor, specId: string, changes: Partial<ReconcileSpecTable>): Promise<void> {
  await db.updateTable('reconcile_spec').set(changes).where('id', '=', specId).execute();
}

/** Deletes a spec with its differences, tracked items and runs (children first). */
export async function deleteSpecWithRuns(db: DbExecutor, specId: string): Promise<void> {
  await db.deleteFrom('reconcile_difference').where('spec_id', '=', specId).execute();
  await db.deleteFrom('reconcile_item').where('spec_id', '=', specId).execute();
  await db.deleteFrom('reconcile_run').where('spec_id', '=', specId).execute();
  await db.deleteFrom('reconcile_spec').where('id', '=', specId).execute();
}

/** Locks a spec row until the transaction ends (PostgreSQL only: two runs of one spec then track in turn). */
export async function lockSpecRowForUpdate(tx: DbExecutor, specId: string): Promise<void> {
  await sql`SELECT id FROM reconcile_spec WHERE id = ${specId} FOR UPDATE`.execute(tx);
}
