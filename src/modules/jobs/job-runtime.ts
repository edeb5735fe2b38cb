import { resolve } from 'node:path';
import type { Db } from '../../db/connection';
import { findJobIdRow } from './job.repository';

/**
 * Job handlers get no database handle from the queue (they are registered once per process, at
 * import), so the process keeps the databases it serves with their data directory — bound by
 * `golive serve` / `golive worker` at start-up and by module routes on each request — and a handler
 * finds the one that holds its job. A process normally has one; tests open several.
 */
export interface JobRuntime {
  db: Db;
  dataDir: string;
}

const runtimes = new Map<Db, JobRuntime>();

/** Makes a database (and its data directory) known to the job handlers of this process. */
export function bindJobRuntime(db: Db, dataDir: string): void {
  const existing = runtimes.get(db);
  if (existing && existing.dataDir === dataDir) return;
  runtimes.set(db, { db, dataDir });
}

/** Forgets a database (when it is closed). */
export function unbindJobRuntime(db: Db): void {
  runtimes.delete(db);
}

/** The data directory bound to a database, else the configured one (GOLIVE_DATA_DIR, default ./data). */
export function dataDirFor(db: Db): string {
  return runtimes.get(db)?.dataDir ?? resolve(process.env.GOLIVE_DATA_DIR ?? './data');
}

/** The runtime whose database holds the job; undefined when no bound database has it. */
export async function findJobRuntime(jobId: string): Promise<JobRuntime | undefined> {
  for (const runtime of runtimes.values()) {
    try {
      const row = await findJobIdRow(runtime.db.kysely, jobId);
      if (row) return runtime;
    } catch {
      // A closed or unreachable database cannot be the one that handed out this job.
    }
  }
  return undefined;
}
