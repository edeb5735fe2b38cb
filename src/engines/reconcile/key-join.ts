import type { DuckDBConnection } from '@duckdb/node-api';
import { differsExpr } from './comparison-sql';
import type { ColumnPlan } from './plan-columns';
import { readScalar } from './read-scalar';
import type { SideViews } from './side-views';

/** The key columns of the normalised views and the SQL fragments built from them. */
export interface KeyJoin {
  /** `k0`, `k1`, … */
  keyCols: string[];
  keyList: string;
  /** True for a row with any null key part. */
  keyNull: string;
  /** Rows of a view with a full key that is not duplicated on either side. */
  eligible(view: string): string;
}

/**
 * Finds duplicate keys on each side (`ln_dup`, `rn_dup`, both in `xk`), keeps them and null keys
 * out of the join so it stays one-to-one, and writes the differing rows of the FULL OUTER JOIN to
 * table `d`: keys, status `st` (0 changed, 1 only left, 2 only right), a flag `fN` per compared
 * column and the raw values `lvN`, `rvN`.
 */
export async function joinOnKeys(conn: DuckDBConnection, plan: ColumnPlan, { ln, rn }: SideViews): Promise<KeyJoin> {
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
  const excluded = await readScalar(conn, 'SELECT count(*) FROM xk');
  const eligible = (t: string): string =>
    `SELECT * FROM ${t} WHERE ${keyNotNull}` +
    (excluded > 0 ? ` AND NOT EXISTS (SELECT 1 FROM xk WHERE ${keyCols.map((k) => `xk.${k} = ${t}.${k}`).join(' AND ')})` : '');

  const flags = plan.compared.map((c, i) => `(l.k0 IS NOT NULL AND r.k0 IS NOT NULL AND ${differsExpr(c, `l.n${i}`, `r.n${i}`)}) AS f${i}`);
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
  return { keyCols, keyList, keyNull, eligible };
}
