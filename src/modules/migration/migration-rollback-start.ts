import type { Db, DbExecutor } from '../../db/connection';
import type { MigrationBatchTable, MigrationRollbackTable } from '../../db/schema-migration';
import { AppError, type Locale } from '../../shared/app-error';
import { newId, nowIso } from '../../shared/ids';
import type { Actor } from '../access/access.service';
import { recordAudit } from '../audit/audit.service';
import type { JobQueue } from '../jobs/job-queue';
import { listLoadedMigrationBatchRowsFromRun, listLoadedMigrationBatchRowsOfRun } from './migration-batch.repository';
import { MIGRATION_ROLLBACK_JOB } from './migration-jobs';
import { listObjectRows } from './migration-object.service';
import { findPendingMigrationRollbackIdRow, insertMigrationRollback, updateMigrationRollbackById } from './migration-rollback.repository';
import { getBatchRow, getRun, getRunRow, settleOrphanedRuns } from './migration-run-view';
import type { RunView } from './migration.schema';

/**
 * Refuses to roll back batches while objects that depend on them still have rows loaded by a
 * later run (their foreign keys would point at nothing): 409 naming them.
 */
async function assertNoLiveDependents(
  tx: DbExecutor,
  projectId: string,
  batches: MigrationBatchTable[],
  runNumber: number,
  locale: Locale,
) {
  const objects = await listObjectRows(tx, projectId);
  const ids = new Set(batches.map((b) => b.id));
  const live = await listLoadedMigrationBatchRowsFromRun(tx, projectId, runNumber);
  const blocking: string[] = [];
  for (const batch of batches) {
    const dependents = new Set(objects.filter((o) => batch.object_id && o.dependsOn.includes(batch.object_id)).map((o) => o.row.id));
    for (const other of live) {
      if (!ids.has(other.id) && other.object_id && dependents.has(other.object_id)) {
        blocking.push(locale === 'en' ? `${other.object_name} (run ${other.number})` : `${other.object_name}（第 ${other.number} 次迁移）`);
      }
    }
  }
  if (blocking.length > 0) {
    const list = [...new Set(blocking)].join(locale === 'en' ? ', ' : '、');
    throw new AppError('MIGRATION_ROLLBACK_DEPENDENTS_LOADED', { dependents: list });
  }
}

/**
 * Queues the rollback of a whole real run (its loaded batches in reverse load order) or of one
 * batch. The caller confirms by typing the run number or the object's name.
 */
export async function startRollback(
  db: Db,
  jobs: JobQueue,
  actor: Actor,
  projectId: string,
  what: { runId: string } | { batchId: string },
  confirm: string,
  locale: Locale,
): Promise<{ run: RunView; jobId: string }> {
  const rollback = await db.kysely.transaction().execute(async (tx) => {
    const batch = 'batchId' in what ? await getBatchRow(tx, projectId, what.batchId) : undefined;
    await settleOrphanedRuns(tx, projectId);
    const run = await getRunRow(tx, projectId, batch?.run_id ?? ('runId' in what ? what.runId : ''));
    if (batch) {
      if (confirm !== batch.object_name) {
        throw new AppError('MIGRATION_ROLLBACK_CONFIRM_NAME', { name: batch.object_name }, [{ field: 'confirm' }]);
      }
    } else if (confirm !== String(run.number)) {
      throw new AppError('MIGRATION_ROLLBACK_CONFIRM_NUMBER', { number: Number(run.number) }, [{ field: 'confirm' }]);
    }
    if (run.mode !== 'real') throw new AppError('MIGRATION_ROLLBACK_SIMULATION');
    const pendingRollback = await findPendingMigrationRollbackIdRow(tx, run.id);
    if (run.status === 'queued' || run.status === 'running' || pendingRollback) {
      throw new AppError('MIGRATION_RUN_IN_PROGRESS', { number: Number(run.number) });
    }
    const batches = batch ? [batch] : await listLoadedMigrationBatchRowsOfRun(tx, run.id);
    if (batches.length === 0 || batches.some((b) => b.status !== 'loaded')) {
      throw new AppError('MIGRATION_ROLLBACK_NOTHING_LOADED');
    }
    await assertNoLiveDependents(tx, projectId, batches, Number(run.number), locale);
    const row: MigrationRollbackTable = {
      id: newId(),
      project_id: projectId,
      run_id: run.id,
      batch_id: batch?.id ?? null,
      job_id: null,
      status: 'queued',
      result: null,
      error: null,
      created_by: actor.userId,
      created_at: nowIso(),
      finished_at: null,
    };
    await insertMigrationRollback(tx, row);
    await recordAudit(tx, actor, {
      projectId,
      entity: 'migration_rollback',
      entityId: row.id,
      action: 'create',
      after: { run: run.number, batches: batches.map((b) => ({ object: b.object_name, engineBatch: b.engine_batch_id })) },
    });
    return row;
  });
  const job = await jobs.enqueue(
    MIGRATION_ROLLBACK_JOB,
    { rollbackId: rollback.id },
    { projectId, createdBy: actor.userId, maxAttempts: 1 },
  );
  await updateMigrationRollbackById(db.kysely, rollback.id, { job_id: job.id });
  return { run: await getRun(db, projectId, rollback.run_id), jobId: job.id };
}
