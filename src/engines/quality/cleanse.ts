import { AppError } from '../../shared/app-error';
import { quoteIdent, quoteLiteral } from '../duckdb/sql-text';
import { cnDateSql, normalizedExpr, trimmedExpr } from '../profile/column-sql';
import { halfWidthTranslation } from '../validators/validation-result';
import type { CleanseRecipe, CleanseStep } from './quality-schema';
import { columnRef, QualityWorkspace, type DatasetInput, type LoadedTable, type WorkspaceOptions } from './workspace';

export interface CleanseOptions extends WorkspaceOptions {
  /** Datasets that `map` steps name, by id. */
  datasets?: Record<string, DatasetInput>;
  /** Sample rows in the preview (default 20). */
  sampleSize?: number;
}

/** One sample row: before and after (after is null when dedupe removed the row). */
export interface CleanseSample {
  row: number;
  before: (string | null)[];
  after: (string | null)[] | null;
}

/** What a recipe does to a dataset. */
export interface CleansePreview {
  columns: string[];
  rowsBefore: number;
  rowsAfter: number;
  duplicatesRemoved: number;
  /** Changed cells per column (surviving rows only). */
  changedCells: { column: string; changed: number }[];
  /** Rows the recipe changed or removed first, in row order. */
  samples: CleanseSample[];
}

const { from: HALF_FROM, to: HALF_TO } = halfWidthTranslation();

/** SQL: full-width ASCII forms, U+3000, ￥ and U+2212 to half width (translate only where one occurs). */
export function halfWidthSql(e: string): string {
  return (
    `(CASE WHEN regexp_matches(${e}, '[\\x{ff01}-\\x{ff5e}\\x{3000}\\x{ffe5}\\x{2212}]') ` +
    `THEN translate(${e}, ${quoteLiteral(HALF_FROM)}, ${quoteLiteral(HALF_TO)}) ELSE ${e} END)`
  );
}

/** SQL: a Chinese or ISO date written as `YYYY-MM-DD`; anything that is not a date stays as it is. */
export function normalizeDateSql(e: string): string {
  return `coalesce(${cnDateSql(normalizedExpr(e)).iso}, ${e})`;
}

function stepTargets(loaded: LoadedTable, columns: string[], field: string): Set<string> {
  if (columns.length === 0) return new Set(loaded.columns.map((_, i) => `c${i}`));
  return new Set(columns.map((c, j) => columnRef(loaded, c, `${field}.columns[${j}]`)));
}

/** Runs the recipe's steps, each into a new table; returns the last table's name (columns `rid`, `c0…`). */
async function applyRecipe(ws: QualityWorkspace, main: LoadedTable, recipe: CleanseRecipe, options: CleanseOptions): Promise<string> {
  const conn = ws.conn;
  const cols = main.columns.map((_, i) => `c${i}`);
  await conn.run(`CREATE TABLE s0 AS SELECT rowid AS rid, ${cols.join(', ')} FROM ${main.table}`);
  let current = 's0';
  const datasets = new Map<string, LoadedTable>();
  for (const [i, step] of recipe.steps.entries()) {
    const field = `steps[${i}]`;
    const next = `s${i + 1}`;
    const project = (transform: (c: string) => string, targets: Set<string>): string =>
      cols.map((c) => (targets.has(c) ? `${transform(c)} AS ${c}` : c)).join(', ');
    switch (step.kind) {
      case 'trim':
        await conn.run(
          `CREATE TABLE ${next} AS SELECT rid, ${project(trimmedExpr, stepTargets(main, step.columns, field))} FROM ${current}`,
        );
        break;
      case 'half_width':
        await conn.run(
          `CREATE TABLE ${next} AS SELECT rid, ${project(halfWidthSql, stepTargets(main, step.columns, field))} FROM ${current}`,
        );
        break;
      case 'case': {
        const fn = step.to === 'upper' ? 'upper' : 'lower';
        await conn.run(
          `CREATE TABLE ${next} AS SELECT rid, ${project((c) => `${fn}(${c})`, stepTargets(main, step.columns, field))} FROM ${current}`,
        );
        break;
      }
      case 'date':
        await conn.run(
          `CREATE TABLE ${next} AS SELECT rid, ${project(normalizeDateSql, stepTargets(main, step.columns, field))} FROM ${current}`,
        );
        break;
      case 'map': {
        const target = columnRef(main, step.column, `${field}.column`);
        const map = `map${i}`;
        await conn.run(`CREATE TABLE ${map} (f VARCHAR, t VARCHAR)`);
        if (step.dataset) {
          const source = options.datasets?.[step.dataset.datasetId];
          if (!source) {
            const at = `${field}.dataset.datasetId`;
            throw new AppError('QUALITY_DATASET_UNKNOWN', { field: at, dataset: step.dataset.datasetId }, [{ field: at }]);
          }
          let loaded = datasets.get(step.dataset.datasetId);
          if (!loaded) {
            loaded = await ws.load(`mapsrc${datasets.size}`, source);
            datasets.set(step.dataset.datasetId, loaded);
          }
          const f = columnRef(loaded, step.dataset.fromColumn, `${field}.dataset.fromColumn`);
          const t = columnRef(loaded, step.dataset.toColumn, `${field}.dataset.toColumn`);
          // The first row of a from-value wins, so a mapping file with repeats stays deterministic.
          await conn.run(`INSERT INTO ${map} SELECT ${f}, arg_min(${t}, rowid) FROM ${loaded.table} WHERE ${f} IS NOT NULL GROUP BY ${f}`);
        }
        // Inline pairs override the dataset; a repeated `from` keeps its last pair.
        const pairs = new Map(step.pairs.map((p) => [p.from, p.to]));
        if (pairs.size) {
          await conn.run(`DELETE FROM ${map} WHERE f IN (${[...pairs.keys()].map(quoteLiteral).join(', ')})`);
          const values = [...pairs].map(([f, t]) => `(${quoteLiteral(f)}, ${quoteLiteral(t)})`).join(', ');
          await conn.run(`INSERT INTO ${map} VALUES ${values}`);
        }
        const select = cols.map((c) => (c === target ? `coalesce(m.t, s.${c}) AS ${c}` : `s.${c}`)).join(', ');
        await conn.run(`CREATE TABLE ${next} AS SELECT s.rid, ${select} FROM ${current} s LEFT JOIN ${map} m ON m.f = s.${target}`);
        break;
      }
      case 'dedupe': {
        const keys = step.keyColumns.map((k, j) => columnRef(main, k, `${field}.keyColumns[${j}]`));
        const trimmed = keys.map((k) => trimmedExpr(k));
        const present = keys.map((k, j) => `${k} IS NOT NULL AND ${trimmed[j]} <> ''`).join(' AND ');
        let order: string;
        if (step.survivor === 'first') order = 'rid';
        else if (step.survivor === 'last') order = 'rid DESC';
        else if (step.survivor === 'most_complete') {
          order = `(${cols.map((c) => `(CASE WHEN ${c} IS NOT NULL AND ${trimmedExpr(c)} <> '' THEN 1 ELSE 0 END)`).join(' + ')}) DESC, rid`;
        } else {
          const by = columnRef(main, step.orderColumn ?? '', `${field}.orderColumn`);
          const nv = normalizedExpr(by);
          order = `${cnDateSql(nv).iso} DESC NULLS LAST, TRY_CAST(${nv} AS DOUBLE) DESC NULLS LAST, rid DESC`;
        }
        // Rows without a complete key are never merged: there is nothing to say they are the same.
        await conn.run(
          `CREATE TABLE ${next} AS SELECT * FROM ${current} ` +
            `QUALIFY CASE WHEN ${present} THEN row_number() OVER (PARTITION BY ${trimmed.join(', ')} ORDER BY ${order}) = 1 ELSE true END`,
        );
        break;
      }
      default: {
        const never: never = step;
        throw new Error(`unknown step ${JSON.stringify(never as CleanseStep)}`);
      }
    }
    await conn.run(`DROP TABLE ${current}`);
    current = next;
  }
  return current;
}

