import type { Db } from '../../db/connection';

/**
 * Job handlers get no database handle from the queue, so the cutover module keeps the databases
 * it has seen (bound by its routes on each request and by the scheduler at start-up) and finds
 * the one that holds a job. A process normally has one; tests open several.
 */
export interface CutoverRuntime {
  db: Db;
  dataDir: string;
}

const runtimes = new Map<Db, CutoverRuntime>();

/** Makes a database (and its data directory) known to the cutover job handler of this process. */
export function bindCutoverRuntime(db: Db, dataDir: string): void {
  const existing = runtimes.get(db);
  if (existing && existing.dataDir === dataDir) return;
  runtimes.set(db, { db, dataDir });
}

/** Forgets a database (when it is closed). */
export function unbindCutoverRuntime(db: Db): void {
  runtimes.delete(db);
}

/** The runtime whose database holds the job; undefined when no bound database has it. */
export async function findRuntimeForJob(jobId: string): Promise<CutoverRuntime | undefined> {
  for (const runtime of runtimes.values()) {
    try {
      const row = await runtime.db.kysely.selectFrom('job').select('id').where('id', '=', jobId).executeTakeFirst();
      if (row) return runtime;
    } catch {
      // A closed or unreachable database cannot be the one that handed out this job.
    }
  }
  return undefined;
}
