import type { Db } from '../../db/connection';
import { loadServerConfig } from '../../server/runtime';
import type { JobQueue } from '../jobs/job-queue';
import { latestDueTime, parseCron } from './cron';
import { bindJobRuntime } from '../jobs/job-runtime';
import { scheduledSlotTaken } from './run.repository';
import { queueRun } from './run.service';
import { listScheduledSpecRows } from './spec.repository';

/**
 * Queues the due scheduled run of every enabled spec: the latest slot of its cron that is after
 * the spec's schedule anchor (creation or last schedule change) and at most 24 h old, so a
 * server that was down runs the latest missed slot once rather than a backlog. Several
 * schedulers (processes) may tick at once: the (spec_id, scheduled_for) unique constraint lets
 * exactly one of them create the run. Returns the ids of the runs this call queued.
 */
export async function runReconcileSchedulerTick(db: Db, jobs: JobQueue, now: Date = new Date()): Promise<string[]> {
  const specs = await listScheduledSpecRows(db.kysely);
  const queued: string[] = [];
  for (const spec of specs) {
    let due: Date | undefined;
    try {
      due = latestDueTime(parseCron(spec.schedule_cron), new Date(spec.schedule_anchor), now, spec.time_zone);
    } catch (error) {
      console.error(`reconcile scheduler: spec ${spec.id}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    if (!due) continue;
    if (await scheduledSlotTaken(db.kysely, spec.id, due.toISOString())) continue;
    try {
      const result = await queueRun(db, jobs, null, spec, { trigger: 'schedule', scheduledFor: due });
      if (result) queued.push(result.run.id);
    } catch (error) {
      console.error(`reconcile scheduler: spec ${spec.id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return queued;
}

/**
 * Starts the dual-run scheduler of this process and makes the `reconcile.run` job handler able
 * to run here (importing this module registers it). Call once at start-up of `golive serve` and
 * `golive worker`; returns the function that stops it.
 */
export function startReconcileScheduler(
  db: Db,
  jobs: JobQueue,
  options: { dataDir?: string; intervalMs?: number; now?: () => Date } = {},
): () => void {
  bindJobRuntime(db, options.dataDir ?? loadServerConfig().dataDir);
  let running = false;
  let stopped = false;
  const tick = (): void => {
    if (running || stopped) return;
    running = true;
    runReconcileSchedulerTick(db, jobs, options.now?.() ?? new Date())
      .catch((error: unknown) => console.error(`reconcile scheduler: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = false;
      });
  };
  const timer = setInterval(tick, options.intervalMs ?? 30_000);
  timer.unref();
  const first = setTimeout(tick, Math.min(1000, options.intervalMs ?? 1000));
  first.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
    clearTimeout(first);
  };
}
