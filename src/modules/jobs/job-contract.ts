import type { DbExecutor } from '../../db/connection';
import { listJobProgressRows, listJobStatusRows } from './job.repository';

/** The progress (0–1) of the given jobs, by id; unknown ids are absent. */
export async function jobProgressById(db: DbExecutor, jobIds: readonly string[]): Promise<Map<string, number>> {
  if (jobIds.length === 0) return new Map();
  const rows = await listJobProgressRows(db, jobIds);
  return new Map(rows.map((j) => [j.id, Number(j.progress)]));
}

/** Where a job stands as other modules need it: its status and, once failed, its error. */
export interface JobStatusRef {
  status: string;
  error: string | null;
}

/** The status and error of the given jobs, by id, in one query; unknown ids are absent. */
export async function jobStatusesById(db: DbExecutor, jobIds: readonly string[]): Promise<Map<string, JobStatusRef>> {
  const ids = [...new Set(jobIds)];
  const out = new Map<string, JobStatusRef>();
  // Chunked so a long run list stays under the bound-parameter limits of every dialect.
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await listJobStatusRows(db, ids.slice(i, i + 500));
    for (const r of rows) out.set(r.id, { status: r.status, error: r.error });
  }
  return out;
}
