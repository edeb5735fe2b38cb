/**
 * The floor of any exact profile: DuckDB reads the CSV (every column as text) into a table once,
 * then GROUP BYs each column for its exact distinct count, null count and ten most frequent values
 * — no types, patterns or validators. Printed as JSON in the shape golive prints (`rows`, `columns`
 * with `name`, `nulls`, `distinct`), so the bench checks it like the others.
 *
 *   node --import tsx bench/profile/duckdb-exact.ts data.csv
 */
import { availableParallelism } from 'node:os';
import { DuckDBInstance } from '@duckdb/node-api';

const path = process.argv[2];
const instance = await DuckDBInstance.create(':memory:', { threads: String(availableParallelism()) });
const conn = await instance.connect();
await conn.run(`CREATE TABLE t AS SELECT * FROM read_csv('${path.replace(/'/g, "''")}', all_varchar=true)`);
const names = (await conn.runAndReadAll('SELECT column_name FROM (DESCRIBE t)')).getRowsJS().map((r) => String(r[0]));
const rows = Number((await conn.runAndReadAll('SELECT count(*) FROM t')).getRowsJS()[0][0]);
const columns = [];
for (const name of names) {
  const col = `"${name.replace(/"/g, '""')}"`;
  await conn.run(`CREATE OR REPLACE TEMP TABLE g AS SELECT ${col} AS v, count(*) AS n FROM t GROUP BY ${col}`);
  const [distinct, nulls] = (await conn.runAndReadAll('SELECT count(v), coalesce(sum(n) FILTER (WHERE v IS NULL), 0) FROM g'))
    .getRowsJS()[0]
    .map(Number);
  const top = (await conn.runAndReadAll('SELECT v, n FROM g WHERE v IS NOT NULL ORDER BY n DESC, v LIMIT 10'))
    .getRowsJS()
    .map(([value, count]) => ({ value: String(value), count: Number(count) }));
  columns.push({ name, nulls, distinct, top });
}
process.stdout.write(`${JSON.stringify({ rows, columns })}\n`);
conn.closeSync();
instance.closeSync();
