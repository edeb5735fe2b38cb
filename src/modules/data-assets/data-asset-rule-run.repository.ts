import type { DbExecutor } from '../../db/connection';
import type { DataAssetRuleFailureTable, DataAssetRuleRunTable } from '../../db/schema-data-assets';

/** A rule run by id alone (the job knows only the id), if any. */
export async function findRuleRunById(db: DbExecutor, runId: string): Promise<DataAssetRuleRunTable | undefined> {
  return db.selectFrom('data_asset_rule_run').selectAll().where('id', '=', runId).executeTakeFirst();
}

/** One rule run of the project's asset, if any. */
export async function findRuleRunRow(
  db: DbExecutor,
  projectId: string,
  assetId: string,
  runId: string,
): Promise<DataAssetRuleRunTable | undefined> {
  return db
    .selectFrom('data_asset_rule_run')
    .selectAll()
    .where('id', '=', runId)
    .where('asset_id', '=', assetId)
    .where('project_id', '=', projectId)
    .executeTakeFirst();
}

/** An asset's latest rule runs, newest first. */
export async function listRuleRunRows(db: DbExecutor, assetId: string, limit: number): Promise<DataAssetRuleRunTable[]> {
  return db
    .selectFrom('data_asset_rule_run')
    .selectAll()
    .where('asset_id', '=', assetId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Inserts a rule run. */
export async function insertRuleRun(db: DbExecutor, row: DataAssetRuleRunTable): Promise<void> {
  await db.insertInto('data_asset_rule_run').values(row).execute();
}

/** Records the job of a rule run that is still queued (a run the job already picked up keeps its own). */
export async function attachRuleRunJob(db: DbExecutor, runId: string, jobId: string): Promise<void> {
  await db.updateTable('data_asset_rule_run').set({ job_id: jobId }).where('id', '=', runId).where('status', '=', 'queued').execute();
}

/** Applies changes to a rule run. */
export async function updateRuleRun(db: DbExecutor, runId: string, changes: Partial<DataAssetRuleRunTable>): Promise<void> {
  await db.updateTable('data_asset_rule_run').set(changes).where('id', '=', runId).execute();
}

/** Removes every stored failing row of a run. */
export async function deleteRuleFailures(db: DbExecutor, runId: string): Promise<void> {
  await db.deleteFrom('data_asset_rule_failure').where('run_id', '=', runId).execute();
}

/** Stores a batch of failing rows (the caller keeps batches under the bound-parameter limits). */
export async function insertRuleFailures(db: DbExecutor, rows: DataAssetRuleFailureTable[]): Promise<void> {
  await db.insertInto('data_asset_rule_failure').values(rows).execute();
}

/** How many failing rows a run stored (optionally of one rule). */
export async function countRuleFailures(db: DbExecutor, runId: string, ruleId?: string): Promise<number> {
  let query = db.selectFrom('data_asset_rule_failure').where('run_id', '=', runId);
  if (ruleId) query = query.where('rule_id', '=', ruleId);
  const [{ total }] = await query.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  return Number(total);
}

/** One page of a run's failing rows (optionally of one rule), in stored order. */
export async function listRuleFailurePage(
  db: DbExecutor,
  runId: string,
  page: { ruleId?: string; offset: number; limit: number },
): Promise<DataAssetRuleFailureTable[]> {
  let query = db.selectFrom('data_asset_rule_failure').selectAll().where('run_id', '=', runId);
  if (page.ruleId) query = query.where('rule_id', '=', page.ruleId);
  return query.orderBy('seq').limit(page.limit).offset(page.offset).execute();
}

/** The next failing rows of a run after a sequence number (keyset paging for exports). */
export async function listRuleFailuresAfter(
  db: DbExecutor,
  runId: string,
  afterSeq: number,
  limit: number,
  ruleId?: string,
): Promise<DataAssetRuleFailureTable[]> {
  let query = db.selectFrom('data_asset_rule_failure').selectAll().where('run_id', '=', runId).where('seq', '>', afterSeq);
  if (ruleId) query = query.where('rule_id', '=', ruleId);
  return query.orderBy('seq').limit(limit).execute();
}
