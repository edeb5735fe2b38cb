import { AppError } from '../../shared/app-error';
import { batchKeyCountExpr } from './batch-keys';
import type { BatchRecord, TargetDb } from './target-db';

/** What a rollback removed. */
export interface RollbackSummary {
  batch: string;
  status: 'rolled_back';
  tables: { table: string; keys: number; deleted: number }[];
  deleted: number;
  /** Recorded keys whose rows were no longer there (deleted by someone else since the load). */
  already_gone: number;
}

/** Reads a batch record, or fails naming the batch and the database. */
export async function getBatch(db: TargetDb, batchId: string): Promise<BatchRecord> {
  const found = await db.query<BatchRecord>('SELECT * FROM golive_batch WHERE id = ?', [batchId]);
  const batch = found.rows[0];
  if (!batch) throw new AppError('NOT_FOUND', { entity: 'batch', id: `${batchId} (in ${db.description})` });
  return { ...batch, source_rows: Number(batch.source_rows), loaded: Number(batch.loaded), rejected: Number(batch.rejected) };
}

/**
 * Deletes exactly the rows a batch inserted (its recorded keys), table by table in reverse order
 * of loading, and marks the batch rolled back. Runs inside the caller's transaction.
 */
export async function rollbackBatchInTransaction(db: TargetDb, batchId: string): Promise<RollbackSummary> {
  const batch = await getBatch(db, batchId);
  if (batch.status === 'rolled_back') {
    throw new AppError('MIGRATE_BATCH_ALREADY_ROLLED_BACK', { batch: batchId, at: batch.rolled_back_at ?? '?' });
  }
  if (batch.status === 'simulated') {
    throw new AppError('MIGRATE_BATCH_SIMULATED', { batch: batchId, table: batch.target_table });
  }
  const recorded = await db.query<{ table_name: string; n: unknown }>(
    `SELECT table_name, ${batchKeyCountExpr(db.dialect)} AS n FROM golive_batch_key WHERE batch_id = ? GROUP BY table_name`,
    [batchId],
  );
  const counts = new Map(recorded.rows.map((r) => [r.table_name, Number(r.n)]));
  // A batch loads its own table; keys under other tables (none today) go first, the batch's table last.
  const order = [...counts.keys()].filter((t) => t !== batch.target_table).reverse();
  if (counts.has(batch.target_table)) order.push(batch.target_table);
  const tables: RollbackSummary['tables'] = [];
  for (const name of order) {
    const table = await db.describeTable(name);
    const deleted = await db.deleteBatchRows(table, batchId);
    tables.push({ table: name, keys: counts.get(name) ?? 0, deleted });
  }
  await db.query('UPDATE golive_batch SET status = ?, rolled_back_at = ? WHERE id = ?', ['rolled_back', new Date().toISOString(), batchId]);
  const deleted = tables.reduce((sum, t) => sum + t.deleted, 0);
  const keys = tables.reduce((sum, t) => sum + t.keys, 0);
  return { batch: batchId, status: 'rolled_back', tables, deleted, already_gone: keys - deleted };
}

/** Rolls a batch back in its own transaction. */
export async function rollbackBatch(db: TargetDb, batchId: string): Promise<RollbackSummary> {
  await db.query(db.dialect === 'sqlite' ? 'BEGIN IMMEDIATE' : 'BEGIN');
  try {
    const summary = await rollbackBatchInTransaction(db, batchId);
    await db.query('COMMIT');
    return summary;
  } catch (error) {
    await db.query('ROLLBACK').catch(() => {});
    throw error;
  }
}
