import type { DuckDBConnection } from '@duckdb/node-api';
import { AppError } from '../../shared/app-error';
import { numericExpr } from './comparison-sql';
import { decimalDelta } from './diff-row';
import type { ColumnPlan } from './plan-columns';
import { readScalar } from './read-scalar';
import type { AggregateCheck } from './reconcile-spec';
import type { AggregateGroupResult, AggregateResult } from './run-reconciliation';
import { decimalLiteral } from './sql-text';

/** Runs each aggregate check over the filtered, value-mapped sides: group counts and sums compared within tolerance. */
export async function runAggregates(
  conn: DuckDBConnection,
  checks: AggregateCheck[],
  plan: ColumnPlan,
  descriptions: { left: string; right: string },
): Promise<AggregateResult[]> {
  const results: AggregateResult[] = [];
  for (const [n, check] of checks.entries()) {
    const groups = check.groupBy.map((g) => plan.pair(g, `aggregates.${n}.groupBy`));
    const sums = check.sum.map((s) => plan.pair(s, `aggregates.${n}.sum`));
    for (const side of ['left', 'right'] as const) {
      const view = side === 'left' ? 'lsrc' : 'rsrc';
      for (const s of sums) {
        const col = `m${side === 'left' ? s.left : s.right}`;
        const bad = await conn.runAndReadAll(
          `SELECT __row, ${col} FROM ${view} WHERE NULLIF(trim(${col}), '') IS NOT NULL AND ${numericExpr(col)} IS NULL ORDER BY __row LIMIT 1`,
        );
        const row = bad.getRowsJS()[0];
        if (row) {
          const column = side === 'left' ? s.name : s.rightName;
          throw new AppError(
            'RECONCILE_AGGREGATE_NOT_NUMBER',
            { source: descriptions[side], row: String(row[0]), column, value: String(row[1]), aggregate: check.name ?? String(n + 1) },
            [{ field: `aggregates.${n}.sum` }, { field: `row:${String(row[0])}` }],
          );
        }
      }
    }
    const sideSql = (side: 'left' | 'right'): string => {
      const at = (p: { left: number; right: number }): number => (side === 'left' ? p.left : p.right);
      const cols = [
        ...groups.map((g, i) => `m${at(g)} AS g${i}`),
        'count(*) AS cnt',
        ...sums.map((s, i) => `sum(${numericExpr(`m${at(s)}`)}) AS s${i}`),
      ];
      return `SELECT ${cols.join(', ')} FROM ${side === 'left' ? 'lsrc' : 'rsrc'}${groups.length ? ' GROUP BY ALL' : ''}`;
    };
    const on = groups.length ? groups.map((_, i) => `a.g${i} IS NOT DISTINCT FROM b.g${i}`).join(' AND ') : 'true';
    const tol = decimalLiteral(check.tolerance);
    const sumBad = sums.map((_, i) => `abs(COALESCE(a.s${i}, 0) - COALESCE(b.s${i}, 0)) > ${tol}`);
    const countBad = check.count ? ['COALESCE(a.cnt, 0) <> COALESCE(b.cnt, 0)'] : [];
    const bad = [...countBad, ...sumBad];
    const select = [
      ...groups.map((_, i) => `COALESCE(a.g${i}, b.g${i}) AS g${i}`),
      'COALESCE(a.cnt, 0) AS lc',
      'COALESCE(b.cnt, 0) AS rc',
      ...sums.flatMap((_, i) => [`a.s${i}::VARCHAR AS ls${i}`, `b.s${i}::VARCHAR AS rs${i}`]),
      `${bad.length ? bad.join(' OR ') : 'false'} AS bad`,
    ];
    await conn.run(
      `CREATE OR REPLACE TABLE agg AS SELECT ${select.join(', ')} FROM (${sideSql('left')}) a FULL OUTER JOIN (${sideSql('right')}) b ON ${on}`,
    );
    const total = await readScalar(conn, 'SELECT count(*) FROM agg');
    const reader = await conn.runAndReadAll(
      `SELECT * FROM agg WHERE bad ORDER BY ${groups.length ? groups.map((_, i) => `g${i}`).join(', ') : 'lc'}`,
    );
    const mismatches = reader.getRowsJS().map((row) => {
      const group: Record<string, string | null> = {};
      groups.forEach((g, i) => (group[g.name] = (row[i] as string | null) ?? null));
      const base = groups.length;
      const sumsOut: AggregateGroupResult['sums'] = {};
      sums.forEach((s, i) => {
        const left = trimDecimal(row[base + 2 + i * 2] as string | null);
        const right = trimDecimal(row[base + 3 + i * 2] as string | null);
        sumsOut[s.name] = { left, right, delta: decimalDelta(left ?? '0', right ?? '0') };
      });
      return { group, left_count: Number(row[base]), right_count: Number(row[base + 1]), sums: sumsOut };
    });
    results.push({
      name: check.name ?? `aggregate ${n + 1}`,
      group_by: groups.map((g) => g.name),
      sum: sums.map((s) => s.name),
      groups: total,
      mismatched_groups: mismatches.length,
      mismatches,
    });
  }
  return results;
}

/** `12.500000000000000000` → `12.5`. */
function trimDecimal(value: string | null): string | null {
  if (value === null || !value.includes('.')) return value;
  return value.replace(/0+$/, '').replace(/\.$/, '');
}
