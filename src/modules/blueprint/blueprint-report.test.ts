import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApi, readJson, type TestApi } from '../../../test/api-harness';
import { describeEachDialect } from '../../../test/db-harness';
import type { DocBlock } from '../../documents/document-model';
import { findHeadingJumps, numberHeadings } from '../../documents/report-layout';
import { loadDemoProject } from '../../demo/demo-project';
import { buildBlueprintReport } from './blueprint-report';

const headings = (blocks: DocBlock[]): string[] => [...numberHeadings(blocks).values()].map((h) => h.display);

describeEachDialect('blueprint document outline and scope', (dialect) => {
  let api: TestApi;
  let cookie: string;
  let demoId: string;
  let projectId: string;

  beforeAll(async () => {
    api = await createTestApi(dialect);
    const admin = await api.signUp('admin@example.com', { isAdmin: true, name: '管理员' });
    cookie = admin.cookie;
    demoId = await loadDemoProject(api.db, admin.actor);
    // A finance + purchasing project: HR is not in scope.
    projectId = (
      await readJson<{ id: string }>(
        await api.call('POST', '/api/v1/projects', {
          cookie,
          body: { name: '范围测试', clientName: '客户', erpProduct: '金昌ERP', modulesInScope: ['purchasing', 'finance'] },
        }),
      )
    ).id;
    const base = `/api/v1/projects/${projectId}`;
    // The default function catalogue covers every ERP module, HR included; a role is granted a
    // finance function and (by mistake) an HR one.
    const matrixPath = `${base}/blueprint/permission-matrix`;
    expect((await api.call('POST', `${matrixPath}/roles`, { cookie, body: { name: '总账会计' } })).status).toBe(201);
    const matrix = await readJson<{ roles: { id: string; name: string }[]; functions: { id: string; module: string }[] }>(
      await api.call('GET', matrixPath, { cookie }),
    );
    const role = matrix.roles.find((r) => r.name === '总账会计')!;
    const grants = ['finance', 'hr'].map((m) => ({ functionId: matrix.functions.find((f) => f.module === m)!.id, scope: 'company' }));
    expect((await api.call('PUT', `${matrixPath}/roles/${role.id}/grants`, { cookie, body: { grants } })).status).toBe(200);
    for (const body of [
      { title: '应付账款三单匹配', module: 'finance', resolution: 'standard' },
      { title: '工资条推送', module: 'hr', resolution: 'standard' },
    ]) {
      expect((await api.call('POST', `${base}/requirements`, { cookie, body })).status).toBe(201);
    }
  });
  afterAll(() => api.close());

  it('nests heading levels without gaps in the demo document, in both languages', async () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const report = await buildBlueprintReport(api.db, demoId, { locale, author: '管理员' });
      expect(findHeadingJumps(report.blocks)).toEqual([]);
      const outline = headings(report.blocks);
      // Chapters are numbered by the renderer once; the matrix sections are "3.1", never "3.1.1".
      const chapters = outline.filter((h) => /^\d+ /.test(h));
      // Five chapters, then the sign-off record: the demo has blueprint versions (V1 signed, V2 pending).
      expect(chapters).toHaveLength(6);
      expect(outline.filter((h) => h.startsWith('3.')).every((h) => /^3\.\d+ /.test(h))).toBe(true);
      // The demo project's scope is finance, purchasing, inventory, sales and production: no HR section.
      expect(outline).not.toContain(expect.stringMatching(/人力资源|Human resources|HR/));
    }
    {
      const report = await buildBlueprintReport(api.db, demoId, { locale: 'zh-CN', author: '管理员' });
      expect(headings(report.blocks).filter((h) => /^\d+ /.test(h))).toEqual([
        '1 功能清单',
        '2 目标流程',
        '3 权限矩阵',
        '4 界面原型',
        '5 定制开发清单',
        '6 签核记录',
      ]);
    }
  });

  it('opens business-area sections only for the modules in the project scope', async () => {
    const report = await buildBlueprintReport(api.db, projectId, { locale: 'zh-CN', author: '管理员' });
    expect(findHeadingJumps(report.blocks)).toEqual([]);
    const outline = headings(report.blocks);
    expect(outline).not.toContain(expect.stringContaining('人力资源'));
    expect(outline).toEqual(
      expect.arrayContaining([
        '1 功能清单',
        '1.1 财务',
        '1.2 采购',
        '1.3 项目范围之外的需求',
        '3 权限矩阵',
        '3.1 财务模块',
        '3.2 采购模块',
      ]),
    );
    // The HR requirement and the HR grant are not lost: each is flagged.
    const warnings = report.blocks.filter((b) => b.kind === 'paragraph' && b.tone === 'warning').map((b) => JSON.stringify(b));
    expect(warnings.filter((w) => w.includes('人力资源'))).toHaveLength(2);
    const english = await buildBlueprintReport(api.db, projectId, { locale: 'en', author: 'Admin' });
    expect(headings(english.blocks)).not.toContain(expect.stringContaining('Human resources'));

    // A version freezes the scope: extending it later does not change the version's document.
    const version = await api.call('POST', `/api/v1/projects/${projectId}/blueprint/versions`, { cookie, body: {} });
    expect(version.status).toBe(201);
    const versionId = (await readJson<{ id: string }>(version)).id;
    const widened = await api.call('PATCH', `/api/v1/projects/${projectId}`, {
      cookie,
      body: { modulesInScope: ['finance', 'purchasing', 'hr'] },
    });
    expect(widened.status).toBe(200);
    const frozen = await buildBlueprintReport(api.db, projectId, { locale: 'zh-CN', author: '管理员', versionId });
    expect(headings(frozen.blocks)).not.toContain(expect.stringContaining('人力资源'));
  });
});
