import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import type { FieldPacket } from 'mysql2';
import pg from 'pg';
import { AppError } from '../../shared/app-error';
import { formatSourceValue } from '../sources/format-source-value';
import { connectMysql, openMysqlSource } from '../sources/mysql-source';
import { describeSourceSpec, parseSourceSpec } from '../sources/parse-source-spec';
import { openPostgresSource, sourceError } from '../sources/postgres-source';
import { quoteTableName } from '../sources/quote-table-name';
import type { SourceRowBatch, SourceValue, TabularSource } from '../sources/source-types';
import { bucketOf, rowHashParts } from './code-point-order';
import { quoteIdent, quoteLiteral } from './sql-text';

/** Row count and checksum of one key segment on one side. */
export interface SegmentStats {
  count: number;
  /** `Σh1 mod 2³²:Σh2 mod 2³²` over md5 of each row's canonical text: independent of row order. */
  checksum: string;
}

/**
 * One side of a bisection, kept in its database. Segments are given as intervals of
 * `width_bucket(keyText, thresholds)`: interval i holds keys k with thresholds[i-1] ≤ k < thresholds[i]
 * in binary (code point) order. Rows whose key is null or empty never fall in a segment.
 */
export interface BisectSide {
  readonly description: string;
  readonly columns: string[];
  /** Fixes which columns form the key and which are hashed (key columns first, then compared ones). */
  prepare(keyColumns: string[], comparedColumns: string[]): void;
  counts(): Promise<{ rows: number; nullKeys: number }>;
  /** Key texts occurring more than once. */
  duplicateKeys(): Promise<string[]>;
  /** About `fanout` evenly spaced keys of each wanted interval, in binary order. */
  quantiles(thresholds: string[], buckets: number[], fanout: number): Promise<Map<number, string[]>>;
  stats(thresholds: string[], buckets: number[]): Promise<Map<number, SegmentStats>>;
  /** 1-based source row numbers (natural order) and key texts of rows with a null or empty key. */
  nullKeyRows(): Promise<{ row: number; key: (string | null)[] }[]>;
  /** The rows of the wanted intervals as a source the normal engine can load. */
  segmentSource(thresholds: string[], buckets: number[]): Promise<TabularSource>;
  close(): Promise<void>;
}

const BOOL_OID = 16;
const TEXT_OID = 25;
const VARCHAR_OID = 1043;
/** Same text rendering as the PostgreSQL source: the server's text for everything, booleans spelled out. */
const textTypes = {
  getTypeParser: (oid: number) => (oid === BOOL_OID ? (v: string) => (v === 't' ? 'true' : 'false') : (v: string) => v),
} as unknown as pg.CustomTypesConfig;

const KEY_SEPARATOR = '\u001f';
const MOD = 4294967296;

function emptyKeyToNull(text: string | null): string | null {
  return text === '' ? null : text;
}

function needPrepared<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('bisect side used before prepare()');
  return value;
}

