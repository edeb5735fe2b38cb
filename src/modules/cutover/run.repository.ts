import type { DbExecutor } from '../../db/connection';
import type { ReconcileRunTable } from '../../db/schema';

/** A spec's runs, newest first, one page. */
export async function listRunRows(db: DbExecutor, specId: string, page: { limit: number; offset: number }): Promise<ReconcileRunTable[]> {
  return db
    .selectFrom('reconcile_run')
    .selectAll()
    .where('spec_id', '=', specId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

/** How many runs a spec has. */
export async function countRuns(db: DbExecutor, specId: string): Promise<number> {
  const { total } = await db
    .selectFrom('reconcile_run')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .where('spec_id', '=', specId)
    .executeTakeFirstOrThrow();
  return Number(total);
}

/** One run of the project, if any. */
export async function findRunRow(db: DbExecutor, projectId: string, runId: string): Promise<ReconcileRunTable | undefined> {
  return db.selectFrom('reconcile_run').selectAll().where('id', '=', runId).where('project_id', '=', projectId).executeTakeFirst();
}

/** A run by id alone (the job knows only the id), if any. */
export async function findRunById(db: DbExecutor, runId: string): Promise<ReconcileRunTable | undefined> {
  return db.selectFrom('reconcile_run').selectAll().where('id', '=', runId).executeTakeFirst();
}

/** The latest run (any status) of each given spec. */
export async function listLatestRunRows(db: DbExecutor, specIds: readonly string[]): Promise<ReconcileRunTable[]> {
  if (specIds.length === 0) return [];
  const latest = db
    .selectFrom('reconcile_run')
    .select(['spec_id', (eb) => eb.fn.max('created_at').as('at')])
    .where('spec_id', 'in', specIds)
    .groupBy('spec_id')
    .as('latest');
  return db
    .selectFrom('reconcile_run as r')
    .innerJoin(latest, (join) => join.onRef('latest.spec_id', '=', 'r.spec_id').onRef('latest.at', '=', 'r.created_at'))
    .selectAll('r')
    .execute();
}

/** The succeeded runs of the given specs, by business date then finish time. */
export async function listSucceededRunRows(db: DbExecutor, specIds: readonly string[]): Promise<ReconcileRunTable[]> {
  if (specIds.length === 0) return [];
  return db
    .selectFrom('reconcile_run')
    .selectAll()
    .where('spec_id', 'in', specIds)
    .where('status', '=', 'succeeded')
    .orderBy('business_date')
    .orderBy('finished_at')
    .execute();
}

/** The id of the spec's latest finished (succeeded or failed) run, if any. */
export async function findLatestFinishedRunId(db: DbExecutor, specId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('reconcile_run')
    .select('id')
    .where('spec_id', '=', specId)
    .where('status', 'in', ['succeeded', 'failed'])
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return row?.id;
}

/** Whether a run of the spec already exists for this scheduled slot. */
export async function scheduledSlotTaken(db: DbExecutor, specId: string, scheduledFor: string): Promise<boolean> {
  const row = await db
    .selectFrom('reconcile_run')
    .select('id')
    .where('spec_id', '=', specId)
    .where('scheduled_for', '=', scheduledFor)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Inserts a run unless its (spec, scheduled slot) already has one; returns whether it was
 * inserted. The unique constraint decides, so racing schedulers create a slot's run once.
 */
export async function insertRunUnlessSlotTaken(db: DbExecutor, row: ReconcileRunTable): Promise<boolean> {
  const result = await db
    .insertInto('reconcile_run')
    .values(row)
    .onConflict((oc) => oc.columns(['spec_id', 'scheduled_for']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Applies changes to a run. */
export async function updateRunRow(db: DbExecutor, runId: string, changes: Partial<ReconcileRunTable>): Promise<void> {
  await db.updateTable('reconcile_run').set(changes).where('id', '=', runId).execute();
}

/** Records a run's job unless one is already recorded (the job itself may have done so). */
export async function attachRunJob(db: DbExecutor, runId: string, jobId: string): Promise<void> {
  await db.updateTable('reconcile_run').set({ job_id: jobId }).where('id', '=', runId).where('job_id', 'is', null).execute();
}

/** Marks a run cancelled if it is still queued (a running run ends through its job). */
export async function cancelQueuedRun(db: DbExecutor, runId: string, finishedAt: string): Promise<void> {
  await db
    .updateTable('reconcile_run')
    .set({ status: 'cancelled', finished_at: finishedAt })
    .where('id', '=', runId)
    .where('status', '=', 'queued')
    .execute();
}

/** The stored difference counts of a run. */
export async function findRunCounts(
  db: DbExecutor,
  runId: string,
): Promise<Pick<ReconcileRunTable, 'differences_total' | 'new_count' | 'open_count' | 'resolved_count'>> {
  return db
    .selectFrom('reconcile_run')
    .select(['differences_total', 'new_count', 'open_count', 'resolved_count'])
    .where('id', '=', runId)
    .executeTakeFirstOrThrow();
}
