import { afterAll, beforeAll, expect, it } from 'vitest';
import { readDocxXml } from '../../documents/docx-test-helpers';
import { renderDocx } from '../../documents/render-docx';
import { findHeadingJumps } from '../../documents/report-layout';
import { createTestApi, readJson, type TestApi } from '../../../test/api-harness';
import { describeEachDialect } from '../../../test/db-harness';
import type { Actor } from '../access/access.service';
import { loadDemoProject } from '../../demo/demo-project';
import { buildCurrentStateReport } from './current-state-report';
import { getEnvironment, listProbes } from './environment.service';
import { getProcessSnapshots } from './process-snapshot';
import { listRoles } from './role.service';

describeEachDialect('assessment demo content and report', (dialect) => {
  let api: TestApi;
  let actor: Actor;
  let projectId: string;
  let cookie: string;

  beforeAll(async () => {
    api = await createTestApi(dialect);
    ({ actor, cookie } = await api.signUp('admin@example.com', { isAdmin: true, name: '管理员' }));
    projectId = await loadDemoProject(api.db, actor);
  });
  afterAll(() => api.close());

  it('has processes with bottlenecks of every type, roles, sites that warn and fail, probes', async () => {
    const processes = await getProcessSnapshots(api.db.kysely, projectId, 'as_is');
    expect(processes).toHaveLength(6);
    const toBe = await getProcessSnapshots(api.db.kysely, projectId, 'to_be');
    expect(toBe.map((p) => p.name).sort()).toEqual(['物料入库（目标流程）', '月末结账（目标流程）', '采购申请到付款（目标流程）'].sort());
    expect(toBe.every((p) => p.bottlenecks.length === 0 && p.steps.length >= 4)).toBe(true);
    expect(new Set(processes.map((p) => p.department))).toEqual(new Set(['采购部', '仓储物流部', '财务部', '销售部', '生产部']));
    const bottlenecks = processes.flatMap((p) => p.bottlenecks);
    expect(bottlenecks).toHaveLength(8);
    expect(new Set(bottlenecks.map((b) => b.type))).toEqual(
      new Set(['paper_approval', 'information_silo', 'rekeying', 'waiting', 'rework']),
    );
    expect(bottlenecks.find((b) => b.stepName === '部门经理签字审批')!.monthlyCost).toBe(1.5 * 180 * 60);
    expect(await listRoles(api.db.kysely, projectId)).toHaveLength(12);
    const env = await getEnvironment(api.db.kysely, projectId, 'zh-CN');
    expect(env.sites.map((s) => [s.name, s.status])).toEqual([
      ['兰州总部', 'pass'],
      ['白银工厂', 'fail'],
    ]);
    expect(env.sites[1]!.items.filter((i) => i.status === 'fail').map((i) => i.metric)).toEqual(['server_os']);
    const probes = await listProbes(api.db.kysely, projectId, 'zh-CN');
    expect(probes.map((p) => p.status).sort()).toEqual(['fail', 'pass', 'warn']);
  });

  it('renders the demo report with diagrams for every process', async () => {
    const report = await buildCurrentStateReport(api.db, projectId, { locale: 'zh-CN', author: '管理员', versionLabel: 'V1' });
    const docx = await readDocxXml(await renderDocx(report));
    expect(docx.media.filter((m) => m.endsWith('.png'))).toHaveLength(6);
    expect(docx.text).toContain('白银工厂');
    expect(docx.text).toContain('优先改进的瓶颈');
    expect(docx.headings.filter((h) => h.level === 1).map((h) => h.text.replace(/^\d+ /, ''))).toContain('结论与建议');
  });

  it('nests heading levels without gaps, for the demo and for an empty project, in both languages', async () => {
    const empty = (
      await readJson<{ id: string }>(
        await api.call('POST', '/api/v1/projects', { cookie, body: { name: '空项目', clientName: '客户', erpProduct: '金昌ERP' } }),
      )
    ).id;
    for (const id of [projectId, empty]) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const report = await buildCurrentStateReport(api.db, id, { locale, author: '管理员' });
        expect(report.blocks.some((b) => b.kind === 'heading' && b.level > 1)).toBe(true);
        expect(findHeadingJumps(report.blocks)).toEqual([]);
      }
    }
  });
});
