import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import { openDb } from '../../db/connection';
import type { HealthView } from '../../modules/risks/risk.schema';
import { createTestDatabaseUrl, describeEachDialect } from '../../../test/db-harness';

const BIN = fileURLToPath(new URL('../../../bin/golive.js', import.meta.url));

function golive(args: string[], env: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, LANG: 'en_US.UTF-8', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describeEachDialect('golive health', (dialect) => {
  let env: Record<string, string>;
  let projectId: string;

  beforeAll(async () => {
    env = { DATABASE_URL: await createTestDatabaseUrl(dialect) };
    const demo = golive(['demo'], env);
    expect(demo.status, demo.stderr).toBe(0);
    const db = openDb(env.DATABASE_URL!);
    try {
      projectId = (await db.kysely.selectFrom('project').select('id').where('is_demo', '=', 1).executeTakeFirstOrThrow()).id;
    } finally {
      await db.close();
    }
  }, 120_000);

  it('prints the health table in Chinese and JSON in English, and records the snapshot', async () => {
    const table = golive(['health', '--project', projectId], env);
    expect(table.status, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/^项目健康度: \d+ \((正常|关注|预警|严重)\)/);
    expect(table.stdout).toContain('定制控制');
    expect(table.stdout).toMatch(/\[预警\] customisation\.modules_over: 超过定制占比或工作量上限的模块：生产。/);
    const json = golive(['health', '--project', projectId, '--format', 'json', '--lang', 'en'], env);
    expect(json.status, json.stderr).toBe(0);
    const health = JSON.parse(json.stdout) as HealthView;
    expect(health.dimensions.find((d) => d.code === 'customisation')!.title).toBe('Customisation control');
    const db = openDb(env.DATABASE_URL!);
    try {
      const snapshots = await db.kysely
        .selectFrom('risk_health_snapshot')
        .select(['day', 'score'])
        .where('project_id', '=', projectId)
        .execute();
      expect(snapshots.map((s) => [s.day, Number(s.score)])).toEqual([[health.evaluatedOn, health.score]]);
    } finally {
      await db.close();
    }
  }, 120_000);

  it('exits 3 below --fail-below and 2 on bad arguments', () => {
    const strict = golive(['health', '--project', projectId, '--fail-below', '100'], env);
    expect(strict.status).toBe(3);
    expect(strict.stderr).toMatch(/golive health: score \d+ is below 100/);
    expect(golive(['health', '--project', projectId, '--fail-below', '0'], env).status).toBe(0);
    const bad = golive(['health', '--project', projectId, '--fail-below', 'high'], env);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('golive health: Invalid value "high" for --fail-below; expected a number (0–100)\n');
    const badZh = golive(['health', '--project', projectId, '--format', 'xml'], { ...env, GOLIVE_LANG: 'zh-CN' });
    expect(badZh.status).toBe(2);
    expect(badZh.stderr).toBe('golive health: 选项 --format 的值“xml”无效，可选值：table, json\n');
    const unknown = golive(['health', '--project', 'no-such-project'], env);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('project not found: no-such-project');
  }, 120_000);
});
