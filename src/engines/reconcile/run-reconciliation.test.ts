import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTestDatabaseUrl, testDialects } from '../../../test/db-harness';
import type { AppError } from '../../shared/app-error';
import type { DiffRow } from './diff-row';
import { decimalDelta } from './diff-row';
import { validateReconcileSpec, type ReconcileSpecInput } from './reconcile-spec';
import { runReconciliation, type ReconcileSummary } from './run-reconciliation';

const dir = mkdtempSync(join(tmpdir(), 'golive-reconcile-test-'));
let fileNo = 0;

function csv(content: string | Buffer, ext = '.csv'): string {
  const path = join(dir, `f${fileNo++}${ext}`);
  writeFileSync(path, content);
  return path;
}

async function reconcile(input: ReconcileSpecInput): Promise<{ summary: ReconcileSummary; diffs: DiffRow[] }> {
  const run = await runReconciliation(validateReconcileSpec(input), { threads: 1, memoryLimit: '256MB' });
  try {
    const diffs: DiffRow[] = [];
    for await (const batch of run.differences()) diffs.push(...batch);
    return { summary: run.summary, diffs };
  } finally {
    await run.close();
  }
}

const LEFT = 'id,name,amount,status\n1,alice,10.00,A\n2,bob,20,B\n3,carol,30,A\n4,dan,40,A\n';

