import { rm } from 'node:fs/promises';
import type { Locale } from '../../shared/app-error';
import { nowIso } from '../../shared/ids';
import type { JobContext } from '../jobs/job-queue';
import type { JobRuntime } from '../jobs/job-runtime';
import { listMigrationBatchRowsOfRun, updateMigrationBatchById, updateMigrationBatchesOfRunWithStatus } from './migration-batch.repository';
import { loadKeyLookups, storeKeyPairs } from './migration-key-map';
import { listObjectRows } from './migration-object.service';
import { runObject, TargetPool } from './migration-run-object';
import { findMigrationRunRowById, updateMigrationRunById } from './migration-run.repository';

class RunCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/** The `migration.run` job: objects in order; a failed or stopped object stops the run. */
export async function executeRun(runtime: JobRuntime, ctx: JobContext<{ runId: string }>): Promise<unknown> {
  const db = runtime.db;
  const run = await findMigrationRunRowById(db.kysely, ctx.payload.runId);
  if (!run) throw new Error(`migration run ${ctx.payload.runId} does not exist`);
  if (run.status !== 'queued' && run.status !== 'running') return { runId: run.id, skipped: run.status };
  const locale: Locale = 'zh-CN';
  if (run.status === 'running') {
    // The job queue hands a run back only when the worker that ran it died (stale heartbeat).
    // Each object's load is one transaction in the target, so an object caught mid-load left
    // nothing there: it runs again. Objects that finished keep their result (their key pairs were
    // stored with it). A simulation changed nothing anywhere, so it simply starts over.
    const interrupted = run.mode === 'simulate' ? ['running', 'simulated', 'failed', 'stopped'] : ['running'];
    await updateMigrationBatchesOfRunWithStatus(db.kysely, run.id, interrupted, { status: 'pending', started_at: null, finished_at: null });
  } else {
    await updateMigrationRunById(db.kysely, run.id, { status: 'running', started_at: nowIso() });
  }
  const batches = await listMigrationBatchRowsOfRun(db.kysely, run.id);
  const objects = await listObjectRows(db.kysely, run.project_id);
  const objectNames = new Map(objects.map((o) => [o.row.id, o.row.name]));
  const lookups = await loadKeyLookups(
    db.kysely,
    objects.map((o) => o.row.id),
  );
  const pool = new TargetPool(runtime, run.project_id);
  let runStatus = 'succeeded';
  let runError: string | null = null;
  try {
    for (const [i, batch] of batches.entries()) {
      if (ctx.signal.aborted) throw new RunCancelled();
      if (batch.status === 'skipped') continue;
      if (batch.status !== 'pending') {
        // Finished before a worker died (see above): keep its outcome and stop where it stopped.
        if (batch.status !== 'loaded') {
          runStatus = 'failed';
          runError = `${objectNames.get(batch.object_id ?? '') ?? batch.object_name}: ${batch.message ?? batch.status}`;
        }
        continue;
      }
      const object = objects.find((o) => o.row.id === batch.object_id);
      if (!object || runStatus !== 'succeeded') {
        await updateMigrationBatchById(db.kysely, batch.id, { status: 'skipped', finished_at: nowIso() });
        continue;
      }
      const startedAt = nowIso();
      await updateMigrationBatchById(db.kysely, batch.id, { status: 'running', started_at: startedAt });
      await ctx.reportProgress(i / batches.length, `${object.row.name}`);
      const outcome = await runObject(runtime, run, batch, object, pool, lookups, objectNames, locale, (rows) => {
        ctx.reportProgress(i / batches.length, `${object.row.name}：${rows} 行`).catch(() => undefined);
      });
      const load = outcome.load;
      const loaded = outcome.status === 'loaded' || outcome.status === 'simulated';
      if (loaded && load && object.keyColumns.length > 0) {
        // Later objects of this run look up this one's keys (a simulated run keeps them in memory only).
        const map =
          run.mode === 'simulate' ? new Map(lookups.get(object.row.id)) : (lookups.get(object.row.id) ?? new Map<string, string>());
        for (const p of load.keyPairs) map.set(p.legacy, p.next);
        lookups.set(object.row.id, map);
      }
      await db.kysely.transaction().execute(async (tx) => {
        await updateMigrationBatchById(tx, batch.id, {
          status: outcome.status,
          engine_batch_id: outcome.status === 'loaded' ? (load?.summary.batch ?? null) : null,
          target_label: outcome.targetLabel,
          source_rows: load?.summary.source_rows ?? null,
          loaded: load?.summary.loaded ?? null,
          rejected: load?.summary.rejected ?? null,
          skipped_existing: load?.summary.skipped_existing ?? null,
          rejects_path: load?.summary.rejects_file ?? null,
          output_path: load?.outputPath ?? null,
          message: outcome.message,
          check_result: outcome.check ? JSON.stringify(outcome.check) : null,
          finished_at: nowIso(),
        });
        if (outcome.status === 'loaded' && load) await storeKeyPairs(tx, batch, load.keyPairs);
      });
      if (!loaded) {
        runStatus = 'failed';
        runError = `${object.row.name}: ${outcome.message ?? outcome.status}`;
      }
      if (load?.acceptedFile) await rm(load.acceptedFile, { force: true });
    }
  } catch (error) {
    runStatus = error instanceof RunCancelled ? 'cancelled' : 'failed';
    runError = error instanceof RunCancelled ? null : error instanceof Error ? error.message : String(error);
  } finally {
    await pool.closeAll(true);
  }
  await updateMigrationRunById(db.kysely, run.id, { status: runStatus, error: runError, finished_at: nowIso() });
  return { runId: run.id, status: runStatus };
}
