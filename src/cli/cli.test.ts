import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import { openDb } from '../db/connection';
import { createTestDatabaseUrl, describeEachDialect } from '../../test/db-harness';

const BIN = fileURLToPath(new URL('../../bin/golive.js', import.meta.url));

function golive(args: string[], env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, LANG: 'en_US.UTF-8', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

it('prints the version and help for every command', () => {
  expect(golive(['version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  for (const command of [[], ['serve'], ['worker'], ['db', 'migrate'], ['demo'], ['admin', 'create'], ['version']]) {
    const result = golive([...command, '--help']);
    expect(result.status, command.join(' ')).toBe(0);
    expect(result.stdout).toContain('Usage: golive');
  }
});

it('exits 2 with a message on stderr for usage errors', () => {
  const unknown = golive(['frobnicate']);
  expect(unknown.status).toBe(2);
  expect(unknown.stderr).toContain("unknown command 'frobnicate'");
  const missing = golive(['admin', 'create', '--email', 'x@example.com']);
  expect(missing.status).toBe(2);
  expect(missing.stderr).toContain('--password');
  const badDb = golive(['db', 'migrate'], { DATABASE_URL: 'mysql://root:hunter2@localhost/db' });
  expect(badDb.status).toBe(2);
  expect(badDb.stderr).toContain('not supported');
  expect(badDb.stderr).not.toContain('hunter2');
});

it('names the bad option in the language of GOLIVE_LANG, else LANG (zh-CN by default)', () => {
  const port = golive(['serve', '--port', 'abc']);
  expect(port.status).toBe(2);
  expect(port.stderr).toBe('golive: Invalid value "abc" for --port; expected a whole number (0–65535)\n');
  const email = golive(['admin', 'create', '--email', 'nobody', '--password', 'long-enough-1'], { LANG: 'zh_CN.UTF-8' });
  expect(email.status).toBe(2);
  expect(email.stderr).toBe('golive: 选项 --email 的值“nobody”格式有误，应写成 name@example.com\n');
  const unset = golive(['serve', '--port', '-1'], { LANG: 'C.UTF-8', GOLIVE_LANG: '' });
  expect(unset.stderr).toBe('golive: 选项 --port 的值“-1”应为整数（0–65535）\n');
  const override = golive(['serve', '--port', '-1'], { LANG: 'zh_CN.UTF-8', GOLIVE_LANG: 'en' });
  expect(override.stderr).toBe('golive: Invalid value "-1" for --port; expected a whole number (0–65535)\n');
});

it('runs the engine commands through the golive binary (golive reconcile)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'golive-cli-'));
  writeFileSync(join(dir, 'old.csv'), '客户编码,名称,余额\nC1,甲,100\nC2,乙,200\nC3,丙,300\n');
  writeFileSync(join(dir, 'new.csv'), 'code,名称,余额\nC1,甲,100\nC2,乙,250\nC4,丁,1\n');
  const result = golive([
    'reconcile',
    '--left',
    join(dir, 'old.csv'),
    '--right',
    join(dir, 'new.csv'),
    '--key',
    '客户编码',
    '--map-column',
    '客户编码=code',
    '--format',
    'json',
    '--fail-on-diff',
  ]);
  expect(result.status).toBe(1);
  const summary = JSON.parse(result.stdout) as Record<string, unknown>;
  expect(summary).toMatchObject({ left_rows: 3, right_rows: 3, matched: 1, changed: 1, only_left: 1, only_right: 1, columns: { 余额: 1 } });
});

it('profiles a file through the golive binary (golive profile)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'golive-cli-'));
  writeFileSync(join(dir, 'customers.csv'), '客户编码,名称,余额\nC1,甲,100\nC2,,200.5\nC3,丙,\n');
  const result = golive(['profile', join(dir, 'customers.csv'), '--format', 'json']);
  expect(result.status).toBe(0);
  const profile = JSON.parse(result.stdout) as {
    rows: number;
    columns: { name: string; type: string; null_ratio: number; distinct: number; min: unknown; max: unknown; top: unknown[] }[];
  };
  expect(profile.rows).toBe(3);
  const balance = profile.columns.find((c) => c.name === '余额')!;
  expect(balance).toMatchObject({ type: 'decimal', distinct: 2, min: 100, max: 200.5 });
  expect(balance.null_ratio).toBeCloseTo(1 / 3, 6);
  expect(profile.columns.find((c) => c.name === '名称')!.top.length).toBe(2);
});

describeEachDialect('golive CLI on a database', (dialect) => {
  let env: Record<string, string>;

  beforeAll(async () => {
    env = { DATABASE_URL: await createTestDatabaseUrl(dialect) };
  });

  it('migrates, and says so when already up to date', () => {
    expect(golive(['db', 'migrate'], env).stdout).toMatch(/Applied [0-9]+ migration/);
    expect(golive(['db', 'migrate'], env).stdout).toContain('Database is up to date.');
  });

  it('creates an admin once and refuses the same email again with exit 2', () => {
    const first = golive(['admin', 'create', '--email', 'ops@example.com', '--password', 'long-enough-1', '--name', '运维'], env);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('Created administrator ops@example.com');
    const again = golive(['admin', 'create', '--email', 'ops@example.com', '--password', 'long-enough-1'], env);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('User already exists: ops@example.com');
    const short = golive(['admin', 'create', '--email', 'x@example.com', '--password', 'short'], env);
    expect(short.status).toBe(2);
    expect(short.stderr).toContain('golive: --password must be at least 8 characters long');
  });

  it('loads and reloads the demo project without duplicating it', async () => {
    expect(golive(['demo'], env).status).toBe(0);
    const reload = golive(['demo'], env);
    expect(reload.status).toBe(0);
    expect(reload.stdout).toContain('Demo project loaded');
    const db = openDb(env.DATABASE_URL!);
    try {
      const projects = await db.kysely.selectFrom('project').select(['id', 'name']).where('is_demo', '=', 1).execute();
      expect(projects).toHaveLength(1);
      expect(projects[0]!.name).toContain('金昌ERP');
      const goals = await db.kysely.selectFrom('goal').select('id').where('project_id', '=', projects[0]!.id).execute();
      expect(goals.length).toBeGreaterThanOrEqual(4);
      const members = await db.kysely.selectFrom('project_member').select('id').where('project_id', '=', projects[0]!.id).execute();
      expect(members.length).toBeGreaterThanOrEqual(12);
    } finally {
      await db.close();
    }
  });
});
