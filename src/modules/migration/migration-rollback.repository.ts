import type { DbExecutor } from '../../db/connection';
import type { MigrationRollbackTable } from '../../db/schema-migration';

/** A rollback by id, whatever its project (the rollback job knows only the id), if any. */
export async function findMigrationRollbackRowById(db: DbExecutor, rollbackId: string): Promise<MigrationRollbackTable | undefined> {
  return db.selectFrom('migration_rollback').selectAll().where('id', '=', rollbackId).executeTakeFirst();
}

/** The id of a rollback of the run that is still queued or running, if any. */
export async function findPendingMigrationRollbackIdRow(db: DbExecutor, runId: string): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('migration_rollback')
    .select('id')
    .where('run_id', '=', runId)
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst();
}

/** The rollbacks of the given runs, oldest first. */
export async function listMigrationRollbackRowsOfRuns(db: DbExecutor, runIds: readonly string[]): Promise<MigrationRollbackTable[]> {
  return db
    .selectFrom('migration_rollback')
    .selectAll()
    .where('run_id', 'in', [...runIds])
    .orderBy('created_at')
    .execute();
}

/** Inserts a rollback. */
export async function insertMigrationRollback(db: DbExecutor, row: MigrationRollbackTable): Promise<void> {
  await db.insertInto('migration_rollback').values(row).execute();
}

/** Updates a rollback. */
export async function updateMigrationRollbackById(
  db: DbExecutor,
  rollbackId: string,
  changes: Partial<MigrationRollbackTable>,
): Promise<void> {
  await db.updateTable('migration_rollback').set(changes).where('id', '=', rollbackId).execute();
}
