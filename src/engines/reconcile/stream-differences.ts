import type { DuckDBConnection } from '@duckdb/node-api';
import { decimalDelta, type DiffRow, type DiffStatus } from './diff-row';
import type { KeyJoin } from './key-join';
import type { ColumnPlan } from './plan-columns';
import type { SideViews } from './side-views';

const STATUS_BY_CODE: DiffStatus[] = ['changed', 'only_left', 'only_right'];

/** Null and duplicate keys first, then changed, only_left, only_right, each ordered by key; one batch per DuckDB chunk. */
export async function* streamDifferences(
  conn: DuckDBConnection,
  plan: ColumnPlan,
  { ln, rn }: SideViews,
  { keyCols, keyList, keyNull }: KeyJoin,
): AsyncGenerator<DiffRow[]> {
  const keyOf = (row: unknown[]): (string | null)[] => keyCols.map((_, i) => (row[i] as string | null) ?? null);
  for (const [t, status] of [
    [ln, 'null_key_left'],
    [rn, 'null_key_right'],
  ] as const) {
    const result = await conn.stream(`SELECT ${keyList}, __row FROM ${t} WHERE ${keyNull} ORDER BY __row`);
    for await (const rows of result.yieldRowsJs()) {
      yield rows.map((row) => ({
        key: keyOf(row),
        status,
        column: null,
        left: null,
        right: null,
        delta: null,
        row: Number(row[keyCols.length]),
      }));
    }
  }
  for (const [t, status] of [
    ['ln_dup', 'duplicate_left'],
    ['rn_dup', 'duplicate_right'],
  ] as const) {
    const result = await conn.stream(`SELECT ${keyList}, cnt FROM ${t} ORDER BY ${keyList}`);
    for await (const rows of result.yieldRowsJs()) {
      yield rows.map((row) => ({
        key: keyOf(row),
        status,
        column: null,
        left: null,
        right: null,
        delta: null,
        count: Number(row[keyCols.length]),
      }));
    }
  }
  const result = await conn.stream(`SELECT * FROM d ORDER BY st, ${keyList}`);
  const n = keyCols.length;
  const m = plan.compared.length;
  for await (const rows of result.yieldRowsJs()) {
    const out: DiffRow[] = [];
    for (const row of rows) {
      const key = keyOf(row);
      const status = STATUS_BY_CODE[Number(row[n])];
      if (status !== 'changed') {
        out.push({ key, status, column: null, left: null, right: null, delta: null });
        continue;
      }
      for (let i = 0; i < m; i++) {
        if (row[n + 1 + i] !== true) continue;
        const l = (row[n + 1 + m + i * 2] as string | null) ?? null;
        const r = (row[n + 2 + m + i * 2] as string | null) ?? null;
        out.push({ key, status, column: plan.compared[i].name, left: l, right: r, delta: decimalDelta(l, r) });
      }
    }
    yield out;
  }
}
