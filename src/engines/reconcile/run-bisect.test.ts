import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabaseUrl, testDialects } from '../../../test/db-harness';
import { bucketOf, compareCodePoints } from './code-point-order';
import type { DiffRow } from './diff-row';
import { validateReconcileSpec, type ReconcileSpecInput } from './reconcile-spec';
import { runReconciliation, type ReconcileSummary } from './run-reconciliation';

const dir = mkdtempSync(join(tmpdir(), 'golive-bisect-test-'));
let fileNo = 0;

/** id, a, n (exact decimal), q (integer), f (double), ok (boolean) */
type Row = [string | null, string | null, string | null, number | null, number | null, boolean | null];

const PG_COLUMNS = (keyCollation = '') => `id text${keyCollation}, a text, n numeric(12,2), q int, f float8, ok boolean`;

async function pgTable(client: pg.Client, name: string, rows: Row[], keyCollation = ''): Promise<void> {
  await client.query(`CREATE TABLE ${name} (${PG_COLUMNS(keyCollation)})`);
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const params = chunk.flat();
    const values = chunk.map((_, r) => `(${Array.from({ length: 6 }, (_, c) => `$${r * 6 + c + 1}`).join(', ')})`).join(', ');
    await client.query(`INSERT INTO ${name} VALUES ${values}`, params);
  }
}

/** The same rows in SQLite, typed the way a legacy SQLite export would be: decimals as text, reals, integer flags as text. */
function sqliteTable(rows: Row[]): string {
  const path = join(dir, `s${fileNo++}.db`);
  const db = new SQLite(path);
  db.exec('CREATE TABLE t (id TEXT, a TEXT, n TEXT, q INTEGER, f REAL, ok TEXT)');
  const insert = db.prepare('INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const r of rows) insert.run(r[0], r[1], r[2], r[3], r[4], r[5] === null ? null : String(r[5]));
  })();
  db.close();
  return `sqlite:${path}#t`;
}

async function collect(input: ReconcileSpecInput): Promise<{ summary: ReconcileSummary; diffs: DiffRow[] }> {
  const run = await runReconciliation(validateReconcileSpec(input), { threads: 1, memoryLimit: '256MB' });
  try {
    const diffs: DiffRow[] = [];
    for await (const batch of run.differences()) diffs.push(...batch);
    return { summary: run.summary, diffs };
  } finally {
    await run.close();
  }
}

/** Runs both modes and checks bisect gives exactly the default mode's summary and differences. */
async function expectSameAsFull(input: ReconcileSpecInput): Promise<NonNullable<ReconcileSummary['bisect']>> {
  const full = await collect(input);
  const bisect = await collect({ ...input, mode: 'bisect' });
  const { bisect: stats, ...summary } = bisect.summary;
  expect(summary).toEqual(full.summary);
  expect(bisect.diffs).toEqual(full.diffs);
  expect(stats).toBeDefined();
  return stats ?? { segments_compared: 0, levels: 0, segments_fetched: 0, rows_fetched_left: 0, rows_fetched_right: 0 };
}

function baseRows(n: number): Row[] {
  return Array.from({ length: n }, (_, i) => [
    `k${i}`,
    i % 7 === 0 ? null : `值${i % 13}`,
    (((i * 37) % 10000) / 100).toFixed(2),
    i % 100,
    i % 5 === 0 ? i / 4 : i,
    i % 3 === 0,
  ]);
}

type Edit = {
  op: 'value' | 'delete' | 'insert' | 'dup' | 'nullKey' | 'emptyKey' | 'case' | 'decimal' | 'leftDup';
  at: number;
  text: string;
};

const edit: fc.Arbitrary<Edit> = fc.record({
  op: fc.constantFrom('value', 'delete', 'insert', 'dup', 'nullKey', 'emptyKey', 'case', 'decimal', 'leftDup'),
  at: fc.nat(),
  text: fc.constantFrom('x', 'Ä', '😀', '', '9', 'a|b', 'V3:abc'),
});

