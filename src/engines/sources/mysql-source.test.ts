import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestMysqlUrl } from '../../../test/db-harness';
import { formatSourceValue } from './format-source-value';
import { openSource } from './open-source';
import type { OpenSourceOptions } from './source-types';

// Undefined (tests skip) without GOLIVE_TEST_MYSQL_URL; throws with GOLIVE_REQUIRE_ALL=1.
const url = await createTestMysqlUrl();

async function readAll(spec: string, options: OpenSourceOptions = {}): Promise<{ columns: readonly string[]; rows: (string | null)[][] }> {
  const source = await openSource(spec, options);
  const rows: (string | null)[][] = [];
  try {
    for await (const batch of source.batches()) rows.push(...batch.rows.map((r) => r.map(formatSourceValue)));
  } finally {
    await source.close();
  }
  return { columns: source.columns, rows };
}

describe.runIf(url)('MySQL sources', () => {
  const base = url ?? '';
  beforeAll(async () => {
    const c = await mysql.createConnection({ uri: base, multipleStatements: true, charset: 'utf8mb4' });
    await c.query(
      `CREATE TABLE orders (id BIGINT PRIMARY KEY, amount DECIMAL(30,10), big BIGINT UNSIGNED, name VARCHAR(40), at DATETIME(3), flag TINYINT(1), raw VARBINARY(4)) CHARACTER SET utf8mb4;
       INSERT INTO orders VALUES
         (1, 12345678901234567890.0123456789, 18446744073709551615, '北京朝阳😀', '2024-01-02 03:04:05.123', 1, x'0aff'),
         (2, -0.5, 9007199254740993, '上海', '2024-01-02 00:00:00.000', 0, NULL),
         (3, NULL, NULL, NULL, NULL, NULL, NULL);
       CREATE TABLE many (id INT PRIMARY KEY, v VARCHAR(20));`,
    );
    // 25 000 rows, enough for several batches.
    const many = Array.from({ length: 25000 }, (_, i) => [i + 1, `v${i + 1}`]);
    await c.query('INSERT INTO many VALUES ?', [many]);
    await c.end();
  });
  afterAll(async () => {
    const c = await mysql.createConnection(base);
    await c.query(`DROP DATABASE ${new URL(base).pathname.slice(1)}`);
    await c.end();
  });

  it('reads a table with exact DECIMAL/BIGINT text, utf8mb4 Chinese text and dates as written', async () => {
    const { columns, rows } = await readAll(`${base}#orders`);
    expect(columns).toEqual(['id', 'amount', 'big', 'name', 'at', 'flag', 'raw']);
    expect(rows).toEqual([
      ['1', '12345678901234567890.0123456789', '18446744073709551615', '北京朝阳😀', '2024-01-02 03:04:05.123', '1', '0aff'],
      ['2', '-0.5000000000', '9007199254740993', '上海', '2024-01-02 00:00:00.000', '0', null],
      ['3', null, null, null, null, null, null],
    ]);
  });

  it('runs a query given after # or as the query option', async () => {
    expect((await readAll(`${base}#SELECT name, amount FROM orders WHERE id = 2`)).rows).toEqual([['上海', '-0.5000000000']]);
    expect((await readAll(`${base}#orders`, { query: 'SELECT COUNT(*) AS n FROM orders' })).rows).toEqual([['3']]);
  });

  it('streams in batches and can be closed half-read', async () => {
    const source = await openSource(`${base}#many`, { batchSize: 1000 });
    const sizes: number[] = [];
    for await (const batch of source.batches()) {
      sizes.push(batch.rows.length);
      if (sizes.length === 3) break;
    }
    await source.close();
    expect(sizes).toEqual([1000, 1000, 1000]);
    const all = await readAll(`${base}#many`, { batchSize: 4096 });
    expect(all.rows).toHaveLength(25000);
    expect(all.rows[24999]).toEqual(['25000', 'v25000']);
  });

  it('names an unknown table clearly', async () => {
    await expect(readAll(`${base}#nope`)).rejects.toThrow(/#nope" failed: Table '.*\.nope' doesn't exist/);
  });

  it('reports an unreachable server and a wrong password without the password', async () => {
    const unreachable = new URL(base);
    unreachable.port = '1';
    unreachable.password = 'hunter2';
    const error = (await readAll(`${unreachable.toString()}#orders`).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/cannot reach the database server \(connect ECONNREFUSED/);
    expect(error.message).not.toContain('hunter2');
    const wrong = new URL(base);
    wrong.password = 'hunter2';
    const denied = (await readAll(`${wrong.toString()}#orders`).catch((e: unknown) => e)) as Error;
    expect(denied.message).toMatch(/Access denied/);
    expect(denied.message).not.toContain('hunter2');
  });
});
