import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/db-harness';
import { createTestApi, readJson, type TestApi } from '../../../test/api-harness';
import type { GoalView, RoiView } from './goal.schema';

describeEachDialect('goals API', (dialect) => {
  let api: TestApi;
  let cookie: string;
  let projectId: string;
  let ownerId: string;

  beforeAll(async () => {
    api = await createTestApi(dialect);
    cookie = (await api.signUp('pm@example.com')).cookie;
    const project = await api.call('POST', '/api/v1/projects', {
      cookie,
      body: {
        name: '试点项目',
        clientName: '客户',
        erpProduct: '金昌 ERP',
        modulesInScope: ['finance'],
        startDate: '2026-09-01',
        plannedGoLive: '2027-03-01',
      },
    });
    projectId = (await readJson<{ id: string }>(project)).id;
    const members = await readJson<{ items: { id: string }[] }>(await api.call('GET', `/api/v1/projects/${projectId}/members`, { cookie }));
    ownerId = members.items[0]!.id;
  });
  afterAll(() => api.close());

  it('creates a goal that fails the SMART check, then fixes it', async () => {
    const created = await api.call('POST', `/api/v1/projects/${projectId}/goals`, {
      cookie,
      headers: { 'accept-language': 'en' },
      body: { statement: '月末结账周期从7天缩短到3天' },
    });
    expect(created.status).toBe(201);
    const goal = await readJson<GoalView>(created);
    expect(goal.smart.ok).toBe(false);
    expect(goal.smart.issues.map((i) => i.code)).toEqual(['no_owner', 'no_kpi', 'no_baseline', 'no_target', 'no_module', 'no_deadline']);
    expect(goal.smart.issues.find((i) => i.code === 'no_kpi')!.message).toBe('No KPI name or unit: not measurable');

    const fixed = await api.call('PATCH', `/api/v1/projects/${projectId}/goals/${goal.id}`, {
      cookie,
      body: {
        kpiName: '结账天数',
        kpiUnit: '天',
        baseline: 7,
        target: 3,
        direction: 'decrease',
        deadline: '2027-03-31',
        ownerMemberId: ownerId,
        module: 'finance',
      },
    });
    expect(fixed.status).toBe(200);
    expect((await readJson<GoalView>(fixed)).smart).toEqual({ ok: true, issues: [] });
  });

  it('records KPI measurements and reports progress from the latest one', async () => {
    const goals = await readJson<{ items: GoalView[] }>(await api.call('GET', `/api/v1/projects/${projectId}/goals`, { cookie }));
    const goal = goals.items[0]!;
    for (const [measuredOn, value] of [
      ['2026-10-31', 6],
      ['2026-11-30', 5],
    ] as const) {
      const response = await api.call('POST', `/api/v1/projects/${projectId}/goals/${goal.id}/measurements`, {
        cookie,
        body: { measuredOn, value },
      });
      expect(response.status).toBe(201);
    }
    const list = await readJson<{ items: { value: number }[] }>(
      await api.call('GET', `/api/v1/projects/${projectId}/goals/${goal.id}/measurements`, { cookie }),
    );
    expect(list.items.map((m) => m.value)).toEqual([6, 5]);
    const updated = await readJson<GoalView>(await api.call('GET', `/api/v1/projects/${projectId}/goals/${goal.id}`, { cookie }));
    expect(updated.latestValue).toBe(5);
    expect(updated.progress).toBe(0.5);
  });

  it('refuses an owner from another project with a field error and writes nothing', async () => {
    const before = await readJson<{ items: unknown[] }>(await api.call('GET', `/api/v1/projects/${projectId}/goals`, { cookie }));
    const response = await api.call('POST', `/api/v1/projects/${projectId}/goals`, {
      cookie,
      body: { statement: 'x', ownerMemberId: 'nope' },
    });
    expect(response.status).toBe(400);
    const body = await readJson<{ error: { code: string; message: string; details: { field: string }[] } }>(response);
    expect(body.error.code).toBe('GOALS_OWNER_NOT_MEMBER');
    expect(body.error.message).toBe('目标负责人须是本项目的成员：“nope”不是');
    expect(body.error.details[0]!.field).toBe('ownerMemberId');
    const after = await readJson<{ items: unknown[] }>(await api.call('GET', `/api/v1/projects/${projectId}/goals`, { cookie }));
    expect(after.items).toHaveLength(before.items.length);
  });

  it('computes ROI from settings and items', async () => {
    await api.call('PUT', `/api/v1/projects/${projectId}/roi/settings`, {
      cookie,
      body: { horizonYears: 5, discountRate: 0.1, currency: 'CNY' },
    });
    await api.call('POST', `/api/v1/projects/${projectId}/roi/items`, {
      cookie,
      body: { kind: 'one_off_cost', label: '许可', amount: 1000 },
    });
    const response = await api.call('POST', `/api/v1/projects/${projectId}/roi/items`, {
      cookie,
      body: { kind: 'benefit', label: '节省', amount: 500 },
    });
    const roi = await readJson<RoiView>(response);
    expect(roi.result.paybackYears).toBe(2);
    expect(roi.result.roiPercent).toBe(150);
    expect(roi.result.npv).toBeCloseTo(-1000 + 500 * 3.790786769, 4);
    const item = roi.items.find((i) => i.kind === 'benefit')!;
    const afterDelete = await readJson<RoiView>(await api.call('DELETE', `/api/v1/projects/${projectId}/roi/items/${item.id}`, { cookie }));
    expect(afterDelete.result.paybackYears).toBeNull();
  });

  it('writes an audit record with before and after for a change', async () => {
    const goals = await readJson<{ items: GoalView[] }>(await api.call('GET', `/api/v1/projects/${projectId}/goals`, { cookie }));
    await api.call('PATCH', `/api/v1/projects/${projectId}/goals/${goals.items[0]!.id}`, { cookie, body: { target: 2 } });
    const audit = await readJson<{
      items: { entity: string; action: string; actorName: string; before: { target: number }; after: { target: number } }[];
    }>(await api.call('GET', `/api/v1/projects/${projectId}/audit?entity=goal`, { cookie }));
    const last = audit.items[0]!;
    expect(last).toMatchObject({ entity: 'goal', action: 'update', actorName: 'pm' });
    expect(last.before.target).toBe(3);
    expect(last.after.target).toBe(2);
  });

  it('serves the dashboard figures', async () => {
    const dashboard = await readJson<{
      goals: { total: number; smart: number };
      team: { members: number };
      raci: { deliverables: number };
    }>(await api.call('GET', `/api/v1/projects/${projectId}/dashboard`, { cookie }));
    expect(dashboard.goals.total).toBe(1);
    expect(dashboard.goals.smart).toBe(1);
    expect(dashboard.team.members).toBe(1);
    expect(dashboard.raci.deliverables).toBeGreaterThan(9);
  });
});