function applyEdits(rows: Row[], edits: Edit[]): { left: Row[]; right: Row[] } {
  const left = rows.map((r) => [...r] as Row);
  const right = rows.map((r) => [...r] as Row);
  for (const e of edits) {
    const i = e.at % right.length;
    const row = right[i];
    switch (e.op) {
      case 'value':
        row[1] = e.text;
        break;
      case 'delete':
        right.splice(i, 1);
        break;
      case 'insert':
        right.push([`${e.text}new${e.at}`, e.text, '1.00', 1, 0.5, true]);
        break;
      case 'dup':
        right.push([...row]);
        break;
      case 'leftDup':
        left.push([...left[e.at % left.length]]);
        break;
      case 'nullKey':
        row[0] = null;
        break;
      case 'emptyKey':
        row[0] = '';
        break;
      case 'case':
        row[0] = (row[0] ?? 'k').toUpperCase();
        break;
      case 'decimal':
        row[2] = row[2] === null ? '0.01' : `${row[2]}0`.slice(0, 6);
        break;
    }
  }
  return { left, right };
}

describe('code point order', () => {
  it('sorts like UTF-8 bytes, which is what COLLATE "C" and SQLite BINARY use', () => {
    const keys = ['a', 'B', 'Ä', '10', '9', '\uffff', '😀', '\ue000', 'b', 'A', ''];
    const byBytes = [...keys].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
    expect([...keys].sort(compareCodePoints)).toEqual(byBytes);
    expect(bucketOf('b', ['B', 'a'])).toBe(2);
    expect(bucketOf('B', ['B', 'a'])).toBe(1);
    expect(bucketOf('A', ['B', 'a'])).toBe(0);
  });
});

