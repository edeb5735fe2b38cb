import { AppError } from '../../shared/app-error';
import { batchKeyCountExpr } from './batch-keys';
import type { CountCheck } from './load-types';
import type { TargetDb, TargetTable } from './target-db';

/** Rows in the target table now (inside the load's transaction). */
export async function countRows(db: TargetDb, table: TargetTable): Promise<number> {
  const result = await db.query<{ n: unknown }>(`SELECT count(*) AS n FROM ${table.sql}`);
  return Number(result.rows[0]?.n ?? 0);
}

/** What the load itself counted, to compare with what the target and the recorded keys say. */
export interface LoadCounts {
  sourceRows: number;
  rejected: number;
  /** Rows handed to the database. */
  staged: number;
  /** Rows that were new and inserted. */
  loaded: number;
  /** Target rows before the load. */
  before: number;
}

/**
 * Compares the load's own counts with the target's growth and the keys recorded for the batch;
 * any difference fails the load before it commits, naming every figure.
 */
export async function verifyLoadCounts(db: TargetDb, table: TargetTable, batchId: string, counts: LoadCounts): Promise<CountCheck> {
  const { sourceRows, rejected, staged, loaded, before } = counts;
  const after = await countRows(db, table);
  const recorded = await db.query<{ n: unknown }>(
    `SELECT ${batchKeyCountExpr(db.dialect)} AS n FROM golive_batch_key WHERE batch_id = ? AND table_name = ?`,
    [batchId, table.name],
  );
  const keysRecorded = Number(recorded.rows[0]?.n ?? 0);
  const skipped = staged - loaded;
  const check: CountCheck = {
    source_rows: sourceRows,
    accounted: loaded + rejected + skipped,
    target_rows_before: before,
    target_rows_after: after,
    keys_recorded: keysRecorded,
    ok: staged === sourceRows - rejected && after - before === loaded && keysRecorded === loaded,
  };
  if (!check.ok) {
    throw new AppError('MIGRATE_COUNT_CHECK_FAILED', {
      table: table.name,
      sourceRows,
      written: staged,
      rejected,
      loaded,
      grown: after - before,
      keys: keysRecorded,
    });
  }
  return check;
}
