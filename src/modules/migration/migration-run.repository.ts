import type { DbExecutor } from '../../db/connection';
import type { MigrationRunTable } from '../../db/schema-migration';

/** A run by id, whatever its project (the run job knows only the id), if any. */
export async function findMigrationRunRowById(db: DbExecutor, runId: string): Promise<MigrationRunTable | undefined> {
  return db.selectFrom('migration_run').selectAll().where('id', '=', runId).executeTakeFirst();
}

/** A run of the project, if any. */
export async function findMigrationRunRow(db: DbExecutor, projectId: string, runId: string): Promise<MigrationRunTable | undefined> {
  return db.selectFrom('migration_run').selectAll().where('id', '=', runId).where('project_id', '=', projectId).executeTakeFirst();
}

/** The project's latest runs, highest number first. */
export async function listMigrationRunRows(db: DbExecutor, projectId: string, limit: number): Promise<MigrationRunTable[]> {
  return db.selectFrom('migration_run').selectAll().where('project_id', '=', projectId).orderBy('number', 'desc').limit(limit).execute();
}

/** The project's real-mode run with the highest number, whatever its status, if any. */
export async function findLatestRealMigrationRunRow(
  db: DbExecutor,
  projectId: string,
): Promise<Pick<MigrationRunTable, 'id' | 'number' | 'status' | 'rolled_back_at'> | undefined> {
  return db
    .selectFrom('migration_run')
    .select(['id', 'number', 'status', 'rolled_back_at'])
    .where('project_id', '=', projectId)
    .where('mode', '=', 'real')
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The project's runs that still say queued or running, with their jobs. */
export async function listOpenMigrationRunJobRows(db: DbExecutor, projectId: string): Promise<Pick<MigrationRunTable, 'id' | 'job_id'>[]> {
  return db
    .selectFrom('migration_run')
    .select(['id', 'job_id'])
    .where('project_id', '=', projectId)
    .where('status', 'in', ['queued', 'running'])
    .execute();
}

/** The highest run number of the project (null when it has no run). */
export async function findMaxMigrationRunNumber(db: DbExecutor, projectId: string): Promise<number | null> {
  const row = await db
    .selectFrom('migration_run')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  return row?.n === null || row?.n === undefined ? null : Number(row.n);
}

/** Inserts a run. */
export async function insertMigrationRun(db: DbExecutor, row: MigrationRunTable): Promise<void> {
  await db.insertInto('migration_run').values(row).execute();
}

/** Updates a run. */
export async function updateMigrationRunById(db: DbExecutor, runId: string, changes: Partial<MigrationRunTable>): Promise<void> {
  await db.updateTable('migration_run').set(changes).where('id', '=', runId).execute();
}

/** Updates a run only while it still says queued or running (a run settled meanwhile is left alone). */
export async function updateOpenMigrationRunById(db: DbExecutor, runId: string, changes: Partial<MigrationRunTable>): Promise<void> {
  await db.updateTable('migration_run').set(changes).where('id', '=', runId).where('status', 'in', ['queued', 'running']).execute();
}
