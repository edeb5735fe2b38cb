import type { DuckDBConnection } from '@duckdb/node-api';
import { AppError } from '../../shared/app-error';
import { copySourceIntoDuckDb } from '../duckdb/copy-source';
import { openSource } from '../sources/open-source';
import type { OpenSourceOptions, TabularSource } from '../sources/source-types';

/** A source copied into a DuckDB table whose columns are `c0…cN` (VARCHAR), in source order. */
export interface LoadedTable {
  table: string;
  description: string;
  columns: string[];
  rows: number;
  /** True when DuckDB's own CSV reader did the load. */
  fastPath: boolean;
}

/** Opens a source spec (or takes an opened `source`) and copies it into `table`; the source is closed either way. */
export async function loadSourceTable(
  conn: DuckDBConnection,
  table: string,
  spec: string,
  options: OpenSourceOptions & { baseDir?: string; onRows?: (rows: number) => void; source?: TabularSource },
): Promise<LoadedTable> {
  const source = options.source ?? (await openSource(spec, options));
  try {
    if (source.columns.length === 0) {
      throw new AppError('SOURCES_NO_COLUMNS', { source: source.description });
    }
    const { rows, fastPath } = await copySourceIntoDuckDb(conn, table, source, options.onRows);
    return { table, description: source.description, columns: [...source.columns], rows, fastPath };
  } finally {
    await source.close();
  }
}
