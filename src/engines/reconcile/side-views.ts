import type { DuckDBConnection } from '@duckdb/node-api';
import { AppError } from '../../shared/app-error';
import { chooseDecimalType, filterExpr, keyExpr, normalizedExpr } from './comparison-sql';
import type { LoadedTable } from './load-source-table';
import { loadValueMaps } from './load-value-maps';
import type { ColumnPlan } from './plan-columns';
import type { ReconcileSpec } from './reconcile-spec';

/** A view over the raw table: row number, raw columns `cN`, value-mapped columns `mN`, filters applied. */
async function createSideView(
  conn: DuckDBConnection,
  side: 'left' | 'right',
  loaded: LoadedTable,
  spec: ReconcileSpec,
  plan: ColumnPlan,
  maps: Map<number, string>,
): Promise<string> {
  const view = side === 'left' ? 'lsrc' : 'rsrc';
  const joins: string[] = [];
  const mapped = loaded.columns.map((_, i) => {
    const table = maps.get(i);
    if (!table) return `t.c${i} AS m${i}`;
    joins.push(`LEFT JOIN ${table} ON ${table}.o = t.c${i}`);
    return `COALESCE(${table}.n, t.c${i}) AS m${i}`;
  });
  const raw = loaded.columns.map((_, i) => `t.c${i}`);
  const filters = (spec.filters?.[side] ?? []).map((f) => {
    const index = side === 'left' ? plan.leftIndex(f.column, `filters.${side}`) : plan.rightIndex(f.column, `filters.${side}`);
    return filterExpr(f, `t.c${index}`, `filters.${side}`);
  });
  await conn.run(
    `CREATE TEMP VIEW ${view} AS SELECT t.rowid + 1 AS __row, ${[...raw, ...mapped].join(', ')} ` +
      `FROM ${loaded.table} t ${joins.join(' ')} ${filters.length ? `WHERE ${filters.join(' AND ')}` : ''}`,
  );
  return view;
}

/** Fails with the first value a numeric or timestamp rule cannot read, naming side, row and column. */
async function checkTypes(
  conn: DuckDBConnection,
  table: string,
  side: 'left' | 'right',
  plan: ColumnPlan,
  description: string,
): Promise<void> {
  const typed = plan.compared.map((c, i) => ({ c, i })).filter(({ c }) => c.numeric || c.rule.timestamp);
  if (typed.length === 0) return;
  const bad = typed.map(({ i }) => `(n${i} IS NULL AND NULLIF(trim(v${i}), '') IS NOT NULL)`);
  const reader = await conn.runAndReadAll(
    `SELECT __row, ${typed.map(({ i }) => `CASE WHEN ${bad[typed.findIndex((t) => t.i === i)]} THEN v${i} END`).join(', ')} ` +
      `FROM ${table} WHERE ${bad.join(' OR ')} ORDER BY __row LIMIT 1`,
  );
  const row = reader.getRowsJS()[0];
  if (!row) return;
  const at = row.slice(1).findIndex((v) => v !== null);
  const { c } = typed[at];
  const name = side === 'left' ? c.name : c.rightName;
  throw new AppError(
    c.numeric ? 'RECONCILE_VALUE_NOT_NUMBER' : 'RECONCILE_VALUE_NOT_TIMESTAMP',
    { source: description, row: String(row[0]), column: name, value: String(row[at + 1]) },
    [{ field: name }, { field: `row:${String(row[0])}` }],
  );
}

/**
 * The normalised side as a view: keys, normalised values and raw values. A view, not a table,
 * because writing wide tables is what costs most; DuckDB re-derives the few columns each query needs.
 */
async function buildSideView(
  conn: DuckDBConnection,
  side: 'left' | 'right',
  view: string,
  spec: ReconcileSpec,
  plan: ColumnPlan,
): Promise<string> {
  const name = side === 'left' ? 'ln' : 'rn';
  const index = (p: { left: number; right: number }): number => (side === 'left' ? p.left : p.right);
  const keys = plan.keys.map((k, i) => `${keyExpr(spec, `m${index(k)}`)} AS k${i}`);
  const norms = plan.compared.map((c, i) => `${normalizedExpr(c, side, `m${index(c)}`)} AS n${i}`);
  const raws = plan.compared.map((c, i) => `c${index(c)} AS v${i}`);
  await conn.run(`CREATE TEMP VIEW ${name} AS SELECT __row, ${[...keys, ...norms, ...raws].join(', ')} FROM ${view}`);
  return name;
}

/** Picks each numeric column's decimal type from the widest value on either side. */
async function chooseDecimalTypes(conn: DuckDBConnection, plan: ColumnPlan): Promise<void> {
  const numeric = plan.compared.filter((c) => c.numeric);
  if (numeric.length === 0) return;
  const stats = async (view: string, side: 'left' | 'right'): Promise<number[][]> => {
    const parts = numeric.flatMap((c) => {
      const v = `trim(m${side === 'left' ? c.left : c.right})`;
      const dot = `strpos(${v}, '.')`;
      // Upper bounds from plain string functions (a sign, leading or trailing zeros only widen the
      // type): several times cheaper than regular expressions over every value.
      return [
        `coalesce(max(CASE WHEN ${dot} > 0 THEN ${dot} - 1 ELSE length(${v}) END), 0)`,
        `coalesce(max(CASE WHEN ${dot} > 0 THEN length(${v}) - ${dot} ELSE 0 END), 0)`,
        `coalesce(bool_or(contains(${v}, 'e') OR contains(${v}, 'E')), false)::INT`,
      ];
    });
    const row = (await conn.runAndReadAll(`SELECT ${parts.join(', ')} FROM ${view}`)).getRowsJS()[0].map(Number);
    return numeric.map((_, i) => row.slice(i * 3, i * 3 + 3));
  };
  const l = await stats('lsrc', 'left');
  const r = await stats('rsrc', 'right');
  numeric.forEach((c, i) => {
    c.decimalType = chooseDecimalType(Math.max(l[i][0], r[i][0]), Math.max(l[i][1], r[i][1]), l[i][2] + r[i][2] > 0, c.rule);
  });
}

/** The normalised views of both sides, `ln` and `rn`. */
export interface SideViews {
  ln: string;
  rn: string;
}

/**
 * Prepares both loaded sides for the comparison: value maps on the left, filters, decimal types
 * chosen from the data, normalised views, and a check that every typed value can be read.
 */
export async function prepareSideViews(
  conn: DuckDBConnection,
  spec: ReconcileSpec,
  plan: ColumnPlan,
  tables: { left: LoadedTable; right: LoadedTable },
  baseDir: string | undefined,
): Promise<SideViews> {
  const maps = await loadValueMaps(conn, spec, plan, baseDir);
  await createSideView(conn, 'left', tables.left, spec, plan, maps);
  await createSideView(conn, 'right', tables.right, spec, plan, new Map());
  await chooseDecimalTypes(conn, plan);
  const ln = await buildSideView(conn, 'left', 'lsrc', spec, plan);
  const rn = await buildSideView(conn, 'right', 'rsrc', spec, plan);
  await checkTypes(conn, ln, 'left', plan, tables.left.description);
  await checkTypes(conn, rn, 'right', plan, tables.right.description);
  return { ln, rn };
}
