import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { describeEachDialect } from '../../../test/db-harness';
import { dumpTable, freshTarget, withTarget } from '../../engines/migrate/test-support';
import { runMigrateCommand } from './migrate-plan';

// Messages follow GOLIVE_LANG/LANG: pin them so the assertions do not depend on the machine.
beforeAll(() => vi.stubEnv('GOLIVE_LANG', 'zh-CN'));
afterAll(() => vi.unstubAllEnvs());

describeEachDialect('golive migrate', (dialect) => {
  let url: string;
  let dir: string;
  const migrate = async (action: string, plan = 'plan.yaml') => {
    let stdout = '';
    let stderr = '';
    const code = await runMigrateCommand(
      action,
      plan,
      { format: 'json' },
      {
        stdout: { write: (s: string) => (stdout += s) },
        stderr: { write: (s: string) => (stderr += s), isTTY: false },
        cwd: dir,
      },
    );
    return { code, stdout, stderr, json: stdout ? (JSON.parse(stdout) as Record<string, unknown>) : undefined };
  };

  beforeAll(async () => {
    ({ url, dir } = await freshTarget(dialect));
    await withTarget(url, async (db) => {
      await db.query('CREATE TABLE customer (code varchar(10) PRIMARY KEY, name text NOT NULL)');
      await db.query(
        'CREATE TABLE sales_order (no integer PRIMARY KEY, customer varchar(10) NOT NULL REFERENCES customer (code), amount numeric(12,2))',
      );
      await db.query("INSERT INTO customer VALUES ('OLD', '老客户')");
    });
    writeFileSync(join(dir, 'customers.csv'), '客户编码,客户名称\nC1,华东机械\nC2,北方电子\n');
    writeFileSync(join(dir, 'orders.csv'), 'no,customer,amount\n1,C1,100.00\n2,C2,250.5\n3,OLD,9\n');
    // Orders are listed first: the plan's order must come from depends_on.
    writeFileSync(
      join(dir, 'plan.yaml'),
      [
        'name: 上线迁移',
        `target: "${url}"`,
        'objects:',
        '  - name: 未清订单',
        '    source: orders.csv',
        '    table: sales_order',
        '    depends_on: [客户]',
        '  - name: 客户',
        '    source: customers.csv',
        '    table: customer',
        '    columns: { 客户编码: code, 客户名称: name }',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'cycle.yaml'),
      `target: "${url}"\nobjects:\n  - { name: 客户, source: a.csv, table: customer, depends_on: [销售订单] }\n  - { name: 销售订单, source: b.csv, table: sales_order, depends_on: [客户] }\n`,
    );
  });

  it('prints the load order and refuses a cycle, naming it', async () => {
    const plan = await migrate('plan');
    expect(plan.code).toBe(0);
    expect((plan.json!.order as { object: string }[]).map((o) => o.object)).toEqual(['客户', '未清订单']);
    const cycle = await migrate('plan', 'cycle.yaml');
    expect(cycle.code).toBe(2);
    expect(cycle.stderr).toContain('dependency cycle: 客户 → 销售订单 → 客户');
  });

  it('simulates every object in one rolled-back transaction, runs, reports status and rolls the run back', async () => {
    const before = { customer: await dumpTable(url, 'customer', 'code'), orders: await dumpTable(url, 'sales_order', 'no') };
    const simulated = await migrate('simulate');
    expect(simulated.stderr).toBe('');
    expect(simulated.code).toBe(0);
    // Orders reference customers that exist only inside the simulation: they still check out.
    expect(
      (simulated.json!.objects as { object: string; status: string; loaded: number }[]).map((o) => [o.object, o.status, o.loaded]),
    ).toEqual([
      ['客户', 'simulated', 2],
      ['未清订单', 'simulated', 3],
    ]);
    expect(await dumpTable(url, 'customer', 'code')).toEqual(before.customer);
    expect(await dumpTable(url, 'sales_order', 'no')).toEqual(before.orders);

    const run = await migrate('run');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.json).toMatchObject({ plan: '上线迁移', status: 'completed' });
    const status = await migrate('status');
    expect(status.code).toBe(0);
    const objects = status.json!.objects as { object: string; status: string; loaded: number; rejected: number; batch: string }[];
    expect(objects.map((o) => [o.object, o.status, o.loaded, o.rejected])).toEqual([
      ['客户', 'loaded', 2, 0],
      ['未清订单', 'loaded', 3, 0],
    ]);
    expect(objects.every((o) => /^\d{8}-/.test(o.batch))).toBe(true);
    expect((await dumpTable(url, 'customer', 'code')).length).toBe(3);

    const rolled = await migrate('rollback');
    expect(rolled.code).toBe(0);
    expect(rolled.json).toMatchObject({ status: 'rolled_back' });
    expect(await dumpTable(url, 'customer', 'code')).toEqual(before.customer);
    expect(await dumpTable(url, 'sales_order', 'no')).toEqual(before.orders);
    const again = await migrate('rollback');
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/^golive migrate: 迁移计划“.+”的最近一次运行（.+）已经回滚\n$/);
  });

  it('stops at the first object that fails and records it', async () => {
    writeFileSync(join(dir, 'bad-orders.csv'), 'no,customer,amount\n1,C1,abc\n');
    writeFileSync(
      join(dir, 'stop.yaml'),
      `name: stop\ntarget: "${url}"\non_error: stop\nobjects:\n  - { name: 客户, source: customers.csv, table: customer, columns: { 客户编码: code, 客户名称: name } }\n  - { name: 订单, source: bad-orders.csv, table: sales_order, depends_on: [客户] }\n`,
    );
    const run = await migrate('run', 'stop.yaml');
    expect(run.code).toBe(1);
    const objects = run.json!.objects as { object: string; status: string; message: string | null }[];
    expect(objects.map((o) => o.status)).toEqual(['loaded', 'stopped']);
    expect(objects[1].message).toContain('row 1, column amount');
    expect(run.json!.status).toBe('failed');
    const rolled = await migrate('rollback', 'stop.yaml');
    expect(rolled.code).toBe(0);
    expect((await dumpTable(url, 'customer', 'code')).length).toBe(1);
  });

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('names a bad action or an unreadable plan in the language of GOLIVE_LANG', async () => {
    vi.stubEnv('GOLIVE_LANG', 'en');
    const action = await migrate('deploy');
    expect(action.code).toBe(2);
    expect(action.stderr).toBe(
      'golive migrate: Invalid value "deploy" for <action>; expected one of: plan, simulate, run, status, rollback\n',
    );
    vi.stubEnv('GOLIVE_LANG', 'zh-CN');
    const missing = await migrate('plan', 'no-such-plan.yaml');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('golive migrate: 无法读取文件“no-such-plan.yaml”（文件不存在或没有读取权限）\n');
  });
});
