import type { Db } from '../../db/connection';
import type { ReconcileDifferenceTable, ReconcileRunTable, ReconcileSpecTable } from '../../db/schema';
import type { DiffRow } from '../../engines/reconcile/diff-row';
import { runReconciliation, type ReconcileProgress, type ReconcileRun } from '../../engines/reconcile/run-reconciliation';
import { AppError, notFound, type Locale } from '../../shared/app-error';
import { newId, nowIso } from '../../shared/ids';
import type { Actor } from '../access/access.service';
import { recordAudit } from '../audit/audit.service';
import { registerJobHandler, type JobContext, type JobQueue, type JobView } from '../jobs/job-queue';
import { zonedDate } from './cron';
import { findJobRuntime, type JobRuntime } from '../jobs/job-runtime';
import { findProjectName } from '../projects/project-contract';
import { comparisonSchema, type RunView, type SourceRef, type WebhookFormat } from './cutover.schema';
import { countDifferencesByTrack, countItemsResolvedBy, insertDifferences, trackRunDifferences } from './difference.repository';
import {
  attachRunJob,
  cancelQueuedRun,
  findLatestFinishedRunId,
  findRunById,
  findRunCounts,
  insertRunUnlessSlotTaken,
  updateRunRow,
} from './run.repository';
import { cleanError, cleanMessage, resolveSource, type ResolvedSource } from './source-resolver';
import { lockSpecRowForUpdate } from './spec.repository';
import { engineSpec, specWebhookUrl } from './spec.service';
import { exitCriteria, getRun, getSpecRow } from './run-query.service';
import { sendWebhook, type RunNotice } from './webhook';

/** The background job type of a reconciliation run. */
export const RECONCILE_JOB = 'reconcile.run';

export interface ReconcileJobPayload {
  runId: string;
}

/** Rows per INSERT: 17 columns × 400 stays far below both dialects' parameter limits. */
const INSERT_BATCH = 400;

class RunCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/**
 * Queues a run of a spec and returns it with its job. `scheduledFor` is set by the scheduler only;
 * the (spec, scheduledFor) unique constraint makes a slot run once however many schedulers race.
 * Returns undefined when another scheduler already took the slot.
 */
export async function queueRun(
  db: Db,
  jobs: JobQueue,
  actor: Actor | null,
  spec: ReconcileSpecTable,
  options: { trigger: 'manual' | 'schedule'; businessDate?: string; scheduledFor?: Date },
): Promise<{ run: ReconcileRunTable; job: JobView } | undefined> {
  const now = nowIso();
  const row: ReconcileRunTable = {
    id: newId(),
    project_id: spec.project_id,
    spec_id: spec.id,
    job_id: null,
    trigger: options.trigger,
    business_date: options.businessDate ?? zonedDate(options.scheduledFor ?? new Date(), spec.time_zone),
    scheduled_for: options.scheduledFor?.toISOString() ?? null,
    status: 'queued',
    summary: null,
    differences_total: 0,
    status_counts: null,
    new_count: 0,
    open_count: 0,
    resolved_count: 0,
    error: null,
    webhook_status: null,
    webhook_error: null,
    created_by: actor?.userId ?? null,
    created_at: now,
    started_at: null,
    finished_at: null,
  };
  const inserted = await db.kysely.transaction().execute(async (tx) => {
    if (!(await insertRunUnlessSlotTaken(tx, row))) return false;
    await recordAudit(tx, actor, {
      projectId: spec.project_id,
      entity: 'reconcile_run',
      entityId: row.id,
      action: 'create',
      after: {
        specId: spec.id,
        specName: spec.name,
        trigger: row.trigger,
        businessDate: row.business_date,
        scheduledFor: row.scheduled_for,
      },
    });
    return true;
  });
  if (!inserted) return undefined;
  let job: JobView;
  try {
    job = await jobs.enqueue<ReconcileJobPayload>(
      RECONCILE_JOB,
      { runId: row.id },
      { projectId: spec.project_id, createdBy: actor?.userId ?? null, maxAttempts: 1 },
    );
  } catch (error) {
    await updateRunRow(db.kysely, row.id, {
      status: 'failed',
      error: `could not queue the job: ${error instanceof Error ? error.message : String(error)}`,
      finished_at: nowIso(),
    });
    throw error;
  }
  await attachRunJob(db.kysely, row.id, job.id);
  return { run: { ...row, job_id: job.id }, job };
}

/** Starts a manual run (the business date may be given to re-run a past day). */
export async function startManualRun(
  db: Db,
  jobs: JobQueue,
  actor: Actor,
  projectId: string,
  specId: string,
  businessDate: string | undefined,
): Promise<{ run: RunView; job: JobView }> {
  const spec = await getSpecRow(db.kysely, projectId, specId);
  const queued = await queueRun(db, jobs, actor, spec, { trigger: 'manual', businessDate });
  if (!queued) throw new Error('a manual run cannot conflict');
  return { run: await getRun(db.kysely, projectId, queued.run.id), job: queued.job };
}

