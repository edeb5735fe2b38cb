import type { DbExecutor } from '../../db/connection';
import type { MigrationBatchTable } from '../../db/schema-migration';

/** A batch of the project, if any. */
export async function findMigrationBatchRow(db: DbExecutor, projectId: string, batchId: string): Promise<MigrationBatchTable | undefined> {
  return db.selectFrom('migration_batch').selectAll().where('id', '=', batchId).where('project_id', '=', projectId).executeTakeFirst();
}

/** The batches of a run, in load order. */
export async function listMigrationBatchRowsOfRun(db: DbExecutor, runId: string): Promise<MigrationBatchTable[]> {
  return db.selectFrom('migration_batch').selectAll().where('run_id', '=', runId).orderBy('seq').execute();
}

/** The batches of the given runs, in load order. */
export async function listMigrationBatchRowsOfRuns(db: DbExecutor, runIds: readonly string[]): Promise<MigrationBatchTable[]> {
  return db
    .selectFrom('migration_batch')
    .selectAll()
    .where('run_id', 'in', [...runIds])
    .orderBy('seq')
    .execute();
}

/** The batches of a run that are loaded (only the given one when `batchId` is set). */
export async function listLoadedMigrationBatchRowsOfRun(db: DbExecutor, runId: string, batchId?: string): Promise<MigrationBatchTable[]> {
  let query = db.selectFrom('migration_batch').selectAll().where('run_id', '=', runId).where('status', '=', 'loaded');
  if (batchId) query = query.where('id', '=', batchId);
  return query.execute();
}

/** The id of any one loaded batch of a run (undefined when none is loaded any more). */
export async function findLoadedMigrationBatchIdRowOfRun(db: DbExecutor, runId: string): Promise<{ id: string } | undefined> {
  return db.selectFrom('migration_batch').select('id').where('run_id', '=', runId).where('status', '=', 'loaded').executeTakeFirst();
}

/** A loaded batch of the project in a run numbered `fromRunNumber` or later, with that run's number. */
export interface LiveMigrationBatchRow {
  id: string;
  object_id: string | null;
  object_name: string;
  number: number;
}

/** The project's loaded batches of runs numbered `fromRunNumber` or later. */
export async function listLoadedMigrationBatchRowsFromRun(
  db: DbExecutor,
  projectId: string,
  fromRunNumber: number,
): Promise<LiveMigrationBatchRow[]> {
  return db
    .selectFrom('migration_batch')
    .innerJoin('migration_run', 'migration_run.id', 'migration_batch.run_id')
    .select(['migration_batch.id', 'migration_batch.object_id', 'migration_batch.object_name', 'migration_run.number'])
    .where('migration_batch.project_id', '=', projectId)
    .where('migration_batch.status', '=', 'loaded')
    .where('migration_run.number', '>=', fromRunNumber)
    .execute();
}

/** A batch of a real run as the object list shows it (the object's last batch). */
export type RealMigrationBatchRow = Pick<MigrationBatchTable, 'id' | 'run_id' | 'object_id' | 'status' | 'loaded' | 'finished_at'>;

/** The project's batches of real runs, oldest run first (so the last one per object is its latest). */
export async function listRealMigrationBatchRows(db: DbExecutor, projectId: string): Promise<RealMigrationBatchRow[]> {
  return db
    .selectFrom('migration_batch')
    .innerJoin('migration_run', 'migration_run.id', 'migration_batch.run_id')
    .select([
      'migration_batch.id',
      'migration_batch.run_id',
      'migration_batch.object_id',
      'migration_batch.status',
      'migration_batch.loaded',
      'migration_batch.finished_at',
    ])
    .where('migration_batch.project_id', '=', projectId)
    .where('migration_run.mode', '=', 'real')
    .orderBy('migration_run.number', 'asc')
    .execute();
}

/** The objects of the project's loaded batches (one row per batch). */
export async function listLoadedMigrationBatchObjectRows(
  db: DbExecutor,
  projectId: string,
): Promise<Pick<MigrationBatchTable, 'object_id'>[]> {
  return db.selectFrom('migration_batch').select('object_id').where('project_id', '=', projectId).where('status', '=', 'loaded').execute();
}

/** The engine batch and stored target of an object's loaded batches. */
export async function listLoadedMigrationBatchTargetRows(
  db: DbExecutor,
  objectId: string,
): Promise<Pick<MigrationBatchTable, 'engine_batch_id' | 'target'>[]> {
  return db
    .selectFrom('migration_batch')
    .select(['engine_batch_id', 'target'])
    .where('object_id', '=', objectId)
    .where('status', '=', 'loaded')
    .execute();
}

/** Inserts the batches of a new run. */
export async function insertMigrationBatches(db: DbExecutor, rows: MigrationBatchTable[]): Promise<void> {
  await db.insertInto('migration_batch').values(rows).execute();
}

/** Updates a batch. */
export async function updateMigrationBatchById(db: DbExecutor, batchId: string, changes: Partial<MigrationBatchTable>): Promise<void> {
  await db.updateTable('migration_batch').set(changes).where('id', '=', batchId).execute();
}

/** Updates the batches of a run that have one of the given statuses. */
export async function updateMigrationBatchesOfRunWithStatus(
  db: DbExecutor,
  runId: string,
  statuses: readonly string[],
  changes: Partial<MigrationBatchTable>,
): Promise<void> {
  await db
    .updateTable('migration_batch')
    .set(changes)
    .where('run_id', '=', runId)
    .where('status', 'in', [...statuses])
    .execute();
}
