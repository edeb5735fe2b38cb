import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/db-harness';
import { createTestApi, readJson, type TestApi } from '../../../test/api-harness';
import type { SourceProfile } from '../../engines/profile/profile-types';
import type { AssetView, FailureView, ProfileRunDetail, ProfileRunView, RuleRunView } from './data-asset.schema';
import { materializeCleanedAsset, resolveDataAssetSource } from './data-asset-source';
import { buildDataAssetReportBlocks, summarizeDataAssets } from './data-asset-summary';

type ErrorBody = { error: { code: string; message: string; details: { field: string; reason: string }[] } };

const CUSTOMERS = [
  '客户编码,客户名称,统一社会信用代码,联系电话,城市',
  'C001,兰州天马机械有限公司,91620100MA71C7E271,13893100001,兰州',
  'C002,甘肃陇兴商贸有限公司,91620100MA71C7E27X,,天水',
  'C003,白银恒达物资公司,91620100MA71C7E271,13893100003,白银',
  'C001,兰州天马机械有限公司,91620100MA71C7E271,13893100001,兰州',
  'C005,酒泉新能源科技,91620500MA74WQ6R1U,１３８９３１００００５,上海',
].join('\n');
const ORDERS = ['订单号,客户编码,金额', 'PO1,C001,100', 'PO2,C009,200', 'PO3,C003,300'].join('\n');