/** Cancels a queued or running run through its job. */
export async function cancelRun(db: Db, jobs: JobQueue, actor: Actor, projectId: string, runId: string): Promise<RunView> {
  const run = await getRun(db.kysely, projectId, runId);
  if (run.status !== 'queued' && run.status !== 'running') throw new AppError('JOB_NOT_CANCELLABLE', { status: run.status });
  if (run.jobId) await jobs.cancel(run.jobId, projectId);
  await db.kysely.transaction().execute(async (tx) => {
    await cancelQueuedRun(tx, runId, nowIso());
    await recordAudit(tx, actor, { projectId, entity: 'reconcile_run', entityId: runId, action: 'cancel', before: { status: run.status } });
  });
  return getRun(db.kysely, projectId, runId);
}

function itemKey(row: DiffRow): string {
  return JSON.stringify([row.status, row.column ?? '', row.key, row.status.startsWith('null_key') ? (row.row ?? null) : null]);
}

/** Progress of the engine phases mapped to 0..0.7 of the job. */
function engineProgress(progress: ReconcileProgress): [number, string] {
  switch (progress.phase) {
    case 'load_left':
      return [0.05 + Math.min(0.25, progress.rows / 4_000_000), `读取旧系统数据：${progress.rows} 行`];
    case 'load_right':
      return [0.35 + Math.min(0.25, progress.rows / 4_000_000), `读取新系统数据：${progress.rows} 行`];
    case 'compare':
      return [0.65, '比对中'];
  }
}

/**
 * Stores every difference (batched INSERTs) and updates key tracking, all in one transaction:
 * a difference open before is linked to its item ('open'), items missing now are resolved, the
 * rest open new items ('new'). On PostgreSQL the spec row is locked so two runs of one spec
 * track in turn.
 */
async function storeResult(
  runtime: JobRuntime,
  run: ReconcileRunTable,
  engine: ReconcileRun,
  ctx: JobContext<ReconcileJobPayload>,
): Promise<void> {
  const db = runtime.db;
  await db.kysely.transaction().execute(async (tx) => {
    if (db.dialect === 'postgres') await lockSpecRowForUpdate(tx, run.spec_id);
    let seq = 0;
    const statusCounts: Record<string, number> = {};
    for await (const batch of engine.differences()) {
      if (ctx.signal.aborted) throw new RunCancelled();
      for (let i = 0; i < batch.length; i += INSERT_BATCH) {
        const rows: ReconcileDifferenceTable[] = batch.slice(i, i + INSERT_BATCH).map((d) => {
          statusCounts[d.status] = (statusCounts[d.status] ?? 0) + 1;
          return {
            id: newId(),
            project_id: run.project_id,
            spec_id: run.spec_id,
            run_id: run.id,
            seq: seq++,
            item_key: itemKey(d),
            item_id: null,
            track: 'new',
            status: d.status,
            column_name: d.column,
            key_text: d.key.map((k) => k ?? '').join('|'),
            key_json: JSON.stringify(d.key),
            left_value: d.left,
            right_value: d.right,
            delta: d.delta,
            row_count: d.count ?? null,
            row_number: d.row ?? null,
          };
        });
        await insertDifferences(tx, rows);
      }
      // Not awaited: on SQLite the transaction holds the only connection until it commits.
      ctx.reportProgress(0.7 + Math.min(0.25, seq / 4_000_000), `保存差异：${seq} 条`).catch(() => undefined);
    }
    if (ctx.signal.aborted) throw new RunCancelled();

    await trackRunDifferences(tx, run);

    const byTrack = await countDifferencesByTrack(tx, run.id);
    const resolved = await countItemsResolvedBy(tx, run.id);
    await updateRunRow(tx, run.id, {
      status: 'succeeded',
      summary: JSON.stringify(engine.summary),
      differences_total: seq,
      status_counts: JSON.stringify(statusCounts),
      new_count: byTrack.get('new') ?? 0,
      open_count: byTrack.get('open') ?? 0,
      resolved_count: resolved,
      error: null,
      finished_at: nowIso(),
    });
  });
}

/** The project a notice names; its spec references it, so it exists. */
async function noticeProject(db: Db, projectId: string): Promise<RunNotice['project']> {
  const name = await findProjectName(db.kysely, projectId);
  if (name === undefined) throw notFound('project', projectId);
  return { id: projectId, name };
}

/** The notice a webhook sends about a run. */
export async function runNotice(db: Db, spec: ReconcileSpecTable, runId: string, locale: Locale = 'zh-CN'): Promise<RunNotice> {
  const project = await noticeProject(db, spec.project_id);
  const run = await getRun(db.kysely, spec.project_id, runId);
  const exitCriterion = (await exitCriteria(db.kysely, [spec], locale)).get(spec.id)!;
  return { project, spec: { id: spec.id, name: spec.name }, run, exitCriterion };
}

