import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabaseUrl, describeEachDialect } from '../../../test/db-harness';
import { createTestApi, readJson, type TestApi } from '../../../test/api-harness';
import { expectError, type ErrorBody } from './migration-test-support';
import type { ObjectView, PlanView, RunView } from './migration.schema';

const CUSTOMERS = '客户编码,客户名称,信用额度,等级\nC001,甲公司,1000.50,A\nC002,乙公司,abc,B\nC003,丙公司,200,A\n';
const ORDERS = '订单号,客户,金额\nO1,C001,10.5\nO2,C002,20\nO3,C003,30\n';
const DDL = [
  'CREATE TABLE customer (code VARCHAR(20) PRIMARY KEY, name VARCHAR(100) NOT NULL, credit NUMERIC(12,2), grade VARCHAR(10))',
  'CREATE TABLE sales_order (no VARCHAR(20) PRIMARY KEY, customer_code VARCHAR(20) NOT NULL REFERENCES customer(code), amount NUMERIC(12,2) NOT NULL, status VARCHAR(10))',
];

describeEachDialect('data migration API', (dialect) => {
  let api: TestApi;
  let cookie: string;
  let projectId: string;
  let base: string;
  /** Runs SQL against the target database (SQLite staging file or a fresh PostgreSQL database). */
  let targetSql: (sql: string) => Promise<Record<string, unknown>[]>;
  let closeTarget: () => Promise<void> = async () => {};
  let connectionId: string;
  let customersUpload: string;
  let ordersUpload: string;
  let customer: ObjectView;
  let order: ObjectView;

  beforeAll(async () => {
    api = await createTestApi(dialect);
    cookie = (await api.signUp('pm@example.com')).cookie;
    projectId = await api.createProject(cookie, '陇原精工 ERP');
    base = `/api/v1/projects/${projectId}`;
    let url: string;
    if (dialect === 'sqlite') {
      const dir = join(api.dataDir, 'sqlite-sources');
      mkdirSync(dir, { recursive: true });
      const file = new SQLite(join(dir, 'staging.db'));
      for (const ddl of DDL) file.exec(ddl);
      file.close();
      targetSql = async (sql) => {
        const db = new SQLite(join(dir, 'staging.db'));
        try {
          return db.prepare(sql).all() as Record<string, unknown>[];
        } finally {
          db.close();
        }
      };
      url = 'sqlite:staging.db';
    } else {
      url = await createTestDatabaseUrl('postgres');
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      for (const ddl of DDL) await client.query(ddl);
      targetSql = async (sql) => (await client.query(sql)).rows as Record<string, unknown>[];
      closeTarget = () => client.end();
    }
    const connection = await api.call('POST', `${base}/connections`, { cookie, body: { name: '新系统导入库', kind: dialect, url } });
    expect(connection.status, await connection.clone().text()).toBe(201);
    connectionId = (await readJson<{ id: string }>(connection)).id;
    customersUpload = await upload('customers.csv', CUSTOMERS);
    ordersUpload = await upload('orders.csv', ORDERS);
    await api.jobs.start();
  });
  afterAll(async () => {
    await closeTarget();
    await api.close();
  });

  const upload = (name: string, content: string): Promise<string> => api.upload(cookie, projectId, name, content);

  async function count(table: string): Promise<number> {
    return Number((await targetSql(`SELECT count(*) AS n FROM ${table}`))[0]!.n);
  }

  async function waitRun(runId: string, until: (run: RunView) => boolean): Promise<RunView> {
    const start = Date.now();
    for (;;) {
      const run = await readJson<RunView>(await api.call('GET', `${base}/migration/runs/${runId}`, { cookie }));
      if (until(run)) return run;
      if (Date.now() - start > 60_000) throw new Error(`run ${runId} stuck: ${JSON.stringify(run)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function startRun(body: { mode: 'simulate' | 'real'; objectIds?: string[] }): Promise<RunView> {
    const response = await api.call('POST', `${base}/migration/runs`, { cookie, body });
    expect(response.status, await response.clone().text()).toBe(202);
    const { run } = await readJson<{ run: RunView }>(response);
    return waitRun(run.id, (r) => r.status !== 'queued' && r.status !== 'running');
  }

  async function rollback(path: string, confirm: string): Promise<RunView> {
    const response = await api.call('POST', `${base}/migration/${path}/rollback`, { cookie, body: { confirm } });
    expect(response.status, await response.clone().text()).toBe(202);
    const { run } = await readJson<{ run: RunView }>(response);
    return waitRun(run.id, (r) => r.rollbacks.every((x) => x.status !== 'queued' && x.status !== 'running'));
  }

  it('creates objects with mappings, dependencies and a key-map lookup', async () => {
    const created = await api.call('POST', `${base}/migration/objects`, {
      cookie,
      body: {
        name: '客户',
        category: 'master',
        source: { type: 'upload', uploadId: customersUpload },
        target: { type: 'connection', connectionId, table: 'customer' },
        mapping: [
          { kind: 'column', target: 'code', source: '客户编码' },
          { kind: 'column', target: 'name', source: '客户名称' },
          { kind: 'column', target: 'credit', source: '信用额度' },
          { kind: 'value_map', target: 'grade', source: '等级', values: { A: '重点', B: '普通' } },
        ],
        keyColumns: ['客户编码'],
        sumColumns: ['credit'],
      },
    });
    expect(created.status, await created.clone().text()).toBe(201);
    customer = await readJson<ObjectView>(created);
    expect(customer.issues).toEqual([]);
    expect(customer.targetLabel).toBe('新系统导入库 · customer');

    const orderBody = {
      name: '销售订单',
      category: 'open_transactions',
      source: { type: 'upload', uploadId: ordersUpload },
      target: { type: 'connection', connectionId, table: 'sales_order' },
      mapping: [
        { kind: 'column', target: 'no', source: '订单号' },
        { kind: 'key_map', target: 'customer_code', source: '客户', objectId: customer.id },
        { kind: 'column', target: 'amount', source: '金额' },
        { kind: 'constant', target: 'status', value: 'open' },
      ],
      sumColumns: ['amount'],
    };
    const notDependent = await api.call('POST', `${base}/migration/objects`, { cookie, body: orderBody });
    await expectError(
      notDependent,
      400,
      'MIGRATION_KEY_MAP_NOT_DEPENDENCY',
      'mapping[1].objectId',
      '字段映射引用了“客户”的键映射，因此“销售订单”必须依赖“客户”',
    );

    const second = await api.call('POST', `${base}/migration/objects`, { cookie, body: { ...orderBody, dependsOn: [customer.id] } });
    expect(second.status, await second.clone().text()).toBe(201);
    order = await readJson<ObjectView>(second);
    expect(order.dependsOn).toEqual([{ id: customer.id, name: '客户' }]);

    const duplicate = await api.call('POST', `${base}/migration/objects`, { cookie, body: { name: '客户', category: 'master' } });
    await expectError(duplicate, 409, 'MIGRATION_OBJECT_NAME_TAKEN', 'name', '本项目已有名为“客户”的迁移对象');
    const unconfigured = await api.call('POST', `${base}/migration/objects`, { cookie, body: { name: '历史凭证', category: 'history' } });
    expect((await readJson<ObjectView>(unconfigured)).issues).toContain('未配置数据源');

    const list = await readJson<{ items: ObjectView[] }>(await api.call('GET', `${base}/migration/objects`, { cookie }));
    expect(list.items.map((o) => o.name)).toEqual(expect.arrayContaining(['客户', '销售订单', '历史凭证']));
  });

  it('derives the load order and refuses a dependency cycle, naming it', async () => {
    const plan = await readJson<PlanView>(await api.call('GET', `${base}/migration/plan`, { cookie }));
    expect(plan.order.map((o) => o.name)).toEqual(['客户', '销售订单', '历史凭证']);
    expect(plan.order.map((o) => o.level)).toEqual([0, 1, 0]);
    expect(plan.edges).toEqual([{ from: customer.id, to: order.id }]);

    const cycle = await api.call('PATCH', `${base}/migration/objects/${customer.id}`, { cookie, body: { dependsOn: [order.id] } });
    expect(cycle.status).toBe(409);
    const cycleError = (await readJson<ErrorBody>(cycle)).error;
    expect([cycleError.code, cycleError.details[0]?.field]).toEqual(['MIGRATION_OBJECT_CYCLE', 'dependsOn']);
    expect(cycleError.message).toMatch(/^迁移对象的依赖成环：(客户 → 销售订单 → 客户|销售订单 → 客户 → 销售订单)$/);
    const english = await api.call('PATCH', `${base}/migration/objects/${customer.id}`, {
      cookie,
      body: { dependsOn: [order.id] },
      headers: { 'accept-language': 'en' },
    });
    expect((await readJson<ErrorBody>(english)).error.message).toContain('form a cycle');

    const inUse = await api.call('DELETE', `${base}/migration/objects/${customer.id}`, { cookie });
    await expectError(inUse, 409, 'MIGRATION_OBJECT_HAS_DEPENDENTS', null, '“客户”仍被以下迁移对象依赖，无法删除：销售订单');
    const history = (await readJson<{ items: ObjectView[] }>(await api.call('GET', `${base}/migration/objects`, { cookie }))).items.find(
      (o) => o.name === '历史凭证',
    )!;
    expect((await api.call('DELETE', `${base}/migration/objects/${history.id}`, { cookie })).status).toBe(200);
  });

  it('reads the target columns and the source columns for the mapping editor', async () => {
    const columns = await readJson<{ columns: { name: string; primaryKey: boolean; notNull: boolean }[] }>(
      await api.call('GET', `${base}/migration/connections/${connectionId}/columns?table=customer`, { cookie }),
    );
    expect(columns.columns.map((c) => c.name)).toEqual(['code', 'name', 'credit', 'grade']);
    expect(columns.columns.find((c) => c.name === 'code')!.primaryKey).toBe(true);
    const tables = await readJson<{ tables: string[] }>(
      await api.call('GET', `${base}/migration/connections/${connectionId}/tables`, { cookie }),
    );
    expect(tables.tables).toEqual(expect.arrayContaining(['customer', 'sales_order']));
    const source = await readJson<{ columns: string[] }>(
      await api.call('POST', `${base}/migration/source-columns`, { cookie, body: { source: { type: 'upload', uploadId: ordersUpload } } }),
    );
    expect(source.columns).toEqual(['订单号', '客户', '金额']);
  });

  it('simulates: reports what would load and reject, and leaves the target unchanged', async () => {
    const run = await startRun({ mode: 'simulate' });
    expect(run.status, run.error ?? '').toBe('succeeded');
    expect(run.batches.map((b) => [b.objectName, b.status, b.loaded, b.rejected])).toEqual([
      ['客户', 'simulated', 2, 1],
      ['销售订单', 'simulated', 2, 1],
    ]);
    expect(run.batches[1]!.message).toContain('C002');
    expect(await count('customer')).toBe(0);
    expect(await count('sales_order')).toBe(0);
  });

  let realRun: RunView;
  it('loads for real: rows in, bad rows in the rejects file, the after-load check passes with figures', async () => {
    realRun = await startRun({ mode: 'real' });
    expect(realRun.status, realRun.error ?? '').toBe('succeeded');
    const [c, o] = realRun.batches;
    expect([c!.status, c!.loaded, c!.rejected, c!.sourceRows]).toEqual(['loaded', 2, 1, 3]);
    expect([o!.status, o!.loaded, o!.rejected]).toEqual(['loaded', 2, 1]);
    expect(c!.engineBatchId).toMatch(/^\d{8}-\d{6}-[0-9a-f]{6}$/);
    expect(c!.check).toMatchObject({
      ok: true,
      sourceRows: 2,
      targetRows: 2,
      sums: [{ column: 'credit', source: '1200.5', target: '1200.5', ok: true }],
    });
    expect(o!.check).toMatchObject({ ok: true, sums: [{ column: 'amount', source: '40.5', ok: true }] });
    expect(await count('customer')).toBe(2);
    expect(await count('sales_order')).toBe(2);
    const rows = await targetSql(`SELECT customer_code, status FROM sales_order ORDER BY no`);
    expect(rows.map((r) => [r.customer_code, r.status])).toEqual([
      ['C001', 'open'],
      ['C003', 'open'],
    ]);
    const grades = await targetSql(`SELECT grade FROM customer ORDER BY code`);
    expect(grades.map((r) => r.grade)).toEqual(['重点', '重点']);

    const rejects = await api.call('GET', `${base}/migration/batches/${c!.id}/rejects`, { cookie });
    expect(rejects.status).toBe(200);
    const text = await rejects.text();
    expect(text).toContain('行号,列,原因');
    expect(text).toMatch(/\r\n2,credit,/);
    const orderRejects = await (await api.call('GET', `${base}/migration/batches/${o!.id}/rejects`, { cookie })).text();
    expect(orderRejects).toContain('“C002”在“客户”的键映射中不存在');

    const keyMap = await readJson<{ total: number; items: { legacyKey: string; newKey: string }[] }>(
      await api.call('GET', `${base}/migration/objects/${customer.id}/key-map`, { cookie }),
    );
    expect(keyMap.total).toBe(2);
    expect(keyMap.items.map((i) => [i.legacyKey, i.newKey])).toEqual([
      ['C001', 'C001'],
      ['C003', 'C003'],
    ]);
    const csv = await (await api.call('GET', `${base}/migration/objects/${customer.id}/key-map/export`, { cookie })).text();
    expect(csv).toContain('旧系统键,新系统键');
  });

  let rerun: RunView;
  it('re-running creates no duplicates and the check still passes', async () => {
    rerun = await startRun({ mode: 'real' });
    expect(rerun.status, rerun.error ?? '').toBe('succeeded');
    expect(rerun.batches.map((b) => [b.loaded, b.skippedExisting])).toEqual([
      [0, 2],
      [0, 2],
    ]);
    expect(rerun.batches.every((b) => b.check?.ok)).toBe(true);
    expect(await count('customer')).toBe(2);
    expect(await count('sales_order')).toBe(2);
  });

  it('rolls back behind a confirmation, dependents first, leaving the target as before', async () => {
    const wrong = await api.call('POST', `${base}/migration/runs/${realRun.id}/rollback`, { cookie, body: { confirm: 'x' } });
    await expectError(wrong, 400, 'MIGRATION_ROLLBACK_CONFIRM_NUMBER', 'confirm', `请输入迁移编号 ${realRun.number} 以确认回滚`);
    const wrongName = await api.call('POST', `${base}/migration/batches/${realRun.batches[1]!.id}/rollback`, {
      cookie,
      body: { confirm: '客户' },
    });
    await expectError(wrongName, 400, 'MIGRATION_ROLLBACK_CONFIRM_NAME', 'confirm', '请输入对象名称“销售订单”以确认回滚');
    const simulated = (await readJson<{ items: RunView[] }>(await api.call('GET', `${base}/migration/runs`, { cookie }))).items.find(
      (r) => r.mode === 'simulate',
    )!;
    await expectError(
      await api.call('POST', `${base}/migration/runs/${simulated.id}/rollback`, { cookie, body: { confirm: String(simulated.number) } }),
      409,
      'MIGRATION_ROLLBACK_SIMULATION',
      null,
      '模拟迁移没有改变目标，无需回滚',
    );

    // 客户 of the first real run still has 销售订单 rows depending on it.
    const blocked = await api.call('POST', `${base}/migration/batches/${realRun.batches[0]!.id}/rollback`, {
      cookie,
      body: { confirm: '客户' },
    });
    await expectError(blocked, 409, 'MIGRATION_ROLLBACK_DEPENDENTS_LOADED', null, /^请先回滚依赖它的对象：销售订单（第 \d+ 次迁移）/);

    const rolledRerun = await rollback(`runs/${rerun.id}`, String(rerun.number));
    expect(rolledRerun.status).toBe('rolled_back');
    expect(await count('customer')).toBe(2);

    const orderOnly = await rollback(`batches/${realRun.batches[1]!.id}`, '销售订单');
    expect(orderOnly.batches.map((b) => b.status)).toEqual(['loaded', 'rolled_back']);
    expect(await count('sales_order')).toBe(0);
    const rest = await rollback(`runs/${realRun.id}`, String(realRun.number));
    expect(rest.status).toBe('rolled_back');
    expect(rest.rollbacks.every((r) => r.status === 'succeeded')).toBe(true);
    expect(await count('customer')).toBe(0);
    expect(await count('sales_order')).toBe(0);
    await expectError(
      await api.call('POST', `${base}/migration/runs/${realRun.id}/rollback`, { cookie, body: { confirm: String(realRun.number) } }),
      409,
      'MIGRATION_ROLLBACK_NOTHING_LOADED',
      null,
      '没有可回滚的已加载批次',
    );
    const keyMap = await readJson<{ total: number }>(await api.call('GET', `${base}/migration/objects/${customer.id}/key-map`, { cookie }));
    expect(keyMap.total).toBe(0);
  });

  it('resumes a run whose worker died: the object caught mid-load runs again, nothing is doubled', async () => {
    await api.jobs.stop();
    const response = await api.call('POST', `${base}/migration/runs`, { cookie, body: { mode: 'real' } });
    expect(response.status, await response.clone().text()).toBe(202);
    const { run } = await readJson<{ run: RunView }>(response);
    await expectError(
      await api.call('POST', `${base}/migration/runs/${run.id}/rollback`, { cookie, body: { confirm: String(run.number) } }),
      409,
      'MIGRATION_RUN_IN_PROGRESS',
      null,
      `第 ${run.number} 次迁移或其回滚仍在进行中，请等其结束后再回滚`,
    );
    // What a worker killed during the first object's load leaves behind: the run and that batch
    // 'running', the job 'running' with a heartbeat long gone; the target's load transaction died with it.
    const { job_id: jobId } = await api.db.kysely
      .selectFrom('migration_run')
      .select('job_id')
      .where('id', '=', run.id)
      .executeTakeFirstOrThrow();
    await api.db.kysely
      .updateTable('migration_run')
      .set({ status: 'running', started_at: new Date().toISOString() })
      .where('id', '=', run.id)
      .execute();
    const first = await api.db.kysely
      .selectFrom('migration_batch')
      .select('id')
      .where('run_id', '=', run.id)
      .where('status', '=', 'pending')
      .orderBy('seq')
      .executeTakeFirstOrThrow();
    await api.db.kysely.updateTable('migration_batch').set({ status: 'running' }).where('id', '=', first.id).execute();
    await api.db.kysely
      .updateTable('job')
      .set({ status: 'running', attempts: 1, heartbeat_at: '2000-01-01T00:00:00.000Z', started_at: '2000-01-01T00:00:00.000Z' })
      .where('id', '=', jobId!)
      .execute();
    await api.jobs.start();
    const resumed = await waitRun(run.id, (r) => r.status !== 'queued' && r.status !== 'running');
    expect(resumed.status, resumed.error ?? '').toBe('succeeded');
    expect(resumed.batches.map((b) => [b.objectName, b.status, b.loaded])).toEqual([
      ['客户', 'loaded', 2],
      ['销售订单', 'loaded', 2],
    ]);
    expect(await count('customer')).toBe(2);
    expect(await count('sales_order')).toBe(2);

    // The last attempt's worker died too: the run is settled as failed, not left running forever.
    await api.jobs.stop();
    const again = await readJson<{ run: RunView }>(await api.call('POST', `${base}/migration/runs`, { cookie, body: { mode: 'real' } }));
    const { job_id: lostJob } = await api.db.kysely
      .selectFrom('migration_run')
      .select('job_id')
      .where('id', '=', again.run.id)
      .executeTakeFirstOrThrow();
    await api.db.kysely.updateTable('migration_run').set({ status: 'running' }).where('id', '=', again.run.id).execute();
    await api.db.kysely
      .updateTable('migration_batch')
      .set({ status: 'running' })
      .where('run_id', '=', again.run.id)
      .where('seq', '=', 1)
      .execute();
    await api.db.kysely
      .updateTable('job')
      .set({ status: 'failed', error: 'worker lost', attempts: 3 })
      .where('id', '=', lostJob!)
      .execute();
    const settled = await readJson<RunView>(await api.call('GET', `${base}/migration/runs/${again.run.id}`, { cookie }));
    expect(settled.status).toBe('failed');
    expect(settled.error).toContain('worker lost');
    expect(settled.batches.map((b) => b.status)).toEqual(['failed', 'skipped']);

    // Stopped before it started (the page's 停止 button cancels the run's job): cancelled, nothing ran.
    const queued = await readJson<{ run: RunView }>(await api.call('POST', `${base}/migration/runs`, { cookie, body: { mode: 'real' } }));
    const cancel = await api.call('POST', `${base}/jobs/${queued.run.jobId}/cancel`, { cookie });
    expect(cancel.status, await cancel.clone().text()).toBe(200);
    const stopped = await readJson<RunView>(await api.call('GET', `${base}/migration/runs/${queued.run.id}`, { cookie }));
    expect([stopped.status, stopped.error]).toEqual(['cancelled', null]);
    expect(stopped.batches.map((b) => b.status)).toEqual(['skipped', 'skipped']);
    await api.jobs.start();
    expect((await readJson<RunView>(await api.call('GET', `${base}/migration/runs/${queued.run.id}`, { cookie }))).status).toBe(
      'cancelled',
    );
  });

  it('skips objects that are not configured (and names why) when running everything', async () => {
    const created = await api.call('POST', `${base}/migration/objects`, {
      cookie,
      body: { name: '历史凭证', category: 'history', dependsOn: [customer.id] },
    });
    expect(created.status).toBe(201);
    const named = await api.call('POST', `${base}/migration/runs`, {
      cookie,
      body: { mode: 'simulate', objectIds: [(await readJson<ObjectView>(created)).id] },
    });
    await expectError(
      named,
      400,
      'MIGRATION_RUN_OBJECT_NOT_READY',
      'objectIds',
      '“历史凭证”无法迁移：未配置数据源；未配置迁移目标；未配置字段映射',
    );
    const run = await startRun({ mode: 'simulate' });
    expect(run.status).toBe('succeeded');
    expect(run.batches.map((b) => [b.objectName, b.status])).toEqual([
      ['客户', 'simulated'],
      ['销售订单', 'simulated'],
      ['历史凭证', 'skipped'],
    ]);
    expect(run.batches[2]!.message).toContain('未配置数据源');
  });

  it('writes an import template file (CSV) with the template header order and checks it', async () => {
    const created = await api.call('POST', `${base}/migration/objects`, {
      cookie,
      body: {
        name: '客户导入模板',
        category: 'master',
        source: { type: 'upload', uploadId: customersUpload },
        target: { type: 'file', format: 'csv', columns: ['客户名称', '编码', '额度', '备注'], keyColumns: ['编码'] },
        mapping: [
          { kind: 'column', target: '编码', source: '客户编码' },
          { kind: 'column', target: '客户名称', source: '客户名称' },
          { kind: 'column', target: '额度', source: '信用额度' },
        ],
        keyColumns: ['客户编码'],
        sumColumns: ['额度'],
      },
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const object = await readJson<ObjectView>(created);
    const run = await startRun({ mode: 'real', objectIds: [object.id] });
    expect(run.status, run.error ?? '').toBe('succeeded');
    const batch = run.batches[0]!;
    expect([batch.loaded, batch.rejected, batch.hasOutput]).toEqual([3, 0, true]);
    const file = await api.call('GET', `${base}/migration/batches/${batch.id}/output`, { cookie });
    expect(file.status).toBe(200);
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes.subarray(3).toString('utf8')).toBe(
      '客户名称,编码,额度,备注\r\n甲公司,C001,1000.50,\r\n乙公司,C002,abc,\r\n丙公司,C003,200,\r\n',
    );
    // A template file has no column types: the non-number reaches the file, and the check flags it.
    expect(batch.check?.ok).toBe(false);
    expect(batch.check?.message).toContain('额度');
    const clean = await api.call('PATCH', `${base}/migration/objects/${object.id}`, { cookie, body: { sumColumns: [] } });
    expect(clean.status).toBe(200);
    const again = await startRun({ mode: 'real', objectIds: [object.id] });
    expect(again.batches[0]!.check).toMatchObject({ ok: true, sourceRows: 3, targetRows: 3 });

    // The same template as XLSX: the workbook keeps the header order and is read back by the check.
    const xlsxTarget = { type: 'file', format: 'xlsx', columns: ['客户名称', '编码', '额度', '备注'], keyColumns: ['编码'] };
    expect((await api.call('PATCH', `${base}/migration/objects/${object.id}`, { cookie, body: { target: xlsxTarget } })).status).toBe(200);
    const xlsx = await startRun({ mode: 'real', objectIds: [object.id] });
    expect(xlsx.batches[0]!.check).toMatchObject({ ok: true, targetRows: 3 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      await (await api.call('GET', `${base}/migration/batches/${xlsx.batches[0]!.id}/output`, { cookie })).arrayBuffer(),
    );
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, '客户名称', '编码', '额度', '备注']);
    expect(sheet.getRow(2).getCell(2).value).toBe('C001');
  });

  it('reads a data asset as the source, raw or after its cleansing recipe', async () => {
    const created = await api.call('POST', `${base}/data-assets`, {
      cookie,
      body: { name: '客户档案', source: { type: 'upload', uploadId: customersUpload }, keyColumns: ['客户编码'], profile: false },
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const assetId = (await readJson<{ asset: { id: string } }>(created)).asset.id;
    const columns = await readJson<{ columns: string[] }>(
      await api.call('POST', `${base}/migration/source-columns`, { cookie, body: { source: { type: 'asset', assetId, cleansed: false } } }),
    );
    expect(columns.columns).toEqual(['客户编码', '客户名称', '信用额度', '等级']);
    const object = await readJson<ObjectView>(
      await api.call('POST', `${base}/migration/objects`, {
        cookie,
        body: {
          name: '客户（资产）',
          category: 'master',
          source: { type: 'asset', assetId, cleansed: true },
          target: { type: 'file', format: 'csv', columns: ['编码', '名称'] },
          mapping: [
            { kind: 'column', target: '编码', source: '客户编码' },
            { kind: 'column', target: '名称', source: '客户名称' },
          ],
        },
      }),
    );
    expect(object.sourceLabel).toBe('客户档案（清洗后）');
    const run = await startRun({ mode: 'real', objectIds: [object.id] });
    expect(run.batches[0]).toMatchObject({ status: 'loaded', loaded: 3, rejected: 0 });
    expect(run.batches[0]!.check?.ok).toBe(true);
  });

  it('enforces the migration permissions', async () => {
    const { cookie: sponsor } = await api.signUp('sponsor@example.com');
    await api.call('POST', `${base}/members`, {
      cookie,
      body: { name: 'V', projectRole: 'sponsor', tier: 'member', accountEmail: 'sponsor@example.com' },
    });
    expect((await api.call('GET', `${base}/migration/objects`, { cookie: sponsor })).status).toBe(200);
    expect((await api.call('POST', `${base}/migration/runs`, { cookie: sponsor, body: { mode: 'simulate' } })).status).toBe(403);
    expect((await api.call('POST', `${base}/migration/objects`, { cookie: sponsor, body: { name: 'x', category: 'master' } })).status).toBe(
      403,
    );
  });
});
