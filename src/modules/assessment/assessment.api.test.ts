import { afterAll, beforeAll, expect, it } from 'vitest';
import { readDocxXml } from '../../documents/docx-test-helpers';
import { createTestApi, readJson, type TestApi } from '../../../test/api-harness';
import { describeEachDialect } from '../../../test/db-harness';
import { buildBpmnFromSteps } from './bpmn';
import type { EnvironmentView, ProbeView } from './environment.service';
import type { BottleneckView, ProcessSummary, ProcessView } from './process.schema';
import type { ReportVersionView } from './report-version.service';
import type { RoleView } from './role.service';

const CHROME_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

interface ErrorBody {
  error: { code: string; message: string; details: { field: string; reason: string }[] };
}
/** The error of a refused call (messages are zh-CN: the API default). */
const errorOf = async (response: Response): Promise<ErrorBody['error']> => (await readJson<ErrorBody>(response)).error;

describeEachDialect('assessment API', (dialect) => {
  let api: TestApi;
  let cookie: string;
  let projectId: string;
  let processId: string;
  let viewerCookie: string;
  let endUserCookie: string;

  beforeAll(async () => {
    api = await createTestApi(dialect);
    cookie = (await api.signUp('pm@example.com', { name: '王经理' })).cookie;
    const project = await api.call('POST', '/api/v1/projects', {
      cookie,
      body: { name: '陇原试点', clientName: '陇原精工', erpProduct: '金昌 ERP' },
    });
    projectId = (await readJson<{ id: string }>(project)).id;
    for (const [email, role] of [
      ['viewer@example.com', 'viewer'],
      ['user@example.com', 'end_user'],
    ] as const) {
      const signed = await api.signUp(email, { name: role });
      const added = await api.call('POST', `/api/v1/projects/${projectId}/members`, {
        cookie,
        body: { name: role, projectRole: role, tier: 'member', accountEmail: email },
      });
      expect(added.status).toBe(201);
      if (role === 'viewer') viewerCookie = signed.cookie;
      else endUserCookie = signed.cookie;
    }
  });
  afterAll(() => api.close());

  const p = (path: string): string => `/api/v1/projects/${projectId}${path}`;

  it('creates a process from steps and lists its steps for the blueprint', async () => {
    const created = await api.call('POST', p('/processes'), {
      cookie,
      body: {
        department: '采购部',
        name: '采购申请到付款',
        steps: [{ name: '填写采购申请' }, { name: '部门经理纸质签字' }, { name: '财务付款' }],
      },
    });
    expect(created.status).toBe(201);
    const view = await readJson<ProcessView>(created);
    processId = view.id;
    expect(view.steps.map((s) => s.name)).toEqual(['开始', '填写采购申请', '部门经理纸质签字', '财务付款', '结束']);
    const list = await readJson<{ items: ProcessSummary[] }>(await api.call('GET', p('/processes?stage=as_is'), { cookie }));
    expect(list.items).toHaveLength(1);
    expect(list.items[0]!.steps[1]).toEqual({ elementId: 'Activity_1', name: '填写采购申请', type: 'task' });
    expect(list.items[0]).not.toHaveProperty('bpmnXml');
    const toBe = await readJson<{ items: ProcessSummary[] }>(await api.call('GET', p('/processes?stage=to_be'), { cookie }));
    expect(toBe.items).toHaveLength(0);
    const duplicate = await api.call('POST', p('/processes'), { cookie, body: { department: '采购部', name: '采购申请到付款' } });
    expect(duplicate.status).toBe(409);
    expect(await errorOf(duplicate)).toMatchObject({
      code: 'ASSESSMENT_PROCESS_NAME_TAKEN',
      message: '部门“采购部”已有名为“采购申请到付款”的流程图，请换一个名称',
      details: [{ field: 'name', reason: '部门“采购部”已有名为“采购申请到付款”的流程图，请换一个名称' }],
    });
    const both = await api.call('POST', p('/processes'), {
      cookie,
      body: { department: '采购部', name: '另一个', bpmnXml: buildBpmnFromSteps('x', [{ name: 'a' }]), steps: [{ name: 'a' }] },
    });
    expect(both.status).toBe(400);
    expect(await errorOf(both)).toMatchObject({
      code: 'ASSESSMENT_PROCESS_XML_AND_STEPS',
      message: '请上传 BPMN 文件或填写步骤清单，二者只能选其一',
      details: [{ field: 'steps' }],
    });
  });

  it('refuses invalid BPMN with a message naming the problem', async () => {
    const notXml = await api.call('POST', p('/processes'), {
      cookie,
      headers: { 'accept-language': 'en' },
      body: { department: '财务部', name: 'x', bpmnXml: '<bpmn:definitions><oops></bpmn:definitions>' },
    });
    expect(notXml.status).toBe(400);
    expect((await readJson<{ error: { message: string } }>(notXml)).error.message).toMatch(
      /bpmnXml: closing tag <\/bpmn:definitions> does not match <oops> \(line 1/,
    );
    const noDi = buildBpmnFromSteps('x', [{ name: 'a' }]).replace(/<bpmndi:BPMNDiagram[\s\S]*<\/bpmndi:BPMNDiagram>/, '');
    const missingDi = await api.call('POST', p('/processes'), { cookie, body: { department: '财务部', name: 'x', bpmnXml: noDi } });
    expect(missingDi.status).toBe(400);
    expect(await errorOf(missingDi)).toMatchObject({
      code: 'DOCUMENTS_BPMN_NO_DIAGRAM',
      message: '该 BPMN 文件没有图形信息（各节点的位置），无法画出流程图',
      details: [{ field: 'bpmnXml' }],
    });
  });

  it('imports a .bpmn file and exports it byte for byte', async () => {
    const xml = buildBpmnFromSteps('物料入库', [
      { name: '到货登记', lane: '仓管员' },
      { name: '质检', lane: '质检员' },
      { name: '手工录入入库单', lane: '仓管员' },
    ]);
    const imported = await api.call('PUT', p('/processes/uploads?department=仓储物流部&name=物料入库'), {
      cookie,
      body: xml,
      headers: { 'content-type': 'application/xml' },
    });
    expect(imported.status).toBe(201);
    const view = await readJson<ProcessView>(imported);
    const exported = await api.call('GET', p(`/processes/${view.id}/bpmn`), { cookie });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toContain(encodeURIComponent('仓储物流部-物料入库.bpmn'));
    expect(await exported.text()).toBe(xml);
    const tooBig = await api.call('PUT', p('/processes/uploads?department=x&name=y'), {
      cookie,
      body: 'x'.repeat(2 * 1024 * 1024 + 1),
      headers: { 'content-type': 'application/xml' },
    });
    expect(tooBig.status).toBe(413);
  });

  it('marks a bottleneck, prices it with the hourly cost and keeps it as orphaned after an edit', async () => {
    const marked = await api.call('POST', p(`/processes/${processId}/bottlenecks`), {
      cookie,
      body: { elementId: 'Activity_2', type: 'paper_approval', durationHours: 2, volumePerMonth: 50, note: '经理出差时等待' },
    });
    expect(marked.status).toBe(201);
    const bottleneck = await readJson<BottleneckView>(marked);
    expect(bottleneck).toMatchObject({ stepName: '部门经理纸质签字', monthlyCost: 6000, orphaned: false });
    const unknown = await api.call('POST', p(`/processes/${processId}/bottlenecks`), {
      cookie,
      body: { elementId: 'Nope', type: 'waiting', durationHours: 1, volumePerMonth: 1 },
    });
    expect(unknown.status).toBe(400);
    expect(await errorOf(unknown)).toMatchObject({
      code: 'ASSESSMENT_BOTTLENECK_STEP_UNKNOWN',
      message: '流程图“采购申请到付款”中没有步骤“Nope”',
      details: [{ field: 'elementId' }],
    });
    const again = await api.call('POST', p(`/processes/${processId}/bottlenecks`), {
      cookie,
      body: { elementId: 'Activity_2', type: 'waiting', durationHours: 1, volumePerMonth: 1 },
    });
    expect(again.status).toBe(409);
    expect(await errorOf(again)).toMatchObject({
      code: 'ASSESSMENT_BOTTLENECK_TAKEN',
      message: '步骤“部门经理纸质签字”已标记为瓶颈',
      details: [{ field: 'elementId' }],
    });

    expect((await api.call('PUT', p('/assessment/settings'), { cookie, body: { hourlyLabourCost: 80, currency: 'CNY' } })).status).toBe(
      200,
    );
    let view = await readJson<ProcessView>(await api.call('GET', p(`/processes/${processId}`), { cookie }));
    expect(view.bottlenecks[0]!.monthlyCost).toBe(8000);
    expect(view.monthlyCost).toBe(8000);

    const edited = buildBpmnFromSteps('采购申请到付款', [{ name: '填写采购申请' }, { name: 'OA 审批' }]).replace(
      /Activity_2/g,
      'Activity_OA',
    );
    const saved = await api.call('PATCH', p(`/processes/${processId}`), { cookie, body: { bpmnXml: edited } });
    expect(saved.status).toBe(200);
    view = await readJson<ProcessView>(saved);
    expect(view.bottlenecks).toHaveLength(1);
    expect(view.bottlenecks[0]).toMatchObject({ orphaned: true, stepName: '部门经理纸质签字' });
    expect(view.orphanedCount).toBe(1);
  });

  it('keeps user roles per department', async () => {
    const created = await api.call('POST', p('/assessment/roles'), {
      cookie,
      body: {
        department: '财务部',
        name: '总账会计',
        kind: 'operator',
        headcount: 3,
        mainTasks: '凭证录入、月末结账',
        currentSystems: ['用友 U8', 'Excel'],
      },
    });
    expect(created.status).toBe(201);
    const role = await readJson<RoleView>(created);
    const patched = await api.call('PATCH', p(`/assessment/roles/${role.id}`), { cookie, body: { headcount: 4 } });
    expect((await readJson<RoleView>(patched)).headcount).toBe(4);
    const bad = await api.call('POST', p('/assessment/roles'), {
      cookie,
      body: { department: '财务部', name: 'x', kind: 'boss', headcount: -1 },
    });
    expect(bad.status).toBe(400);
    const duplicate = await api.call('POST', p('/assessment/roles'), {
      cookie,
      body: { department: '财务部', name: '总账会计', kind: 'operator', headcount: 1 },
    });
    expect(duplicate.status).toBe(409);
    expect(await errorOf(duplicate)).toMatchObject({
      code: 'ASSESSMENT_ROLE_NAME_TAKEN',
      message: '部门“财务部”已有名为“总账会计”的用户角色，请换一个名称',
      details: [{ field: 'name' }],
    });
    const list = await readJson<{ items: RoleView[] }>(await api.call('GET', p('/assessment/roles'), { cookie }));
    expect(list.items.map((r) => [r.name, r.currentSystems])).toEqual([['总账会计', ['用友 U8', 'Excel']]]);
  });

  it('evaluates sites against the default profile, then against an edited one', async () => {
    let env = await readJson<EnvironmentView>(await api.call('GET', p('/assessment/environment'), { cookie }));
    expect(env.profile.isDefault).toBe(true);
    const site = await api.call('POST', p('/assessment/environment/sites'), {
      cookie,
      body: {
        name: '白银工厂',
        facts: {
          app_cpu_cores: '6',
          app_memory_gb: '32',
          app_disk_free_gb: '500',
          server_os: 'Windows Server 2012 R2',
          database: 'SQL Server 2019',
          browser: 'Chrome 109',
          bandwidth_mbps: '20',
          latency_ms: '40',
        },
      },
    });
    expect(site.status).toBe(201);
    const sameName = await api.call('POST', p('/assessment/environment/sites'), { cookie, body: { name: '白银工厂', facts: {} } });
    expect(sameName.status).toBe(409);
    expect(await errorOf(sameName)).toMatchObject({
      code: 'ASSESSMENT_SITE_NAME_TAKEN',
      message: '已有名为“白银工厂”的站点，请换一个名称',
      details: [{ field: 'name' }],
    });
    env = await readJson<EnvironmentView>(await api.call('GET', p('/assessment/environment'), { cookie }));
    const items = Object.fromEntries(env.sites[0]!.items.map((i) => [i.metric, i.status]));
    expect(items).toEqual({
      app_cpu_cores: 'warn',
      app_memory_gb: 'pass',
      app_disk_free_gb: 'pass',
      server_os: 'fail',
      database: 'pass',
      browser: 'pass',
      bandwidth_mbps: 'pass',
      latency_ms: 'pass',
    });
    expect(env.sites[0]!.status).toBe('fail');
    const profile = env.profile.items.map((i) =>
      i.metric === 'server_os' ? { ...i, allowed: [...i.allowed, 'Windows Server>=2012'] } : i,
    );
    const saved = await readJson<EnvironmentView>(
      await api.call('PUT', p('/assessment/environment/profile'), { cookie, body: { items: profile } }),
    );
    expect(saved.profile.isDefault).toBe(false);
    expect(saved.sites[0]!.status).toBe('warn');
    const badProfile = await api.call('PUT', p('/assessment/environment/profile'), {
      cookie,
      body: { items: [{ category: 'server', metric: 'cpu', label: 'CPU', operator: 'min' }] },
    });
    expect(badProfile.status).toBe(400);
    expect(await errorOf(badProfile)).toMatchObject({
      code: 'ASSESSMENT_ENV_THRESHOLD_REQUIRED',
      message: '环境要求“CPU”设置了最小值或最大值比较，请填写阈值',
      details: [{ field: 'items.0.threshold' }],
    });
    const cpu = { category: 'server', metric: 'cpu', label: 'CPU 核数', operator: 'min', threshold: 4 };
    const twice = await api.call('PUT', p('/assessment/environment/profile'), { cookie, body: { items: [cpu, cpu] } });
    expect(await errorOf(twice)).toMatchObject({
      code: 'ASSESSMENT_ENV_METRIC_TWICE',
      message: '环境要求中的指标“CPU 核数”出现了两次，每个指标只能设置一次',
      details: [{ field: 'items.1.metric' }],
    });
    const noAllowed = await api.call('PUT', p('/assessment/environment/profile'), {
      cookie,
      body: { items: [{ category: 'server', metric: 'os', label: '操作系统', operator: 'one_of' }] },
    });
    expect(await errorOf(noAllowed)).toMatchObject({
      code: 'ASSESSMENT_ENV_ALLOWED_REQUIRED',
      message: '环境要求“操作系统”需要至少一个允许的取值',
      details: [{ field: 'items.0.allowed' }],
    });
  });

  it('lets any member probe, but only readers see the results', async () => {
    const ping = await api.call('GET', p('/assessment/probe/ping'), { cookie: endUserCookie });
    expect(ping.status).toBe(200);
    expect(ping.headers.get('cache-control')).toBe('no-store');
    const payload = await api.call('GET', p('/assessment/probe/payload'), { cookie: endUserCookie });
    expect((await payload.arrayBuffer()).byteLength).toBe(1536 * 1024);
    const submitted = await api.call('POST', p('/assessment/probes'), {
      cookie: endUserCookie,
      body: {
        userAgent: CHROME_UA,
        screenWidth: 1920,
        screenHeight: 1080,
        devicePixelRatio: 1.25,
        rttSamplesMs: [30, 10, 20, 500, 25],
        downloadMbps: 8,
        siteName: '白银工厂',
      },
    });
    expect(submitted.status).toBe(201);
    const probe = await readJson<ProbeView>(submitted);
    expect(probe).toMatchObject({
      browserName: 'Chrome',
      browserVersion: '126.0.0.0',
      rttMedianMs: 25,
      submittedBy: 'end_user',
      status: 'warn',
    });
    expect((await api.call('GET', p('/assessment/probes'), { cookie: endUserCookie })).status).toBe(403);
    const list = await readJson<{ items: ProbeView[] }>(await api.call('GET', p('/assessment/probes'), { cookie }));
    expect(list.items).toHaveLength(1);
  });

  it('refuses writes to roles without the right', async () => {
    const denied = await api.call('POST', p('/assessment/roles'), {
      cookie: viewerCookie,
      body: { department: '财务部', name: '出纳', kind: 'operator', headcount: 1 },
    });
    expect(denied.status).toBe(403);
    expect((await api.call('GET', p('/assessment/roles'), { cookie: endUserCookie })).status).toBe(403);
    expect((await api.call('POST', p(`/processes/${processId}/bottlenecks`), { cookie: viewerCookie, body: {} })).status).toBe(403);
  });

  it('refuses a report version of an empty project unless confirmed, naming the missing sections', async () => {
    const emptyId = await api.createProject(cookie, '空项目');
    const path = `/api/v1/projects/${emptyId}/assessment/reports`;
    const refused = await api.call('POST', path, { cookie, body: { note: '初稿' } });
    expect(refused.status).toBe(409);
    const body = await readJson<{ error: { code: string; message: string; details: { field: string; reason: string }[] } }>(refused);
    expect(body.error.code).toBe('REPORT_SECTIONS_MISSING');
    expect(body.error.details.map((d) => d.field)).toEqual(['processes', 'roles', 'sites']);
    expect(body.error.message).toContain('现状业务流程、用户角色、技术环境站点');
    const english = await api.call('POST', path, { cookie, body: {}, headers: { 'accept-language': 'en' } });
    expect((await readJson<{ error: { message: string } }>(english)).error.message).toContain(
      'lacks: as-is business processes, user roles, technical environment sites',
    );
    expect((await readJson<{ items: unknown[] }>(await api.call('GET', path, { cookie }))).items).toEqual([]);
    const forced = await api.call('POST', path, { cookie, body: { note: '初稿', force: true } });
    expect(forced.status).toBe(201);
    expect((await readJson<ReportVersionView>(forced)).missingSections).toEqual(['processes', 'roles', 'sites']);
  });

  it('creates report versions and renders them as DOCX and HTML', async () => {
    const created = await api.call('POST', p('/assessment/reports'), { cookie, body: { note: '初稿' } });
    expect(created.status).toBe(201);
    const v1 = await readJson<ReportVersionView>(created);
    expect(v1).toMatchObject({
      versionNumber: 1,
      label: 'V1',
      processCount: 2,
      bottleneckCount: 1,
      roleCount: 1,
      siteCount: 1,
      missingSections: [],
    });
    const v2 = await readJson<ReportVersionView>(await api.call('POST', p('/assessment/reports'), { cookie, body: {} }));
    expect(v2.versionNumber).toBe(2);
    const list = await readJson<{ items: ReportVersionView[] }>(await api.call('GET', p('/assessment/reports'), { cookie }));
    expect(list.items.map((v) => v.label)).toEqual(['V2', 'V1']);

    const docx = await api.call('GET', p(`/assessment/reports/${v1.id}/docx`), { cookie });
    expect(docx.status).toBe(200);
    const contents = await readDocxXml(new Uint8Array(await docx.arrayBuffer()));
    const h1 = contents.headings.filter((h) => h.level === 1).map((h) => h.text);
    expect(h1).toEqual(expect.arrayContaining(['1 项目概况', '2 业务流程现状', '3 用户角色', '4 技术环境', '5 结论与建议']));
    expect(contents.headings).toContainEqual({ level: 2, text: '2.2 采购部' });
    expect(contents.headings).toContainEqual({ level: 3, text: '2.2.1 采购申请到付款' });
    expect(contents.tableCount).toBeGreaterThanOrEqual(6);
    expect(contents.media.filter((m) => m.endsWith('.png'))).toHaveLength(2);
    expect(contents.text).toContain('纸质审批');
    expect(contents.text).toContain('总账会计');
    expect(contents.text).toContain('Windows Server 2012 R2');

    const html = await api.call('GET', p(`/assessment/reports/${v1.id}/html`), { cookie });
    expect(html.headers.get('content-type')).toContain('text/html');
    const page = await html.text();
    expect(page).toContain('现状分析报告');
    expect(page).toContain('<svg');
    expect((await api.call('GET', p(`/assessment/reports/${v1.id}/docx`), { cookie: viewerCookie })).status).toBe(403);
    const draft = await api.call('GET', p('/assessment/report-draft/html'), { cookie });
    expect(draft.status).toBe(200);
    expect(await draft.text()).toContain('现状分析报告');
    // The preview iframe cannot send headers: `?lang=` chooses the language.
    const english = await api.call('GET', p('/assessment/report-draft/html?lang=en'), { cookie });
    expect(await english.text()).toContain('Current State Analysis Report');
  });
});
