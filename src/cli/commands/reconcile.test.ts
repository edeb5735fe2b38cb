import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import SQLite from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerReconcileCommand, runReconcileCommand, type ReconcileCommandOptions } from './reconcile';

const dir = mkdtempSync(join(tmpdir(), 'golive-cli-reconcile-'));
writeFileSync(join(dir, 'old.csv'), 'id,name,amt,st\n1,a,10.00,A\n2,b,20,B\n3,c,30,A\n');
writeFileSync(join(dir, 'new.csv'), 'id,name,amount,st\n1,a,10.004,ACTIVE\n2,b,25,BLOCKED\n4,d,40,ACTIVE\n');
writeFileSync(join(dir, 'same.csv'), 'id,name,amt,st\n1,a,10.00,A\n');
writeFileSync(join(dir, 'st.csv'), 'old,new\nA,ACTIVE\nB,BLOCKED\n');

async function run(opts: ReconcileCommandOptions): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runReconcileCommand(opts, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    cwd: dir,
  });
  return { code, stdout, stderr };
}

describe('golive reconcile', () => {
  // Messages follow GOLIVE_LANG/LANG: pin them so the assertions do not depend on the machine.
  beforeAll(() => vi.stubEnv('GOLIVE_LANG', 'zh-CN'));
  afterAll(() => vi.unstubAllEnvs());
  const base: ReconcileCommandOptions = {
    left: 'old.csv',
    right: 'new.csv',
    key: 'id',
    mapColumn: ['amt=amount'],
    tolerance: ['amt=0.01'],
    valueMap: ['st=st.csv'],
    format: 'json',
  };

  it('prints one JSON object and exits 0 without --fail-on-diff', async () => {
    const { code, stdout, stderr } = await run(base);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(stdout)).toEqual({
      left_rows: 3,
      right_rows: 3,
      matched: 1,
      changed: 1,
      only_left: 1,
      only_right: 1,
      duplicate_keys_left: 0,
      duplicate_keys_right: 0,
      null_keys_left: 0,
      null_keys_right: 0,
      columns: { name: 0, amt: 1, st: 0 },
    });
  });

  it('exits 1 with --fail-on-diff when rows differ and 0 when they agree', async () => {
    expect((await run({ ...base, failOnDiff: true })).code).toBe(1);
    const same = await run({ left: 'same.csv', right: 'same.csv', key: 'id', failOnDiff: true, format: 'json' });
    expect(same.code).toBe(0);
    expect(JSON.parse(same.stdout).matched).toBe(1);
  });

  it('exits 2 with a clear message and no stack on bad input', async () => {
    const { code, stdout, stderr } = await run({ ...base, key: 'nope' });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^golive reconcile: 数据源“.*old\.csv”中没有列“nope”（用于 key）/);
    expect(stderr).not.toMatch(/\n\s+at /);
    const missing = await run({ ...base, left: 'missing.csv' });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/找不到文件“.*missing\.csv”/);
    expect((await run({ ...base, format: 'yaml' })).stderr).toMatch(/--format/);
  });

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('names the bad option or spec file in the language of GOLIVE_LANG', async () => {
    vi.stubEnv('GOLIVE_LANG', 'en');
    expect((await run({ ...base, format: 'yaml' })).stderr).toBe(
      'golive reconcile: Invalid value "yaml" for --format; expected one of: table, json, csv\n',
    );
    expect((await run({ ...base, tolerance: ['amt=-1'] })).stderr).toBe(
      'golive reconcile: Invalid value "-1" for --tolerance; expected a number (≥ 0)\n',
    );
    expect((await run({ ...base, bisectFanout: '1.5' })).stderr).toBe(
      'golive reconcile: Invalid value "1.5" for --bisect-fanout; expected a whole number (≥ 1)\n',
    );
    vi.stubEnv('GOLIVE_LANG', 'zh-CN');
    expect((await run({ ...base, valueMap: ['st'] })).stderr).toBe(
      'golive reconcile: 选项 --value-map 的值“st”格式有误，应写成 NAME=VALUE\n',
    );
    const spec = await run({ spec: 'no-such-spec.yaml' });
    expect(spec.code).toBe(2);
    expect(spec.stderr).toBe('golive reconcile: 无法读取文件“no-such-spec.yaml”（文件不存在或没有读取权限）\n');
  });

  it('never prints a password', async () => {
    const { code, stderr } = await run({ ...base, right: 'postgres://u:topsecret@127.0.0.1:1/db#t' });
    expect(code).toBe(2);
    expect(stderr).not.toContain('topsecret');
  });

  it('writes the differences to CSV and to XLSX with Chinese headers', async () => {
    await run({ ...base, out: 'diff.csv' });
    const text = readFileSync(join(dir, 'diff.csv'), 'utf8');
    expect(
      text
        .replace(/^\ufeff/, '')
        .split('\r\n')
        .slice(0, 4),
    ).toEqual(['key,status,column,left_value,right_value,delta', '2,changed,amt,20,25,5', '3,only_left,,,,', '4,only_right,,,,']);
    await run({ ...base, out: 'diff.xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'diff.xlsx'));
    const sheet = wb.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([undefined, '键', '状态', '列', '旧系统值', '新系统值', '差额']);
    expect(sheet.getRow(2).values).toEqual([undefined, '2', '值不同', 'amt', '20', '25', '5']);
    expect(sheet.getRow(3).getCell(2).value).toBe('仅旧系统');
    expect(sheet.getRow(4).getCell(2).value).toBe('仅新系统');
  });

  it('reads a YAML spec with aggregates; flags override it', async () => {
    writeFileSync(
      join(dir, 'spec.yaml'),
      [
        'left: old.csv',
        'right: new.csv',
        'key: id',
        'mapColumns: { amt: amount }',
        'ignore: [st]',
        'rules: { amt: { tolerance: 100 } }',
        'aggregates:',
        '  - name: total',
        '    sum: [amt]',
        '    tolerance: 0.5',
      ].join('\n'),
    );
    const { code, stdout } = await run({ spec: 'spec.yaml', format: 'json' });
    expect(code).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary.columns).toEqual({ name: 0, amt: 0 });
    expect(summary.aggregates[0]).toMatchObject({ name: 'total', groups: 1, mismatched_groups: 1 });
    const table = await run({ spec: 'spec.yaml', key: 'id', format: 'table' });
    expect(table.stdout).toMatch(/matched\s+2\n/);
    const csv = await run({ spec: 'spec.yaml', format: 'csv' });
    expect(csv.stdout).toMatch(/^metric,value\nleft_rows,3\n/);
  });

  it('registers the command with its flags', () => {
    const program = new Command();
    registerReconcileCommand(program);
    const command = program.commands.find((c) => c.name() === 'reconcile');
    const flags = command?.options.map((o) => o.long);
    expect(flags).toEqual(
      expect.arrayContaining([
        '--left',
        '--right',
        '--key',
        '--spec',
        '--map-column',
        '--ignore',
        '--tolerance',
        '--value-map',
        '--encoding',
        '--format',
        '--out',
        '--fail-on-diff',
        '--mode',
        '--bisect-fanout',
        '--bisect-leaf-rows',
      ]),
    );
  });

  it('compares two database tables in place with --mode bisect (or mode: bisect in the spec)', async () => {
    const make = (name: string, edit: (id: number) => string | null): void => {
      const db = new SQLite(join(dir, name));
      db.exec('CREATE TABLE t (id TEXT, v TEXT)');
      const insert = db.prepare('INSERT INTO t VALUES (?, ?)');
      db.transaction(() => {
        for (let i = 1; i <= 5000; i++) {
          const v = edit(i);
          if (v !== null) insert.run(String(i), v);
        }
      })();
      db.close();
    };
    make('old.db', (i) => `v${i}`);
    make('new.db', (i) => (i === 4321 ? null : i === 7 ? 'changed' : `v${i}`));
    const opts: ReconcileCommandOptions = { left: 'sqlite:old.db#t', right: 'sqlite:new.db#t', key: 'id', format: 'json' };
    const full = JSON.parse((await run(opts)).stdout);
    const bisect = await run({ ...opts, mode: 'bisect', bisectLeafRows: '50' });
    expect(bisect.stderr).toBe('');
    const { bisect: stats, ...summary } = JSON.parse(bisect.stdout);
    expect(summary).toEqual(full);
    expect(summary).toMatchObject({ matched: 4998, changed: 1, only_left: 1 });
    expect(stats.rows_fetched_left).toBeLessThan(500);
    writeFileSync(join(dir, 'bisect.yaml'), 'left: sqlite:old.db#t\nright: sqlite:new.db#t\nkey: id\nmode: bisect\n');
    const table = await run({ spec: 'bisect.yaml', format: 'table' });
    expect(table.stdout).toMatch(/bisect: \d+ segments compared in place/);
    vi.stubEnv('GOLIVE_LANG', 'en');
    const bad = await run({ ...opts, mode: 'fast' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('golive reconcile: Invalid value "fast" for --mode; expected one of: full, bisect\n');
  });
});