describeEachDialect('data assets API', (dialect) => {
  let api: TestApi;
  let cookie: string;
  let projectId: string;
  let base: string;
  let customers: AssetView;
  let orders: AssetView;

  beforeAll(async () => {
    api = await createTestApi(dialect);
    cookie = (await api.signUp('pm@example.com')).cookie;
    projectId = await api.createProject(cookie, '陇原精工 ERP');
    base = `/api/v1/projects/${projectId}`;
    await api.jobs.start();
  });
  afterAll(() => api.close());

  const upload = (name: string, content: string): Promise<string> => api.upload(cookie, projectId, name, content);

  async function waitRun(assetId: string, runId: string): Promise<ProfileRunDetail> {
    const start = Date.now();
    for (;;) {
      const run = await readJson<ProfileRunDetail>(
        await api.call('GET', `${base}/data-assets/${assetId}/profile-runs/${runId}`, { cookie }),
      );
      if (run.status !== 'queued' && run.status !== 'running') return run;
      if (Date.now() - start > 30_000) throw new Error(`profile run ${runId} stuck in ${run.status}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function runRules(assetId: string): Promise<RuleRunView> {
    const response = await api.call('POST', `${base}/data-assets/${assetId}/rule-runs`, { cookie });
    expect(response.status, await response.clone().text()).toBe(202);
    const { run } = await readJson<{ run: RuleRunView }>(response);
    const start = Date.now();
    for (;;) {
      const fresh = await readJson<RuleRunView>(await api.call('GET', `${base}/data-assets/${assetId}/rule-runs/${run.id}`, { cookie }));
      if (fresh.status !== 'queued' && fresh.status !== 'running') {
        expect(fresh.status, fresh.error ?? '').toBe('succeeded');
        return fresh;
      }
      if (Date.now() - start > 30_000) throw new Error(`rule run ${run.id} stuck in ${fresh.status}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('registers an uploaded file and profiles it in a job, storing the run', async () => {
    const uploadId = await upload('客户档案.csv', CUSTOMERS);
    const response = await api.call('POST', `${base}/data-assets`, {
      cookie,
      body: {
        name: '客户档案',
        businessOwner: '销售部 王芳',
        systemOfOrigin: '用友 U8',
        storage: 'local',
        source: { type: 'upload', uploadId },
        keyColumns: ['客户编码'],
      },
    });
    expect(response.status, await response.clone().text()).toBe(201);
    const body = await readJson<{ asset: AssetView; profileRun: ProfileRunView }>(response);
    customers = body.asset;
    expect(customers.format).toBe('csv');
    expect(customers.source.fileName).toBe('客户档案.csv');
    expect(body.profileRun.status).toBe('queued');
    const run = await waitRun(customers.id, body.profileRun.id);
    expect(run.status, run.error ?? '').toBe('succeeded');
    expect(run.rows).toBe(5);
    expect(run.columns).toBe(5);
    const profile = run.profile as SourceProfile;
    expect(profile.key!.duplicate_values).toBe(1);
    expect(profile.columns.find((c) => c.name === '联系电话')!.nulls).toBe(1);
    expect(run.qualityScore).toBeLessThan(100);
    expect(run.missingRatio).toBeCloseTo(1 / 25);
    const list = await readJson<{ items: AssetView[] }>(await api.call('GET', `${base}/data-assets`, { cookie }));
    expect(list.items[0]!.latestRun!.qualityScore).toBe(run.qualityScore);
  });

  it('refuses a duplicate name and an unknown upload, naming the field', async () => {
    const uploadId = await upload('x.csv', 'a\n1\n');
    const dup = await api.call('POST', `${base}/data-assets`, { cookie, body: { name: '客户档案', source: { type: 'upload', uploadId } } });
    expect(dup.status).toBe(409);
    expect((await readJson<ErrorBody>(dup)).error).toMatchObject({
      code: 'DATA_ASSETS_NAME_TAKEN',
      message: '已有名为“客户档案”的数据资产，请换一个名称',
      details: [{ field: 'name', reason: '已有名为“客户档案”的数据资产，请换一个名称' }],
    });
    const missing = await api.call('POST', `${base}/data-assets`, {
      cookie,
      body: { name: 'X', source: { type: 'upload', uploadId: '00000000-0000-4000-8000-000000000000' } },
    });
    expect(missing.status).toBe(404);
    expect((await readJson<ErrorBody>(missing)).error.details[0]!.field).toBe('source.uploadId');
  });

  it('runs rules and pages and exports every failing row', async () => {
    const uploadId = await upload('未清采购订单.csv', ORDERS);
    orders = (
      await readJson<{ asset: AssetView }>(
        await api.call('POST', `${base}/data-assets`, {
          cookie,
          body: { name: '未清采购订单', source: { type: 'upload', uploadId }, keyColumns: ['订单号'], profile: false },
        }),
      )
    ).asset;
    const bad = await api.call('PUT', `${base}/data-assets/${customers.id}/rules`, {
      cookie,
      body: { rules: [{ id: 'r1', kind: 'regex', column: '客户编码', pattern: '(' }] },
    });
    expect(bad.status).toBe(400);
    const noRules = await api.call('POST', `${base}/data-assets/${orders.id}/rule-runs`, { cookie });
    expect(noRules.status).toBe(400);
    expect((await readJson<ErrorBody>(noRules)).error).toMatchObject({
      code: 'DATA_ASSETS_NO_RULES',
      message: '该数据资产还没有校验规则，请先添加规则',
      details: [{ field: 'ruleSet' }],
    });
    const put = await api.call('PUT', `${base}/data-assets/${customers.id}/rules`, {
      cookie,
      body: {
        rules: [
          { id: 'phone', kind: 'required', column: '联系电话' },
          { id: 'uscc', kind: 'validator', column: '统一社会信用代码', validator: 'uscc' },
          { id: 'code', kind: 'unique', columns: ['客户编码'] },
          { id: 'city', kind: 'allowed', column: '城市', values: ['兰州', '天水', '白银', '酒泉'] },
        ],
      },
    });
    expect(put.status, await put.clone().text()).toBe(200);
    const run = await runRules(customers.id);
    expect(run.rules.map((r) => [r.ruleId, r.failing])).toEqual([
      ['phone', 1],
      ['uscc', 1],
      ['code', 2],
      ['city', 1],
    ]);
    expect(run.failuresTotal).toBe(5);
    const page = await readJson<{ total: number; items: FailureView[] }>(
      await api.call('GET', `${base}/data-assets/${customers.id}/rule-runs/${run.id}/failures?limit=2&offset=1`, { cookie }),
    );
    expect(page.total).toBe(5);
    expect(page.items.map((f) => [f.ruleId, f.row, f.key])).toEqual([
      ['uscc', 2, 'C002'],
      ['code', 1, 'C001'],
    ]);
    const onlyCity = await readJson<{ total: number; items: FailureView[] }>(
      await api.call('GET', `${base}/data-assets/${customers.id}/rule-runs/${run.id}/failures?ruleId=city`, { cookie }),
    );
    expect(onlyCity.items).toEqual([expect.objectContaining({ row: 5, value: '上海', column: '城市' })]);

    const csv = await api.call('GET', `${base}/data-assets/${customers.id}/rule-runs/${run.id}/export?format=csv`, { cookie });
    expect(csv.status).toBe(200);
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe('规则编号,规则,行号,键,列,值,原因');
    expect(text.trim().split('\r\n')).toHaveLength(6);
    const xlsx = await api.call('GET', `${base}/data-assets/${customers.id}/rule-runs/${run.id}/export`, { cookie });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.rowCount).toBe(6);
    expect(workbook.worksheets[0]!.getRow(1).getCell(6).value).toBe('值');
  });

  it('checks a reference to another asset', async () => {
    await api.call('PUT', `${base}/data-assets/${orders.id}/rules`, {
      cookie,
      body: { rules: [{ id: 'cust', kind: 'reference', column: '客户编码', datasetId: customers.id, datasetColumn: '客户编码' }] },
    });
    const run = await runRules(orders.id);
    expect(run.rules[0]!.failing).toBe(1);
    const failures = await readJson<{ items: FailureView[] }>(
      await api.call('GET', `${base}/data-assets/${orders.id}/rule-runs/${run.id}/failures`, { cookie }),
    );
    expect(failures.items[0]).toMatchObject({ key: 'PO2', value: 'C009', reason: '在 客户档案.客户编码 中不存在' });
    const unknown = await api.call('PUT', `${base}/data-assets/${orders.id}/rules`, {
      cookie,
      body: { rules: [{ id: 'x', kind: 'reference', column: '客户编码', datasetId: 'nope', datasetColumn: 'a' }] },
    });
    expect(unknown.status).toBe(400);
    expect((await readJson<ErrorBody>(unknown)).error).toMatchObject({
      code: 'DATA_ASSETS_REFERENCE_UNKNOWN',
      message: '引用的数据资产在本项目中不存在（ID：“nope”）',
      details: [{ field: 'rules[0].datasetId' }],
    });
    const unknownMap = await api.call('PUT', `${base}/data-assets/${orders.id}/recipe`, {
      cookie,
      body: { steps: [{ kind: 'map', column: '客户编码', pairs: [], dataset: { datasetId: 'nope', fromColumn: 'a', toColumn: 'b' } }] },
    });
    expect((await readJson<ErrorBody>(unknownMap)).error).toMatchObject({
      code: 'DATA_ASSETS_REFERENCE_UNKNOWN',
      details: [{ field: 'steps[0].dataset.datasetId' }],
    });

    // A registered asset that happens to carry the cleaned twin's name is not overwritten.
    const uploadId = await upload('同名.csv', 'a\n1\n');
    const twin = await api.call('POST', `${base}/data-assets`, {
      cookie,
      body: { name: '未清采购订单（清洗后）', source: { type: 'upload', uploadId }, profile: false },
    });
    const twinId = (await readJson<{ asset: AssetView }>(twin)).asset.id;
    const clash = await api.call('POST', `${base}/data-assets/${orders.id}/cleansing/materialize`, { cookie });
    expect(clash.status).toBe(409);
    expect((await readJson<ErrorBody>(clash)).error).toMatchObject({
      code: 'DATA_ASSETS_CLEANED_NAME_TAKEN',
      message: '已有名为“未清采购订单（清洗后）”的数据资产，但它不是由“未清采购订单”清洗生成的；请先将它改名，再生成清洗结果',
      details: [{ field: 'name' }],
    });
    expect((await api.call('DELETE', `${base}/data-assets/${twinId}`, { cookie })).status).toBe(200);
  });

  it('previews a cleansing recipe and produces a cleaned derived asset that profiles better', async () => {
    const recipe = {
      steps: [
        { kind: 'half_width', columns: ['联系电话'] },
        { kind: 'map', column: '城市', pairs: [{ from: '上海', to: '酒泉' }] },
        { kind: 'dedupe', keyColumns: ['客户编码'], survivor: 'most_complete' },
      ],
    };
    const preview = await api.call('POST', `${base}/data-assets/${customers.id}/cleansing/preview`, { cookie, body: { recipe } });
    expect(preview.status, await preview.clone().text()).toBe(200);
    const p = await readJson<{
      rowsBefore: number;
      rowsAfter: number;
      duplicatesRemoved: number;
      changedCells: { column: string; changed: number }[];
    }>(preview);
    expect([p.rowsBefore, p.rowsAfter, p.duplicatesRemoved]).toEqual([5, 4, 1]);
    expect(p.changedCells.find((c) => c.column === '联系电话')!.changed).toBe(1);
    expect((await api.call('PUT', `${base}/data-assets/${customers.id}/recipe`, { cookie, body: recipe })).status).toBe(200);
    const made = await api.call('POST', `${base}/data-assets/${customers.id}/cleansing/materialize`, { cookie });
    expect(made.status, await made.clone().text()).toBe(201);
    const { asset, profileRun } = await readJson<{ asset: AssetView; profileRun: ProfileRunView }>(made);
    expect(asset.name).toBe('客户档案（清洗后）');
    expect(asset.derivedFrom).toBe(customers.id);
    const run = await waitRun(asset.id, profileRun.id);
    expect(run.status).toBe('succeeded');
    expect(run.rows).toBe(4);
    const before = await readJson<{ items: ProfileRunView[] }>(
      await api.call('GET', `${base}/data-assets/${customers.id}/profile-runs`, { cookie }),
    );
    expect(run.qualityScore!).toBeGreaterThan(before.items[0]!.qualityScore!);
    // Again: the same derived asset points at the new file, its profile history grows.
    const again = await readJson<{ asset: AssetView; profileRun: ProfileRunView }>(
      await api.call('POST', `${base}/data-assets/${customers.id}/cleansing/materialize`, { cookie }),
    );
    expect(again.asset.id).toBe(asset.id);
    await waitRun(asset.id, again.profileRun.id);
    const history = await readJson<{ items: ProfileRunView[] }>(
      await api.call('GET', `${base}/data-assets/${asset.id}/profile-runs`, { cookie }),
    );
    expect(history.items).toHaveLength(2);
  });

  it('registers a saved connection table, profiles it and checks it against an uploaded asset', async () => {
    const folder = join(api.dataDir, 'sqlite-sources');
    mkdirSync(folder, { recursive: true });
    const file = new Database(join(folder, 'u8.db'));
    file.exec(
      "CREATE TABLE so (so_no TEXT, cust TEXT, amount REAL); INSERT INTO so VALUES ('SO1','C001',10.5),('SO2','C404',3),('SO3',NULL,1);",
    );
    file.close();
    const connection = await api.call('POST', `${base}/connections`, {
      cookie,
      body: { name: 'U8 备份库', kind: 'sqlite', url: 'sqlite:u8.db' },
    });
    expect(connection.status, await connection.clone().text()).toBe(201);
    const connectionId = (await readJson<{ id: string }>(connection)).id;
    const created = await api.call('POST', `${base}/data-assets`, {
      cookie,
      body: { name: '销售订单', source: { type: 'connection', connectionId, table: 'so' }, keyColumns: ['so_no'], profile: true },
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const { asset, profileRun } = await readJson<{ asset: AssetView; profileRun: ProfileRunView }>(created);
    expect(asset.format).toBe('table');
    expect(asset.source.connectionName).toBe('U8 备份库');
    const run = await waitRun(asset.id, profileRun.id);
    expect(run.status, run.error ?? '').toBe('succeeded');
    expect(run.rows).toBe(3);
    const columns = await readJson<{ columns: string[] }>(await api.call('GET', `${base}/data-assets/${asset.id}/columns`, { cookie }));
    expect(columns.columns).toEqual(['so_no', 'cust', 'amount']);
    await api.call('PUT', `${base}/data-assets/${asset.id}/rules`, {
      cookie,
      body: { rules: [{ id: 'cust', kind: 'reference', column: 'cust', datasetId: customers.id, datasetColumn: '客户编码' }] },
    });
    const rules = await runRules(asset.id);
    expect(rules.rules[0]!.failing).toBe(1);
    const resolved = await resolveDataAssetSource(api.db, projectId, asset.id);
    expect(resolved.spec).toMatch(/^sqlite:.*u8\.db#so$/);
    const query = await api.call('POST', `${base}/data-assets`, {
      cookie,
      body: { name: '坏查询', source: { type: 'connection', connectionId, query: 'DELETE FROM so' } },
    });
    expect(query.status).toBe(400);
    expect((await readJson<ErrorBody>(query)).error).toMatchObject({
      code: 'DATA_ASSETS_QUERY_NOT_READ_ONLY',
      message: '数据源只能是只读的 SQL 查询，须以“SELECT / WITH”开头',
      details: [{ field: 'source.query' }],
    });
    const tableQuery = await api.call('POST', `${base}/data-assets`, {
      cookie,
      body: { name: '坏表名', source: { type: 'connection', connectionId, table: 'SELECT * FROM so' } },
    });
    expect((await readJson<ErrorBody>(tableQuery)).error).toMatchObject({
      code: 'DATA_ASSETS_TABLE_IS_QUERY',
      message: '此处请填写表名（模式名.表名），而不是 SQL 查询',
      details: [{ field: 'source.table' }],
    });
  });

  it('serves the contracts: resolve, materialize, summary and report blocks', async () => {
    const resolved = await resolveDataAssetSource(api.db, projectId, customers.id);
    expect(readFileSync(resolved.spec, 'utf8')).toBe(CUSTOMERS);
    expect(resolved.label).toBe('客户档案');
    const out = mkdtempSync(join(tmpdir(), 'golive-mat-'));
    const cleaned = await materializeCleanedAsset(api.db, projectId, customers.id, out);
    expect(cleaned.rows).toBe(4);
    expect(readFileSync(cleaned.source.spec, 'utf8')).toContain('13893100005');
    const summary = await summarizeDataAssets(api.db.kysely, projectId, 'zh-CN');
    const c = summary.find((s) => s.name === '客户档案')!;
    expect(c.rows).toBe(5);
    expect(c.findings.some((f) => f.includes('重复'))).toBe(true); // the engine's duplicate_keys reason
    expect(summary.find((s) => s.name === '未清采购订单')!.qualityScore).toBeNull();
    const blocks = buildDataAssetReportBlocks(summary, 'zh-CN');
    const table = blocks.find((b) => b.kind === 'table');
    expect(table && table.kind === 'table' ? table.rows.length : 0).toBe(summary.length);
    expect(buildDataAssetReportBlocks([], 'en')).toEqual([]);
  });

  it('lets a sponsor read but not register, and an IT member delete', async () => {
    const roles = ['sponsor', 'it'] as const;
    const cookies: Record<string, string> = {};
    for (const role of roles) {
      cookies[role] = (await api.signUp(`${role}@example.com`)).cookie;
      const added = await api.call('POST', `${base}/members`, {
        cookie,
        body: { name: role, projectRole: role, tier: 'member', accountEmail: `${role}@example.com` },
      });
      expect(added.status).toBe(201);
    }
    expect((await api.call('GET', `${base}/data-assets`, { cookie: cookies.sponsor })).status).toBe(200);
    const refused = await api.call('POST', `${base}/data-assets/${customers.id}/profile-runs`, { cookie: cookies.sponsor });
    expect(refused.status).toBe(403);
    expect((await api.call('DELETE', `${base}/data-assets/${orders.id}`, { cookie: cookies.it })).status).toBe(200);
    expect((await api.call('GET', `${base}/data-assets/${orders.id}`, { cookie })).status).toBe(404);
  });
});