describe.runIf(testDialects().includes('postgres'))('bisect mode', () => {
  let client: pg.Client;
  let url = '';
  let tableNo = 0;
  beforeAll(async () => {
    url = await createTestDatabaseUrl('postgres');
    client = new pg.Client({ connectionString: url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
  });
  const table = async (rows: Row[], keyCollation = ''): Promise<string> => {
    const name = `t${tableNo++}`;
    await pgTable(client, name, rows, keyCollation);
    return `${url}#${name}`;
  };

  it('orders keys in binary order on both databases, unlike a linguistic collation', async () => {
    const keys = ['a', 'B', 'Ä', 'b', 'A', 'ä', '10', '9', '1', 'Z', '😀', '\uffff', 'e\u0301', 'é'];
    const sqlite = new SQLite(':memory:');
    sqlite.exec('CREATE TABLE k (v TEXT)');
    for (const k of keys) sqlite.prepare('INSERT INTO k VALUES (?)').run(k);
    const sqliteOrder = (sqlite.prepare('SELECT v FROM k ORDER BY v').pluck().all() as string[]).slice();
    sqlite.close();
    const values = keys.map((_, i) => `($${i + 1})`).join(', ');
    const pgC = await client.query<{ v: string }>(`SELECT v FROM (VALUES ${values}) x(v) ORDER BY v COLLATE "C"`, keys);
    const pgIcu = await client.query<{ v: string }>(`SELECT v FROM (VALUES ${values}) x(v) ORDER BY v COLLATE "en-x-icu"`, keys);
    const js = [...keys].sort(compareCodePoints);
    expect(sqliteOrder).toEqual(js);
    expect(pgC.rows.map((r) => r.v)).toEqual(js);
    // The trap: a linguistic order puts 'a' < 'B' and '10' < '9' differently; bisect must not use it.
    expect(pgIcu.rows.map((r) => r.v)).not.toEqual(js);
  });

  it('gives the default mode’s result for PostgreSQL ↔ PostgreSQL and PostgreSQL ↔ SQLite with random edits', async () => {
    const rows = baseRows(600);
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 0, maxLength: 12 }), fc.boolean(), async (edits, toSqlite) => {
        const { left, right } = applyEdits(rows, edits);
        const spec: ReconcileSpecInput = {
          left: await table(left),
          right: toSqlite ? sqliteTable(right) : await table(right),
          key: 'id',
          bisect: { fanout: 4, leafRows: 8 },
        };
        const stats = await expectSameAsFull(spec);
        if (edits.length === 0) expect(stats.rows_fetched_left + stats.rows_fetched_right).toBe(0);
      }),
      { numRuns: 10 },
    );
  });

  it('handles collation traps in keys (case, accents, numbers as text) with a linguistic column collation', async () => {
    const traps = ['a', 'B', 'Ä', 'b', 'A', 'ä', '10', '9', '1', 'Z', 'z', '😀', '\uffff', 'é', 'e\u0301', 'ａ'];
    const rows: Row[] = traps.flatMap((t, i) =>
      Array.from({ length: 12 }, (_, j): Row => [`${t}${j === 0 ? '' : j}`, `v${i}-${j}`, '1.00', j, j / 2, j % 2 === 0]),
    );
    const right = rows.map((r) => [...r] as Row);
    right[3][1] = 'changed';
    right[40][0] = 'b';
    right.splice(77, 1);
    right.push(['9', 'dup', '1.00', 1, 1, true]);
    const left = await table(rows, ' COLLATE "en-x-icu"');
    const stats = await expectSameAsFull({ left, right: await table(right), key: 'id', bisect: { fanout: 3, leafRows: 4 } });
    expect(stats.levels).toBeGreaterThan(1);
    await expectSameAsFull({ left, right: sqliteTable(right), key: 'id', bisect: { fanout: 3, leafRows: 4 } });
  });

  it('supports composite keys, mapped columns and numeric rules', async () => {
    await client.query(`CREATE TABLE ck (co text, no int, amount numeric(12,3), note text)`);
    await client.query(
      `INSERT INTO ck SELECT CASE WHEN g % 2 = 0 THEN 'A' ELSE 'b' END, g, g * 1.25, 'n' || g FROM generate_series(1, 3000) g`,
    );
    await client.query(`CREATE TABLE ck2 (co text, no int, total numeric(12,3), note text)`);
    await client.query(`INSERT INTO ck2 SELECT co, no, amount, note FROM ck WHERE no <> 17`);
    await client.query(`UPDATE ck2 SET total = total + 0.004 WHERE no IN (5, 6)`);
    await client.query(`UPDATE ck2 SET total = total + 1 WHERE no = 2000`);
    const stats = await expectSameAsFull({
      left: `${url}#ck`,
      right: `${url}#SELECT * FROM ck2`,
      key: ['co', 'no'],
      mapColumns: { amount: 'total' },
      rules: { amount: { tolerance: 0.01 } },
      bisect: { leafRows: 16 },
    });
    expect(stats.rows_fetched_left).toBeLessThan(300);
  });

  it('renders every type as the source does (char padding, inet, timestamps, json, bytea, arrays)', async () => {
    await client.query(`CREATE TABLE typed (id int, c char(5), ip inet, at timestamptz, j jsonb, b bytea, arr int[], iv interval, u uuid)`);
    await client.query(
      `INSERT INTO typed SELECT g, 'ab', ('10.0.0.' || (g % 200))::inet, TIMESTAMPTZ '2024-01-01 00:00:00+08' + g * INTERVAL '1 minute', ` +
        `jsonb_build_object('g', g), decode(lpad(to_hex(g), 4, '0'), 'hex'), ARRAY[g, g + 1], g * INTERVAL '1 hour', ` +
        `md5(g::text)::uuid FROM generate_series(1, 500) g`,
    );
    const rows = (await client.query({ text: 'SELECT * FROM typed ORDER BY id', rowMode: 'array' })).rows as unknown[][];
    // The same values as the PostgreSQL source renders them, stored as text in SQLite ('ab' keeps its padding).
    const path = join(dir, `typed${fileNo++}.db`);
    const db = new SQLite(path);
    db.exec('CREATE TABLE typed (id INTEGER, c TEXT, ip TEXT, at TEXT, j TEXT, b TEXT, arr TEXT, iv TEXT, u TEXT)');
    const reader = new pg.Client({
      connectionString: url,
      types: { getTypeParser: () => (v: string) => v } as unknown as pg.CustomTypesConfig,
    });
    await reader.connect();
    const text = (await reader.query({ text: 'SELECT * FROM typed ORDER BY id', rowMode: 'array' })).rows as string[][];
    await reader.end();
    const insert = db.prepare('INSERT INTO typed VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    // Row 10 differs in a timestamp; row 21 stores char(5) 'ab' without its padding, which a ::text cast would hide.
    text.forEach((r, i) => {
      const values = r.slice(1);
      if (i === 9) values[2] = 'x';
      if (i === 20) values[0] = values[0].trimEnd();
      insert.run(Number(r[0]), ...values);
    });
    db.close();
    expect(rows).toHaveLength(500);
    const stats = await expectSameAsFull({ left: `${url}#typed`, right: `sqlite:${path}#typed`, key: 'id', bisect: { leafRows: 8 } });
    expect(stats.rows_fetched_left).toBeLessThan(50);
    expect((await collect({ left: `${url}#typed`, right: `sqlite:${path}#typed`, key: 'id' })).summary.columns).toMatchObject({
      c: 1,
      at: 1,
    });
  });

  it('fetches only a few rows for a few edits in 100 000', async () => {
    await client.query(
      `CREATE TABLE big_l AS SELECT g AS id, 'name ' || g AS name, (g * 0.01)::numeric(12,2) AS amount, DATE '2024-01-01' + (g % 365) AS day FROM generate_series(1, 100000) g`,
    );
    await client.query(`CREATE TABLE big_r AS SELECT * FROM big_l`);
    await client.query(`UPDATE big_r SET name = 'renamed' WHERE id IN (10, 50000)`);
    await client.query(`UPDATE big_r SET amount = amount + 1 WHERE id = 99999`);
    await client.query(`DELETE FROM big_r WHERE id = 77777`);
    await client.query(`INSERT INTO big_r VALUES (100001, 'new', 1, DATE '2024-01-01')`);
    const stats = await expectSameAsFull({ left: `${url}#big_l`, right: `${url}#big_r`, key: 'id' });
    const fetched = stats.rows_fetched_left + stats.rows_fetched_right;
    expect(fetched).toBeGreaterThan(0);
    expect(fetched).toBeLessThan(5000); // of 200 001 rows
  });

  it('fetches only a few rows between PostgreSQL and SQLite too', async () => {
    const rows = baseRows(100000);
    const right = rows.map((r) => [...r] as Row);
    right[123][1] = 'changed';
    right[54321][4] = 1.5;
    right.splice(99000, 1);
    const stats = await expectSameAsFull({ left: await table(rows), right: sqliteTable(right), key: 'id' });
    expect(stats.rows_fetched_left + stats.rows_fetched_right).toBeLessThan(3000);
  });

  it('refuses what it cannot compare in place, naming it', async () => {
    const csv = join(dir, 'x.csv');
    writeFileSync(csv, 'id\n1\n');
    await expect(collect({ left: csv, right: `${url}#t0`, key: 'id', mode: 'bisect' })).rejects.toThrow(
      /bisect mode compares database tables .* for csv sources use the default mode/,
    );
    await expect(
      collect({ left: `${url}#t0`, right: `${url}#t0`, key: 'id', mode: 'bisect', valueMaps: { a: { values: { x: 'y' } } } }),
    ).rejects.toMatchObject({
      code: 'RECONCILE_BISECT_UNSUPPORTED',
      message: expect.stringMatching(/mode bisect: valueMaps is not supported/),
    });
  });
});