/** A PostgreSQL side: everything below runs as SQL on the server; only per-segment numbers come back. */
async function openPostgresSide(url: string, from: string, description: string): Promise<BisectSide> {
  const client = new pg.Client({ connectionString: url, types: textTypes });
  let fields: pg.FieldDef[];
  try {
    await client.connect();
    fields = (await client.query(`SELECT * FROM ${from} LIMIT 0`)).fields;
  } catch (error) {
    await client.end().catch(() => {});
    throw sourceError(description, error);
  }
  const columns = fields.map((f) => f.name);
  const typeOf = new Map(fields.map((f) => [f.name, f.dataTypeID]));
  const col = (name: string): string => `golive_src.${quoteIdent(name)}`;
  // The text must be what the source delivers: the type's output function. A ::text cast is that for
  // text and varchar, but not for every type (char(n) drops its padding, inet gains a /32), so other
  // types go through concat(), which always calls the output function.
  const text = (name: string): string => {
    const oid = typeOf.get(name);
    if (oid === BOOL_OID) return `(CASE WHEN ${col(name)} THEN 'true' WHEN NOT ${col(name)} THEN 'false' END)`;
    return oid === TEXT_OID || oid === VARCHAR_OID ? `(${col(name)})::text` : `concat(${col(name)})`;
  };
  let sql: { keys: string[]; bkey: string; rowText: string } | undefined;

  const query = async <R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<R[]> => {
    try {
      return (await client.query<R>(text, values)).rows;
    } catch (error) {
      throw sourceError(description, error);
    }
  };
  const keyed = (): string => `SELECT ${needPrepared(sql).bkey} AS bk FROM ${from}`;

  return {
    description,
    columns,
    prepare(keyColumns, comparedColumns) {
      const cell = (name: string): string =>
        `(CASE WHEN ${col(name)} IS NULL THEN 'N' ELSE 'V' || char_length(${text(name)}) || ':' || ${text(name)} END)`;
      sql = {
        keys: keyColumns.map(text),
        bkey: `(${keyColumns.map((k) => `NULLIF(${text(k)}, '')`).join(` || chr(31) || `)}) COLLATE "C"`,
        rowText: [...keyColumns, ...comparedColumns].map(cell).join(` || '|' || `),
      };
    },
    async counts() {
      const [row] = await query<{ n: string; nulls: string }>(`SELECT count(*) AS n, count(*) - count(bk) AS nulls FROM (${keyed()}) s`);
      return { rows: Number(row.n), nullKeys: Number(row.nulls) };
    },
    async duplicateKeys() {
      const rows = await query<{ bk: string }>(`SELECT bk FROM (${keyed()}) s WHERE bk IS NOT NULL GROUP BY bk HAVING count(*) > 1`);
      return rows.map((r) => r.bk);
    },
    async quantiles(thresholds, buckets, fanout) {
      const out = new Map<number, string[]>();
      if (buckets.length === 0) return out;
      const rows = await query<{ b: string; bk: string }>(
        `SELECT b, bk FROM (SELECT b, bk, row_number() OVER (PARTITION BY b ORDER BY bk) AS rn, count(*) OVER (PARTITION BY b) AS cnt ` +
          `FROM (SELECT width_bucket(bk, $1::text[]) AS b, bk FROM (${keyed()}) s WHERE bk IS NOT NULL) x WHERE b = ANY($2::int[])) y ` +
          `WHERE rn % (CASE WHEN cnt >= $3 THEN cnt / $3 ELSE 1 END) = 0 ORDER BY b, bk`,
        [thresholds, buckets, fanout],
      );
      for (const r of rows) out.set(Number(r.b), [...(out.get(Number(r.b)) ?? []), r.bk]);
      return out;
    },
    async stats(thresholds, buckets) {
      const out = new Map<number, SegmentStats>();
      if (buckets.length === 0) return out;
      const { bkey, rowText } = needPrepared(sql);
      const half = (from: number): string => `(sum(('x' || substr(h, ${from}, 8))::bit(32)::bigint) % ${MOD})::text`;
      const rows = await query<{ b: string; n: string; s: string }>(
        `SELECT b, count(*) AS n, ${half(1)} || ':' || ${half(9)} AS s FROM (SELECT b, md5(rt) AS h FROM ` +
          `(SELECT width_bucket(${bkey}, $1::text[]) AS b, ${rowText} AS rt FROM ${from} WHERE ${bkey} IS NOT NULL) x ` +
          `WHERE b = ANY($2::int[])) y GROUP BY b`,
        [thresholds, buckets],
      );
      for (const r of rows) out.set(Number(r.b), { count: Number(r.n), checksum: r.s });
      return out;
    },
    async nullKeyRows() {
      const { keys, bkey } = needPrepared(sql);
      const rows = await query<Record<string, string | null>>(
        `SELECT rn, ${keys.map((_, i) => `k${i}`).join(', ')} FROM (SELECT row_number() OVER () AS rn, ${bkey} AS bk, ` +
          `${keys.map((k, i) => `${k} AS k${i}`).join(', ')} FROM ${from}) s WHERE bk IS NULL ORDER BY rn`,
      );
      return rows.map((r) => ({ row: Number(r.rn), key: keys.map((_, i) => emptyKeyToNull(r[`k${i}`])) }));
    },
    async segmentSource(thresholds, buckets) {
      const { bkey } = needPrepared(sql);
      const where = buckets.length
        ? `width_bucket(${bkey}, ARRAY[${thresholds.map(quoteLiteral).join(', ')}]::text[]) IN (${buckets.join(', ')})`
        : 'false';
      return openPostgresSource(url, undefined, true, description, {
        query: `SELECT golive_src.* FROM ${from} WHERE ${bkey} IS NOT NULL AND ${where}`,
      });
    },
    close: async () => {
      await client.end().catch(() => {});
    },
  };
}