describe('runReconciliation', () => {
  it('stops with CANCELLED when its signal aborts, before or during the load', async () => {
    const aborted = new AbortController();
    aborted.abort();
    const spec = validateReconcileSpec({ left: csv(LEFT), right: csv(LEFT), key: 'id' });
    await expect(runReconciliation(spec, { signal: aborted.signal })).rejects.toMatchObject({ code: 'CANCELLED' });

    // GBK goes through golive's own parser and the appender, batch by batch: abort at the first progress report.
    const rows = ['编号,名称'];
    for (let i = 0; i < 50_000; i++) rows.push(`${i},名称${i}`);
    const big = csv(iconv.encode(`${rows.join('\n')}\n`, 'gbk'));
    const controller = new AbortController();
    const run = runReconciliation(validateReconcileSpec({ left: big, right: big, key: '编号' }), {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('counts matched, changed, only-left and only-right rows with per-column counts', async () => {
    const right = 'id,name,amount,status\n1,alice,10.00,A\n2,bob,21,B\n3,Carol,30,X\n5,eve,50,A\n';
    const { summary, diffs } = await reconcile({ left: csv(LEFT), right: csv(right), key: 'id' });
    expect(summary).toMatchObject({
      left_rows: 4,
      right_rows: 4,
      matched: 1,
      changed: 2,
      only_left: 1,
      only_right: 1,
      duplicate_keys_left: 0,
      duplicate_keys_right: 0,
      columns: { name: 1, amount: 1, status: 1 },
    });
    expect(diffs).toEqual([
      { key: ['2'], status: 'changed', column: 'amount', left: '20', right: '21', delta: '1' },
      { key: ['3'], status: 'changed', column: 'name', left: 'carol', right: 'Carol', delta: null },
      { key: ['3'], status: 'changed', column: 'status', left: 'A', right: 'X', delta: null },
      { key: ['4'], status: 'only_left', column: null, left: null, right: null, delta: null },
      { key: ['5'], status: 'only_right', column: null, left: null, right: null, delta: null },
    ]);
  });

  it('compares text exactly by default (10.00 ≠ 10, 007 ≠ 7) and numerically with a numeric rule', async () => {
    const l = csv('id,v,code\n1,10.00,007\n');
    const r = csv('id,v,code\n1,10,7\n');
    expect((await reconcile({ left: l, right: r, key: 'id' })).summary.columns).toEqual({ v: 1, code: 1 });
    expect((await reconcile({ left: l, right: r, key: 'id', rules: { v: { numeric: true } } })).summary.columns).toEqual({ v: 0, code: 1 });
  });

  it('applies absolute and relative tolerance and rounding exactly', async () => {
    const l = csv('id,abs,rel,rnd\n1,100.00,1000,1.004\n2,100.00,1000,1.005\n');
    const r = csv('id,abs,rel,rnd\n1,100.01,1001,1.00\n2,100.011,1002,1.00\n');
    const { summary } = await reconcile({
      left: l,
      right: r,
      key: 'id',
      rules: { abs: { tolerance: 0.01 }, rel: { relativeTolerance: 0.001 }, rnd: { round: 2 } },
    });
    // 0.01 is inside the tolerance exactly (no float error); 0.011 is not. 1001 vs 1000 is 0.1%.
    expect(summary.columns).toEqual({ abs: 1, rel: 1, rnd: 1 });
    expect(summary.changed).toBe(1);
  });

  it('applies trim, case-insensitive and null-equals-empty rules, and defaults', async () => {
    const l = join(dir, 'rules.db');
    const db = new SQLite(l);
    db.exec(`CREATE TABLE t (id TEXT, a TEXT, b TEXT, c TEXT); INSERT INTO t VALUES ('1', ' x ', 'ABC', ''), ('2', 'y', 'q', NULL)`);
    db.close();
    const r = csv('id,a,b,c\n1,x,abc,\n2,y,Q,\n');
    const plain = await reconcile({ left: `sqlite:${l}#t`, right: r, key: 'id' });
    expect(plain.summary.columns).toEqual({ a: 1, b: 2, c: 1 });
    const ruled = await reconcile({
      left: `sqlite:${l}#t`,
      right: r,
      key: 'id',
      rules: { a: { trim: true }, b: { caseInsensitive: true } },
      defaults: { nullEqualsEmpty: true },
    });
    expect(ruled.summary).toMatchObject({ matched: 2, columns: { a: 0, b: 0, c: 0 } });
  });

  it('compares timestamps at a precision across time zones and offsets', async () => {
    const l = csv('id,at\n1,2024-01-01 10:00:00.400\n2,2024-01-01 10:00:00\n3,2024-01-01 10:00:00\n');
    const r = csv('id,at\n1,2024-01-01 02:00:00\n2,2024-01-01T10:00:00+08:00\n3,2024-01-01 02:00:01\n');
    const { summary, diffs } = await reconcile({
      left: l,
      right: r,
      key: 'id',
      rules: { at: { timestamp: { precision: 'second', leftTimeZone: 'Asia/Shanghai', rightTimeZone: 'UTC' } } },
    });
    expect(summary.columns).toEqual({ at: 1 });
    expect(diffs.map((d) => d.key[0])).toEqual(['3']);
  });

  it('joins on composite keys with key normalisation', async () => {
    const l = csv('co,no,v\nA, 001,1\nA,002,2\nb,3,3\n');
    const r = csv('company,no,v\na,1,1\na,2,9\nB,0003,3\n');
    const { summary, diffs } = await reconcile({
      left: l,
      right: r,
      key: ['co', 'no'],
      mapColumns: { co: 'company' },
      keyNormalize: { trim: true, case: 'upper', stripLeadingZeros: true },
    });
    expect(summary).toMatchObject({ matched: 2, changed: 1, only_left: 0, only_right: 0 });
    expect(diffs).toEqual([{ key: ['A', '2'], status: 'changed', column: 'v', left: '2', right: '9', delta: '7' }]);
  });

  it('lists duplicate and null keys first and never joins them many-to-many', async () => {
    const l = csv('id,v\n1,a\n1,b\n2,c\n,d\n3,e\n');
    const r = csv('id,v\n1,a\n2,c\n2,c\n3,e\n4,f\n');
    const { summary, diffs } = await reconcile({ left: l, right: r, key: 'id' });
    expect(summary).toMatchObject({
      left_rows: 5,
      right_rows: 5,
      matched: 1,
      changed: 0,
      only_left: 0,
      only_right: 1,
      duplicate_keys_left: 1,
      duplicate_keys_right: 1,
      null_keys_left: 1,
      null_keys_right: 0,
    });
    expect(diffs.map((d) => [d.status, d.key[0], d.count ?? d.row ?? null])).toEqual([
      ['null_key_left', null, 4],
      ['duplicate_left', '1', 2],
      ['duplicate_right', '2', 2],
      ['only_right', '4', null],
    ]);
  });

  it('maps columns, ignores columns, maps values from a CSV and filters rows per side', async () => {
    const map = csv('legacy,new\nA,ACTIVE\nB,BLOCKED\n');
    const l = csv('id,nm,st,junk,kind\n1,a,A,x,keep\n2,b,B,y,keep\n3,c,A,z,drop\n');
    const r = csv('id,name,st,kind,extra\n1,a,ACTIVE,keep,1\n2,b,ACTIVE,keep,2\n9,z,ACTIVE,void,3\n');
    const { summary, diffs } = await reconcile({
      left: l,
      right: r,
      key: 'id',
      mapColumns: { nm: 'name' },
      ignore: ['junk'],
      valueMaps: { st: { file: map } },
      filters: { left: [{ column: 'kind', op: 'ne', value: 'drop' }], right: [{ column: 'kind', op: 'in', value: ['keep'] }] },
    });
    expect(summary).toMatchObject({ left_rows: 2, right_rows: 2, matched: 1, changed: 1, columns: { nm: 0, st: 1, kind: 0 } });
    expect(diffs[0]).toMatchObject({ key: ['2'], column: 'st', left: 'B', right: 'ACTIVE' });
  });

  it('checks sums and counts per group with a tolerance', async () => {
    const l = csv('id,region,amt\n1,N,10.004\n2,N,5\n3,S,7\n4,W,1\n');
    const r = csv('id,region,amt\n1,N,10\n2,N,5\n3,S,8\n5,E,2\n');
    const { summary } = await reconcile({
      left: l,
      right: r,
      key: 'id',
      ignore: ['amt'],
      aggregates: [{ name: 'by region', groupBy: ['region'], sum: ['amt'], tolerance: 0.01 }],
    });
    const agg = summary.aggregates?.[0];
    expect(agg).toMatchObject({ name: 'by region', groups: 4, mismatched_groups: 3 });
    expect(agg?.mismatches.map((m) => [m.group.region, m.left_count, m.right_count, m.sums.amt.delta])).toEqual([
      ['E', 0, 1, '2'],
      ['S', 1, 1, '1'],
      ['W', 1, 0, '-1'],
    ]);
  });

  it('reads GBK CSV and XLSX through the streaming path with the same result as UTF-8', async () => {
    const text = '编号,名称,金额\n1,北京,10\n2,上海,20\n';
    const xlsx = join(dir, 'cmp.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('数据');
    ws.addRow(['编号', '名称', '金额']);
    ws.addRow([1, '北京', 10]);
    ws.addRow([2, '广州', 20]);
    await wb.xlsx.writeFile(xlsx);
    const { summary, diffs } = await reconcile({ left: csv(iconv.encode(text, 'gbk')), right: xlsx, key: '编号' });
    expect(summary).toMatchObject({ matched: 1, changed: 1, columns: { 名称: 1, 金额: 0 } });
    expect(diffs[0]).toMatchObject({ left: '上海', right: '广州' });
  });

  it('errors on a missing key column, naming the source and its columns', async () => {
    const l = csv(LEFT);
    const r = csv('id2,name\n1,a\n');
    const run = reconcile({ left: l, right: r, key: 'id' });
    await expect(run).rejects.toThrow(/Source ".*" has no column "id" \(key\); columns are: id2, name/);
    await expect(run).rejects.toMatchObject({ code: 'SOURCES_COLUMN_MISSING', params: { source: r }, details: [{ field: 'key' }] });
  });

  it('errors on a type clash, naming source, row and column', async () => {
    const l = csv('id,amount\n1,10\n2,abc\n');
    const error: unknown = await reconcile({
      left: l,
      right: csv('id,amount\n1,10\n'),
      key: 'id',
      rules: { amount: { tolerance: 1 } },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'RECONCILE_VALUE_NOT_NUMBER', details: [{ field: 'amount' }, { field: 'row:2' }] });
    expect((error as Error).message).toMatch(/Source ".*", row 2, column "amount": "abc" is not a number/);
    expect((error as AppError).localizedMessage('zh-CN')).toBe(
      `数据源“${l}”第 2 行“amount”列的值“abc”不是数字（最多 20 位整数、18 位小数），而该列的比对规则按数字比较`,
    );
  });

  it('surfaces ragged rows from the file even where DuckDB would read it', async () => {
    await expect(reconcile({ left: csv('id,v\n1,a\n2\n'), right: csv('id,v\n1,a\n'), key: 'id' })).rejects.toThrow(/line 3: 1 fields/);
  });

  it.runIf(testDialects().includes('postgres'))('compares a PostgreSQL table with a SQLite table', async () => {
    const url = await createTestDatabaseUrl('postgres');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(
      `CREATE TABLE items (id int, price numeric(10,2), name text); INSERT INTO items VALUES (1, 1.50, 'a'), (2, 2.00, 'b'), (3, 3, 'c')`,
    );
    await client.end();
    const sqlitePath = join(dir, 'items.db');
    const db = new SQLite(sqlitePath);
    db.exec(`CREATE TABLE items (id INTEGER, price REAL, name TEXT); INSERT INTO items VALUES (1, 1.5, 'a'), (2, 2.5, 'b'), (4, 4, 'd')`);
    db.close();
    const { summary } = await reconcile({
      left: `${url}#public.items`,
      right: `sqlite:${sqlitePath}#items`,
      key: 'id',
      rules: { price: { tolerance: 0 } },
    });
    expect(summary).toMatchObject({ matched: 1, changed: 1, only_left: 1, only_right: 1, columns: { price: 1, name: 0 } });
  });
});

describe('decimalDelta', () => {
  it('subtracts exactly', () => {
    expect(decimalDelta('0.1', '0.3')).toBe('0.2');
    expect(decimalDelta('10.00', '9.5')).toBe('-0.5');
    expect(decimalDelta('-1', '1')).toBe('2');
    expect(decimalDelta('12345678901234567890.1', '12345678901234567890.3')).toBe('0.2');
    expect(decimalDelta('a', '1')).toBeNull();
    expect(decimalDelta('1', '1')).toBe('0');
  });
});
