/**
 * Baseline: DuckDB's own SUMMARIZE over the same CSV (its auto-detecting reader), printed as JSON.
 * SUMMARIZE's distinct counts are approximate (HyperLogLog) by design.
 *
 *   node --import tsx bench/profile/duckdb-summarize.ts data.csv
 */
import { availableParallelism } from 'node:os';
import { DuckDBInstance } from '@duckdb/node-api';

const path = process.argv[2];
const instance = await DuckDBInstance.create(':memory:', { threads: String(availableParallelism()) });
const conn = await instance.connect();
const reader = await conn.runAndReadAll(`SUMMARIZE SELECT * FROM read_csv('${path.replace(/'/g, "''")}')`);
const columns = reader.getRowObjectsJson();
process.stdout.write(`${JSON.stringify(columns)}\n`);
conn.closeSync();
instance.closeSync();