/**
 * A SQLite side. SQLite has no md5, so the canonical text and its hash are deterministic JS
 * functions registered on the connection (golive_bkey, golive_bucket, golive_sum): they render
 * every value exactly as the SQLite source does (integers as bigint, reals as JS numbers), so the
 * checksums agree with PostgreSQL's for equal data. The work stays inside the SQLite process.
 */
function openSqliteSide(path: string, from: string, description: string): BisectSide {
  if (!existsSync(path)) throw new AppError('SOURCES_FILE_NOT_FOUND', { file: description });
  const db = new SQLite(path, { readonly: true, fileMustExist: true });
  let thresholds: readonly string[] = [];
  const bkey = (...values: SourceValue[]): string | null => {
    const parts: string[] = [];
    for (const v of values) {
      const t = formatSourceValue(v);
      if (t === null || t === '') return null;
      parts.push(t);
    }
    return parts.join(KEY_SEPARATOR);
  };
  db.function('golive_bkey', { deterministic: true, varargs: true, safeIntegers: true }, bkey);
  db.function('golive_bucket', { deterministic: true }, (k: string) => bucketOf(k, thresholds));
  db.function('golive_text', { deterministic: true, safeIntegers: true }, (v: SourceValue) => formatSourceValue(v));
  db.aggregate<[number, number]>('golive_sum', {
    start: () => [0, 0],
    step: ((acc: [number, number], ...values: SourceValue[]) => {
      const [a, b] = rowHashParts(values);
      acc[0] = (acc[0] + a) % MOD;
      acc[1] = (acc[1] + b) % MOD;
      return acc;
    }) as unknown as (acc: [number, number], next: number) => [number, number],
    result: (acc) => `${acc[0]}:${acc[1]}`,
    varargs: true,
    safeIntegers: true,
  });
  let columns: string[];
  try {
    columns = db
      .prepare(`SELECT * FROM ${from}`)
      .columns()
      .map((c) => c.name);
  } catch (error) {
    db.close();
    throw new AppError('SOURCES_QUERY_FAILED', { source: description, reason: (error as Error).message });
  }
  const col = (name: string): string => `golive_src.${quoteIdent(name)}`;
  let sql: { keys: string[]; bkey: string; hashed: string } | undefined;
  const all = <R>(text: string): R[] => {
    try {
      return db.prepare(text).all() as R[];
    } catch (error) {
      throw new AppError('SOURCES_QUERY_FAILED', { source: description, reason: (error as Error).message });
    }
  };
  const keyed = (): string => `SELECT ${needPrepared(sql).bkey} AS bk FROM ${from}`;

  return {
    description,
    columns,
    prepare(keyColumns, comparedColumns) {
      sql = {
        keys: keyColumns.map(col),
        bkey: `golive_bkey(${keyColumns.map(col).join(', ')})`,
        hashed: [...keyColumns, ...comparedColumns].map(col).join(', '),
      };
    },
    async counts() {
      const [row] = all<{ n: number; nulls: number }>(`SELECT count(*) AS n, count(*) - count(bk) AS nulls FROM (${keyed()})`);
      return { rows: Number(row.n), nullKeys: Number(row.nulls) };
    },
    async duplicateKeys() {
      return all<{ bk: string }>(`SELECT bk FROM (${keyed()}) WHERE bk IS NOT NULL GROUP BY bk HAVING count(*) > 1`).map((r) => r.bk);
    },
    async quantiles(bounds, buckets, fanout) {
      const out = new Map<number, string[]>();
      if (buckets.length === 0) return out;
      thresholds = bounds;
      const rows = all<{ b: number; bk: string }>(
        `SELECT b, bk FROM (SELECT b, bk, row_number() OVER (PARTITION BY b ORDER BY bk) AS rn, count(*) OVER (PARTITION BY b) AS cnt ` +
          `FROM (SELECT golive_bucket(bk) AS b, bk FROM (${keyed()}) WHERE bk IS NOT NULL) WHERE b IN (${buckets.join(', ')})) ` +
          `WHERE rn % (CASE WHEN cnt >= ${fanout} THEN cnt / ${fanout} ELSE 1 END) = 0 ORDER BY b, bk`,
      );
      for (const r of rows) out.set(Number(r.b), [...(out.get(Number(r.b)) ?? []), r.bk]);
      return out;
    },
    async stats(bounds, buckets) {
      const out = new Map<number, SegmentStats>();
      if (buckets.length === 0) return out;
      thresholds = bounds;
      const { bkey, hashed } = needPrepared(sql);
      const rows = all<{ b: number; n: number; s: string }>(
        `SELECT golive_bucket(${bkey}) AS b, count(*) AS n, golive_sum(${hashed}) AS s FROM ${from} ` +
          `WHERE ${bkey} IS NOT NULL AND golive_bucket(${bkey}) IN (${buckets.join(', ')}) GROUP BY 1`,
      );
      for (const r of rows) out.set(Number(r.b), { count: Number(r.n), checksum: r.s });
      return out;
    },
    async nullKeyRows() {
      const { keys, bkey } = needPrepared(sql);
      const rows = all<Record<string, string | null>>(
        `SELECT rn, ${keys.map((_, i) => `k${i}`).join(', ')} FROM (SELECT row_number() OVER () AS rn, ${bkey} AS bk, ` +
          `${keys.map((k, i) => `golive_text(${k}) AS k${i}`).join(', ')} FROM ${from}) WHERE bk IS NULL ORDER BY rn`,
      );
      return rows.map((r) => ({ row: Number(r.rn), key: keys.map((_, i) => emptyKeyToNull(r[`k${i}`])) }));
    },
    async segmentSource(bounds, buckets) {
      const { bkey } = needPrepared(sql);
      const statement = db.prepare(
        `SELECT golive_src.* FROM ${from} WHERE ${bkey} IS NOT NULL AND ${buckets.length ? `golive_bucket(${bkey}) IN (${buckets.join(', ')})` : '0'}`,
      );
      statement.raw(true).safeIntegers(true);
      async function* batches(): AsyncGenerator<SourceRowBatch> {
        thresholds = bounds;
        let rows: SourceValue[][] = [];
        let firstRow = 1;
        for (const row of statement.iterate() as Iterable<SourceValue[]>) {
          rows.push(row);
          if (rows.length >= 8192) {
            yield { rows, firstRow };
            firstRow += rows.length;
            rows = [];
          }
        }
        if (rows.length > 0) yield { rows, firstRow };
      }
      return { kind: 'sqlite', description, columns, batches, close: async () => {} };
    },
    close: async () => {
      if (db.open) db.close();
    },
  };
}

