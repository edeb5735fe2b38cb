/** Reading and presenting runs: the list, one run, one batch, and settling runs whose job died. */
import type { Db, DbExecutor } from '../../db/connection';
import type { MigrationBatchTable, MigrationRollbackTable, MigrationRunTable } from '../../db/schema-migration';
import { notFound } from '../../shared/app-error';
import { nowIso } from '../../shared/ids';
import { userNamesById } from '../auth/user-contract';
import { jobStatusesById } from '../jobs/job-contract';
import { getProjectRow } from '../projects/project.service';
import { findMigrationBatchRow, listMigrationBatchRowsOfRuns, updateMigrationBatchesOfRunWithStatus } from './migration-batch.repository';
import { listMigrationRollbackRowsOfRuns } from './migration-rollback.repository';
import {
  findMigrationRunRow,
  listMigrationRunRows,
  listOpenMigrationRunJobRows,
  updateOpenMigrationRunById,
} from './migration-run.repository';
import type { BatchView, CheckResult, RollbackView, RunView } from './migration.schema';

function presentBatch(row: MigrationBatchTable): BatchView {
  const num = (v: number | null): number | null => (v === null ? null : Number(v));
  return {
    id: row.id,
    runId: row.run_id,
    objectId: row.object_id,
    objectName: row.object_name,
    seq: Number(row.seq),
    engineBatchId: row.engine_batch_id,
    targetLabel: row.target_label,
    status: row.status,
    sourceRows: num(row.source_rows),
    loaded: num(row.loaded),
    rejected: num(row.rejected),
    skippedExisting: num(row.skipped_existing),
    hasRejects: row.rejects_path !== null,
    hasOutput: row.output_path !== null && row.status === 'loaded',
    message: row.message,
    check: row.check_result ? (JSON.parse(row.check_result) as CheckResult) : null,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    rolledBackAt: row.rolled_back_at,
  };
}

function presentRollback(row: MigrationRollbackTable): RollbackView {
  return {
    id: row.id,
    runId: row.run_id,
    batchId: row.batch_id,
    jobId: row.job_id,
    status: row.status,
    error: row.error,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}

async function presentRuns(db: DbExecutor, runs: MigrationRunTable[]): Promise<RunView[]> {
  if (runs.length === 0) return [];
  const ids = runs.map((r) => r.id);
  const creators = runs.map((r) => r.created_by ?? '');
  const [batches, rollbacks, names] = await Promise.all([
    listMigrationBatchRowsOfRuns(db, ids),
    listMigrationRollbackRowsOfRuns(db, ids),
    userNamesById(db, creators),
  ]);
  return runs.map((run) => ({
    id: run.id,
    number: Number(run.number),
    mode: run.mode as 'simulate' | 'real',
    status: run.status,
    jobId: run.job_id,
    error: run.error,
    createdBy: run.created_by ? (names.get(run.created_by) ?? null) : null,
    createdAt: run.created_at,
    startedAt: run.started_at,
    finishedAt: run.finished_at,
    rolledBackAt: run.rolled_back_at,
    batches: batches.filter((b) => b.run_id === run.id).map(presentBatch),
    rollbacks: rollbacks.filter((r) => r.run_id === run.id).map(presentRollback),
  }));
}

/** Job statuses after which the job no longer works on its run. */
const ENDED_JOB = new Set(['failed', 'cancelled', 'succeeded']);

/**
 * Runs whose job ended while the run still says queued or running: the worker died on the last
 * attempt (or the job was cancelled before it started). They are settled as failed (cancelled) so
 * the page, rollbacks and the next run do not wait for them forever; the object caught mid-load
 * is marked failed (its load transaction never committed) and the ones after it skipped.
 */
export async function settleOrphanedRuns(db: DbExecutor, projectId: string): Promise<void> {
  const open = await listOpenMigrationRunJobRows(db, projectId);
  const jobIds = open.flatMap((r) => (r.job_id ? [r.job_id] : []));
  const jobs = await jobStatusesById(db, jobIds);
  for (const run of open) {
    const job = run.job_id ? jobs.get(run.job_id) : undefined;
    if (!job || !ENDED_JOB.has(job.status)) continue;
    const now = nowIso();
    const cancelled = job.status === 'cancelled';
    const why = cancelled ? '任务已取消' : `执行任务的进程已停止（${job.error ?? job.status}），迁移未完成`;
    await updateMigrationBatchesOfRunWithStatus(db, run.id, ['running'], {
      status: cancelled ? 'skipped' : 'failed',
      message: why,
      finished_at: now,
    });
    await updateMigrationBatchesOfRunWithStatus(db, run.id, ['pending'], { status: 'skipped', finished_at: now });
    await updateOpenMigrationRunById(db, run.id, {
      status: cancelled ? 'cancelled' : 'failed',
      error: cancelled ? null : why,
      finished_at: now,
    });
  }
}

/**
 * Reads inside one snapshot: a run's row, its batches and its rollbacks are written by jobs in
 * separate transactions, and separate reads could pair a run row from before a commit with batch
 * rows from after it (e.g. every rollback succeeded but the run not yet rolled back).
 */
function inSnapshot<T>(db: Db, read: (tx: DbExecutor) => Promise<T>): Promise<T> {
  const tx = db.kysely.transaction();
  return (db.dialect === 'postgres' ? tx.setIsolationLevel('repeatable read') : tx).execute(read);
}

/** A project's runs, newest first. */
export async function listRuns(db: Db, projectId: string): Promise<RunView[]> {
  await getProjectRow(db.kysely, projectId);
  await settleOrphanedRuns(db.kysely, projectId);
  return inSnapshot(db, async (tx) => {
    return presentRuns(tx, await listMigrationRunRows(tx, projectId, 100));
  });
}

/** One run row of the project or NOT_FOUND. */
export async function getRunRow(db: DbExecutor, projectId: string, runId: string): Promise<MigrationRunTable> {
  const run = await findMigrationRunRow(db, projectId, runId);
  if (!run) throw notFound('migration_run', runId);
  return run;
}

/** One run with its batches and rollbacks. */
export async function getRun(db: Db, projectId: string, runId: string): Promise<RunView> {
  await settleOrphanedRuns(db.kysely, projectId);
  return inSnapshot(db, async (tx) => (await presentRuns(tx, [await getRunRow(tx, projectId, runId)]))[0]!);
}

/** One batch row or NOT_FOUND. */
export async function getBatchRow(db: DbExecutor, projectId: string, batchId: string): Promise<MigrationBatchTable> {
  const row = await findMigrationBatchRow(db, projectId, batchId);
  if (!row) throw notFound('migration_batch', batchId);
  return row;
}
