import type { DbExecutor } from '../../db/connection';
import type { DataAssetProfileRunTable } from '../../db/schema-data-assets';

/** The latest profile run of each asset of a project, by asset id, without the (large) profile JSON. */
export async function latestProfileRunsByAsset(db: DbExecutor, projectId: string): Promise<Map<string, DataAssetProfileRunTable>> {
  const rows = await db
    .selectFrom('data_asset_profile_run')
    .select([
      'id',
      'project_id',
      'asset_id',
      'status',
      'job_id',
      'rows',
      'columns',
      'quality_score',
      'missing_ratio',
      'error',
      'created_by',
      'created_at',
      'started_at',
      'finished_at',
    ])
    .where('project_id', '=', projectId)
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
  const map = new Map<string, DataAssetProfileRunTable>();
  for (const r of rows) map.set(r.asset_id, { ...r, result: null });
  return map;
}

/** A succeeded profile run as the current-state summary reads it. */
export type SucceededProfileRun = Pick<
  DataAssetProfileRunTable,
  'asset_id' | 'rows' | 'columns' | 'quality_score' | 'missing_ratio' | 'result' | 'finished_at' | 'created_at'
>;

/** The latest succeeded profile run of each asset of a project, by asset id. */
export async function latestSucceededProfileRunsByAsset(db: DbExecutor, projectId: string): Promise<Map<string, SucceededProfileRun>> {
  const runs = await db
    .selectFrom('data_asset_profile_run')
    .select(['asset_id', 'rows', 'columns', 'quality_score', 'missing_ratio', 'result', 'finished_at', 'created_at'])
    .where('project_id', '=', projectId)
    .where('status', '=', 'succeeded')
    .orderBy('created_at', 'asc')
    .execute();
  return new Map(runs.map((r) => [r.asset_id, r]));
}

/** An asset's profile runs, newest first. */
export async function listProfileRunRows(db: DbExecutor, assetId: string): Promise<DataAssetProfileRunTable[]> {
  return db
    .selectFrom('data_asset_profile_run')
    .selectAll()
    .where('asset_id', '=', assetId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** One profile run of the project's asset, if any. */
export async function findProfileRunRow(
  db: DbExecutor,
  projectId: string,
  assetId: string,
  runId: string,
): Promise<DataAssetProfileRunTable | undefined> {
  return db
    .selectFrom('data_asset_profile_run')
    .selectAll()
    .where('id', '=', runId)
    .where('asset_id', '=', assetId)
    .where('project_id', '=', projectId)
    .executeTakeFirst();
}

/** A profile run by id alone (the job handler knows only the id), if any. */
export async function findProfileRunById(db: DbExecutor, runId: string): Promise<DataAssetProfileRunTable | undefined> {
  return db.selectFrom('data_asset_profile_run').selectAll().where('id', '=', runId).executeTakeFirst();
}

/** Inserts a profile run. */
export async function insertProfileRun(db: DbExecutor, row: DataAssetProfileRunTable): Promise<void> {
  await db.insertInto('data_asset_profile_run').values(row).execute();
}

/** Records the job of a profile run that is still queued (a run the job already picked up keeps its own). */
export async function attachProfileRunJob(db: DbExecutor, runId: string, jobId: string): Promise<void> {
  await db.updateTable('data_asset_profile_run').set({ job_id: jobId }).where('id', '=', runId).where('status', '=', 'queued').execute();
}

/** Applies changes to a profile run. */
export async function updateProfileRun(db: DbExecutor, runId: string, changes: Partial<DataAssetProfileRunTable>): Promise<void> {
  await db.updateTable('data_asset_profile_run').set(changes).where('id', '=', runId).execute();
}
