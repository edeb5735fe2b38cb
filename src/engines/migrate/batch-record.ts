import { randomBytes } from 'node:crypto';
import type { LoadSummary } from './load-types';
import type { TargetDb } from './target-db';

/** A new batch id: sortable by time, unique enough across machines. */
export function newBatchId(): string {
  const iso = new Date().toISOString();
  return `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}-${randomBytes(3).toString('hex')}`;
}

/** Inserts the `golive_batch` row of a finished load. */
export async function recordBatch(db: TargetDb, summary: Omit<LoadSummary, 'seconds'>, startedAt: string): Promise<void> {
  await db.query(
    `INSERT INTO golive_batch (id, target_table, source, status, source_rows, loaded, rejected, skipped_existing, rejects_file, started_at, finished_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      summary.batch,
      summary.table,
      summary.source,
      summary.status === 'simulated' ? 'simulated' : 'loaded',
      summary.source_rows,
      summary.loaded,
      summary.rejected,
      summary.skipped_existing,
      summary.rejects_file,
      startedAt,
      new Date().toISOString(),
    ],
  );
}

/** Opens the load's transaction (SQLite: IMMEDIATE, so a second writer waits at once, not at its first write). */
export async function begin(db: TargetDb): Promise<void> {
  await db.query(db.dialect === 'sqlite' ? 'BEGIN IMMEDIATE' : 'BEGIN');
}
