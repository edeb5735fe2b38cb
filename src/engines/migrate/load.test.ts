import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/db-harness';
import { AppError } from '../../shared/app-error';
import { runLoad } from './load';
import type { LoadOptions } from './load-types';
import { rollbackBatch } from './rollback';
import { batchKeysRelation } from './batch-keys';
import { parseTargetSpec } from './parse-target-spec';
import { countRows, dumpTable, freshTarget, withTarget } from './test-support';

const DDL = `CREATE TABLE cust (
  id integer PRIMARY KEY, name varchar(10) NOT NULL, amount numeric(10,2), active boolean, born date, created timestamp)`;

// Rows 2, 3 and 5 are bad; row 6 repeats row 1's key.
const SOURCE = [
  'id,name,amount,active,born,created',
  '1,张三,12.50,是,2024年1月5日,2024-01-05 10:30',
  '2,李四,abc,否,2024/1/5,20240105',
  '3,王五,1.234,Y,20240230,2024-01-05T10:30:00',
  '4,"x,y",3,N,2024-02-29,',
  '5,,7,maybe,2024-01-01,',
  '1,重复,1,Y,2024-01-01,',
  '7,赵六,"1,000.5",true,20240301,2024-03-01 08:00:00',
].join('\n');

describeEachDialect('golive load', (dialect) => {
  let url: string;
  let dir: string;
  const load = (extra: Partial<LoadOptions> = {}) =>
    runLoad({ source: 'cust.csv', target: parseTargetSpec(`${url}#cust`, dir), cwd: dir, ...extra });

  beforeAll(async () => {
    ({ url, dir } = await freshTarget(dialect));
    writeFileSync(join(dir, 'cust.csv'), SOURCE);
    writeFileSync(join(dir, 'good.csv'), 'id,name\n11,a\n12,b\n');
  });

  beforeEach(async () => {
    await withTarget(url, async (db) => {
      await db.query('DROP TABLE IF EXISTS cust');
      await db.query(DDL);
      await db.query('DELETE FROM golive_batch');
      await db.query('DELETE FROM golive_batch_key');
    });
  });

  it('records keys per COPY chunk on PostgreSQL, per row on SQLite; reads, counts and rollback see every key', async () => {
    const many = ['id,name', ...Array.from({ length: 250 }, (_, i) => `${1000 + i},n${i}`)].join('\n');
    writeFileSync(join(dir, 'many.csv'), many);
    await withTarget(url, (db) => db.query(`INSERT INTO cust (id, name) VALUES (1005, 'old')`));
    const summary = await load({ source: 'many.csv', batchSize: 100 });
    expect(summary).toMatchObject({ loaded: 249, skipped_existing: 1 });
    expect(summary.count_check).toMatchObject({ ok: true, keys_recorded: 249 });
    const stored = await countRows(url, 'golive_batch_key');
    // PostgreSQL: one row per COPY chunk of at most 100 rows (batch size); SQLite: one per key.
    if (dialect === 'postgres') expect(stored).toBeGreaterThanOrEqual(1);
    expect(stored).toBe(dialect === 'postgres' ? Math.min(stored, 3) : 249);
    const keys = await withTarget(url, async (db) =>
      (
        await db.query<{ k: string }>(`SELECT key_json AS k FROM ${batchKeysRelation(db.dialect)} k WHERE batch_id = ?`, [summary.batch])
      ).rows
        .map((r) => (JSON.parse(r.k) as unknown[])[0])
        .map(Number)
        .sort((a, b) => a - b),
    );
    expect(keys).toEqual(Array.from({ length: 250 }, (_, i) => 1000 + i).filter((k) => k !== 1005));
    const rolled = await withTarget(url, (db) => rollbackBatch(db, summary.batch));
    expect(rolled.tables).toEqual([{ table: 'cust', keys: 249, deleted: 249 }]);
    expect((await dumpTable(url, 'cust')).map((r) => [r[0], r[1]])).toEqual([['1005', 'old']]);
  });

  it('loads the good rows, converts values and writes the bad ones to the rejects file', async () => {
    const summary = await load({ rejectsFile: 'rejects.csv' });
    expect(summary).toMatchObject({ status: 'loaded', source_rows: 7, loaded: 3, rejected: 4, skipped_existing: 0 });
    expect(summary.count_check).toMatchObject({ ok: true, target_rows_before: 0, target_rows_after: 3, keys_recorded: 3 });
    const rows = await dumpTable(url, 'cust');
    expect(rows.map((r) => r[0])).toEqual(['1', '4', '7']);
    expect(rows[0][1]).toBe('张三');
    expect(rows[0][4]).toBe('2024-01-05');
    expect(rows[2][4]).toBe('2024-03-01');
    const text = readFileSync(join(dir, 'rejects.csv'), 'utf8');
    expect(text.startsWith('\uFEFF行号,列,原因,id,name,amount,active,born,created\r\n')).toBe(true);
    const lines = text.slice(1).trim().split('\r\n').slice(1);
    expect(lines.map((l) => l.split(',')[0])).toEqual(['2', '3', '5', '6']);
    expect(lines[0]).toContain('amount: ""abc"" 不是数字');
    expect(lines[0]).toContain(',2,李四,abc,否,2024/1/5,20240105');
    expect(lines[1]).toMatch(/^3,amount; born,/);
    expect(lines[1]).toContain('小数位数超过 2 位');
    expect(lines[1]).toContain('2024 年 2 月没有 30 日');
    expect(lines[2]).toMatch(/^5,name; active,/);
    expect(lines[2]).toContain('不能为空');
    expect(lines[3]).toContain('主键重复（id=1）：与源第 1 行相同');
    const batch = await withTarget(url, async (db) => (await db.query('SELECT * FROM golive_batch')).rows);
    expect(batch).toHaveLength(1);
    expect(batch[0]).toMatchObject({ id: summary.batch, target_table: 'cust', status: 'loaded' });
    expect(Number(batch[0].loaded)).toBe(3);
  });

  it('with --on-error stop loads nothing and reports the first bad row', async () => {
    const summary = await load({ onError: 'stop', rejectsFile: 'stop-rejects.csv' });
    expect(summary.status).toBe('stopped');
    expect(summary.first_rejected).toMatchObject({ row: 2, column: 'amount' });
    expect(await countRows(url, 'cust')).toBe(0);
    expect(await countRows(url, 'golive_batch')).toBe(0);
    expect(readFileSync(join(dir, 'stop-rejects.csv'), 'utf8').trim().split('\r\n')).toHaveLength(2);
    // Row 1 has already gone to the database (one-row chunks) when row 2 stops the load.
    const midChunk = await load({ onError: 'stop', batchSize: 1 });
    expect(midChunk.status).toBe('stopped');
    expect(await countRows(url, 'cust')).toBe(0);
    expect(await countRows(url, 'golive_batch_key')).toBe(0);
    expect((await load()).loaded).toBe(3);
  });

  it('reads a GBK file with --encoding gbk', async () => {
    writeFileSync(join(dir, 'gbk.csv'), iconv.encode('id,name,born\n31,上海华东,2024年1月5日\n', 'gbk'));
    const summary = await runLoad({ source: 'gbk.csv', target: parseTargetSpec(`${url}#cust`, dir), cwd: dir, encoding: 'gbk' });
    expect(summary.loaded).toBe(1);
    expect((await dumpTable(url, 'cust'))[0].slice(0, 2)).toEqual(['31', '上海华东']);
  });

  it('simulate reports what would happen and leaves the target unchanged', async () => {
    await withTarget(url, (db) => db.query("INSERT INTO cust (id, name) VALUES (7, '已有')"));
    const before = await dumpTable(url, 'cust');
    const simulated = await load({ simulate: true });
    expect(simulated).toMatchObject({ status: 'simulated', loaded: 2, rejected: 4, skipped_existing: 1 });
    expect(await dumpTable(url, 'cust')).toEqual(before);
    expect(await countRows(url, 'golive_batch_key')).toBe(0);
    const real = await load();
    expect({ loaded: real.loaded, rejected: real.rejected, skipped: real.skipped_existing }).toEqual({
      loaded: simulated.loaded,
      rejected: simulated.rejected,
      skipped: simulated.skipped_existing,
    });
    const statuses = await withTarget(url, async (db) => (await db.query('SELECT status FROM golive_batch ORDER BY started_at')).rows);
    expect(statuses.map((s) => s.status)).toEqual(['simulated', 'loaded']);
  });

  it('re-running the same load creates no duplicates and records no keys it did not insert', async () => {
    const first = await load();
    const after = await dumpTable(url, 'cust');
    const second = await load();
    expect(second).toMatchObject({ loaded: 0, skipped_existing: first.loaded, rejected: first.rejected });
    expect(await dumpTable(url, 'cust')).toEqual(after);
    expect(await countRows(url, 'golive_batch_key', `WHERE batch_id = '${second.batch}'`)).toBe(0);
  });

  it('rollback restores the table exactly, keeps rows that were there before, and refuses a second time', async () => {
    await withTarget(url, async (db) => {
      await db.query("INSERT INTO cust (id, name, amount) VALUES (1, '原有', 99.99)");
      await db.query("INSERT INTO cust (id, name) VALUES (100, '无关')");
    });
    const before = await dumpTable(url, 'cust');
    const summary = await load();
    expect(summary).toMatchObject({ loaded: 2, skipped_existing: 1 });
    expect(await dumpTable(url, 'cust')).not.toEqual(before);
    const rolled = await withTarget(url, (db) => rollbackBatch(db, summary.batch));
    expect(rolled).toMatchObject({ deleted: 2, already_gone: 0 });
    expect(await dumpTable(url, 'cust')).toEqual(before);
    const status = await withTarget(url, async (db) => (await db.query('SELECT status, rolled_back_at FROM golive_batch')).rows[0]);
    expect(status.status).toBe('rolled_back');
    expect(status.rolled_back_at).toBeTruthy();
    const again = await withTarget(url, (db) => rollbackBatch(db, summary.batch)).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(AppError);
    expect(again).toMatchObject({ code: 'MIGRATE_BATCH_ALREADY_ROLLED_BACK', status: 409 });
    expect((again as AppError).message).toContain(`Batch ${summary.batch} was already rolled back`);
    const unknown = await withTarget(url, (db) => rollbackBatch(db, 'nope')).catch((e: unknown) => e);
    expect((unknown as AppError).code).toBe('NOT_FOUND');
    expect((unknown as AppError).message).toContain('nope');
    expect(await dumpTable(url, 'cust')).toEqual(before);
  });

  it('maps columns, and names what does not fit', async () => {
    writeFileSync(join(dir, 'mapped.csv'), '编号,名称\n21,甲\n22,乙\n');
    const err = await runLoad({ source: 'mapped.csv', target: parseTargetSpec(`${url}#cust`, dir), cwd: dir }).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(
      /"cust" has no column for source column\(s\) 编号, 名称 of ".*mapped\.csv"; name them with --map-column/,
    );
    expect((err as AppError).localizedMessage('zh-CN')).toMatch(
      /^表“cust”中没有与数据源“.*mapped\.csv”的列 编号, 名称 对应的列：请用 --map-column 源列=目标列 指定/,
    );
    const ok = await runLoad({
      source: 'mapped.csv',
      target: parseTargetSpec(`${url}#cust`, dir),
      cwd: dir,
      mapColumns: { 编号: 'id', 名称: 'name' },
    });
    expect(ok.loaded).toBe(2);
  });

  it('refuses a table without a primary key, naming it', async () => {
    await withTarget(url, (db) => db.query('CREATE TABLE IF NOT EXISTS nokey (id integer, name text)'));
    const err = await runLoad({ source: 'good.csv', target: parseTargetSpec(`${url}#nokey`, dir), cwd: dir }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'MIGRATE_TABLE_NO_PRIMARY_KEY', params: { table: 'nokey' } });
    expect((err as Error).message).toContain('table "nokey" has no primary key');
  });

  if (dialect === 'postgres') {
    it('the direct method (table lock + key lookup + COPY) gives the same result as the default staged one', async () => {
      await withTarget(url, (db) => db.query("INSERT INTO cust (id, name) VALUES (7, '已有')"));
      const before = await dumpTable(url, 'cust');
      const staged = await load({ batchSize: 2 });
      expect(staged).toMatchObject({ loaded: 2, rejected: 4, skipped_existing: 1 });
      const afterStaged = await dumpTable(url, 'cust');
      await withTarget(url, (db) => rollbackBatch(db, staged.batch));
      expect(await dumpTable(url, 'cust')).toEqual(before);
      const direct = await load({ pgMethod: 'direct', batchSize: 2 });
      expect(direct).toMatchObject({ loaded: 2, rejected: 4, skipped_existing: 1 });
      expect(await dumpTable(url, 'cust')).toEqual(afterStaged);
    });
  }
});