const MYSQL_FLOAT = new Set([4, 5]); // FLOAT, DOUBLE
const MYSQL_REFUSED = new Map([
  [16, 'BIT'],
  [255, 'GEOMETRY'],
]);
const MYSQL_BLOBS = new Set([249, 250, 251, 252, 253, 254, 15]); // blobs and (var)char: binary when the charset is 63
const MYSQL_BINARY_CHARSET = 63;

/**
 * A MySQL/MariaDB side. MySQL has md5 but no width_bucket, so a key's segment is a nested CASE that
 * binary-searches the thresholds; keys compare as BINARY strings (byte order of utf8mb4, no padding),
 * which is code point order like PostgreSQL's "C". FLOAT/DOUBLE, BIT and GEOMETRY columns are refused:
 * the driver turns them into JS numbers or objects whose text the server cannot reproduce exactly.
 */
async function openMysqlSide(url: string, from: string, description: string): Promise<BisectSide> {
  const connection = await connectMysql(url, description);
  const run = <R>(sql: string): Promise<R[]> =>
    new Promise((resolvePromise, reject) => {
      connection.query(sql, (error, rows) => (error ? reject(sourceError(description, error)) : resolvePromise(rows as R[])));
    });
  let fields: FieldPacket[];
  try {
    fields = await new Promise<FieldPacket[]>((resolvePromise, reject) => {
      connection.query(`SELECT * FROM ${from} LIMIT 0`, (error, _rows, f) =>
        error ? reject(sourceError(description, error)) : resolvePromise(f),
      );
    });
  } catch (error) {
    connection.destroy();
    throw error;
  }
  const columns = fields.map((f) => f.name);
  const byName = new Map(fields.map((f) => [f.name, f]));
  const col = (name: string): string => `golive_src.${quoteTableName(name, '`')}`;
  const text = (name: string): string => {
    const field = byName.get(name);
    const type = field?.columnType ?? field?.type ?? 0;
    if (MYSQL_FLOAT.has(type) || MYSQL_REFUSED.has(type)) {
      throw new AppError(
        'RECONCILE_BISECT_INEXACT_COLUMN',
        { source: description, column: name, type: MYSQL_REFUSED.get(type) ?? 'FLOAT/DOUBLE', mode: 'bisect' },
        [{ field: name }],
      );
    }
    if (MYSQL_BLOBS.has(type) && field?.characterSet === MYSQL_BINARY_CHARSET) return `LOWER(HEX(${col(name)}))`;
    return `CAST(${col(name)} AS CHAR)`;
  };
  const literal = (value: string): string => `CAST(${connection.escape(value)} AS BINARY)`;
  /** Number of thresholds ≤ bk, as a CASE tree of depth log₂(thresholds). */
  const bucket = (thresholds: readonly string[], expr = 'bk', lo = 0, hi = thresholds.length): string => {
    if (lo === hi) return String(lo);
    const mid = (lo + hi) >>> 1;
    return `(CASE WHEN ${expr} < ${literal(thresholds[mid])} THEN ${bucket(thresholds, expr, lo, mid)} ELSE ${bucket(thresholds, expr, mid + 1, hi)} END)`;
  };
  const decode = (v: Buffer | string): string => (typeof v === 'string' ? v : v.toString('utf8'));
  let sql: { keys: string[]; bkey: string; rowText: string } | undefined;
  const keyed = (extra = ''): string => `SELECT ${needPrepared(sql).bkey} AS bk${extra} FROM ${from}`;

  return {
    description,
    columns,
    prepare(keyColumns, comparedColumns) {
      const cell = (name: string): string =>
        `(CASE WHEN ${col(name)} IS NULL THEN 'N' ELSE CONCAT('V', CHAR_LENGTH(${text(name)}), ':', ${text(name)}) END)`;
      sql = {
        keys: keyColumns.map(text),
        bkey: `CAST(CONCAT(${keyColumns.map((k) => `NULLIF(${text(k)}, '')`).join(', CHAR(31), ')}) AS BINARY)`,
        rowText: `CONCAT(${[...keyColumns, ...comparedColumns].map(cell).join(`, '|', `)})`,
      };
    },
    async counts() {
      const [row] = await run<{ n: number | string; nulls: number | string }>(
        `SELECT COUNT(*) AS n, COUNT(*) - COUNT(bk) AS nulls FROM (${keyed()}) s`,
      );
      return { rows: Number(row.n), nullKeys: Number(row.nulls) };
    },
    async duplicateKeys() {
      const rows = await run<{ bk: Buffer }>(`SELECT bk FROM (${keyed()}) s WHERE bk IS NOT NULL GROUP BY bk HAVING COUNT(*) > 1`);
      return rows.map((r) => decode(r.bk));
    },
    async quantiles(thresholds, buckets, fanout) {
      const out = new Map<number, string[]>();
      if (buckets.length === 0) return out;
      const rows = await run<{ b: number | string; bk: Buffer }>(
        `SELECT b, bk FROM (SELECT b, bk, ROW_NUMBER() OVER (PARTITION BY b ORDER BY bk) AS rn, COUNT(*) OVER (PARTITION BY b) AS cnt ` +
          `FROM (SELECT ${bucket(thresholds)} AS b, bk FROM (${keyed()}) s WHERE bk IS NOT NULL) x WHERE b IN (${buckets.join(', ')})) y ` +
          `WHERE rn % (CASE WHEN cnt >= ${fanout} THEN cnt DIV ${fanout} ELSE 1 END) = 0 ORDER BY b, bk`,
      );
      for (const r of rows) out.set(Number(r.b), [...(out.get(Number(r.b)) ?? []), decode(r.bk)]);
      return out;
    },
    async stats(thresholds, buckets) {
      const out = new Map<number, SegmentStats>();
      if (buckets.length === 0) return out;
      const half = (from: number): string => `MOD(SUM(CAST(CONV(SUBSTR(h, ${from}, 8), 16, 10) AS UNSIGNED)), ${MOD})`;
      const rows = await run<{ b: number | string; n: number | string; s: string }>(
        `SELECT b, COUNT(*) AS n, CONCAT(${half(1)}, ':', ${half(9)}) AS s FROM (SELECT b, MD5(rt) AS h FROM ` +
          `(SELECT ${bucket(thresholds)} AS b, rt FROM (${keyed(`, ${needPrepared(sql).rowText} AS rt`)}) s WHERE bk IS NOT NULL) x ` +
          `WHERE b IN (${buckets.join(', ')})) y GROUP BY b`,
      );
      for (const r of rows) out.set(Number(r.b), { count: Number(r.n), checksum: String(r.s) });
      return out;
    },
    async nullKeyRows() {
      const { keys, bkey } = needPrepared(sql);
      const rows = await run<Record<string, string | null>>(
        `SELECT rn, ${keys.map((_, i) => `k${i}`).join(', ')} FROM (SELECT ROW_NUMBER() OVER () AS rn, ${bkey} AS bk, ` +
          `${keys.map((k, i) => `${k} AS k${i}`).join(', ')} FROM ${from}) s WHERE bk IS NULL ORDER BY rn`,
      );
      return rows.map((r) => ({ row: Number(r.rn), key: keys.map((_, i) => emptyKeyToNull(r[`k${i}`])) }));
    },
    async segmentSource(thresholds, buckets) {
      const { bkey } = needPrepared(sql);
      const where = buckets.length ? `${bucket(thresholds, bkey)} IN (${buckets.join(', ')})` : 'FALSE';
      return openMysqlSource(url, undefined, true, description, {
        query: `SELECT golive_src.* FROM ${from} WHERE ${bkey} IS NOT NULL AND ${where}`,
      });
    },
    close: async () => {
      await new Promise<void>((resolvePromise) => connection.end(() => resolvePromise()));
    },
  };
}

