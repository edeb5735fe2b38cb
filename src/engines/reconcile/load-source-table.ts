import { DuckDBDataChunk, VARCHAR, type DuckDBConnection } from '@duckdb/node-api';
import { AppError } from '../../shared/app-error';
import { formatSourceValue } from '../sources/format-source-value';
import { openSourceLazily } from './open-source-lazily';
import type { OpenSourceOptions, TabularSource } from '../sources/source-types';
import { quoteIdent, quoteLiteral } from './sql-text';

/** A source copied into a DuckDB table whose columns are `c0…cN` (VARCHAR), in source order. */
export interface LoadedTable {
  table: string;
  description: string;
  columns: string[];
  rows: number;
  /** True when DuckDB's own CSV reader did the load. */
  fastPath: boolean;
}

const CHUNK_ROWS = 2048;

/** `c0 VARCHAR, c1 VARCHAR, …` */
function columnDefinitions(count: number): string {
  return Array.from({ length: count }, (_, i) => `c${i} VARCHAR`).join(', ');
}

/**
 * Plain UTF-8 CSV goes through DuckDB's parallel reader; its rules (quotes, blank lines, empty
 * field = NULL) match golive's parser. Anything it rejects is re-read by golive's parser, whose
 * errors name the line and column.
 */
async function tryDuckDbCsv(conn: DuckDBConnection, table: string, source: TabularSource): Promise<boolean> {
  const layout = source.csv;
  if (!layout || layout.encoding !== 'utf-8') return false;
  const columns = source.columns.map((_, i) => `${quoteLiteral(`c${i}`)}: 'VARCHAR'`).join(', ');
  try {
    await conn.run(
      `INSERT INTO ${table} SELECT * FROM read_csv(${quoteLiteral(layout.path)}, delim=${quoteLiteral(layout.delimiter)}, ` +
        `quote='"', escape='"', header=${layout.header}, auto_detect=false, columns={${columns}}, ` +
        `strict_mode=true, null_padding=false, ignore_errors=false, max_line_size=16777216)`,
    );
    return true;
  } catch {
    await conn.run(`DELETE FROM ${table}`);
    return false;
  }
}

/** Appends the source's batches through data chunks, converting every cell to canonical text. */
async function appendBatches(
  conn: DuckDBConnection,
  table: string,
  source: TabularSource,
  onRows?: (rows: number) => void,
): Promise<number> {
  const width = source.columns.length;
  const types = Array.from({ length: width }, () => VARCHAR);
  const appender = await conn.createAppender(table);
  let total = 0;
  try {
    for await (const batch of source.batches()) {
      for (let start = 0; start < batch.rows.length; start += CHUNK_ROWS) {
        const slice = batch.rows.slice(start, start + CHUNK_ROWS);
        const columns: (string | null)[][] = Array.from({ length: width }, () => new Array<string | null>(slice.length));
        for (let r = 0; r < slice.length; r++) {
          const row = slice[r];
          for (let c = 0; c < width; c++) columns[c][r] = formatSourceValue(row[c]);
        }
        const chunk = DuckDBDataChunk.create(types, slice.length);
        chunk.setColumns(columns);
        appender.appendDataChunk(chunk);
      }
      total += batch.rows.length;
      onRows?.(total);
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  return total;
}

/** Opens a source spec (or takes an opened `source`) and copies it into `table`; the source is closed either way. */
export async function loadSourceTable(
  conn: DuckDBConnection,
  table: string,
  spec: string,
  options: OpenSourceOptions & { baseDir?: string; onRows?: (rows: number) => void; source?: TabularSource },
): Promise<LoadedTable> {
  const source = options.source ?? (await openSourceLazily(spec, options));
  try {
    if (source.columns.length === 0) {
      throw new AppError('BAD_INPUT', { summary: `${source.description}: has no columns` });
    }
    await conn.run(`CREATE OR REPLACE TABLE ${quoteIdent(table)} (${columnDefinitions(source.columns.length)})`);
    const fastPath = await tryDuckDbCsv(conn, quoteIdent(table), source);
    let rows: number;
    if (fastPath) {
      const counted = await conn.runAndReadAll(`SELECT count(*) FROM ${quoteIdent(table)}`);
      rows = Number(counted.getRowsJS()[0][0]);
      options.onRows?.(rows);
    } else {
      rows = await appendBatches(conn, table, source, options.onRows);
    }
    return { table, description: source.description, columns: [...source.columns], rows, fastPath };
  } finally {
    await source.close();
  }
}
