import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/db-harness';
import { createTestApi, readJson, type TestApi } from '../../../test/api-harness';
import { insertDemoPermissionMatrix } from '../../demo/demo-permission-matrix';
import { DEFAULT_FUNCTIONS, DEFAULT_SOD_RULES } from './erp-permission-defaults';
import type { PermissionMatrixView, SodRuleView } from './erp-permission-matrix.schema';
import { buildPermissionMatrixReportBlocks, getPermissionMatrixSnapshot } from './erp-permission-matrix-snapshot';

interface ErrorBody {
  error: { code: string; message: string; details: { field: string; reason: string }[] };
}
/** The error of a refused call (messages are zh-CN: the API default). */
const errorOf = async (response: Response): Promise<ErrorBody['error']> => (await readJson<ErrorBody>(response)).error;

describeEachDialect('permission matrix API', (dialect) => {
  let api: TestApi;
  let cookie: string;
  let projectId: string;
  let base: string;
  let matrix: PermissionMatrixView;

  const fn = (menu: string, action: string): string => {
    const found = matrix.functions.find((f) => f.menu === menu && f.action === action);
    if (!found) throw new Error(`no function ${menu}.${action}`);
    return found.id;
  };
  const roleId = (name: string): string => matrix.roles.find((r) => r.name === name)!.id;

  beforeAll(async () => {
    api = await createTestApi(dialect);
    cookie = (await api.signUp('pm@example.com')).cookie;
    const project = await api.call('POST', '/api/v1/projects', {
      cookie,
      body: { name: '权限测试', clientName: '客户', erpProduct: '金昌 ERP', modulesInScope: ['finance', 'purchasing'] },
    });
    projectId = (await readJson<{ id: string }>(project)).id;
    base = `/api/v1/projects/${projectId}/blueprint/permission-matrix`;
  });
  afterAll(() => api.close());

  it('seeds the default catalogue and rule library once, on first read', async () => {
    const first = await api.call('GET', base, { cookie });
    expect(first.status).toBe(200);
    matrix = await readJson<PermissionMatrixView>(first);
    expect(matrix.functions).toHaveLength(DEFAULT_FUNCTIONS.length);
    expect(matrix.functions.length).toBeGreaterThanOrEqual(40);
    expect(matrix.rules.map((r) => r.code)).toEqual(DEFAULT_SOD_RULES.map((r) => r.code));
    expect(matrix.roles).toEqual([]);
    expect(matrix.conflicts).toEqual({ items: [], open: 0, mitigated: 0 });
    const again = await readJson<PermissionMatrixView>(await api.call('GET', base, { cookie }));
    expect(again.functions).toHaveLength(DEFAULT_FUNCTIONS.length);
    expect(again.rules).toHaveLength(DEFAULT_SOD_RULES.length);
  });

  it('creates roles and refuses a duplicate name', async () => {
    for (const [name, department] of [
      ['采购员', '采购部'],
      ['出纳', '财务部'],
    ]) {
      const created = await api.call('POST', `${base}/roles`, { cookie, body: { name, department } });
      expect(created.status).toBe(201);
      matrix = await readJson<PermissionMatrixView>(created);
    }
    expect(matrix.roles.map((r) => r.name)).toEqual(['采购员', '出纳']);
    const duplicate = await api.call('POST', `${base}/roles`, { cookie, body: { name: '采购员' } });
    expect(duplicate.status).toBe(409);
    expect(await errorOf(duplicate)).toMatchObject({
      code: 'ERP_PERMISSIONS_ROLE_NAME_TAKEN',
      message: '已有名为“采购员”的 ERP 角色，请换一个名称',
      details: [{ field: 'name', reason: '已有名为“采购员”的 ERP 角色，请换一个名称' }],
    });
    const unknownRole = await api.call('POST', `${base}/roles`, { cookie, body: { name: '会计', assessmentRoleId: 'nope' } });
    expect(unknownRole.status).toBe(400);
    expect(await errorOf(unknownRole)).toMatchObject({
      code: 'ERP_PERMISSIONS_ASSESSMENT_ROLE_UNKNOWN',
      message: '本项目中找不到所选的用户角色（ID：“nope”）',
      details: [{ field: 'assessmentRoleId' }],
    });
    const empty = await api.call('POST', `${base}/roles`, { cookie, body: { name: '' } });
    expect(empty.status).toBe(400);
  });

  it('makes a conflict appear with grants, explains it, and makes it disappear when a grant is removed', async () => {
    const bulk = await api.call('PUT', `${base}/roles/${roleId('采购员')}/grants`, {
      cookie,
      body: {
        grants: [
          { functionId: fn('供应商档案', 'view'), scope: 'department' },
          { functionId: fn('供应商档案', 'create'), scope: 'department' },
        ],
      },
    });
    expect(bulk.status).toBe(200);
    matrix = await readJson<PermissionMatrixView>(bulk);
    expect(matrix.grants.filter((g) => g.roleId === roleId('采购员'))).toHaveLength(2);
    expect(matrix.conflicts.open).toBe(0);

    const cell = await api.call('PUT', `${base}/roles/${roleId('采购员')}/grants/${fn('付款单', 'approve')}`, {
      cookie,
      body: { scope: 'company' },
    });
    expect(cell.status).toBe(200);
    matrix = await readJson<PermissionMatrixView>(cell);
    expect(matrix.conflicts.open).toBe(1);
    expect(matrix.conflicts.items[0]!.explanation).toBe(
      '角色「采购员」同时拥有「供应商档案·新建」（本部门）和「付款单·审批」（全公司）（规则 SOD-01：可虚构供应商并付款）',
    );

    const en = await readJson<{ items: { explanation: string }[]; open: number }>(
      await api.call('GET', `${base}/conflicts`, { cookie, headers: { 'accept-language': 'en' } }),
    );
    expect(en.open).toBe(1);
    expect(en.items[0]!.explanation).toContain('Role "采购员" holds both');

    const removed = await api.call('PUT', `${base}/roles/${roleId('采购员')}/grants/${fn('付款单', 'approve')}`, {
      cookie,
      body: { scope: null },
    });
    matrix = await readJson<PermissionMatrixView>(removed);
    expect(matrix.conflicts).toEqual({ items: [], open: 0, mitigated: 0 });
  });

  it('rejects bad grants naming the row', async () => {
    const unknown = await api.call('PUT', `${base}/roles/${roleId('出纳')}/grants`, {
      cookie,
      body: {
        grants: [
          { functionId: fn('收款单', 'view'), scope: 'own' },
          { functionId: 'nope', scope: 'own' },
        ],
      },
    });
    expect(unknown.status).toBe(400);
    expect(await errorOf(unknown)).toMatchObject({
      code: 'ERP_PERMISSIONS_FUNCTION_UNKNOWN',
      message: '本项目中找不到该 ERP 功能（ID：“nope”）',
      details: [{ field: 'grants.1.functionId' }],
    });
    const twice = await api.call('PUT', `${base}/roles/${roleId('出纳')}/grants`, {
      cookie,
      body: {
        grants: [
          { functionId: fn('收款单', 'view'), scope: 'own' },
          { functionId: fn('收款单', 'view'), scope: 'company' },
        ],
      },
    });
    expect(twice.status).toBe(400);
    expect(await errorOf(twice)).toMatchObject({
      code: 'ERP_PERMISSIONS_GRANT_FUNCTION_TWICE',
      message: `同一 ERP 功能在权限中出现了两次（ID：“${fn('收款单', 'view')}”），每个功能只能授权一次`,
      details: [{ field: 'grants.1.functionId' }],
    });
    const badScope = await api.call('PUT', `${base}/roles/${roleId('出纳')}/grants/${fn('收款单', 'view')}`, {
      cookie,
      body: { scope: 'world' },
    });
    expect(badScope.status).toBe(400);
    // Nothing half-written: the role still has no grants.
    matrix = await readJson<PermissionMatrixView>(await api.call('GET', base, { cookie }));
    expect(matrix.grants.filter((g) => g.roleId === roleId('出纳'))).toEqual([]);
  });

  it('records an exception (mitigated, still listed) and withdraws it', async () => {
    await api.call('PUT', `${base}/roles/${roleId('出纳')}/grants`, {
      cookie,
      body: {
        grants: [
          { functionId: fn('付款单', 'create'), scope: 'company' },
          { functionId: fn('银行对账', 'create'), scope: 'company' },
        ],
      },
    });
    const sod05 = matrix.rules.find((r) => r.code === 'SOD-05')!;
    const noConflict = await api.call('POST', `${base}/mitigations`, {
      cookie,
      body: {
        ruleId: sod05.id,
        subjectKind: 'role',
        subjectId: roleId('采购员'),
        compensatingControl: 'x',
        approver: '李文华',
        approvedOn: '2026-11-28',
      },
    });
    expect(noConflict.status).toBe(400);
    expect(await errorOf(noConflict)).toMatchObject({
      code: 'ERP_PERMISSIONS_SOD_NO_CONFLICT',
      message: '职责分离（SoD）规则“SOD-05”当前对“采购员”没有冲突，无需记录例外',
      details: [{ field: 'subjectId' }],
    });
    const mitigation = {
      ruleId: sod05.id,
      subjectKind: 'role',
      subjectId: roleId('出纳'),
      compensatingControl: '财务经理每月复核银行余额调节表',
      approver: '李文华',
      approvedOn: '2026-11-28',
    };
    const unknownRule = await api.call('POST', `${base}/mitigations`, { cookie, body: { ...mitigation, ruleId: 'nope' } });
    expect(unknownRule.status).toBe(400);
    expect(await errorOf(unknownRule)).toMatchObject({
      code: 'ERP_PERMISSIONS_SOD_RULE_UNKNOWN',
      message: '本项目中找不到该职责分离（SoD）规则（ID：“nope”）',
      details: [{ field: 'ruleId' }],
    });
    const recorded = await api.call('POST', `${base}/mitigations`, { cookie, body: mitigation });
    expect(recorded.status).toBe(201);
    const again = await api.call('POST', `${base}/mitigations`, { cookie, body: mitigation });
    expect(again.status).toBe(409);
    expect(await errorOf(again)).toMatchObject({
      code: 'ERP_PERMISSIONS_SOD_ALREADY_MITIGATED',
      message: '该职责分离（SoD）冲突已记录例外（审批人：“李文华”）',
      details: [{ field: 'subjectId' }],
    });
    matrix = await readJson<PermissionMatrixView>(recorded);
    expect(matrix.conflicts.open).toBe(0);
    expect(matrix.conflicts.mitigated).toBe(1);
    const item = matrix.conflicts.items[0]!;
    expect(item.status).toBe('mitigated');
    expect(item.mitigation?.compensatingControl).toBe('财务经理每月复核银行余额调节表');

    const snapshot = await getPermissionMatrixSnapshot(api.db.kysely, projectId, 'zh-CN');
    expect(snapshot.conflicts).toEqual([]);
    expect(snapshot.mitigatedConflicts).toHaveLength(1);
    const blocks = buildPermissionMatrixReportBlocks(snapshot, 'zh-CN');
    const tables = blocks.filter((b) => b.kind === 'table');
    expect(tables.length).toBeGreaterThanOrEqual(2);
    const sodTable = tables[tables.length - 1]!;
    expect(sodTable.kind === 'table' && sodTable.highlightRows).toEqual([]);

    const withdrawn = await api.call('DELETE', `${base}/mitigations/${item.mitigation!.id}`, { cookie });
    matrix = await readJson<PermissionMatrixView>(withdrawn);
    expect(matrix.conflicts.open).toBe(1);
    const open = await getPermissionMatrixSnapshot(api.db.kysely, projectId, 'zh-CN');
    expect(open.conflicts.map((c) => c.ruleCode)).toEqual(['SOD-05']);
    const openBlocks = buildPermissionMatrixReportBlocks(open, 'zh-CN').filter((b) => b.kind === 'table');
    const last = openBlocks[openBlocks.length - 1]!;
    expect(last.kind === 'table' && last.highlightRows).toEqual([0]);
    // The two conflicting cells of the finance matrix table are marked (bold red runs).
    const redCells = openBlocks
      .slice(0, -1)
      .flatMap((b) =>
        b.kind === 'table'
          ? b.rows.flat().filter((cell) => Array.isArray(cell) && cell.some((r) => typeof r !== 'string' && r.color === 'C00000'))
          : [],
      );
    expect(redCells).toHaveLength(2);
  });

  it('edits, disables and deletes rules; a disabled rule stops reporting', async () => {
    const sod05 = matrix.rules.find((r) => r.code === 'SOD-05')!;
    const disabled = await api.call('PATCH', `${base}/sod-rules/${sod05.id}`, { cookie, body: { enabled: false } });
    expect(disabled.status).toBe(200);
    expect((await readJson<SodRuleView>(disabled)).enabled).toBe(false);
    let conflicts = await readJson<{ open: number }>(await api.call('GET', `${base}/conflicts`, { cookie }));
    expect(conflicts.open).toBe(0);
    await api.call('PATCH', `${base}/sod-rules/${sod05.id}`, { cookie, body: { enabled: true } });

    const created = await api.call('POST', `${base}/sod-rules`, {
      cookie,
      body: {
        code: 'SOD-90',
        name: '收款登记 vs 付款制单',
        sideA: [{ module: 'finance', menu: '收款单', action: '*' }],
        sideB: [{ module: 'finance', menu: '付款单', action: 'create' }],
        riskLevel: 'low',
        riskDescription: '同一人收付款',
      },
    });
    expect(created.status).toBe(201);
    const rule = await readJson<SodRuleView>(created);
    const duplicate = await api.call('POST', `${base}/sod-rules`, { cookie, body: { ...rule, id: undefined } });
    expect(duplicate.status).toBe(409);
    expect(await errorOf(duplicate)).toMatchObject({
      code: 'ERP_PERMISSIONS_SOD_RULE_CODE_TAKEN',
      message: '职责分离（SoD）规则编号“SOD-90”已存在，请换一个编号',
      details: [{ field: 'code' }],
    });
    const badMatcher = await api.call('POST', `${base}/sod-rules`, {
      cookie,
      body: {
        code: 'SOD-91',
        name: 'x',
        sideA: [],
        sideB: [{ module: 'finance', menu: '*', action: '*' }],
        riskLevel: 'low',
        riskDescription: 'x',
      },
    });
    expect(badMatcher.status).toBe(400);
    const list = await readJson<{ items: SodRuleView[] }>(await api.call('GET', `${base}/sod-rules`, { cookie }));
    expect(list.items.map((r) => r.code)).toContain('SOD-90');
    expect((await api.call('DELETE', `${base}/sod-rules/${rule.id}`, { cookie })).status).toBe(200);
    expect((await api.call('DELETE', `${base}/sod-rules/${rule.id}`, { cookie })).status).toBe(404);
    conflicts = await readJson<{ open: number }>(await api.call('GET', `${base}/conflicts`, { cookie }));
    expect(conflicts.open).toBe(1);
  });

  it('detects a person whose roles together conflict', async () => {
    const members = await readJson<{ items: { id: string }[] }>(await api.call('GET', `/api/v1/projects/${projectId}/members`, { cookie }));
    const memberId = members.items[0]!.id;
    // 采购员: 供应商档案 create; a new role 付款审批 with 付款单 approve; one person holds both.
    let response = await api.call('POST', `${base}/roles`, { cookie, body: { name: '付款审批', department: '财务部' } });
    matrix = await readJson<PermissionMatrixView>(response);
    await api.call('PUT', `${base}/roles/${roleId('付款审批')}/grants/${fn('付款单', 'approve')}`, { cookie, body: { scope: 'company' } });
    for (const name of ['采购员', '付款审批']) {
      response = await api.call('PUT', `${base}/roles/${roleId(name)}/members`, { cookie, body: { memberIds: [memberId] } });
      expect(response.status).toBe(200);
    }
    matrix = await readJson<PermissionMatrixView>(response);
    const person = matrix.conflicts.items.find((c) => c.subjectKind === 'person');
    expect(person).toMatchObject({ ruleCode: 'SOD-01', subjectId: memberId, roleNames: ['采购员', '付款审批'] });
    const unknownMember = await api.call('PUT', `${base}/roles/${roleId('采购员')}/members`, {
      cookie,
      body: { memberIds: [memberId, 'x'] },
    });
    expect(unknownMember.status).toBe(400);
    expect(await errorOf(unknownMember)).toMatchObject({
      code: 'ERP_PERMISSIONS_MEMBER_UNKNOWN',
      message: '本项目中找不到该成员（ID：“x”）',
      details: [{ field: 'memberIds.1' }],
    });
    response = await api.call('DELETE', `${base}/roles/${roleId('付款审批')}`, { cookie });
    matrix = await readJson<PermissionMatrixView>(response);
    expect(matrix.conflicts.items.some((c) => c.subjectKind === 'person')).toBe(false);
  });

  it('adds, edits and deletes catalogue functions', async () => {
    let response = await api.call('POST', `${base}/functions`, {
      cookie,
      body: { module: 'finance', menu: '固定资产卡片', action: 'create' },
    });
    expect(response.status).toBe(201);
    matrix = await readJson<PermissionMatrixView>(response);
    const id = fn('固定资产卡片', 'create');
    const duplicate = await api.call('POST', `${base}/functions`, {
      cookie,
      body: { module: 'finance', menu: '固定资产卡片', action: 'create' },
    });
    expect(duplicate.status).toBe(409);
    expect(await errorOf(duplicate)).toMatchObject({
      code: 'ERP_PERMISSIONS_FUNCTION_TAKEN',
      message: '该模块中已有菜单“固定资产卡片”的同一操作，不能重复添加 ERP 功能',
      details: [{ field: 'menu' }],
    });
    expect((await api.call('POST', `${base}/functions`, { cookie, body: { module: 'nope', menu: 'x', action: 'view' } })).status).toBe(400);
    response = await api.call('PATCH', `${base}/functions/${id}`, { cookie, body: { action: 'edit' } });
    matrix = await readJson<PermissionMatrixView>(response);
    expect(matrix.functions.find((f) => f.id === id)!.action).toBe('edit');
    response = await api.call('DELETE', `${base}/functions/${id}`, { cookie });
    matrix = await readJson<PermissionMatrixView>(response);
    expect(matrix.functions.some((f) => f.id === id)).toBe(false);
  });

  it('exports the workbook with the three sheets ERP admins configure from', async () => {
    const response = await api.call('GET', `${base}/export.xlsx`, { cookie });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(encodeURIComponent('权限矩阵'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['权限矩阵', '角色授权清单', '职责分离冲突']);
    const sheet1 = workbook.getWorksheet('权限矩阵')!;
    const header = sheet1.getRow(1).values as unknown[];
    expect(header.slice(1, 5)).toEqual(['模块', '菜单', '操作', '功能编码']);
    expect(String(header[5])).toContain('采购员');
    const supplierCreate = sheet1.getRows(2, sheet1.rowCount - 1)!.find((r) => r.getCell(4).value === 'PURCHASING.供应商档案.create');
    expect(supplierCreate!.getCell(5).value).toBe('本部门');
    const sheet2 = workbook.getWorksheet('角色授权清单')!;
    expect((sheet2.getRow(1).values as unknown[]).slice(1)).toEqual([
      '角色名称',
      '所属部门',
      '模块',
      '菜单',
      '操作',
      '功能编码',
      '数据范围',
      '数据范围编码',
    ]);
    expect(sheet2.rowCount - 1).toBe(matrix.grants.length);
    const sheet3 = workbook.getWorksheet('职责分离冲突')!;
    expect(sheet3.getRow(2).getCell(1).value).toBe('SOD-05');
    expect(String(sheet3.getRow(2).getCell(6).value)).toContain(
      '角色「出纳」同时拥有「付款单·新建」（全公司）和「银行对账·新建」（全公司）',
    );
    expect(sheet3.getRow(2).getCell(7).value).toBe('未解决');
  });

  it('imports the assessment roles not linked yet, once', async () => {
    const now = new Date().toISOString();
    const row = (department: string, name: string) => ({
      id: crypto.randomUUID(),
      project_id: projectId,
      department,
      name,
      kind: 'operator',
      headcount: 2,
      main_tasks: `${name}的日常工作`,
      current_systems: '[]',
      created_at: now,
      updated_at: now,
    });
    await api.db.kysely
      .insertInto('assessment_role')
      .values([row('采购部', '采购员'), row('仓储物流部', '仓库保管员')])
      .execute();
    const first = await api.call('POST', `${base}/roles/import-assessment`, { cookie });
    expect(first.status).toBe(200);
    const result = await readJson<{ created: number; matrix: PermissionMatrixView }>(first);
    expect(result.created).toBe(2);
    matrix = result.matrix;
    const imported = matrix.roles.filter((r) => r.assessmentRoleId !== null);
    // 采购员 already exists as a matrix role, so the import keeps both apart by department.
    expect(imported.map((r) => r.name).sort()).toEqual(['仓库保管员', '采购员（采购部）']);
    expect(imported.find((r) => r.name === '仓库保管员')!.description).toBe('仓库保管员的日常工作');
    const second = await readJson<{ created: number }>(await api.call('POST', `${base}/roles/import-assessment`, { cookie }));
    expect(second.created).toBe(0);
  });

  it('refuses writes to roles without the blueprint grants', async () => {
    const { cookie: viewerCookie } = await api.signUp('viewer@example.com');
    const { cookie: itCookie } = await api.signUp('it@example.com');
    for (const [email, role] of [
      ['viewer@example.com', 'viewer'],
      ['it@example.com', 'it'],
    ]) {
      const added = await api.call('POST', `/api/v1/projects/${projectId}/members`, {
        cookie,
        body: { name: role, projectRole: role, tier: 'member', accountEmail: email },
      });
      expect(added.status).toBe(201);
    }
    expect((await api.call('GET', base, { cookie: viewerCookie })).status).toBe(200);
    expect((await api.call('POST', `${base}/roles`, { cookie: viewerCookie, body: { name: 'x' } })).status).toBe(403);
    expect((await api.call('GET', `${base}/export.xlsx`, { cookie: viewerCookie })).status).toBe(403);
    const cell = `${base}/roles/${roleId('出纳')}/grants/${fn('收款单', 'view')}`;
    expect((await api.call('PUT', cell, { cookie: viewerCookie, body: { scope: 'own' } })).status).toBe(403);
    // IT builds the matrix (roles, grants) but does not delete roles.
    expect((await api.call('PUT', cell, { cookie: itCookie, body: { scope: 'own' } })).status).toBe(200);
    expect((await api.call('POST', `${base}/roles`, { cookie: itCookie, body: { name: '网管' } })).status).toBe(201);
    expect((await api.call('DELETE', `${base}/roles/${roleId('出纳')}`, { cookie: itCookie })).status).toBe(403);
  });
});

describeEachDialect('permission matrix demo content', (dialect) => {
  let api: TestApi;

  beforeAll(async () => {
    api = await createTestApi(dialect);
  });
  afterAll(() => api.close());

  describe('insertDemoPermissionMatrix', () => {
    it('gives ten roles, realistic grants and exactly one open SoD conflict (采购员, SOD-01)', async () => {
      const { cookie } = await api.signUp('demo@example.com');
      const project = await api.call('POST', '/api/v1/projects', {
        cookie,
        body: { name: '演示', clientName: 'C', erpProduct: '金昌 ERP' },
      });
      const projectId = (await readJson<{ id: string }>(project)).id;
      await api.db.kysely.transaction().execute((tx) => insertDemoPermissionMatrix(tx, projectId, new Map()));
      const matrix = await readJson<PermissionMatrixView>(
        await api.call('GET', `/api/v1/projects/${projectId}/blueprint/permission-matrix`, { cookie }),
      );
      expect(matrix.roles).toHaveLength(10);
      expect(matrix.grants.length).toBeGreaterThan(60);
      expect(matrix.conflicts.open).toBe(1);
      const [conflict] = matrix.conflicts.items;
      expect(conflict).toMatchObject({ ruleCode: 'SOD-01', subjectName: '采购员', status: 'open' });
      expect(conflict!.explanation).toContain('角色「采购员」同时拥有「供应商档案·新建」');
    });
  });
});
