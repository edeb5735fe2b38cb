import mysql from 'mysql2/promise';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabaseUrl, createTestMysqlUrl, testDialects } from '../../../test/db-harness';
import type { DiffRow } from './diff-row';
import { validateReconcileSpec } from './reconcile-spec';
import { runReconciliation } from './run-reconciliation';

// Undefined (tests skip) without GOLIVE_TEST_MYSQL_URL; throws with GOLIVE_REQUIRE_ALL=1.
const mysqlUrl = await createTestMysqlUrl();

describe.runIf(mysqlUrl && testDialects().includes('postgres'))('reconciling MySQL (legacy) with PostgreSQL (new)', () => {
  afterAll(async () => {
    if (!mysqlUrl) return;
    const c = await mysql.createConnection(mysqlUrl);
    await c.query(`DROP DATABASE ${new URL(mysqlUrl).pathname.slice(1)}`);
    await c.end();
  });

  it('compares exact decimals, big integers and Chinese text across the two servers', async () => {
    const legacy = await mysql.createConnection({ uri: mysqlUrl, multipleStatements: true, charset: 'utf8mb4' });
    await legacy.query(
      `CREATE TABLE kehu (bianhao BIGINT PRIMARY KEY, mingcheng VARCHAR(40), yue DECIMAL(20,4), xinyong BIGINT, dengji CHAR(1)) CHARACTER SET utf8mb4;
       INSERT INTO kehu VALUES
         (9007199254740993, '北京华信科技有限公司', 1234567890123.4567, 9223372036854775807, 'A'),
         (2, '上海浦东贸易', 100.0000, 5, 'B'),
         (3, '广州😀餐饮', 0.1000, 7, 'A'),
         (4, '深圳旧客户', 50.5000, 1, 'C');`,
    );
    await legacy.end();
    const url = await createTestDatabaseUrl('postgres');
    const next = new pg.Client({ connectionString: url });
    await next.connect();
    await next.query(
      `CREATE TABLE customer (customer_no int8, name text, balance numeric(20,2), credit int8, grade text);
       INSERT INTO customer VALUES
         (9007199254740993, '北京华信科技有限公司', 1234567890123.46, 9223372036854775807, 'A'),
         (2, '上海浦东贸易（新）', 100.00, 5, 'B'),
         (3, '广州😀餐饮', 0.10, 8, 'A'),
         (5, '杭州新客户', 1.00, 1, 'A');`,
    );
    await next.end();

    const run = await runReconciliation(
      validateReconcileSpec({
        left: `${mysqlUrl}#kehu`,
        right: `${url}#public.customer`,
        key: 'bianhao',
        mapColumns: { bianhao: 'customer_no', mingcheng: 'name', yue: 'balance', xinyong: 'credit', dengji: 'grade' },
        rules: { yue: { tolerance: 0.005 } },
      }),
      { threads: 1, memoryLimit: '256MB' },
    );
    try {
      const diffs: DiffRow[] = [];
      for await (const batch of run.differences()) diffs.push(...batch);
      expect(run.summary).toMatchObject({
        left_rows: 4,
        right_rows: 4,
        matched: 1,
        changed: 2,
        only_left: 1,
        only_right: 1,
        columns: { mingcheng: 1, yue: 0, xinyong: 1, dengji: 0 },
      });
      expect(diffs).toEqual([
        { key: ['2'], status: 'changed', column: 'mingcheng', left: '上海浦东贸易', right: '上海浦东贸易（新）', delta: null },
        { key: ['3'], status: 'changed', column: 'xinyong', left: '7', right: '8', delta: '1' },
        { key: ['4'], status: 'only_left', column: null, left: null, right: null, delta: null },
        { key: ['5'], status: 'only_right', column: null, left: null, right: null, delta: null },
      ]);
      expect(run.left.description).not.toContain('golive-test');
    } finally {
      await run.close();
    }
  });

  it('bisects MySQL ↔ PostgreSQL in place with the default mode’s result, keys in binary order', async () => {
    const traps = ['a', 'A', 'a ', 'B', 'b', 'Ä', 'ä', '10', '9', '1', '中', '中文', '😀', 'z'];
    const rows: [string, string | null, string, number][] = [];
    for (let i = 0; i < 400; i++)
      rows.push([`${traps[i % traps.length]}${Math.floor(i / traps.length) || ''}`, i % 9 ? `名${i}` : null, (i / 8).toFixed(2), i]);
    const legacy = await mysql.createConnection({ uri: mysqlUrl, charset: 'utf8mb4' });
    // A case- and accent-insensitive, space-padding collation on the key: the trap binary order must avoid.
    await legacy.query(
      'CREATE TABLE bis (kid VARCHAR(20) COLLATE utf8mb4_general_ci, name VARCHAR(20), amt DECIMAL(12,2), q INT) CHARACTER SET utf8mb4',
    );
    await legacy.query('INSERT INTO bis VALUES ?', [rows]);
    await legacy.end();
    const url = await createTestDatabaseUrl('postgres');
    const next = new pg.Client({ connectionString: url });
    await next.connect();
    await next.query('CREATE TABLE bis (kid text, name text, amt numeric(12,2), q int)');
    const edited = rows.map((r) => [...r] as (string | number | null)[]);
    edited[5][1] = '改了';
    edited[17][2] = '99.99';
    edited[30][0] = 'A ';
    edited.splice(200, 1);
    edited.push(['new', 'x', '1.00', 1], [edited[3][0], 'dup', '1.00', 1]);
    for (const r of edited) await next.query('INSERT INTO bis VALUES ($1, $2, $3, $4)', r);
    await next.end();

    const input = { left: `${mysqlUrl}#bis`, right: `${url}#bis`, key: 'kid', bisect: { fanout: 4, leafRows: 8 } };
    const collect = async (mode: 'full' | 'bisect') => {
      const run = await runReconciliation(validateReconcileSpec({ ...input, mode }), { threads: 1, memoryLimit: '256MB' });
      try {
        const diffs: DiffRow[] = [];
        for await (const batch of run.differences()) diffs.push(...batch);
        return { summary: run.summary, diffs };
      } finally {
        await run.close();
      }
    };
    const full = await collect('full');
    const bisect = await collect('bisect');
    const { bisect: stats, ...summary } = bisect.summary;
    expect(summary).toEqual(full.summary);
    expect(bisect.diffs).toEqual(full.diffs);
    expect(full.summary).toMatchObject({ changed: 2, only_left: 2, only_right: 2, duplicate_keys_right: 1 });
    expect((stats?.rows_fetched_left ?? 0) + (stats?.rows_fetched_right ?? 0)).toBeLessThan(200);
    expect(stats?.levels).toBeGreaterThan(1);
  });

  it('refuses a FLOAT/DOUBLE column in bisect mode (its text is not reproducible) but compares it in the default mode', async () => {
    const legacy = await mysql.createConnection({ uri: mysqlUrl });
    await legacy.query('CREATE TABLE fl (id INT, f DOUBLE)');
    await legacy.query('INSERT INTO fl VALUES (1, 1.5), (2, 1e21)');
    await legacy.end();
    const spec = { left: `${mysqlUrl}#fl`, right: `${mysqlUrl}#fl`, key: 'id' };
    await expect(runReconciliation(validateReconcileSpec({ ...spec, mode: 'bisect' }))).rejects.toThrow(
      /column "f" is FLOAT\/DOUBLE, which bisect mode cannot checksum exactly on MySQL/,
    );
    const run = await runReconciliation(validateReconcileSpec({ ...spec, ignore: [] }), { threads: 1 });
    expect(run.summary.matched).toBe(2);
    await run.close();
    const ignored = await runReconciliation(validateReconcileSpec({ ...spec, ignore: ['f'], mode: 'bisect' }), { threads: 1 });
    expect(ignored.summary).toMatchObject({ matched: 2, bisect: { rows_fetched_left: 0 } });
    await ignored.close();
  });
});
