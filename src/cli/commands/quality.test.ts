import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../shared/app-error';
import { runQualityCommand, type QualityCommandOptions } from './quality';

const dir = mkdtempSync(join(tmpdir(), 'golive-cli-quality-'));
writeFileSync(join(dir, 'customers.csv'), '编码,名称,电话\nC1,天马,13893100001\nC2,陇兴,\nC1,天马,１３８９３１００００１\n');
writeFileSync(join(dir, 'orders.csv'), '单号,客户\nP1,C1\nP2,C9\n');
writeFileSync(
  join(dir, 'rules.yaml'),
  'rules:\n  - { id: phone, kind: required, column: 电话 }\n  - { id: code, kind: unique, columns: [编码] }\n',
);
writeFileSync(
  join(dir, 'ref.json'),
  JSON.stringify({ rules: [{ id: 'ref', kind: 'reference', column: '客户', datasetId: 'cust', datasetColumn: '编码' }] }),
);
writeFileSync(
  join(dir, 'recipe.json'),
  JSON.stringify({ steps: [{ kind: 'half_width' }, { kind: 'dedupe', keyColumns: ['编码'], survivor: 'first' }] }),
);

async function run(
  source: string,
  opts: QualityCommandOptions,
  locale: Locale = 'zh-CN',
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runQualityCommand(source, opts, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd: dir,
    locale,
  });
  return { code, stdout, stderr };
}

describe('golive quality', () => {
  it('writes every failing row and exits 1 when a rule fails', async () => {
    const { code, stdout, stderr } = await run('customers.csv', { rules: 'rules.yaml', failures: 'failures.csv', key: '编码' });
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toContain('3 行，不合格 3 条');
    const bytes = readFileSync(join(dir, 'failures.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('规则编号,行号,键,列,值,原因');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(['phone,2,C2', 'code,1,C1', 'code,3,C1']);
  });

  it('checks references against a named dataset', async () => {
    const { code, stdout } = await run('orders.csv', { rules: 'ref.json', dataset: ['cust=customers.csv'] });
    expect(code).toBe(1);
    expect(stdout).toContain('✗ 客户 必须存在于 cust.编码: 1');
  });

  it('cleanses into a new CSV and leaves the source alone', async () => {
    const before = readFileSync(join(dir, 'customers.csv'), 'utf8');
    const { code, stdout } = await run('customers.csv', { recipe: 'recipe.json', out: 'clean.csv' });
    expect(code).toBe(0);
    expect(stdout).toContain('3 → 2 行（去重 1）');
    expect(readFileSync(join(dir, 'clean.csv'), 'utf8')).toBe('编码,名称,电话\nC1,天马,13893100001\nC2,陇兴,\n');
    expect(readFileSync(join(dir, 'customers.csv'), 'utf8')).toBe(before);
  });

  it('names the bad rule field and exits 2', async () => {
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ rules: [{ id: 'x', kind: 'range', column: '电话', mode: 'number' }] }));
    const { code, stderr } = await run('customers.csv', { rules: 'bad.json' });
    expect(code).toBe(2);
    expect(stderr).toBe('golive quality: 文件“bad.json”的内容有误：rules.0.min: needs min or max\n');
  });

  it('says which option or file is wrong, in Chinese or English', async () => {
    expect((await run('customers.csv', {})).stderr).toBe('golive quality: 请至少给出以下选项之一：--rules, --recipe\n');
    expect((await run('customers.csv', {}, 'en')).stderr).toBe('golive quality: Give at least one of --rules, --recipe\n');
    expect((await run('customers.csv', { recipe: 'recipe.json' }, 'en')).stderr).toBe(
      'golive quality: --recipe needs --out <cleaned.csv> as well\n',
    );
    expect((await run('customers.csv', { rules: 'rules.yaml', dataset: ['cust'] })).stderr).toBe(
      'golive quality: 选项 --dataset 的值“cust”格式有误，应写成 ID=SOURCE\n',
    );
    expect((await run('customers.csv', { rules: 'missing.yaml' }, 'en')).stderr).toBe(
      'golive quality: Cannot read file "missing.yaml" (it does not exist or is not readable)\n',
    );
    writeFileSync(join(dir, 'broken.json'), '{"rules": [');
    const broken = await run('customers.csv', { rules: 'broken.json' });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^golive quality: 文件“broken\.json”不是有效的 JSON：.+\n$/);
  });
});
