import type { DuckDBConnection } from '@duckdb/node-api';

/** The first column of the first row of a query, as a number (0 when empty or null). */
export async function readScalar(conn: DuckDBConnection, sql: string): Promise<number> {
  const reader = await conn.runAndReadAll(sql);
  return Number(reader.getRowsJS()[0][0] ?? 0);
}