/** How each database source names its table, for the message when it names none. */
const TABLE_EXAMPLES: Partial<Record<string, string>> & { mysql: string } = {
  postgres: 'postgres://…/db#public.orders',
  sqlite: 'sqlite:file.db#orders',
  mysql: 'mysql://user@host:3306/erp#orders',
};

/** Opens one side of a bisection from a source spec; only database sources qualify. */
export async function openBisectSide(spec: string, query: string | undefined, baseDir: string | undefined): Promise<BisectSide> {
  const parsed = parseSourceSpec(spec);
  const description = describeSourceSpec(spec);
  const target = (p: { target?: string; isQuery: boolean }): string => {
    const sql = query ?? (p.isQuery ? p.target : undefined);
    if (sql) return `(${sql}) AS golive_src`;
    if (!p.target) throw new AppError('SOURCES_NO_TABLE', { source: description, example: TABLE_EXAMPLES[parsed.kind] ?? '#table' });
    return `${quoteTableName(p.target)} AS golive_src`;
  };
  if (parsed.kind === 'postgres') return openPostgresSide(parsed.url, target(parsed), description);
  if (parsed.kind === 'sqlite') return openSqliteSide(resolve(baseDir ?? process.cwd(), parsed.path), target(parsed), description);
  if (parsed.kind === 'mysql') {
    const sql = query ?? (parsed.isQuery ? parsed.target : undefined);
    if (!sql && !parsed.target) throw new AppError('SOURCES_NO_TABLE', { source: description, example: TABLE_EXAMPLES.mysql });
    return openMysqlSide(
      parsed.url,
      sql ? `(${sql}) AS golive_src` : `${quoteTableName(parsed.target ?? '', '`')} AS golive_src`,
      description,
    );
  }
  throw new AppError('RECONCILE_BISECT_NOT_DATABASE', { source: description, kind: parsed.kind, mode: 'bisect' }, [{ field: 'mode' }]);
}
