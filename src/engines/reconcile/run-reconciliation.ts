import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { AppError } from '../../shared/app-error';
import { formatSourceValue } from '../sources/format-source-value';
import { openSource } from '../sources/open-source';
import type { OpenSourceOptions, TabularSource } from '../sources/source-types';
import { chooseDecimalType, differsExpr, filterExpr, keyExpr, normalizedExpr, numericExpr } from './comparison-sql';
import { decimalDelta, type DiffRow, type DiffStatus } from './diff-row';
import { loadSourceTable, type LoadedTable } from './load-source-table';
import { planColumns, type ColumnPlan } from './plan-columns';
import type { AggregateCheck, ReconcileSource, ReconcileSpec } from './reconcile-spec';
import type { BisectStats } from './run-bisect';
import { decimalLiteral } from './sql-text';

/** Progress of a run: which phase and how many rows it has handled. */
export interface ReconcileProgress {
  phase: 'load_left' | 'load_right' | 'compare';
  rows: number;
}

/** Engine knobs; none changes the result. */
export interface ReconcileOptions {
  /** Base directory for relative file paths (sources, value maps). */
  baseDir?: string;
  /** Directory for DuckDB's database and spill files (default: a fresh temp dir). */
  workDir?: string;
  /** DuckDB memory limit, e.g. '1GB' (default). Above it DuckDB spills to disk. */
  memoryLimit?: string;
  threads?: number;
  /** CSV encoding for sides that do not set one. */
  encoding?: string;
  onProgress?: (progress: ReconcileProgress) => void;
  /** Aborting stops the run: the running DuckDB query is interrupted and the run rejects with CANCELLED. */
  signal?: AbortSignal;
  /** Already opened sources to use instead of opening the spec's (bisect mode passes the differing segments). */
  sources?: { left?: TabularSource; right?: TabularSource };
}

/** One group of an aggregate check whose count or sums disagree. */
export interface AggregateGroupResult {
  group: Record<string, string | null>;
  left_count: number;
  right_count: number;
  sums: Record<string, { left: string | null; right: string | null; delta: string | null }>;
}

/** Result of one aggregate check. */
export interface AggregateResult {
  name: string;
  group_by: string[];
  sum: string[];
  groups: number;
  mismatched_groups: number;
  /** Every mismatching group, ordered by group. */
  mismatches: AggregateGroupResult[];
}

/** Counts of a run, in the JSON shape the CLI prints. */
export interface ReconcileSummary {
  left_rows: number;
  right_rows: number;
  matched: number;
  changed: number;
  only_left: number;
  only_right: number;
  duplicate_keys_left: number;
  duplicate_keys_right: number;
  null_keys_left: number;
  null_keys_right: number;
  /** Compared column (left name) → rows where it differs. */
  columns: Record<string, number>;
  /** Left columns with no counterpart on the right, so not compared. */
  skipped_columns: string[];
  aggregates?: AggregateResult[];
  /** Present in bisect mode: how much was compared in place and how much fetched. */
  bisect?: BisectStats;
}

/** A finished comparison: the summary now, the differences streamed on demand. */
export interface ReconcileRun {
  summary: ReconcileSummary;
  keyColumns: string[];
  left: { description: string; columns: string[] };
  right: { description: string; columns: string[] };
  /** Null and duplicate keys first, then changed, only_left, only_right, each ordered by key. */
  differences(): AsyncGenerator<DiffRow[]>;
  close(): Promise<void>;
}

function sourceSpecOf(source: ReconcileSource | undefined, side: 'left' | 'right'): { spec: string; options: OpenSourceOptions } {
  if (source === undefined) {
    throw new AppError(side === 'left' ? 'RECONCILE_LEFT_SOURCE_MISSING' : 'RECONCILE_RIGHT_SOURCE_MISSING', { flag: `--${side}` }, [
      { field: side },
    ]);
  }
  if (typeof source === 'string') return { spec: source, options: {} };
  const { source: spec, ...options } = source;
  return { spec, options };
}

async function scalar(conn: DuckDBConnection, sql: string): Promise<number> {
  const reader = await conn.runAndReadAll(sql);
  return Number(reader.getRowsJS()[0][0] ?? 0);
}

