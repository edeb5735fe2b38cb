import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { describeEachDialect } from '../../../test/db-harness';
import { countRows, dumpTable, freshTarget, withTarget } from '../../engines/migrate/test-support';
import { runLoadCommand, type LoadCommandOptions } from './load';
import { runRollbackCommand, type RollbackCommandOptions } from './rollback';

// Messages follow GOLIVE_LANG/LANG: pin them so the assertions do not depend on the machine.
beforeAll(() => vi.stubEnv('GOLIVE_LANG', 'zh-CN'));
afterAll(() => vi.unstubAllEnvs());

type Io = { code: number; stdout: string; stderr: string };

describeEachDialect('golive load / golive rollback CLI', (dialect) => {
  let url: string;
  let dir: string;
  const io = (out: { stdout: string; stderr: string }) => ({
    stdout: { write: (s: string) => (out.stdout += s) },
    stderr: { write: (s: string) => (out.stderr += s), isTTY: false },
    cwd: dir,
  });
  const load = async (source: string, opts: LoadCommandOptions): Promise<Io> => {
    const out = { stdout: '', stderr: '' };
    const code = await runLoadCommand(source, opts, io(out));
    return { code, ...out };
  };
  const rollback = async (opts: RollbackCommandOptions): Promise<Io> => {
    const out = { stdout: '', stderr: '' };
    const code = await runRollbackCommand(opts, io(out));
    return { code, ...out };
  };

  beforeAll(async () => {
    ({ url, dir } = await freshTarget(dialect));
    await withTarget(url, (db) => db.query('CREATE TABLE item (code varchar(8) PRIMARY KEY, name text NOT NULL, price numeric(8,2))'));
    writeFileSync(join(dir, 'items.csv'), '物料编码,物料名称,单价\nA1,螺丝,0.50\nA2,螺母,abc\nA3,垫片,1\n');
  });

  it('prints {batch, loaded, rejected} as JSON and exits 1 on --on-error stop, 0 on success; rollback exits 2 twice or unknown', async () => {
    const into = `${url}#item`;
    const bad = await load('items.csv', {
      into,
      format: 'json',
      mapColumn: ['物料编码=code', '物料名称=name', '单价=price'],
      onError: 'stop',
    });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('row 2, column 单价');
    expect(bad.stderr).toContain('nothing was loaded');
    expect(await countRows(url, 'item')).toBe(0);

    const before = await dumpTable(url, 'item', 'code');
    const ok = await load('items.csv', {
      into,
      format: 'json',
      mapColumn: ['物料编码=code', '物料名称=name', '单价=price'],
      rejects: 'r.csv',
    });
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout.trim().split('\n')).toHaveLength(1);
    const summary = JSON.parse(ok.stdout) as { batch: string; loaded: number; rejected: number; skipped_existing: number };
    expect(summary).toMatchObject({ loaded: 2, rejected: 1, skipped_existing: 0 });
    expect(summary.batch).toMatch(/^\d{8}-\d{6}-[0-9a-f]{6}$/);

    const rolled = await rollback({ batch: summary.batch, target: url, format: 'json' });
    expect(rolled.code).toBe(0);
    expect(JSON.parse(rolled.stdout)).toMatchObject({ batch: summary.batch, deleted: 2 });
    expect(await dumpTable(url, 'item', 'code')).toEqual(before);

    const twice = await rollback({ batch: summary.batch, target: url });
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain(`批次 ${summary.batch} 已于 `);
    const unknown = await rollback({ batch: 'no-such-batch', target: url });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no-such-batch');
  });

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('exits 2 with one line on stderr for usage and target errors, without a stack trace', async () => {
    const noTable = await load('items.csv', { into: `${url}#missing` });
    expect(noTable.code).toBe(2);
    expect(noTable.stderr).toMatch(/^golive load: 目标数据库“.*”中没有表“missing”\n$/);
    vi.stubEnv('GOLIVE_LANG', 'en');
    const badFlag = await load('items.csv', { into: `${url}#item`, onError: 'ignore' });
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toBe('golive load: Invalid value "ignore" for --on-error; expected one of: skip, stop\n');
    const badPair = await load('items.csv', { into: `${url}#item`, mapColumn: ['物料编码'] });
    expect(badPair.stderr).toBe('golive load: Invalid value "物料编码" for --map-column; write it as SOURCE=TARGET\n');
    const badSize = await load('items.csv', { into: `${url}#item`, batchSize: '0' });
    expect(badSize.stderr).toBe('golive load: Invalid value "0" for --batch-size; expected a whole number (≥ 1)\n');
    vi.stubEnv('GOLIVE_LANG', 'zh-CN');
    const noInto = await load('items.csv', {});
    expect(noInto.code).toBe(2);
    expect(noInto.stderr).toBe('golive load: 请给出选项 --into 的值，例如：--into postgres://user@host/db#public.customer\n');
    const noBatch = await rollback({ target: url });
    expect(noBatch.code).toBe(2);
    expect(noBatch.stderr).toBe('golive rollback: 请给出选项 --batch 的值，例如：--batch 20250101-093000-1a2b3c\n');
  });

  if (dialect === 'postgres') {
    it('never prints a password from the target URL', async () => {
      const withPassword = url.replace('postgres@', 'postgres:s3cret-pw@');
      const result = await load('items.csv', { into: `${withPassword}#missing` });
      expect(result.code).toBe(2);
      expect(result.stderr).not.toContain('s3cret-pw');
    });
  }
});
