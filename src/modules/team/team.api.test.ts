import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/db-harness';
import { createTestApi, readJson, type TestApi } from '../../../test/api-harness';
import type { MemberView, RaciView, StakeholderView } from './team.schema';

describeEachDialect('team API', (dialect) => {
  let api: TestApi;
  let cookie: string;
  let projectId: string;
  const base = () => `/api/v1/projects/${projectId}`;

  beforeAll(async () => {
    api = await createTestApi(dialect);
    cookie = (await api.signUp('pm@example.com')).cookie;
    projectId = (
      await readJson<{ id: string }>(
        await api.call('POST', '/api/v1/projects', { cookie, body: { name: 'T', clientName: '客户', erpProduct: 'E' } }),
      )
    ).id;
  });
  afterAll(() => api.close());

  it('adds members, and a linked account gets the member project role', async () => {
    await api.signUp('expert@example.com');
    const response = await api.call('POST', `${base()}/members`, {
      cookie,
      body: {
        name: '赵敏',
        department: '财务部',
        projectRole: 'business_expert',
        tier: 'expert',
        allocationPct: 60,
        accountEmail: 'expert@example.com',
      },
    });
    expect(response.status).toBe(201);
    const member = await readJson<MemberView>(response);
    expect(member.accountEmail).toBe('expert@example.com');
    const login = await api.call('POST', '/api/v1/auth/login', { body: { email: 'expert@example.com', password: 'correct-horse-9' } });
    const expertCookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const access = await readJson<{ role: string; allowed: string[] }>(await api.call('GET', `${base()}/access`, { cookie: expertCookie }));
    expect(access.role).toBe('business_expert');
    expect(access.allowed).toContain('kpi:create');
    expect(access.allowed).not.toContain('member:create');
  });

  it('refuses to link an unknown account, naming the field', async () => {
    const response = await api.call('POST', `${base()}/members`, {
      cookie,
      body: { name: 'X', projectRole: 'viewer', tier: 'member', accountEmail: 'ghost@example.com' },
    });
    expect(response.status).toBe(400);
    expect((await readJson<{ error: { code: string; message: string; details: { field: string }[] } }>(response)).error).toMatchObject({
      code: 'TEAM_ACCOUNT_EMAIL_UNKNOWN',
      message: '没有使用该电子邮件的登录账号：“ghost@example.com”',
      details: [{ field: 'accountEmail' }],
    });
  });

  it('keeps exactly one Accountable per deliverable', async () => {
    const raci = await readJson<RaciView>(await api.call('GET', `${base()}/raci`, { cookie }));
    const [m1, m2] = raci.members;
    const deliverable = raci.deliverables[0]!;
    expect(raci.issues.some((i) => i.deliverableId === deliverable.id && i.code === 'no_accountable')).toBe(true);
    const first = await api.call('PUT', `${base()}/raci`, {
      cookie,
      body: { deliverableId: deliverable.id, memberId: m1!.id, letter: 'A' },
    });
    expect(first.status).toBe(200);
    expect((await readJson<RaciView>(first)).issues.some((i) => i.deliverableId === deliverable.id)).toBe(false);
    const second = await api.call('PUT', `${base()}/raci`, {
      cookie,
      headers: { 'accept-language': 'zh-CN' },
      body: { deliverableId: deliverable.id, memberId: m2!.id, letter: 'A' },
    });
    expect(second.status).toBe(409);
    const error = await readJson<{ error: { code: string; message: string } }>(second);
    expect(error.error.code).toBe('RACI_DUPLICATE_ACCOUNTABLE');
    expect(error.error.message).toContain(m1!.name);
    // Moving A: clear it first, then give it to the other member.
    await api.call('PUT', `${base()}/raci`, { cookie, body: { deliverableId: deliverable.id, memberId: m1!.id, letter: 'R' } });
    const moved = await api.call('PUT', `${base()}/raci`, {
      cookie,
      body: { deliverableId: deliverable.id, memberId: m2!.id, letter: 'A' },
    });
    expect(moved.status).toBe(200);
    const cells = (await readJson<RaciView>(moved)).assignments.filter((a) => a.deliverableId === deliverable.id);
    expect(cells).toEqual(
      expect.arrayContaining([
        { deliverableId: deliverable.id, memberId: m1!.id, letter: 'R' },
        { deliverableId: deliverable.id, memberId: m2!.id, letter: 'A' },
      ]),
    );
  });

  it('refuses to remove the last signed-in project manager', async () => {
    const members = await readJson<{ items: MemberView[] }>(await api.call('GET', `${base()}/members`, { cookie }));
    const pm = members.items.find((m) => m.projectRole === 'project_manager')!;
    const response = await api.call('DELETE', `${base()}/members/${pm.id}`, { cookie });
    expect(response.status).toBe(409);
    expect((await readJson<{ error: { code: string; message: string } }>(response)).error).toMatchObject({
      code: 'TEAM_LAST_PROJECT_MANAGER',
      message: '项目必须至少保留一名有登录账号的项目经理',
    });
    expect((await readJson<{ items: MemberView[] }>(await api.call('GET', `${base()}/members`, { cookie }))).items).toHaveLength(
      members.items.length,
    );
  });

  it('tracks stakeholder support over time', async () => {
    const created = await readJson<StakeholderView>(
      await api.call('POST', `${base()}/stakeholders`, {
        cookie,
        body: { name: '生产部经理', influence: 4, support: 2, assessedOn: '2026-09-05' },
      }),
    );
    const updated = await readJson<StakeholderView>(
      await api.call('POST', `${base()}/stakeholders/${created.id}/assessments`, {
        cookie,
        body: { assessedOn: '2026-11-18', support: 3, note: '演示后缓和' },
      }),
    );
    expect(updated.support).toBe(3);
    expect(updated.history.map((h) => [h.assessedOn, h.support])).toEqual([
      ['2026-09-05', 2],
      ['2026-11-18', 3],
    ]);
  });

  it('exports members and RACI to Excel with Chinese headers', async () => {
    const response = await api.call('GET', `${base()}/team/export.xlsx`, { cookie });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const members = workbook.getWorksheet('项目成员')!;
    expect(members.getRow(1).values).toEqual(expect.arrayContaining(['姓名', '部门', '项目角色', '投入比例（%）']));
    expect(members.getRow(3).getCell(1).value).toBe('赵敏');
    expect(members.getRow(3).getCell(6).value).toBe('业务专家');
    const raci = workbook.getWorksheet('RACI责任矩阵')!;
    expect(raci.getRow(1).getCell(2).value).toBe('交付物');
    expect(raci.getRow(2).getCell(1).value).toBe('目标');
  });
});
