/**
 * The hand-written DuckDB query a skilled analyst would run: FULL OUTER JOIN of both CSVs,
 * same mapping, value map and tolerance, writing one row per differing key with a flag per column.
 *
 *   node --import tsx bench/reconcile/duckdb-baseline.ts <dataDir> <out.csv>
 */
import { DuckDBInstance } from '@duckdb/node-api';

const [dataDir, out] = process.argv.slice(2);
const instance = await DuckDBInstance.create(':memory:');
const conn = await instance.connect();
const cols = ['code', 'name', 'qty', 'price', 'created', 'region', 'note'];
const read = (f: string): string => `read_csv('${dataDir}/${f}', all_varchar=true, header=true)`;
await conn.run(`COPY (
  WITH l AS (SELECT * FROM ${read('left.csv')}),
       r AS (SELECT * FROM ${read('right.csv')}),
       m AS (SELECT * FROM ${read('status_map.csv')}),
       lm AS (SELECT l.*, COALESCE(m.new, l.status) AS status_m FROM l LEFT JOIN m ON m.old = l.status)
  SELECT * FROM (
    SELECT COALESCE(lm.id, r.id) AS id,
      CASE WHEN r.id IS NULL THEN 'only_left' WHEN lm.id IS NULL THEN 'only_right' ELSE 'changed' END AS st,
      ${cols.map((c) => `(lm.${c} IS DISTINCT FROM r.${c}) AS d_${c}`).join(', ')},
      (lm.status_m IS DISTINCT FROM r.status) AS d_status,
      (abs(CAST(lm.amount AS DECIMAL(38,6)) - CAST(r.total_amount AS DECIMAL(38,6))) > 0.01) AS d_amount
    FROM lm FULL OUTER JOIN r ON lm.id = r.id
  ) WHERE st <> 'changed' OR ${[...cols, 'status', 'amount'].map((c) => `d_${c}`).join(' OR ')}
) TO '${out}' (HEADER, DELIMITER ',')`);
process.stderr.write(`maxrss_kb=${process.resourceUsage().maxRSS}\n`);
