import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApi, readJson, type TestApi } from '../../../test/api-harness';
import { describeEachDialect } from '../../../test/db-harness';
import { expectError, type ErrorBody } from './migration-test-support';
import type { ObjectView, RunView } from './migration.schema';

const CUSTOMERS = '客户编码,客户名称,信用额度,等级\nC001,甲公司,1000.50,A\nC003,丙公司,200,A\n';
const ORDERS = '订单号,客户,金额\nO1,C001,10.5\nO3,C003,30\n';
const DDL = [
  'CREATE TABLE customer (code VARCHAR(20) PRIMARY KEY, name VARCHAR(100) NOT NULL, credit NUMERIC(12,2), grade VARCHAR(10))',
  'CREATE TABLE sales_order (no VARCHAR(20) PRIMARY KEY, customer_code VARCHAR(20) NOT NULL REFERENCES customer(code), amount NUMERIC(12,2) NOT NULL, status VARCHAR(10))',
];

/**
 * The documented error codes of migration objects and runs, each with its zh-CN message (the
 * rollback refusals are asserted along the rollback flow in migration.api.test.ts). The target is a
 * SQLite staging file whatever the dialect of golive's own database.
 */
describeEachDialect('data migration API errors', (dialect) => {
  let api: TestApi;
  let cookie: string;
  let base: string;
  let connectionId: string;
  let customersUpload: string;
  let customer: ObjectView;
  let order: ObjectView;

  beforeAll(async () => {
    api = await createTestApi(dialect);
    cookie = (await api.signUp('pm@example.com')).cookie;
    const projectId = await api.createProject(cookie, '陇原精工 ERP');
    base = `/api/v1/projects/${projectId}`;
    const dir = join(api.dataDir, 'sqlite-sources');
    mkdirSync(dir, { recursive: true });
    const file = new SQLite(join(dir, 'staging.db'));
    for (const ddl of DDL) file.exec(ddl);
    file.close();
    const connection = await api.call('POST', `${base}/connections`, {
      cookie,
      body: { name: '新系统导入库', kind: 'sqlite', url: 'sqlite:staging.db' },
    });
    expect(connection.status, await connection.clone().text()).toBe(201);
    connectionId = (await readJson<{ id: string }>(connection)).id;
    customersUpload = await api.upload(cookie, projectId, 'customers.csv', CUSTOMERS);
    const ordersUpload = await api.upload(cookie, projectId, 'orders.csv', ORDERS);
    customer = await createObject({
      name: '客户',
      category: 'master',
      source: { type: 'upload', uploadId: customersUpload },
      target: { type: 'connection', connectionId, table: 'customer' },
      mapping: [
        { kind: 'column', target: 'code', source: '客户编码' },
        { kind: 'column', target: 'name', source: '客户名称' },
      ],
      keyColumns: ['客户编码'],
    });
    order = await createObject({
      name: '销售订单',
      category: 'open_transactions',
      dependsOn: [customer.id],
      source: { type: 'upload', uploadId: ordersUpload },
      target: { type: 'connection', connectionId, table: 'sales_order' },
      mapping: [
        { kind: 'column', target: 'no', source: '订单号' },
        { kind: 'key_map', target: 'customer_code', source: '客户', objectId: customer.id },
        { kind: 'column', target: 'amount', source: '金额' },
      ],
    });
    await api.jobs.start();
  });
  afterAll(async () => {
    await api.close();
  });

  async function createObject(body: Record<string, unknown>): Promise<ObjectView> {
    const response = await api.call('POST', `${base}/migration/objects`, { cookie, body });
    expect(response.status, await response.clone().text()).toBe(201);
    return readJson<ObjectView>(response);
  }

  async function startRun(body: { mode: 'simulate' | 'real'; objectIds?: string[] }): Promise<RunView> {
    const response = await api.call('POST', `${base}/migration/runs`, { cookie, body });
    expect(response.status, await response.clone().text()).toBe(202);
    const { run } = await readJson<{ run: RunView }>(response);
    const start = Date.now();
    for (;;) {
      const now = await readJson<RunView>(await api.call('GET', `${base}/migration/runs/${run.id}`, { cookie }));
      if (now.status !== 'queued' && now.status !== 'running') return now;
      if (Date.now() - start > 60_000) throw new Error(`run ${run.id} stuck: ${JSON.stringify(now)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('refuses invalid object fields with a documented code, naming the field', async () => {
    const create = (body: Record<string, unknown>): Promise<Response> =>
      api.call('POST', `${base}/migration/objects`, { cookie, body: { name: '无效对象', category: 'master', ...body } });
    await expectError(
      await create({ dependsOn: ['no-such-object'] }),
      400,
      'MIGRATION_OBJECT_UNKNOWN',
      'dependsOn[0]',
      '本项目中不存在迁移对象“no-such-object”',
    );
    await expectError(
      await create({ dependsOn: [customer.id, customer.id] }),
      400,
      'MIGRATION_DEPENDENCY_DUPLICATE',
      'dependsOn',
      '依赖对象“客户”重复列出',
    );
    await expectError(
      await api.call('PATCH', `${base}/migration/objects/${customer.id}`, { cookie, body: { dependsOn: [customer.id] } }),
      400,
      'MIGRATION_OBJECT_SELF_DEPENDENCY',
      'dependsOn[0]',
      '迁移对象“客户”不能依赖自身',
    );
    await expectError(
      await create({ source: { type: 'upload', uploadId: 'no-such-upload' } }),
      400,
      'MIGRATION_SOURCE_UPLOAD_UNKNOWN',
      'source.uploadId',
      '本项目中不存在上传文件“no-such-upload”',
    );
    await expectError(
      await create({ source: { type: 'asset', assetId: 'no-such-asset' } }),
      400,
      'MIGRATION_SOURCE_ASSET_UNKNOWN',
      'source.assetId',
      '本项目中不存在数据资产“no-such-asset”',
    );
    await expectError(
      await create({ target: { type: 'connection', connectionId: 'no-such-connection', table: 'customer' } }),
      400,
      'MIGRATION_TARGET_CONNECTION_UNKNOWN',
      'target.connectionId',
      '本项目中不存在数据连接“no-such-connection”',
    );
    const mysql = await api.call('POST', `${base}/connections`, {
      cookie,
      body: { name: '旧系统库', kind: 'mysql', url: 'mysql://reader@127.0.0.1:3306/legacy' },
    });
    expect(mysql.status, await mysql.clone().text()).toBe(201);
    const mysqlId = (await readJson<{ id: string }>(mysql)).id;
    await expectError(
      await create({ target: { type: 'connection', connectionId: mysqlId, table: 'customer' } }),
      400,
      'MIGRATION_TARGET_CONNECTION_KIND',
      'target.connectionId',
      '数据连接“旧系统库”的类型是“mysql”，迁移目标只支持 PostgreSQL 或 SQLite',
    );
    await expectError(
      await create({ target: { type: 'file', format: 'csv', columns: ['编码', '编码'] } }),
      400,
      'MIGRATION_TEMPLATE_COLUMN_DUPLICATE',
      'target.columns[1]',
      '导入模板中的列“编码”重复出现',
    );
    await expectError(
      await create({ target: { type: 'file', format: 'csv', columns: ['编码', '名称'], keyColumns: ['客户编码'] } }),
      400,
      'MIGRATION_TEMPLATE_COLUMN_MISSING',
      'target.keyColumns[0]',
      '“客户编码”不是导入模板中的列（模板列：编码, 名称）',
    );
    await expectError(
      await create({
        target: { type: 'file', format: 'csv', columns: ['编码'] },
        mapping: [{ kind: 'column', target: '名称', source: '客户名称' }],
      }),
      400,
      'MIGRATION_TEMPLATE_COLUMN_MISSING',
      'mapping[0].target',
      '“名称”不是导入模板中的列（模板列：编码）',
    );
    await expectError(
      await create({
        mapping: [
          { kind: 'column', target: 'code', source: '客户编码' },
          { kind: 'constant', target: 'code', value: 'X' },
        ],
      }),
      400,
      'MIGRATION_MAPPING_TARGET_DUPLICATE',
      'mapping[1].target',
      '目标列“code”被映射了两次',
    );
    await expectError(
      await create({ mapping: [{ kind: 'column', target: 'code', source: '客户编码' }], sumColumns: ['credit'] }),
      400,
      'MIGRATION_SUM_COLUMN_UNMAPPED',
      'sumColumns[0]',
      '合计列“credit”不是已映射的目标列',
    );
    const english = await api.call('POST', `${base}/migration/objects`, {
      cookie,
      body: { name: '无效对象', category: 'master', dependsOn: [customer.id, customer.id] },
      headers: { 'accept-language': 'en' },
    });
    expect((await readJson<ErrorBody>(english)).error.message).toBe('The dependency "客户" is listed twice');
    const names = (await readJson<{ items: ObjectView[] }>(await api.call('GET', `${base}/migration/objects`, { cookie }))).items;
    expect(names.map((o) => o.name)).not.toContain('无效对象');
  });

  it('refuses to run a named object whose dependency is neither in the run nor loaded', async () => {
    await expectError(
      await api.call('POST', `${base}/migration/runs`, { cookie, body: { mode: 'simulate', objectIds: [order.id] } }),
      400,
      'MIGRATION_RUN_DEPENDENCY_NOT_LOADED',
      'objectIds',
      '“销售订单”无法迁移：所依赖的“客户”既不在本次迁移中，也未在此前的正式迁移中加载',
    );
    await expectError(
      await api.call('POST', `${base}/migration/runs`, { cookie, body: { mode: 'simulate', objectIds: [customer.id, 'no-such-object'] } }),
      400,
      'MIGRATION_OBJECT_UNKNOWN',
      'objectIds[1]',
      '本项目中不存在迁移对象“no-such-object”',
    );
  });

  it('fails an object whose mapping names a column the source or the target table does not have', async () => {
    const create = async (name: string, mapping: Record<string, string>[], keyColumns: string[] = []): Promise<ObjectView> => {
      const response = await api.call('POST', `${base}/migration/objects`, {
        cookie,
        body: {
          name,
          category: 'master',
          source: { type: 'upload', uploadId: customersUpload },
          target: { type: 'connection', connectionId, table: 'customer' },
          mapping,
          keyColumns,
        },
      });
      expect(response.status, await response.clone().text()).toBe(201);
      return readJson<ObjectView>(response);
    };
    const columns = '客户编码, 客户名称, 信用额度, 等级';
    const cases: [ObjectView, string][] = [
      [
        await create('缺源列', [{ kind: 'column', target: 'code', source: '客户代码' }]),
        `源数据“customers.csv”中没有列“客户代码”（现有列：${columns}）`,
      ],
      [
        await create('缺键列', [{ kind: 'column', target: 'code', source: '客户编码' }], ['旧编码']),
        `源数据“customers.csv”中没有列“旧编码”（现有列：${columns}）`,
      ],
      [
        await create('缺目标列', [{ kind: 'column', target: 'short_name', source: '客户名称' }]),
        '目标表“customer”中没有列“short_name”（现有列：code, name, credit, grade）',
      ],
    ];
    for (const [object, message] of cases) {
      const run = await startRun({ mode: 'simulate', objectIds: [object.id] });
      expect([run.status, run.batches[0]!.status, run.batches[0]!.message]).toEqual(['failed', 'failed', message]);
      expect((await api.call('DELETE', `${base}/migration/objects/${object.id}`, { cookie })).status).toBe(200);
    }
  });

  it('refuses a run when the project has no object, or none ready', async () => {
    const other = `/api/v1/projects/${await api.createProject(cookie, '空项目')}`;
    const run = (): Promise<Response> => api.call('POST', `${other}/migration/runs`, { cookie, body: { mode: 'simulate' } });
    await expectError(await run(), 400, 'MIGRATION_RUN_NO_OBJECTS', 'objectIds', '项目还没有迁移对象');
    const created = await api.call('POST', `${other}/migration/objects`, { cookie, body: { name: '客户', category: 'master' } });
    expect(created.status, await created.clone().text()).toBe(201);
    await expectError(await run(), 400, 'MIGRATION_RUN_NOTHING_READY', 'objectIds', '没有可迁移的对象：请先配置数据源、迁移目标和字段映射');
  });
});
