import type { DuckDBConnection } from '@duckdb/node-api';
import type { KeyJoin } from './key-join';
import type { ColumnPlan } from './plan-columns';
import type { ReconcileSummary } from './run-reconciliation';
import type { SideViews } from './side-views';

/** Counts rows, null and duplicate keys, and differences by status and column, in one query over the join's tables. */
export async function countSummary(
  conn: DuckDBConnection,
  plan: ColumnPlan,
  { ln }: SideViews,
  { keyNull, eligible }: KeyJoin,
): Promise<ReconcileSummary> {
  const anyFlag = plan.compared.map((_, i) => `f${i}`);
  const counts = await conn.runAndReadAll(
    `SELECT (SELECT count(*) FROM ln), (SELECT count(*) FROM rn), ` +
      `(SELECT count(*) FROM ln WHERE ${keyNull}), (SELECT count(*) FROM rn WHERE ${keyNull}), ` +
      `(SELECT count(*) FROM ln_dup), (SELECT count(*) FROM rn_dup), (SELECT count(*) FROM (${eligible(ln)})), ` +
      `(SELECT count(*) FROM d WHERE st = 0), (SELECT count(*) FROM d WHERE st = 1), (SELECT count(*) FROM d WHERE st = 2)` +
      (anyFlag.length ? `, ${anyFlag.map((f) => `(SELECT count(*) FROM d WHERE ${f})`).join(', ')}` : ''),
  );
  const c = counts.getRowsJS()[0].map((v) => Number(v));
  const columns: Record<string, number> = {};
  plan.compared.forEach((col, i) => (columns[col.name] = c[10 + i]));
  return {
    left_rows: c[0],
    right_rows: c[1],
    matched: c[6] - c[7] - c[8],
    changed: c[7],
    only_left: c[8],
    only_right: c[9],
    duplicate_keys_left: c[4],
    duplicate_keys_right: c[5],
    null_keys_left: c[2],
    null_keys_right: c[3],
    columns,
    skipped_columns: plan.skipped,
  };
}
