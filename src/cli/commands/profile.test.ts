import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../shared/app-error';
import { displayWidth, registerProfileCommand, runProfileCommand, type ProfileCommandOptions } from './profile';

const dir = mkdtempSync(join(tmpdir(), 'golive-cli-profile-'));
writeFileSync(
  join(dir, 'orders.csv'),
  'id,客户,金额,日期\n1,北京,"1,200.00",2024-01-05\n2,,35.5,2024/1/6\n2,上海,12,\n3,北京,7,2024-01-08\n',
);

async function run(
  source: string,
  opts: ProfileCommandOptions,
  locale: Locale = 'zh-CN',
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runProfileCommand(source, opts, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    cwd: dir,
    locale,
  });
  return { code, stdout, stderr };
}

describe('golive profile', () => {
  it('prints one JSON object with rows and the column contract', async () => {
    const { code, stdout, stderr } = await run('orders.csv', { format: 'json', key: 'id' });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const profile = JSON.parse(stdout);
    expect(profile.rows).toBe(4);
    expect(profile.columns.map((c: { name: string }) => c.name)).toEqual(['id', '客户', '金额', '日期']);
    for (const c of profile.columns) {
      for (const field of ['name', 'type', 'null_ratio', 'distinct', 'min', 'max', 'top']) expect(c).toHaveProperty(field);
    }
    expect(profile.columns[0]).toMatchObject({ type: 'integer', null_ratio: 0, distinct: 3, min: 1, max: 3 });
    expect(profile.columns[1]).toMatchObject({
      type: 'text',
      null_ratio: 0.25,
      distinct: 2,
      top: [
        { value: '北京', count: 2 },
        { value: '上海', count: 1 },
      ],
    });
    expect(profile.columns[2]).toMatchObject({ type: 'amount', min: 7, max: 1200 });
    expect(typeof profile.columns[2].min).toBe('number');
    expect(profile.columns[3]).toMatchObject({
      type: 'cn_date',
      null_ratio: 0.25,
      min: '2024-01-05',
      max: '2024-01-08',
      date_formats: { 'YYYY-MM-DD': 2, 'YYYY/M/D': 1 },
    });
    expect(profile.key).toMatchObject({ duplicate_values: 1, duplicate_rows: 2 });
  });

  it('prints a bilingual table by default', async () => {
    const { code, stdout } = await run('orders.csv', { key: 'id' });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^数据源: orders\.csv\n行数: 4/);
    expect(stdout).toContain('列 Column');
    expect(stdout).toMatch(/客户\s+text/);
    expect(stdout).toContain('主键 id：1 个值重复（2 行）');
    expect(displayWidth('客户ab')).toBe(6);
  });

  it('exits 2 with a clear message and no stack', async () => {
    const missing = await run('missing.csv', {});
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/^golive profile: 找不到文件“missing\.csv”\n$/);
    const key = await run('orders.csv', { key: 'nope' });
    expect(key.code).toBe(2);
    expect(key.stderr).toMatch(/中没有列“nope”（用于 --key）/);
    expect(key.stderr).not.toMatch(/\n\s+at /);
    expect((await run('orders.csv', { format: 'yaml' })).stderr).toBe(
      'golive profile: 选项 --format 的值“yaml”无效，可选值：table, json\n',
    );
    expect((await run('orders.csv', { format: 'yaml' }, 'en')).stderr).toBe(
      'golive profile: Invalid value "yaml" for --format; expected one of: table, json\n',
    );
    expect((await run('orders.csv', { key: ' , ' })).stderr).toBe('golive profile: 请给出选项 --key 的值，例如：--key ID\n');
    expect((await run('orders.csv', { key: '' }, 'en')).stderr).toBe('golive profile: Give a value for --key, e.g. --key ID\n');
    const pgError = await run('postgres://u:topsecret@127.0.0.1:1/db#t', {});
    expect(pgError.code).toBe(2);
    expect(pgError.stderr).not.toContain('topsecret');
  });

  it('registers the command with its options', () => {
    const program = new Command('golive');
    registerProfileCommand(program);
    const command = program.commands.find((c) => c.name() === 'profile');
    expect(command?.options.map((o) => o.long)).toEqual(['--key', '--format', '--encoding', '--sheet', '--memory-limit']);
  });
});