/** The notice about the latest finished run, or a sample when the spec has not run yet (test webhook). */
export async function testNotice(db: Db, spec: ReconcileSpecTable, locale: Locale = 'zh-CN'): Promise<RunNotice> {
  const lastId = await findLatestFinishedRunId(db.kysely, spec.id);
  if (lastId) return runNotice(db, spec, lastId, locale);
  const project = await noticeProject(db, spec.project_id);
  const exitCriterion = (await exitCriteria(db.kysely, [spec], locale)).get(spec.id)!;
  const now = nowIso();
  const run: RunView = {
    id: 'test',
    specId: spec.id,
    jobId: null,
    trigger: 'manual',
    businessDate: zonedDate(new Date(), spec.time_zone),
    scheduledFor: null,
    status: 'succeeded',
    summary: {
      left_rows: 0,
      right_rows: 0,
      matched: 0,
      changed: 0,
      only_left: 0,
      only_right: 0,
      duplicate_keys_left: 0,
      duplicate_keys_right: 0,
      null_keys_left: 0,
      null_keys_right: 0,
      columns: {},
      skipped_columns: [],
    },
    differencesTotal: 0,
    statusCounts: {},
    newCount: 0,
    openCount: 0,
    resolvedCount: 0,
    unexplained: 0,
    error: null,
    webhookStatus: null,
    webhookError: null,
    createdAt: now,
    startedAt: now,
    finishedAt: now,
  };
  return { project, spec: { id: spec.id, name: spec.name }, run, exitCriterion };
}

/** Sends the spec's webhook about a run and records the outcome on the run; never throws. */
export async function notifyRun(runtime: JobRuntime, spec: ReconcileSpecTable, runId: string): Promise<void> {
  const format = spec.webhook_format as WebhookFormat;
  if (format === 'none' || !spec.webhook_url_encrypted) return;
  let outcome: { status: string; error: string | null };
  try {
    const url = specWebhookUrl(spec, runtime.dataDir);
    outcome = url ? await sendWebhook(url, format, await runNotice(runtime.db, spec, runId)) : { status: 'skipped', error: null };
  } catch (error) {
    outcome = { status: 'failed', error: error instanceof Error ? error.message : String(error) };
  }
  await updateRunRow(runtime.db.kysely, runId, { webhook_status: outcome.status, webhook_error: outcome.error }).catch(() => undefined);
}

/** Runs one queued reconciliation: resolve sources, run the engine, store, notify. */
async function executeRun(runtime: JobRuntime, ctx: JobContext<ReconcileJobPayload>): Promise<unknown> {
  const db = runtime.db;
  const run = await findRunById(db.kysely, ctx.payload.runId);
  if (!run) throw new Error(`reconcile run ${ctx.payload.runId} does not exist`);
  if (run.status !== 'queued' && run.status !== 'running') return { runId: run.id, skipped: run.status };
  const spec = await getSpecRow(db.kysely, run.project_id, run.spec_id);
  await updateRunRow(db.kysely, run.id, { status: 'running', started_at: nowIso(), job_id: ctx.jobId });
  const sources: ResolvedSource[] = [];
  let engine: ReconcileRun | undefined;
  try {
    await ctx.reportProgress(0.01, '准备数据源');
    sources.push(await resolveSource(db, run.project_id, runtime.dataDir, JSON.parse(spec.left_source) as SourceRef, 'left'));
    sources.push(await resolveSource(db, run.project_id, runtime.dataDir, JSON.parse(spec.right_source) as SourceRef, 'right'));
    const comparison = comparisonSchema.parse(JSON.parse(spec.comparison));
    try {
      engine = await runReconciliation(engineSpec(comparison, sources[0], sources[1]), {
        signal: ctx.signal,
        onProgress: (p) => {
          const [progress, message] = engineProgress(p);
          ctx.reportProgress(progress, message).catch(() => undefined);
        },
      });
    } catch (error) {
      throw cleanError(error, sources);
    }
    if (ctx.signal.aborted) throw new RunCancelled();
    await ctx.reportProgress(0.7, '保存差异');
    await storeResult(runtime, run, engine, ctx);
  } catch (error) {
    const cancelled = ctx.signal.aborted || error instanceof RunCancelled;
    const message = cancelled ? null : cleanMessage(error instanceof Error ? error.message : String(error), sources);
    await updateRunRow(db.kysely, run.id, { status: cancelled ? 'cancelled' : 'failed', error: message, finished_at: nowIso() });
    if (run.trigger === 'schedule' && !cancelled) await notifyRun(runtime, spec, run.id);
    throw error;
  } finally {
    await engine?.close();
  }
  if (run.trigger === 'schedule') await notifyRun(runtime, spec, run.id);
  const done = await findRunCounts(db.kysely, run.id);
  return {
    runId: run.id,
    differencesTotal: Number(done.differences_total),
    newCount: Number(done.new_count),
    openCount: Number(done.open_count),
    resolvedCount: Number(done.resolved_count),
  };
}

registerJobHandler<ReconcileJobPayload>(RECONCILE_JOB, async (ctx) => {
  const runtime = await findJobRuntime(ctx.jobId);
  if (!runtime) {
    throw new Error(
      'reconcile.run: the cutover module has no database in this process; call startReconcileScheduler(db, jobs, { dataDir }) at start-up',
    );
  }
  return executeRun(runtime, ctx);
});
