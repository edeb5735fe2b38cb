import type { DbExecutor } from '../../db/connection';
import { listJobProgressRows } from './job.repository';

/** The progress (0–1) of the given jobs, by id; unknown ids are absent. */
export async function jobProgressById(db: DbExecutor, jobIds: readonly string[]): Promise<Map<string, number>> {
  if (jobIds.length === 0) return new Map();
  const rows = await listJobProgressRows(db, jobIds);
  return new Map(rows.map((j) => [j.id, Number(j.progress)]));
}