async function summarize(ws: QualityWorkspace, main: LoadedTable, out: string, sampleSize: number): Promise<CleansePreview> {
  const conn = ws.conn;
  const cols = main.columns.map((_, i) => `c${i}`);
  const changed = cols.map((c) => `count(*) FILTER (WHERE t.${c} IS DISTINCT FROM f.${c})`).join(', ');
  const counts = (
    await conn.runAndReadAll(`SELECT (SELECT count(*) FROM ${out}), ${changed} FROM ${main.table} t JOIN ${out} f ON f.rid = t.rowid`)
  )
    .getRowsJS()[0]
    .map(Number);
  const [rowsAfter, ...perColumn] = counts;
  const anyChange = cols.map((c) => `t.${c} IS DISTINCT FROM f.${c}`).join(' OR ');
  const sampleRows = (
    await conn.runAndReadAll(
      `SELECT t.rowid + 1, f.rid IS NULL, ${cols.map((c) => `t.${c}`).join(', ')}, ${cols.map((c) => `f.${c}`).join(', ')} ` +
        `FROM ${main.table} t LEFT JOIN ${out} f ON f.rid = t.rowid WHERE f.rid IS NULL OR ${anyChange} ORDER BY t.rowid LIMIT ${sampleSize}`,
    )
  ).getRowsJS();
  const n = cols.length;
  const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
  return {
    columns: main.columns,
    rowsBefore: main.rows,
    rowsAfter,
    duplicatesRemoved: main.rows - rowsAfter,
    changedCells: main.columns.map((column, i) => ({ column, changed: perColumn[i] })),
    samples: sampleRows.map((row) => ({
      row: Number(row[0]),
      before: row.slice(2, 2 + n).map(text),
      after: row[1] === true ? null : row.slice(2 + n, 2 + 2 * n).map(text),
    })),
  };
}

/** Before/after counts and sample rows of a recipe over a dataset; the dataset is not modified. */
export async function previewCleansing(input: DatasetInput, recipe: CleanseRecipe, options: CleanseOptions = {}): Promise<CleansePreview> {
  const ws = await QualityWorkspace.open(options);
  try {
    const main = await ws.load('t', input);
    const out = await applyRecipe(ws, main, recipe, options);
    return await summarize(ws, main, out, options.sampleSize ?? 20);
  } finally {
    await ws.close();
  }
}

/**
 * Applies a recipe and writes the result as a UTF-8 CSV file with a header (empty field = no
 * value), in the source's row order. The source is never modified. Returns the preview figures.
 */
export async function writeCleansedCsv(
  input: DatasetInput,
  recipe: CleanseRecipe,
  outPath: string,
  options: CleanseOptions = {},
): Promise<CleansePreview> {
  const ws = await QualityWorkspace.open(options);
  try {
    const main = await ws.load('t', input);
    const out = await applyRecipe(ws, main, recipe, options);
    const select = main.columns.map((name, i) => `c${i} AS ${quoteIdent(name)}`).join(', ');
    await ws.conn.run(
      `COPY (SELECT ${select} FROM ${out} ORDER BY rid) TO ${quoteLiteral(outPath)} (FORMAT csv, HEADER true, DELIMITER ',')`,
    );
    return await summarize(ws, main, out, options.sampleSize ?? 20);
  } finally {
    await ws.close();
  }
}
