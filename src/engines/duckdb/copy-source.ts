import { DuckDBDataChunk, VARCHAR, type DuckDBConnection } from '@duckdb/node-api';
import { formatSourceValue } from '../sources/format-source-value';
import type { TabularSource } from '../sources/source-types';
import { quoteIdent, quoteLiteral } from './sql-text';

const CHUNK_ROWS = 2048;

/** `c0 VARCHAR, c1 VARCHAR, …` */
function columnDefinitions(count: number): string {
  return Array.from({ length: count }, (_, i) => `c${i} VARCHAR`).join(', ');
}

/**
 * Plain UTF-8 CSV (with or without BOM) goes through DuckDB's parallel reader with golive's sniffed
 * layout; its rules (RFC 4180 quotes, empty field = NULL, blank lines skipped) match golive's parser.
 * Anything it rejects is re-read through the source's own batches, whose errors name the line and column.
 */
async function tryDuckDbCsv(conn: DuckDBConnection, table: string, source: TabularSource): Promise<boolean> {
  const layout = source.csv;
  if (!layout || layout.encoding !== 'utf-8') return false;
  const columns = source.columns.map((_, i) => `${quoteLiteral(`c${i}`)}: 'VARCHAR'`).join(', ');
  try {
    await conn.run(
      `INSERT INTO ${table} SELECT * FROM read_csv(${quoteLiteral(layout.path)}, delim=${quoteLiteral(layout.delimiter)}, ` +
        `quote='"', escape='"', header=${layout.header}, auto_detect=false, columns={${columns}}, ` +
        `strict_mode=true, null_padding=false, ignore_errors=false, max_line_size=16777216, encoding='utf-8')`,
    );
    return true;
  } catch {
    await conn.run(`DELETE FROM ${table}`);
    return false;
  }
}

/** Appends the source's batches as data chunks, every cell in its canonical text form. */
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

/**
 * Copies an opened source into a new DuckDB table `table` (replacing it) with VARCHAR columns
 * `c0…cN` in source order and rows in source order (DuckDB keeps insertion order, so `rowid + 1`
 * is the data row ordinal). Shared by the reconciliation and profiling engines.
 */
export async function copySourceIntoDuckDb(
  conn: DuckDBConnection,
  table: string,
  source: TabularSource,
  onRows?: (rows: number) => void,
): Promise<{ rows: number; fastPath: boolean }> {
  const quoted = quoteIdent(table);
  await conn.run(`CREATE OR REPLACE TABLE ${quoted} (${columnDefinitions(source.columns.length)})`);
  if (await tryDuckDbCsv(conn, quoted, source)) {
    const rows = Number((await conn.runAndReadAll(`SELECT count(*) FROM ${quoted}`)).getRowsJS()[0][0]);
    onRows?.(rows);
    return { rows, fastPath: true };
  }
  return { rows: await appendBatches(conn, table, source, onRows), fastPath: false };
}