/** Loads a value map (inline or a 2-column CSV with header) into a DuckDB table `name(o, n)`. */
async function loadValueMap(
  conn: DuckDBConnection,
  name: string,
  column: string,
  map: ReconcileSpec['valueMaps'][string],
  baseDir: string | undefined,
): Promise<void> {
  const entries = new Map<string, string>();
  if ('values' in map) {
    for (const [from, to] of Object.entries(map.values)) entries.set(from, to);
  } else {
    const source = await openSource(map.file, { baseDir });
    try {
      if (source.columns.length < 2) {
        throw new AppError('RECONCILE_VALUE_MAP_COLUMNS', { file: source.description, column, count: source.columns.length }, [
          { field: `valueMaps.${column}` },
        ]);
      }
      for await (const batch of source.batches()) {
        batch.rows.forEach((row, i) => {
          const from = formatSourceValue(row[0]);
          const to = formatSourceValue(row[1]);
          if (from === null) return;
          const previous = entries.get(from);
          if (previous !== undefined && previous !== to) {
            const row = batch.firstRow + i;
            throw new AppError(
              'RECONCILE_VALUE_MAP_CONFLICT',
              { file: source.description, row, column: source.columns[0] ?? '', value: from, first: previous, second: to ?? '' },
              [{ field: `row:${row}` }],
            );
          }
          entries.set(from, to ?? '');
        });
      }
    } finally {
      await source.close();
    }
  }
  await conn.run(`CREATE TABLE ${name} (o VARCHAR PRIMARY KEY, n VARCHAR)`);
  const appender = await conn.createAppender(name);
  for (const [from, to] of entries) {
    appender.appendVarchar(from);
    appender.appendVarchar(to);
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();
}

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

async function runAggregates(
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
    const total = await scalar(conn, 'SELECT count(*) FROM agg');
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

const STATUS_BY_CODE: DiffStatus[] = ['changed', 'only_left', 'only_right'];

/**
 * Reconciles two sources under a spec. Both sides are copied into an on-disk DuckDB database
 * (bounded memory, spills to `workDir`), normalised in SQL, checked for null and duplicate keys —
 * which are reported and kept out of the join so it stays one-to-one — and compared with a
 * FULL OUTER JOIN. Call `close()` when done with the differences.
 */
export async function runReconciliation(spec: ReconcileSpec, options: ReconcileOptions = {}): Promise<ReconcileRun> {
  if (spec.mode === 'bisect') {
    const { runBisectReconciliation } = await import('./run-bisect');
    return runBisectReconciliation(spec, options);
  }
  const left = sourceSpecOf(spec.left, 'left');
  const right = sourceSpecOf(spec.right, 'right');
  const dir = await mkdtemp(join(options.workDir ?? tmpdir(), 'golive-reconcile-'));
  // In-memory catalog, but bounded: past memory_limit DuckDB spills to temp_directory. An on-disk
  // database file would add a WAL write and fsync per statement for data we throw away anyway.
  let instance: DuckDBInstance;
  let conn: DuckDBConnection;
  try {
    instance = await DuckDBInstance.create(':memory:', {
      temp_directory: join(dir, 'spill'),
      memory_limit: options.memoryLimit ?? '1GB',
      threads: String(options.threads ?? Math.max(1, availableParallelism())),
    });
    conn = await instance.connect();
    // Naive timestamps with a TIMESTAMPTZ cast are read in the session zone: pin it.
    await conn.run(`SET TimeZone = 'UTC'`);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const interrupt = (): void => conn.interrupt();
  options.signal?.addEventListener('abort', interrupt);
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    options.signal?.removeEventListener('abort', interrupt);
    conn.closeSync();
    instance.closeSync();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const signal = options.signal;
    // Progress callbacks run inside the load loops, so checking there stops appends between chunks.
    const progress = (p: ReconcileProgress): void => {
      if (signal?.aborted) throw new AppError('CANCELLED');
      options.onProgress?.(p);
    };
    if (signal?.aborted) throw new AppError('CANCELLED');
    const leftTable = await loadSourceTable(conn, 'l_raw', left.spec, {
      source: options.sources?.left,
      encoding: options.encoding,
      ...left.options,
      baseDir: options.baseDir,
      onRows: (rows) => progress?.({ phase: 'load_left', rows }),
    });
    const rightTable = await loadSourceTable(conn, 'r_raw', right.spec, {
      source: options.sources?.right,
      encoding: options.encoding,
      ...right.options,
      baseDir: options.baseDir,
      onRows: (rows) => progress?.({ phase: 'load_right', rows }),
    });
    progress?.({ phase: 'compare', rows: 0 });
    const plan = planColumns(spec, leftTable, rightTable);

    const maps = new Map<number, string>();
    for (const [column, map] of Object.entries(spec.valueMaps)) {
      const index = plan.leftIndex(column, `valueMaps.${column}`);
      const name = `vm${maps.size}`;
      await loadValueMap(conn, name, column, map, options.baseDir);
      maps.set(index, name);
    }
    await createSideView(conn, 'left', leftTable, spec, plan, maps);
    await createSideView(conn, 'right', rightTable, spec, plan, new Map());
    await chooseDecimalTypes(conn, plan);
    const ln = await buildSideView(conn, 'left', 'lsrc', spec, plan);
    const rn = await buildSideView(conn, 'right', 'rsrc', spec, plan);
    await checkTypes(conn, ln, 'left', plan, leftTable.description);
    await checkTypes(conn, rn, 'right', plan, rightTable.description);

    const keyCols = plan.keys.map((_, i) => `k${i}`);
    const keyList = keyCols.join(', ');
    const keyNotNull = keyCols.map((k) => `${k} IS NOT NULL`).join(' AND ');
    const keyNull = keyCols.map((k) => `${k} IS NULL`).join(' OR ');
    for (const t of [ln, rn]) {
      await conn.run(
        `CREATE TABLE ${t}_dup AS SELECT ${keyList}, count(*) AS cnt FROM ${t} WHERE ${keyNotNull} GROUP BY ${keyList} HAVING count(*) > 1`,
      );
    }
    await conn.run(`CREATE TABLE xk AS SELECT ${keyList} FROM ln_dup UNION SELECT ${keyList} FROM rn_dup`);
    const excluded = await scalar(conn, 'SELECT count(*) FROM xk');
    const eligible = (t: string): string =>
      `SELECT * FROM ${t} WHERE ${keyNotNull}` +
      (excluded > 0 ? ` AND NOT EXISTS (SELECT 1 FROM xk WHERE ${keyCols.map((k) => `xk.${k} = ${t}.${k}`).join(' AND ')})` : '');

    const flags = plan.compared.map(
      (c, i) => `(l.k0 IS NOT NULL AND r.k0 IS NOT NULL AND ${differsExpr(c, `l.n${i}`, `r.n${i}`)}) AS f${i}`,
    );
    const values = plan.compared.flatMap((_, i) => [`l.v${i} AS lv${i}`, `r.v${i} AS rv${i}`]);
    const select = [
      ...keyCols.map((k) => `COALESCE(l.${k}, r.${k}) AS ${k}`),
      'CASE WHEN r.k0 IS NULL THEN 1 WHEN l.k0 IS NULL THEN 2 ELSE 0 END AS st',
      ...flags,
      ...values,
    ];
    const anyFlag = plan.compared.map((_, i) => `f${i}`);
    await conn.run(
      `CREATE TABLE d AS SELECT * FROM (SELECT ${select.join(', ')} FROM (${eligible(ln)}) l FULL OUTER JOIN (${eligible(rn)}) r ` +
        `ON ${keyCols.map((k) => `l.${k} = r.${k}`).join(' AND ')}) WHERE ${['st <> 0', ...anyFlag].join(' OR ')}`,
    );

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
    const summary: ReconcileSummary = {
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
    if (spec.aggregates.length > 0) {
      summary.aggregates = await runAggregates(conn, spec.aggregates, plan, {
        left: leftTable.description,
        right: rightTable.description,
      });
    }

    async function* differences(): AsyncGenerator<DiffRow[]> {
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

    return {
      summary,
      keyColumns: plan.keys.map((k) => k.name),
      left: { description: leftTable.description, columns: leftTable.columns },
      right: { description: rightTable.description, columns: rightTable.columns },
      differences,
      close,
    };
  } catch (error) {
    await close();
    // An interrupted DuckDB query fails with its own message; report it as the cancellation it is.
    if (options.signal?.aborted) throw new AppError('CANCELLED');
    throw error;
  }
}
