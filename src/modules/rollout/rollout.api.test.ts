import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApi, readJson, type TestApi } from '../../../test/api-harness';
import { describeEachDialect } from '../../../test/db-harness';
import type { BaselineSummary, BaselineVarianceView, PlanView } from './plan.schema';
import type { WaveListView, WaveProposalView, WaveView } from './wave.schema';

type ErrorBody = { error: { code: string; message: string; details: { field: string; reason: string }[] } };

describeEachDialect('rollout API', (dialect) => {
  let api: TestApi;
  let pm: string;
  let projectId: string;
  const path = (rest: string) => `/api/v1/projects/${projectId}/rollout${rest}`;
  const byName = (plan: PlanView, name: string) => plan.tasks.find((t) => t.name === name)!;
  const dates = (plan: PlanView, name: string) => [byName(plan, name).start, byName(plan, name).finish];

  beforeAll(async () => {
    api = await createTestApi(dialect);
    pm = (await api.signUp('pm@example.com')).cookie;
    projectId = await api.createProject(pm);
  });
  afterAll(() => api.close());

  async function addTask(body: Record<string, unknown>): Promise<PlanView> {
    const response = await api.call('POST', path('/plan/tasks'), { cookie: pm, body });
    expect(response.status).toBe(201);
    return readJson<PlanView>(response);
  }
  async function link(predecessorId: string, successorId: string, type = 'FS', lagDays = 0): Promise<Response> {
    return api.call('POST', path('/plan/dependencies'), { cookie: pm, body: { predecessorId, successorId, type, lagDays } });
  }

  it('schedules on the Chinese calendar: National Day is skipped and the make-up Saturday is worked', async () => {
    const settings = await api.call('PUT', path('/plan/settings'), { cookie: pm, body: { startDate: '2026-09-28' } });
    expect(settings.status).toBe(200);
    const empty = await readJson<PlanView>(settings);
    expect(empty.calendar.holidays).toContainEqual({ date: '2026-10-01', name: '国庆节' });
    expect(empty.calendar.makeUpDays).toContainEqual({ date: '2026-10-10', name: '国庆节调休上班' });

    let plan = await addTask({ name: '阶段一：蓝图与配置', kind: 'task' });
    const phase = byName(plan, '阶段一：蓝图与配置').id;
    plan = await addTask({ name: '蓝图确认', durationDays: 3, parentId: phase });
    plan = await addTask({ name: '系统配置', durationDays: 5, parentId: phase });
    plan = await addTask({ name: '权限设置', durationDays: 2, parentId: phase });
    plan = await addTask({ name: '配置完成', kind: 'milestone' });
    const id = (name: string) => byName(plan, name).id;
    expect((await link(id('蓝图确认'), id('系统配置'))).status).toBe(201);
    expect((await link(id('蓝图确认'), id('权限设置'), 'SS', 1)).status).toBe(201);
    const last = await link(id('系统配置'), id('配置完成'));
    plan = await readJson<PlanView>(last);

    expect(dates(plan, '蓝图确认')).toEqual(['2026-09-28', '2026-09-30']);
    // 10-01…10-07 off, 10-10 (Saturday) worked: five days are 10-08, 10-09, 10-10, 10-12, 10-13.
    expect(dates(plan, '系统配置')).toEqual(['2026-10-08', '2026-10-13']);
    expect(dates(plan, '权限设置')).toEqual(['2026-09-29', '2026-09-30']);
    expect(dates(plan, '配置完成')).toEqual(['2026-10-13', '2026-10-13']);
    expect(byName(plan, '阶段一：蓝图与配置')).toMatchObject({ kind: 'summary', wbs: '1', start: '2026-09-28', finish: '2026-10-13' });
    expect(byName(plan, '系统配置')).toMatchObject({ wbs: '1.2', outlineLevel: 2, critical: true, totalFloat: 0 });
    expect(byName(plan, '权限设置')).toMatchObject({ critical: false, totalFloat: 5 });
    expect(plan.criticalPath).toEqual([2, 3, 5]);
    expect(plan.finishDate).toBe('2026-10-13');
    expect(plan.dependencies.find((d) => d.type === 'SS')).toMatchObject({
      predecessorUid: 2,
      successorUid: 4,
      lagDays: 1,
      critical: false,
    });
  });

  it('moves the critical path when a longer chain is linked in, and refuses a cycle naming it', async () => {
    let plan = await readJson<PlanView>(await api.call('GET', path('/plan'), { cookie: pm }));
    const id = (name: string) => byName(plan, name).id;
    plan = await addTask({ name: '数据准备', durationDays: 8 });
    plan = await readJson<PlanView>(await link(id('权限设置'), id('数据准备')));
    plan = await readJson<PlanView>(await link(id('数据准备'), id('配置完成')));
    // 8 working days from 10-08: 08, 09, 10, 12, 13, 14, 15, 16.
    expect(dates(plan, '数据准备')).toEqual(['2026-10-08', '2026-10-16']);
    expect(plan.criticalPath).toEqual([2, 4, 6, 5]);
    expect(byName(plan, '系统配置')).toMatchObject({ critical: false, totalFloat: 3, freeFloat: 3 });

    const cycle = await link(id('配置完成'), id('蓝图确认'));
    expect(cycle.status).toBe(409);
    const body = await readJson<ErrorBody>(cycle);
    expect(body.error.code).toBe('PLAN_CYCLE');
    expect(body.error.message).toMatch(/^任务依赖形成循环：#\d+ .+ → .+ → #\d+ /);
    expect(body.error.message).toContain('#5 配置完成');
    expect(body.error.message).toContain('#2 蓝图确认');

    const summary = await link(id('阶段一：蓝图与配置'), id('数据准备'));
    expect(summary.status).toBe(409);
    expect((await readJson<ErrorBody>(summary)).error).toMatchObject({
      code: 'PLAN_DEPENDENCY_SUMMARY',
      details: [{ field: 'predecessorId' }],
    });
    expect((await readJson<ErrorBody>(await link(id('数据准备'), id('配置完成')))).error.code).toBe('PLAN_DEPENDENCY_DUPLICATE');
    const self = await link(id('数据准备'), id('数据准备'));
    expect((await readJson<ErrorBody>(self)).error.message).toBe('任务不能依赖自身：#6 数据准备');
    // Nothing was written by the refused links.
    const after = await readJson<PlanView>(await api.call('GET', path('/plan'), { cookie: pm }));
    expect(after.dependencies).toHaveLength(5);
  });

  it('saves a baseline, reschedules the successors of a dragged task and reports the slip', async () => {
    const saved = await api.call('POST', path('/plan/baselines'), { cookie: pm, body: { name: '基线 1' } });
    expect(saved.status).toBe(201);
    const baseline = await readJson<BaselineSummary>(saved);
    expect(baseline).toMatchObject({ name: '基线 1', projectFinish: '2026-10-16', finishSlipDays: 0 });
    const again = await api.call('POST', path('/plan/baselines'), { cookie: pm, body: { name: '基线 1' } });
    expect((await readJson<ErrorBody>(again)).error.code).toBe('PLAN_BASELINE_NAME_TAKEN');

    let plan = await readJson<PlanView>(await api.call('GET', path('/plan'), { cookie: pm }));
    const drag = await api.call('PATCH', path(`/plan/tasks/${byName(plan, '蓝图确认').id}`), {
      cookie: pm,
      body: { constraintType: 'start_no_earlier_than', constraintDate: '2026-09-30' },
    });
    expect(drag.status).toBe(200);
    plan = await readJson<PlanView>(drag);
    expect(dates(plan, '蓝图确认')).toEqual(['2026-09-30', '2026-10-09']);
    expect(dates(plan, '权限设置')).toEqual(['2026-10-08', '2026-10-09']);
    expect(dates(plan, '数据准备')).toEqual(['2026-10-10', '2026-10-20']);
    expect(plan.finishDate).toBe('2026-10-20');
    expect(plan.baselines).toEqual([expect.objectContaining({ name: '基线 1', finishSlipDays: 2 })]);

    const variance = await readJson<BaselineVarianceView>(await api.call('GET', path(`/plan/baselines/${baseline.id}`), { cookie: pm }));
    const row = (name: string) => variance.tasks.find((t) => t.name === name)!;
    expect(row('蓝图确认')).toMatchObject({ baselineStart: '2026-09-28', start: '2026-09-30', startSlipDays: 2, status: 'slipped' });
    expect(row('配置完成')).toMatchObject({ baselineFinish: '2026-10-16', finish: '2026-10-20', finishSlipDays: 2 });

    plan = await addTask({ name: '上线准备', durationDays: 2 });
    const added = await readJson<BaselineVarianceView>(await api.call('GET', path(`/plan/baselines/${baseline.id}`), { cookie: pm }));
    expect(added.tasks.find((t) => t.name === '上线准备')).toMatchObject({ status: 'added', baselineStart: null });
    await api.call('DELETE', path(`/plan/tasks/${byName(plan, '上线准备').id}`), { cookie: pm });
  });

  it('names wrong calendar fields, flags an owner on leave, and checks task fields', async () => {
    const bad = await api.call('PUT', path('/plan/settings'), {
      cookie: pm,
      body: {
        calendar: {
          timeZone: 'Mars/Base',
          workingWeekdays: [1, 2, 3, 4, 5],
          workingHours: [{ start: '18:00', end: '09:00' }],
          holidays: [],
          makeUpDays: [],
        },
      },
    });
    expect(bad.status).toBe(400);
    const body = await readJson<ErrorBody>(bad);
    expect(body.error.code).toBe('PLAN_CALENDAR_INVALID');
    expect(body.error.details.map((d) => d.field)).toEqual(['calendar.timeZone', 'calendar.workingHours.0.end']);
    expect(body.error.details[0]!.reason).toBe('不是已知的时区名称（例如“Asia/Shanghai”）：“Mars/Base”');

    const members = await readJson<{ items: { id: string; name: string }[] }>(
      await api.call('GET', `/api/v1/projects/${projectId}/members`, { cookie: pm }),
    );
    const owner = members.items[0]!.id;
    let plan = await readJson<PlanView>(await api.call('GET', path('/plan'), { cookie: pm }));
    const task = byName(plan, '系统配置');
    await api.call('PATCH', path(`/plan/tasks/${task.id}`), { cookie: pm, body: { ownerMemberId: owner } });
    const leave = await api.call('POST', path('/plan/calendar-exceptions'), {
      cookie: pm,
      body: { memberId: owner, startDate: '2026-10-09', endDate: '2026-10-12', name: '年假' },
    });
    expect(leave.status).toBe(201);
    plan = await readJson<PlanView>(leave);
    // The task now runs 10-10…10-15: 10-09 is before it and 10-11 is a Sunday, so two days clash.
    expect(byName(plan, '系统配置')).toMatchObject({ ownerName: members.items[0]!.name, ownerLeaveDays: ['2026-10-10', '2026-10-12'] });

    const noDate = await api.call('PATCH', path(`/plan/tasks/${task.id}`), {
      cookie: pm,
      body: { constraintType: 'finish_no_later_than', constraintDate: null },
    });
    expect((await readJson<ErrorBody>(noDate)).error).toMatchObject({
      code: 'PLAN_CONSTRAINT_DATE_MISSING',
      details: [{ field: 'constraintDate' }],
    });
    const underMilestone = await api.call('PATCH', path(`/plan/tasks/${task.id}`), {
      cookie: pm,
      body: { parentId: byName(plan, '配置完成').id },
    });
    expect((await readJson<ErrorBody>(underMilestone)).error.code).toBe('PLAN_PARENT_INVALID');
    const linkedParent = await api.call('POST', path('/plan/tasks'), {
      cookie: pm,
      body: { name: '子任务', parentId: byName(plan, '数据准备').id },
    });
    expect((await readJson<ErrorBody>(linkedParent)).error.code).toBe('PLAN_SUMMARY_HAS_LINKS');
    const stranger = await api.call('PATCH', path(`/plan/tasks/${task.id}`), { cookie: pm, body: { ownerMemberId: 'nobody' } });
    expect(stranger.status).toBe(400);
  });

  it('keeps one pilot, orders waves and shows their milestones from the plan', async () => {
    const pilot = await api.call('POST', path('/waves'), {
      cookie: pm,
      body: {
        name: '试点：销售部',
        kind: 'pilot',
        departments: ['销售部'],
        modules: ['sales', 'crm'],
        plannedStart: '2026-09-28',
        goLiveDate: '2026-11-30',
      },
    });
    expect(pilot.status).toBe(201);
    const pilotView = await readJson<WaveView>(pilot);
    expect(pilotView).toMatchObject({ kind: 'pilot', sequence: 0, status: 'planned', taskCount: 0 });
    const second = await api.call('POST', path('/waves'), { cookie: pm, body: { name: '另一个试点', kind: 'pilot' } });
    expect((await readJson<ErrorBody>(second)).error).toMatchObject({
      code: 'ROLLOUT_PILOT_EXISTS',
      message: '项目已有试点批次“试点：销售部”：试点先行，只能有一个试点',
    });
    const backwards = await api.call('POST', path('/waves'), {
      cookie: pm,
      body: { name: '财务', plannedStart: '2027-01-10', goLiveDate: '2027-01-01' },
    });
    expect((await readJson<ErrorBody>(backwards)).error).toMatchObject({
      code: 'ROLLOUT_WAVE_DATES_ORDER',
      details: [{ field: 'goLiveDate' }],
    });
    expect((await api.call('POST', path('/waves'), { cookie: pm, body: { name: '第 1 批：财务部', modules: ['finance'] } })).status).toBe(
      201,
    );

    const plan = await readJson<PlanView>(await api.call('GET', path('/plan'), { cookie: pm }));
    await api.call('PATCH', path(`/plan/tasks/${byName(plan, '配置完成').id}`), { cookie: pm, body: { waveId: pilotView.id } });
    const waves = await readJson<WaveListView>(await api.call('GET', path('/waves'), { cookie: pm }));
    expect(waves.waves.map((w) => [w.name, w.sequence])).toEqual([
      ['试点：销售部', 0],
      ['第 1 批：财务部', 1],
    ]);
    expect(waves.waves[0]).toMatchObject({ taskCount: 1, milestones: [{ name: '配置完成', date: '2026-10-20' }] });

    await api.call('DELETE', path(`/waves/${pilotView.id}`), { cookie: pm });
    const unassigned = await readJson<PlanView>(await api.call('GET', path('/plan'), { cookie: pm }));
    expect(byName(unassigned, '配置完成').waveId).toBeNull();
  });

  it('proposes waves from the assessment and says what is missing', async () => {
    const proposal = await readJson<WaveProposalView>(await api.call('GET', path('/waves/proposal'), { cookie: pm }));
    expect(proposal.waves).toEqual([]);
    expect(proposal.warnings).toHaveLength(2);
    expect(proposal.warnings[0]).toMatch(/^项目还没有设置实施范围/);
  });

  it('lets end users read the plan but not change it', async () => {
    const user = await api.signUp('operator@example.com');
    const added = await api.call('POST', `/api/v1/projects/${projectId}/members`, {
      cookie: pm,
      body: { name: '操作员', projectRole: 'end_user', tier: 'member', accountEmail: 'operator@example.com' },
    });
    expect(added.status).toBe(201);
    expect((await api.call('GET', path('/plan'), { cookie: user.cookie })).status).toBe(200);
    const refused = await api.call('POST', path('/plan/tasks'), { cookie: user.cookie, body: { name: 'x' } });
    expect(refused.status).toBe(403);
    expect((await api.call('GET', path('/waves'), { cookie: user.cookie })).status).toBe(403);
  });
});
