import type { Db } from '../../db/connection';
import { todayDate } from '../../shared/ids';
import { listProjectIds } from '../projects/project-contract';
import { getProjectHealth } from './health.service';
import { listProjectIdsWithSnapshotOn } from './risk.repository';

/**
 * Records today's health snapshot of every project that has none yet, so the trend has a point for
 * every day the server ran — not only for the days someone opened the page. Evaluations by the page
 * or `golive health` later in the day replace it (the last evaluation of a day wins). Returns the ids
 * of the projects it evaluated.
 */
export async function recordMissingHealthSnapshots(db: Db, today = todayDate()): Promise<string[]> {
  const [projectIds, snapshotted] = await Promise.all([listProjectIds(db.kysely), listProjectIdsWithSnapshotOn(db.kysely, today)]);
  const missing = projectIds.filter((id) => !snapshotted.has(id)).sort();
  const done: string[] = [];
  for (const id of missing) {
    try {
      await getProjectHealth(db, id, 'zh-CN', today);
      done.push(id);
    } catch (error) {
      // A project deleted meanwhile, or one broken record, must not stop the others.
      console.error(`health snapshots: project ${id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return done;
}

/** Checks every hour (and shortly after start) for projects without today's snapshot. Returns the stop function. */
export function startHealthSnapshots(db: Db, options: { intervalMs?: number } = {}): () => void {
  let running = false;
  const tick = (): void => {
    if (running) return;
    running = true;
    recordMissingHealthSnapshots(db)
      .catch((error: unknown) => console.error(`health snapshots: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = false;
      });
  };
  const timer = setInterval(tick, options.intervalMs ?? 3_600_000);
  timer.unref();
  const first = setTimeout(tick, 5_000);
  first.unref();
  return () => {
    clearInterval(timer);
    clearTimeout(first);
  };
}
