import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApi, readJson, type TestApi } from '../../test/api-harness';
import { describeEachDialect } from '../../test/db-harness';
import type { Actor } from '../modules/access/access.service';
import type { ReportVersionView } from '../modules/assessment/report-version.service';
import type { BlueprintDiff } from '../modules/blueprint/blueprint-diff';
import type { VersionView } from '../modules/blueprint/blueprint-version.service';
import type { RunView, SpecView } from '../modules/cutover/cutover.schema';
import type { GoLiveView } from '../modules/go-live/go-live.schema';
import { DEMO_AR_SPEC, DEMO_BUSINESS_DATES, DEMO_STOCK_SPEC } from './demo-dual-run';
import { loadDemoProject } from './demo-project';
import { DEMO_EFFORT_CHANGE, DEMO_RESOLUTION_CHANGE } from './demo-versions';

interface HistoryView {
  trend: { businessDate: string; differencesTotal: number; unexplained: number; newCount: number; resolvedCount: number }[];
  exitCriterion: { met: boolean; streak: number; reasonCode: string; reason: string };
}

describeEachDialect('demo project history', (dialect) => {
  let api: TestApi;
  let cookie: string;
  let actor: Actor;
  let projectId: string;
  let loadSeconds: number;
  const base = () => `/api/v1/projects/${projectId}`;
  const get = async <T>(path: string): Promise<T> => {
    const response = await api.call('GET', `${base()}${path}`, { cookie });
    expect(response.status, path).toBe(200);
    return readJson<T>(response);
  };

  beforeAll(async () => {
    api = await createTestApi(dialect);
    ({ cookie, actor } = await api.signUp('admin@example.com', { isAdmin: true, name: '管理员' }));
    const started = performance.now();
    projectId = await loadDemoProject(api.db, actor);
    loadSeconds = (performance.now() - started) / 1000;
    console.log(`demo load on ${dialect}: ${loadSeconds.toFixed(2)} s`);
  }, 60_000);
  afterAll(() => api.close());

  it('loads in seconds', () => {
    // ~3.7 s on an idle 2-core machine (both dialects); the bound is loose because tests share the CPU.
    expect(loadSeconds).toBeLessThan(30);
  });

  it('has the current-state report V1 made from the assessment data', async () => {
    const versions = await get<{ items: ReportVersionView[] } | ReportVersionView[]>('/assessment/reports');
    const items = Array.isArray(versions) ? versions : versions.items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ label: 'V1', createdBy: '陈晓', locale: 'zh-CN' });
    expect(items[0]!.createdAt < '2026-11-01').toBe(true);
    expect(items[0]!.processCount).toBeGreaterThan(0);
    expect(items[0]!.bottleneckCount).toBeGreaterThan(0);
    expect(items[0]!.dataAssetCount).toBe(5);
  });

  it('has a signed blueprint V1 and an unsigned V2 whose diff shows the changes', async () => {
    const list = await get<{ items: VersionView[]; changedSinceLatest: boolean | null }>('/blueprint/versions');
    expect(list.items.map((v) => [v.label, v.status])).toEqual([
      ['V2', 'pending_signoff'],
      ['V1', 'approved'],
    ]);
    expect(list.changedSinceLatest).toBe(false);
    const [v2, v1] = list.items as [VersionView, VersionView];
    expect(v1.signoffs.map((s) => [s.side, s.signerName, s.memberRole])).toEqual([
      ['client', '王磊', 'project_manager'],
      ['implementer', '陈晓', 'consultant'],
    ]);
    expect(v1.signoffs.every((s) => s.signedAt < '2026-12-01')).toBe(true);
    expect(v1.approvedAt).toBe(v1.signoffs[1]!.signedAt);
    expect(v1.summary.conflicts).toBe(0);
    expect(v2.summary.conflicts).toBe(1);
    expect(v2.signoffs).toEqual([]);
    // V2 cannot be signed yet: the new custom development awaits approval, and the new SoD conflict.
    expect(v2.blockers.map((b) => b.kind).sort()).toEqual(['custom_unapproved', 'sod_conflict']);

    const diff = await get<BlueprintDiff>(`/blueprint/diff?from=${v1.id}&to=${v2.id}`);
    const changed = new Map(diff.requirements.changed.map((c) => [c.title, c.changes]));
    expect(changed.get(DEMO_RESOLUTION_CHANGE)).toEqual(
      expect.arrayContaining([{ field: 'resolution', before: 'configuration', after: 'custom_development' }]),
    );
    expect(changed.get(DEMO_EFFORT_CHANGE.title)).toEqual([{ field: 'effortDays', before: DEMO_EFFORT_CHANGE.v1, after: 3 }]);
    expect(diff.grants.removed.map((g) => [g.roleName, g.functionLabel])).toEqual([['仓管员', expect.stringContaining('物料档案')]]);
    expect(diff.grants.added.map((g) => [g.roleName, g.functionLabel])).toEqual([['采购员', expect.stringContaining('付款单')]]);
    expect(diff.requirements.added).toEqual([]);
    expect(diff.requirements.removed).toEqual([]);
  });

  it('has a week of scheduled dual-run history: one spec at its exit criterion, one not', async () => {
    const specs = (await get<{ items: SpecView[] }>('/reconcile/specs')).items;
    expect(specs.map((s) => s.name).sort()).toEqual([DEMO_AR_SPEC, DEMO_STOCK_SPEC].sort());
    const ar = specs.find((s) => s.name === DEMO_AR_SPEC)!;
    const stock = specs.find((s) => s.name === DEMO_STOCK_SPEC)!;

    const arRuns = (await get<{ items: RunView[] }>(`/reconcile/specs/${ar.id}/runs`)).items;
    expect(arRuns.map((r) => r.businessDate).sort()).toEqual(DEMO_BUSINESS_DATES);
    expect(arRuns.every((r) => r.status === 'succeeded' && r.trigger === 'schedule' && r.jobId !== null)).toBe(true);
    // Executed by the real job: each run's job succeeded.
    const job = await get<{ status: string; type: string }>(`/jobs/${arRuns[0]!.jobId}`);
    expect(job).toMatchObject({ status: 'succeeded', type: 'reconcile.run' });

    const arHistory = await get<HistoryView>(`/reconcile/specs/${ar.id}/history`);
    expect(arHistory.trend.map((t) => [t.businessDate, t.differencesTotal, t.unexplained])).toEqual([
      ['2026-11-26', 3, 1],
      ['2026-11-27', 3, 1],
      ['2026-11-30', 3, 1],
      ['2026-12-01', 1, 0],
      ['2026-12-02', 1, 0],
      ['2026-12-03', 1, 0],
      ['2026-12-04', 1, 0],
    ]);
    expect(arHistory.exitCriterion).toMatchObject({ met: true, streak: 4, reasonCode: 'met' });

    const stockHistory = await get<HistoryView>(`/reconcile/specs/${stock.id}/history`);
    expect(stockHistory.trend.map((t) => [t.businessDate, t.differencesTotal, t.unexplained])).toEqual([
      ['2026-11-26', 2, 0],
      ['2026-11-27', 2, 0],
      ['2026-11-30', 1, 0],
      ['2026-12-01', 1, 0],
      ['2026-12-02', 2, 1],
      ['2026-12-03', 3, 2],
      ['2026-12-04', 3, 2],
    ]);
    expect(stockHistory.exitCriterion).toMatchObject({ met: false, streak: 0, reasonCode: 'unexplained' });
    expect(stockHistory.exitCriterion.reason).toBe('未满足：2026-12-04 的对账还有 2 条未解释差异');

    // The explained difference that stays open all week, and the explanation carried over.
    const last = arRuns.find((r) => r.businessDate === '2026-12-04')!;
    const differences = await get<{ items: { keyText?: string; key?: unknown; explained: boolean; explanation: string | null }[] }>(
      `/reconcile/runs/${last.id}/differences`,
    );
    expect(differences.items).toHaveLength(1);
    expect(differences.items[0]).toMatchObject({ explained: true, explanation: expect.stringContaining('已注销客户') });
  });

  it('shows the go/no-go criteria with real states: what passes and what still fails', async () => {
    const view = await get<GoLiveView>('/go-live');
    const byCode = new Map(view.criteria.map((c) => [c.code, c]));
    expect(byCode.get('blueprint_approved')).toMatchObject({ status: 'fail', detail: 'V2 尚待双方签署。' });
    expect(byCode.get('migration_loaded')).toMatchObject({ status: 'pass', detail: expect.stringMatching(/^第 1 次正式迁移已完成/) });
    expect(byCode.get('dual_run_exit')).toMatchObject({ status: 'fail', detail: `未达到退出标准：${DEMO_STOCK_SPEC}。` });
    expect(byCode.get('checklist_complete')!.status).toBe('fail');
    expect(view.ready).toBe(false);
  });

  it('reloads idempotently: one demo project, the same history', async () => {
    const again = await loadDemoProject(api.db, actor);
    expect(again).not.toBe(projectId);
    const demos = await api.db.kysely.selectFrom('project').select('id').where('is_demo', '=', 1).execute();
    expect(demos.map((d) => d.id)).toEqual([again]);
    projectId = again;
    const specs = (await get<{ items: SpecView[] }>('/reconcile/specs')).items;
    expect(specs.map((s) => s.exitCriterion.met).sort()).toEqual([false, true]);
    const versions = await get<{ items: VersionView[] }>('/blueprint/versions');
    expect(versions.items.map((v) => v.status)).toEqual(['pending_signoff', 'approved']);
  }, 60_000);
});
