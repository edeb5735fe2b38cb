import type { DuckDBConnection } from '@duckdb/node-api';
import { copySourceIntoDuckDb } from '../duckdb/copy-source';
import type { TabularSource } from '../sources/source-types';

/**
 * Copies an opened source into table `t` with VARCHAR columns `c0…cN` in source order, in
 * source row order (DuckDB keeps insertion order, so `rowid + 1` is the data row ordinal).
 */
export function loadProfileTable(
  conn: DuckDBConnection,
  source: TabularSource,
  onRows?: (rows: number) => void,
): Promise<{ rows: number; fastPath: boolean }> {
  return copySourceIntoDuckDb(conn, 't', source, onRows);
}
