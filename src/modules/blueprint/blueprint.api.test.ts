import { Resvg } from '@resvg/resvg-js';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApi, readJson, TEST_PASSWORD, type TestApi } from '../../../test/api-harness';
import { describeEachDialect } from '../../../test/db-harness';
import type { BlueprintDiff } from './blueprint-diff';
import { AppError } from '../../shared/app-error';
import { signVersion, type VersionView } from './blueprint-version.service';
import type { MeterView, PrototypeView, RequirementView } from './requirement.schema';

interface ErrorBody {
  error: { code: string; message: string; details: { field: string; reason: string }[] };
}
interface RequirementList {
  items: RequirementView[];
  meter: MeterView;
  blockers: { kind: string; label: string }[];
}

const CUSTOM = {
  gapReason: '标准计件工资只能按件数计价，焊接按焊缝长度和等级计价，配置无法表达',
  justification: '焊接工艺与计件激励是企业核心竞争力',
  effortDays: 20,
  upgradeImpact: '独立接口程序，不改标准表结构；每次升级做接口回归测试',
};

function pngBytes(): Buffer {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><rect width="40" height="30" fill="#1677ff"/></svg>';
  return Buffer.from(new Resvg(svg).render().asPng());
}

describeEachDialect('blueprint API', (dialect) => {
  let api: TestApi;
  let admin: string;
  const cookies: Record<string, string> = {};
  let projectId: string;
  const base = () => `/api/v1/projects/${projectId}`;

  async function login(email: string): Promise<string> {
    const response = await api.call('POST', '/api/v1/auth/login', { body: { email, password: TEST_PASSWORD } });
    return response.headers.get('set-cookie')!.split(';')[0]!;
  }

  async function upload(name: string, bytes: Buffer, cookie = admin): Promise<string> {
    const response = await api.app.request(`${base()}/uploads?filename=${encodeURIComponent(name)}`, {
      method: 'PUT',
      headers: { cookie, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(bytes),
    });
    expect(response.status).toBe(201);
    return (await readJson<{ id: string }>(response)).id;
  }

  async function list(cookie = admin): Promise<RequirementList> {
    return readJson<RequirementList>(await api.call('GET', `${base()}/requirements`, { cookie }));
  }

  beforeAll(async () => {
    api = await createTestApi(dialect);
    admin = (await api.signUp('admin@example.com', { isAdmin: true, name: '管理员' })).cookie;
    projectId = (
      await readJson<{ id: string }>(
        await api.call('POST', '/api/v1/projects', {
          cookie: admin,
          body: { name: '蓝图测试', clientName: '客户', erpProduct: '金昌ERP' },
        }),
      )
    ).id;
    const people: [string, string, string, string][] = [
      ['sponsor', '张总', 'sponsor', 'steering'],
      ['pm', '王经理', 'project_manager', 'pmo'],
      ['consultant', '陈顾问', 'consultant', 'consultant_vendor'],
      ['expert', '赵专家', 'business_expert', 'expert'],
      ['it', '马工', 'it', 'pmo'],
    ];
    for (const [key, name, role, tier] of people) {
      await api.signUp(`${key}@example.com`, { name });
      const member = await api.call('POST', `${base()}/members`, {
        cookie: admin,
        body: { name, projectRole: role, tier, accountEmail: `${key}@example.com` },
      });
      expect(member.status).toBe(201);
      cookies[key] = await login(`${key}@example.com`);
    }
  });
  afterAll(() => api.close());

  it('creates requirements with REQ codes and enforces the resolution rules', async () => {
    const first = await api.call('POST', `${base()}/requirements`, {
      cookie: cookies.expert,
      body: { title: '凭证自动生成', module: 'finance', priority: 'must', resolution: 'standard' },
    });
    expect(first.status).toBe(201);
    expect((await readJson<RequirementView>(first)).code).toBe('REQ-001');

    const noKind = await api.call('POST', `${base()}/requirements`, {
      cookie: cookies.expert,
      body: { title: '采购申请审批', module: 'purchasing', resolution: 'configuration' },
    });
    expect(noKind.status).toBe(400);
    expect((await readJson<ErrorBody>(noKind)).error.details.map((d) => d.field)).toEqual(['configKind']);

    const bareCustom = await api.call('POST', `${base()}/requirements`, {
      cookie: cookies.expert,
      headers: { 'accept-language': 'zh-CN' },
      body: { title: '焊接计件工资接口', module: 'production', resolution: 'custom_development' },
    });
    expect(bareCustom.status).toBe(400);
    const error = await readJson<ErrorBody>(bareCustom);
    expect(error.error.code).toBe('VALIDATION_FAILED');
    expect(error.error.details.map((d) => d.field)).toEqual(['gapReason', 'justification', 'effortDays', 'upgradeImpact']);
    expect(error.error.message).toContain('核心竞争力');

    const custom = await api.call('POST', `${base()}/requirements`, {
      cookie: cookies.expert,
      body: { title: '焊接计件工资接口', module: 'production', resolution: 'custom_development', ...CUSTOM },
    });
    expect(custom.status).toBe(201);
    const view = await readJson<RequirementView>(custom);
    expect(view.code).toBe('REQ-002');
    expect(view.approval).toMatchObject({ status: 'pending', requestedByName: '赵专家' });

    const duplicate = await api.call('POST', `${base()}/requirements`, {
      cookie: cookies.expert,
      body: { code: 'REQ-002', title: 'x', module: 'sales' },
    });
    expect(duplicate.status).toBe(409);
    expect((await readJson<ErrorBody>(duplicate)).error).toMatchObject({
      code: 'BLUEPRINT_REQUIREMENT_CODE_TAKEN',
      message: '编号“REQ-002”已被其他需求使用',
      details: [{ field: 'code', reason: '编号“REQ-002”已被其他需求使用' }],
    });

    const state = await list();
    expect(state.blockers.map((b) => [b.kind, b.label])).toEqual([['custom_unapproved', 'REQ-002']]);
    // 1 custom of 1 counted production requirement: over the 10 % share threshold.
    expect(state.meter.warnings.some((w) => w.module === 'production' && w.kind === 'share')).toBe(true);
  });

  it('lets only the steering committee decide, never the requester', async () => {
    const custom = (await list()).items.find((r) => r.code === 'REQ-002')!;
    const path = `${base()}/requirements/${custom.id}/approval`;
    expect((await api.call('POST', path, { cookie: cookies.expert, body: { decision: 'approved' } })).status).toBe(403);
    expect((await api.call('POST', path, { cookie: cookies.consultant, body: { decision: 'approved' } })).status).toBe(403);

    // The PM asks for a second custom item and may not approve it himself.
    const own = await readJson<RequirementView>(
      await api.call('POST', `${base()}/requirements`, {
        cookie: cookies.pm,
        body: { title: '铸件批次追溯', module: 'inventory', resolution: 'custom_development', ...CUSTOM, effortDays: 30 },
      }),
    );
    const self = await api.call('POST', `${base()}/requirements/${own.id}/approval`, {
      cookie: cookies.pm,
      body: { decision: 'approved' },
    });
    expect(self.status).toBe(409);
    expect((await readJson<ErrorBody>(self)).error).toMatchObject({
      code: 'BLUEPRINT_APPROVAL_SELF',
      message: '申请人不能审批自己提出的定制开发（申请人：“王经理”），请由项目领导小组其他成员审批',
    });
    const standard = (await list()).items.find((r) => r.code === 'REQ-001')!;
    const notCustom = await api.call('POST', `${base()}/requirements/${standard.id}/approval`, {
      cookie: cookies.sponsor,
      body: { decision: 'approved' },
    });
    expect(notCustom.status).toBe(409);
    expect((await readJson<ErrorBody>(notCustom)).error).toMatchObject({
      code: 'BLUEPRINT_APPROVAL_NOT_CUSTOM',
      message: '只有解决方式为“定制开发”的需求需要审批',
    });

    const reject = await api.call('POST', `${base()}/requirements/${own.id}/approval`, {
      cookie: cookies.sponsor,
      body: { decision: 'rejected' },
    });
    expect(reject.status).toBe(400);
    expect((await readJson<ErrorBody>(reject)).error.details[0]!.field).toBe('comment');

    const approved = await api.call('POST', path, { cookie: cookies.sponsor, body: { decision: 'approved', comment: '同意' } });
    expect(approved.status).toBe(200);
    expect((await readJson<RequirementView>(approved)).approval).toMatchObject({ status: 'approved', decidedByName: '张总' });
    const decided = await api.call('POST', path, { cookie: cookies.pm, body: { decision: 'approved' } });
    expect(decided.status).toBe(409);
    expect((await readJson<ErrorBody>(decided)).error).toMatchObject({
      code: 'BLUEPRINT_APPROVAL_NOT_PENDING',
      message: '该定制开发审批已处理（已批准），无需再次审批',
    });
    const decidedEn = await api.call('POST', path, {
      cookie: cookies.pm,
      headers: { 'accept-language': 'en' },
      body: { decision: 'approved' },
    });
    expect((await readJson<ErrorBody>(decidedEn)).error.message).toBe('This approval has already been decided (Approved)');

    // Changing what was approved sends it back to the committee; a title change does not.
    const retitled = await api.call('PATCH', `${base()}/requirements/${custom.id}`, {
      cookie: cookies.expert,
      body: { title: '焊接工序计件工资接口' },
    });
    expect((await readJson<RequirementView>(retitled)).approval!.status).toBe('approved');
    const reset = await api.call('PATCH', `${base()}/requirements/${custom.id}`, { cookie: cookies.expert, body: { effortDays: 25 } });
    expect(reset.status).toBe(200);
    expect((await readJson<RequirementView>(reset)).approval!.status).toBe('pending');
    const history = await readJson<{ items: { status: string }[] }>(
      await api.call('GET', `${base()}/requirements/${custom.id}/approvals`, { cookie: cookies.expert }),
    );
    expect(history.items.map((h) => h.status)).toEqual(['approved', 'pending']);

    // Clearing a required custom field is refused, naming it.
    const cleared = await api.call('PATCH', `${base()}/requirements/${custom.id}`, { cookie: cookies.expert, body: { upgradeImpact: '' } });
    expect(cleared.status).toBe(400);
    expect((await readJson<ErrorBody>(cleared)).error.details.map((d) => d.field)).toEqual(['upgradeImpact']);

    // Moving the PM's item to a process change leaves nothing to approve.
    const moved = await api.call('PATCH', `${base()}/requirements/${own.id}`, {
      cookie: cookies.pm,
      body: { resolution: 'process_change', processChangeNote: '按炉号登记，批次在入库单上记录' },
    });
    expect((await readJson<RequirementView>(moved)).approval).toBeNull();
  });

  it('imports nothing when any row is wrong, and everything when all rows are right', async () => {
    const build = async (rows: (string | number)[][]): Promise<Buffer> => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('需求清单');
      sheet.addRow([
        '编号',
        '需求名称',
        '模块',
        '优先级',
        '解决方式',
        '配置类型',
        '流程变革说明',
        '差异原因',
        '定制理由',
        '工作量(人天)',
        '升级影响',
      ]);
      for (const r of rows) sheet.addRow(r);
      return Buffer.from(await workbook.xlsx.writeBuffer());
    };
    const before = (await list()).items.length;
    const bad = await build([
      ['', '应收账龄分析', '财务', '必须有', '配置', '报表'],
      ['', '销售价格审批', '销售', '应该有', '魔法'],
      ['', '特殊发票打印', '财务', '必须有', '定制开发', '', '', '', '', 'abc'],
      ['REQ-900', '重复', '库存', '可以有', '标准功能'],
      ['REQ-900', '重复2', '库存', '可以有', '标准功能'],
    ]);
    const response = await api.call('POST', `${base()}/requirements/import`, {
      cookie: cookies.expert,
      headers: { 'accept-language': 'zh-CN' },
      body: { uploadId: await upload('bad.xlsx', bad, cookies.expert) },
    });
    expect(response.status).toBe(400);
    const error = await readJson<ErrorBody>(response);
    const fields = error.error.details.map((d) => d.field);
    expect(fields).toContain('row:3:解决方式');
    expect(fields).toContain('row:4:工作量(人天)');
    expect(fields).toContain('row:4:差异原因');
    expect(fields).toContain('row:4:定制理由');
    expect(fields).toContain('row:4:升级影响');
    expect(fields).toContain('row:6:编号');
    expect(error.error.details.find((d) => d.field === 'row:3:解决方式')!.reason).toContain('魔法');
    expect((await list()).items.length).toBe(before);

    const good = await build([
      ['REQ-001', '凭证自动生成（含摘要模板）', '财务', '必须有', '配置', '参数'],
      ['', '应收账龄分析', 'finance', 'must', '配置', '报表'],
      ['', '特殊增值税发票打印', '财务', '应该有', '定制开发', '', '', '票样特殊', '税务合规', 8, '打印插件独立部署'],
    ]);
    const ok = await api.call('POST', `${base()}/requirements/import`, {
      cookie: cookies.expert,
      body: { uploadId: await upload('good.xlsx', good, cookies.expert) },
    });
    expect(ok.status).toBe(200);
    const result = await readJson<{ created: number; updated: number; codes: string[] }>(ok);
    expect(result).toMatchObject({ created: 2, updated: 1 });
    const after = await list();
    expect(after.items.length).toBe(before + 2);
    const updated = after.items.find((r) => r.code === 'REQ-001')!;
    expect(updated).toMatchObject({ title: '凭证自动生成（含摘要模板）', resolution: 'configuration', configKind: 'parameter' });
    const invoice = after.items.find((r) => r.title === '特殊增值税发票打印')!;
    expect(invoice.approval!.status).toBe('pending');
  });

  it('exports the list and the template with Chinese headers', async () => {
    const exported = await api.call('GET', `${base()}/requirements/export.xlsx`, { cookie: cookies.expert });
    expect(exported.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await exported.arrayBuffer());
    const sheet = workbook.getWorksheet('需求清单')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('编号');
    expect(sheet.getRow(1).getCell(14).value).toBe('升级影响');
    const codes = sheet.getColumn(1).values.slice(2);
    expect(codes).toContain('REQ-002');
    const custom = sheet.getColumn(8).values.slice(2);
    expect(custom).toContain('定制开发');
    expect((await api.call('GET', `${base()}/requirements/export.xlsx`, { cookie: cookies.it })).status).toBe(403);
    const template = await api.call('GET', `${base()}/requirements/template.xlsx`, { cookie: cookies.it });
    expect(template.status).toBe(200);
  });

  it('attaches PNG prototypes and refuses other files', async () => {
    const requirement = (await list()).items.find((r) => r.code === 'REQ-001')!;
    const path = `${base()}/requirements/${requirement.id}/prototypes`;
    const attached = await api.call('POST', path, {
      cookie: cookies.expert,
      body: { uploadId: await upload('凭证界面.png', pngBytes(), cookies.expert), caption: '凭证录入界面' },
    });
    expect(attached.status).toBe(201);
    const proto = await readJson<PrototypeView>(attached);
    expect(proto).toMatchObject({ mime: 'image/png', widthPx: 40, heightPx: 30 });
    const image = await api.call('GET', `${path}/${proto.id}/image`, { cookie: cookies.it });
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await image.arrayBuffer()).equals(pngBytes())).toBe(true);

    const fake = await api.call('POST', path, {
      cookie: cookies.expert,
      body: { uploadId: await upload('fake.png', Buffer.from('not really a png'), cookies.expert) },
    });
    expect(fake.status).toBe(400);
    expect((await readJson<ErrorBody>(fake)).error.details[0]!.field).toBe('uploadId');
    expect((await readJson<{ items: unknown[] }>(await api.call('GET', path, { cookie: admin }))).items).toHaveLength(1);
  });

  it('signs a version on both sides, locks it, and diffs the next one', async () => {
    const thresholds = await api.call('PUT', `${base()}/customisation/thresholds`, {
      cookie: cookies.it,
      body: { maxCustomShare: 0.5, maxCustomEffortDays: 60 },
    });
    expect(thresholds.status).toBe(200);
    expect(
      (
        await api.call('PUT', `${base()}/customisation/thresholds`, {
          cookie: cookies.expert,
          body: { maxCustomShare: 0.5, maxCustomEffortDays: 60 },
        })
      ).status,
    ).toBe(403);

    const v1 = await readJson<VersionView>(
      await api.call('POST', `${base()}/blueprint/versions`, { cookie: cookies.consultant, body: { note: '初稿' } }),
    );
    expect(v1.label).toBe('V1');
    expect(v1.blockers.length).toBe(2); // REQ-002 reset to pending, the invoice print pending
    const refused = await api.call('POST', `${base()}/blueprint/versions/${v1.id}/signoffs`, { cookie: cookies.sponsor, body: {} });
    expect(refused.status).toBe(409);
    const blocked = (await readJson<ErrorBody>(refused)).error;
    expect(blocked.code).toBe('BLUEPRINT_SIGN_BLOCKED');
    expect(blocked.message).toMatch(/^版本 V1 不能签核：定制开发“REQ-002 /);
    expect(blocked.details.map((d) => d.field)).toContain('REQ-002');
    // Neither side: a caller with no member record who is no platform admin.
    const outsider = { userId: 'outsider', name: '外部人员', email: 'outsider@example.com', isAdmin: false };
    const noSide = await signVersion(api.db, outsider, projectId, v1.id, { comment: '' }, 'zh-CN').catch((e: unknown) => e);
    expect(noSide).toBeInstanceOf(AppError);
    expect([(noSide as AppError).code, (noSide as AppError).localizedMessage('zh-CN')]).toEqual([
      'BLUEPRINT_SIGN_NO_SIDE',
      '无法确定您代表哪一方签核：客户方须为发起人或项目经理，实施方须为实施顾问或外部顾问',
    ]);

    for (const r of (await list()).items.filter((i) => i.approval?.status === 'pending')) {
      const decided = await api.call('POST', `${base()}/requirements/${r.id}/approval`, {
        cookie: cookies.sponsor,
        body: { decision: 'approved' },
      });
      expect(decided.status).toBe(200);
    }
    const v2 = await readJson<VersionView>(
      await api.call('POST', `${base()}/blueprint/versions`, { cookie: cookies.consultant, body: {} }),
    );
    expect(v2).toMatchObject({ label: 'V2', status: 'pending_signoff', blockers: [] });
    const signPath = `${base()}/blueprint/versions/${v2.id}/signoffs`;
    expect((await api.call('POST', signPath, { cookie: cookies.expert, body: {} })).status).toBe(403);
    expect((await api.call('POST', signPath, { cookie: cookies.it, body: {} })).status).toBe(403);
    const client = await readJson<VersionView>(await api.call('POST', signPath, { cookie: cookies.sponsor, body: { comment: '同意' } }));
    expect(client.status).toBe('pending_signoff');
    expect(client.signoffs.map((s) => [s.side, s.signerName])).toEqual([['client', '张总']]);
    const twice = await api.call('POST', signPath, { cookie: cookies.pm, body: {} });
    expect(twice.status).toBe(409);
    expect((await readJson<ErrorBody>(twice)).error).toMatchObject({
      code: 'BLUEPRINT_ALREADY_SIGNED',
      message: '版本 V2 的客户方已签核（“张总”）',
    });
    const both = await readJson<VersionView>(await api.call('POST', signPath, { cookie: cookies.consultant, body: {} }));
    expect(both).toMatchObject({ status: 'approved', locked: true });

    const versionPath = `${base()}/blueprint/versions/${v2.id}`;
    const locked = await api.call('PATCH', versionPath, { cookie: cookies.pm, body: { note: 'x' } });
    expect(locked.status).toBe(409);
    expect((await readJson<ErrorBody>(locked)).error).toMatchObject({
      code: 'BLUEPRINT_VERSION_LOCKED',
      message: '版本 V2 已由双方签核并锁定，不能修改；如需变更请创建新版本',
    });
    expect((await api.call('DELETE', versionPath, { cookie: cookies.pm })).status).toBe(409);
    expect((await api.call('POST', signPath, { cookie: admin, body: {} })).status).toBe(409);

    let versions = await readJson<{ changedSinceLatest: boolean; latestLabel: string }>(
      await api.call('GET', `${base()}/blueprint/versions`, { cookie: cookies.expert }),
    );
    expect(versions).toMatchObject({ changedSinceLatest: false, latestLabel: 'V2' });

    // Live data still changes after approval; the signed version does not.
    const req1 = (await list()).items.find((r) => r.code === 'REQ-001')!;
    await api.call('PATCH', `${base()}/requirements/${req1.id}`, { cookie: cookies.expert, body: { priority: 'should' } });
    await api.call('POST', `${base()}/requirements`, {
      cookie: cookies.expert,
      body: { title: '库存盘点差异审批', module: 'inventory', resolution: 'configuration', configKind: 'workflow' },
    });
    versions = await readJson(await api.call('GET', `${base()}/blueprint/versions`, { cookie: cookies.expert }));
    expect(versions.changedSinceLatest).toBe(true);
    const frozen = await readJson<{ snapshot: { requirements: { code: string; priority: string }[] } }>(
      await api.call('GET', versionPath, { cookie: cookies.expert }),
    );
    expect(frozen.snapshot.requirements.find((r) => r.code === 'REQ-001')!.priority).toBe('must');

    const v3 = await readJson<VersionView>(await api.call('POST', `${base()}/blueprint/versions`, { cookie: cookies.pm, body: {} }));
    expect(v3.label).toBe('V3');
    const diff = await readJson<BlueprintDiff>(
      await api.call('GET', `${base()}/blueprint/diff?from=${v2.id}&to=${v3.id}`, { cookie: cookies.expert }),
    );
    expect(diff.requirements.added.map((r) => r.title)).toEqual(['库存盘点差异审批']);
    expect(diff.requirements.changed).toEqual([
      expect.objectContaining({ code: 'REQ-001', changes: [{ field: 'priority', before: 'must', after: 'should' }] }),
    ]);
    // An unapproved version may be deleted by the PM.
    expect((await api.call('DELETE', `${base()}/blueprint/versions/${v3.id}`, { cookie: cookies.pm })).status).toBe(200);
  });

  it('renders the blueprint document of a version as DOCX and HTML', async () => {
    const versions = await readJson<{ items: VersionView[] }>(await api.call('GET', `${base()}/blueprint/versions`, { cookie: admin }));
    const v2 = versions.items.find((v) => v.label === 'V2')!;
    const docx = await api.call('GET', `${base()}/blueprint/document.docx?versionId=${v2.id}`, { cookie: cookies.consultant });
    expect(docx.status).toBe(200);
    const zip = await JSZip.loadAsync(await docx.arrayBuffer());
    const xml = await zip.file('word/document.xml')!.async('string');
    for (const text of [
      '系统蓝图设计文档',
      '功能清单',
      '目标流程',
      '权限矩阵',
      '界面原型',
      '定制开发清单',
      '焊接工序计件工资接口',
      '张总',
    ]) {
      expect(xml).toContain(text);
    }
    // The V2 document shows V2's content, not the later live change.
    expect(xml).not.toContain('库存盘点差异审批');
    expect(Object.keys(zip.files).some((f) => f.startsWith('word/media/'))).toBe(true);
    expect((await api.call('GET', `${base()}/blueprint/document.docx`, { cookie: cookies.expert })).status).toBe(200);
    const html = await api.call('GET', `${base()}/blueprint/document.html?versionId=${v2.id}`, { cookie: cookies.expert });
    expect(html.status).toBe(200);
    expect(await html.text()).toContain('定制开发清单');
  });
});
