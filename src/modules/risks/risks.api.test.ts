import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApi, readJson, type TestApi } from '../../../test/api-harness';
import { describeEachDialect } from '../../../test/db-harness';
import { loadDemoProject } from '../../demo/demo-project';
import { recordMissingHealthSnapshots } from './health-snapshot-scheduler';
import type { HealthView, IndicatorView, RiskSettings, RiskView } from './risk.schema';

describeEachDialect('risks API', (dialect) => {
  let api: TestApi;
  let pm: string;
  let projectId: string;
  let demoId: string;
  let balanceProjectId: string;

  const path = (id: string, rest = '') => `/api/v1/projects/${id}${rest}`;
  const indicator = (health: HealthView, code: string): IndicatorView => {
    const found = health.dimensions.flatMap((d) => d.indicators).find((i) => i.code === code);
    if (!found) throw new Error(`no indicator ${code}`);
    return found;
  };

  beforeAll(async () => {
    api = await createTestApi(dialect);
    const admin = await api.signUp('admin@example.com', { isAdmin: true });
    pm = admin.cookie;
    projectId = await api.createProject(pm, '风险测试项目');
    demoId = await loadDemoProject(api.db, admin.actor);
  });
  afterAll(() => api.close());

  it('warns an empty project about its missing sponsor and goals, in the caller language', async () => {
    const response = await api.call('GET', path(projectId, '/health'), { cookie: pm });
    expect(response.status).toBe(200);
    const health = await readJson<HealthView>(response);
    expect(health.dimensions.map((d) => d.code)).toEqual([
      'executive_backing',
      'change_management',
      'customisation',
      'data_quality',
      'goals',
      'risk_register',
    ]);
    expect(indicator(health, 'executive_backing.sponsor_named').level).toBe('critical');
    expect(indicator(health, 'goals.defined').level).toBe('critical');
    expect(indicator(health, 'customisation.share').level).toBe('no_data');
    expect(indicator(health, 'data_quality.scores').level).toBe('no_data');
    // Dimensions without data do not count: backing 20 (w20), goals 20 (w15), register 100 (w15).
    expect(health.score).toBe(Math.round((20 * 20 + 20 * 15 + 100 * 15) / 50));
    expect(health.alerts.map((a) => a.code)).toEqual(['executive_backing.sponsor_named', 'goals.defined']);
    expect(health.history).toEqual([{ day: health.evaluatedOn, score: health.score }]);
    expect(indicator(health, 'goals.defined').message).toContain('尚未设定项目目标');
    const english = await readJson<HealthView>(
      await api.call('GET', path(projectId, '/health'), { cookie: pm, headers: { 'accept-language': 'en' } }),
    );
    expect(indicator(english, 'goals.defined').message).toContain('No project goal is set');
    expect(english.dimensions[0]!.countermeasure).toContain('executives take part in the key milestones');
  });

  it('reads the demo project: its customisation, data and stakeholder warnings and its register', async () => {
    const health = await readJson<HealthView>(await api.call('GET', path(demoId, '/health'), { cookie: pm }));
    const modulesOver = indicator(health, 'customisation.modules_over');
    expect(modulesOver.level).toBe('warning');
    expect(modulesOver.message).toContain('生产');
    expect(indicator(health, 'customisation.share').level).toBe('ok');
    const data = indicator(health, 'data_quality.scores');
    // 期初余额 leaves 贷方余额 blank in two rows of three (34.8 % of its cells are empty): it caps the
    // asset at 33, a critical data-quality warning. (The raw 客户档案 is judged by its cleaned derivative.)
    expect(data.level).toBe('critical');
    expect(data.value).toBe(33);
    expect(data.message).toContain('期初余额 33');
    expect(data.evidence.map((e) => e.label)).toContain('期初余额');
    expect(data.evidence.map((e) => e.label)).not.toContain('客户档案');
    expect(indicator(health, 'change_management.resistance').level).toBe('ok');
    const stale = indicator(health, 'change_management.stale_assessments');
    expect(stale.level).toBe('watch');
    expect(stale.riskCode).toBe('R-004');
    expect(indicator(health, 'executive_backing.sponsor_active').level).toBe('watch');
    // R-001 is high (16) but owned and mitigated; R-002 (12) is overdue since 2026-11-15.
    expect(indicator(health, 'risk_register.high_open').level).toBe('warning');
    expect(indicator(health, 'risk_register.overdue').level).toBe('warning');
    expect(health.score).toBeGreaterThan(0);
    expect(health.score).toBeLessThan(80);

    const register = await readJson<{ items: RiskView[] }>(await api.call('GET', path(demoId, '/risks'), { cookie: pm }));
    expect(register.items.map((r) => [r.code, r.score, r.level, r.overdue])).toEqual([
      ['R-001', 16, 'high', false],
      ['R-002', 12, 'medium', true],
      ['R-003', 10, 'medium', false],
      ['R-004', 12, 'medium', false],
      ['R-005', 15, 'high', false],
    ]);
  });

  it('rates data quality below 正常 when an asset misses a third of its opening balances', async () => {
    const id = await api.createProject(pm, '期初余额测试');
    balanceProjectId = id;
    // 23 accounts, 8 of them without an opening balance: 34.8 % missing in the amount column.
    const lines = ['科目编码,科目名称,期初余额'];
    for (let i = 0; i < 23; i++) lines.push(`${1001 + i},科目${i},${i % 3 === 0 ? '' : `${(i + 1) * 1000}.00`}`);
    const uploadId = await api.upload(pm, id, '期初余额.csv', `${lines.join('\n')}\n`);
    await api.jobs.start();
    const created = await api.call('POST', path(id, '/data-assets'), {
      cookie: pm,
      body: { name: '期初余额', storage: 'local', source: { type: 'upload', uploadId }, keyColumns: ['科目编码'] },
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const { asset, profileRun } = await readJson<{ asset: { id: string }; profileRun: { id: string } }>(created);
    for (let status = 'queued'; status === 'queued' || status === 'running';) {
      await new Promise((r) => setTimeout(r, 50));
      const run = await readJson<{ status: string; qualityScore: number | null }>(
        await api.call('GET', path(id, `/data-assets/${asset.id}/profile-runs/${profileRun.id}`), { cookie: pm }),
      );
      status = run.status;
      if (status === 'succeeded') expect(run.qualityScore).toBe(65);
    }
    const health = await readJson<HealthView>(await api.call('GET', path(id, '/health'), { cookie: pm }));
    const data = indicator(health, 'data_quality.scores');
    expect(data.value).toBe(65);
    expect(data.level).toBe('warning');
    const dimension = health.dimensions.find((d) => d.code === 'data_quality')!;
    expect(dimension.level).not.toBe('ok');
    expect(dimension.score).toBeLessThan(90);
  });

  it('registers a risk from an indicator, links it, closes it and reopens it', async () => {
    const created = await api.call('POST', path(demoId, '/risks'), {
      cookie: pm,
      body: {
        title: '生产模块定制开发超标',
        category: 'customisation',
        probability: 4,
        impact: 4,
        mitigation: '坚持最小可行产品原则，非核心定制移到二期',
        sourceIndicator: 'customisation.modules_over',
      },
    });
    expect(created.status).toBe(201);
    const risk = await readJson<RiskView>(created);
    expect(risk).toMatchObject({ code: 'R-006', score: 16, level: 'high', status: 'open', closedAt: null, ownerName: null });
    // The register names its source warning in words, never by its key.
    expect(risk.sourceIndicatorTitle).toBe('定制控制 · 超标模块');
    const inEnglish = await readJson<RiskView>(
      await api.call('GET', path(demoId, `/risks/${risk.id}`), { cookie: pm, headers: { 'Accept-Language': 'en' } }),
    );
    expect(inEnglish.sourceIndicatorTitle).toBe('Customisation control · Modules over the limit');
    expect(inEnglish.sourceIndicatorTitle).not.toContain('modules_over');
    let health = await readJson<HealthView>(await api.call('GET', path(demoId, '/health'), { cookie: pm }));
    expect(indicator(health, 'customisation.modules_over').riskCode).toBe('R-006');
    // A high risk without an owner is unmanaged: the register dimension turns critical.
    expect(indicator(health, 'risk_register.high_open').level).toBe('critical');

    const closed = await readJson<RiskView>(
      await api.call('PATCH', path(demoId, `/risks/${risk.id}`), { cookie: pm, body: { status: 'closed' } }),
    );
    expect(closed.closedAt).not.toBeNull();
    health = await readJson<HealthView>(await api.call('GET', path(demoId, '/health'), { cookie: pm }));
    expect(indicator(health, 'customisation.modules_over').riskCode).toBeNull();
    expect(indicator(health, 'risk_register.high_open').level).toBe('warning');
    const reopened = await readJson<RiskView>(
      await api.call('PATCH', path(demoId, `/risks/${risk.id}`), { cookie: pm, body: { status: 'mitigating' } }),
    );
    expect(reopened.closedAt).toBeNull();
    expect((await api.call('DELETE', path(demoId, `/risks/${risk.id}`), { cookie: pm })).status).toBe(200);
    expect((await api.call('GET', path(demoId, `/risks/${risk.id}`), { cookie: pm })).status).toBe(404);
  });

  it('names the field of bad input and writes nothing', async () => {
    const before = await readJson<{ items: RiskView[] }>(await api.call('GET', path(projectId, '/risks'), { cookie: pm }));
    const outOfRange = await api.call('POST', path(projectId, '/risks'), {
      cookie: pm,
      body: { title: 'x', category: 'schedule', probability: 6, impact: 3 },
    });
    expect(outOfRange.status).toBe(400);
    const body = await readJson<{ error: { code: string; details: { field: string }[] } }>(outOfRange);
    expect(body.error.details.map((d) => d.field)).toContain('probability');
    const stranger = await api.call('POST', path(projectId, '/risks'), {
      cookie: pm,
      body: { title: 'x', category: 'schedule', probability: 2, impact: 3, ownerMemberId: 'nobody' },
    });
    expect(stranger.status).toBe(400);
    expect((await readJson<{ error: { details: { field: string }[] } }>(stranger)).error.details[0]!.field).toBe('ownerMemberId');
    const unknownSource = await api.call('POST', path(projectId, '/risks'), {
      cookie: pm,
      body: { title: 'x', category: 'schedule', probability: 2, impact: 3, sourceIndicator: 'no.such_warning' },
    });
    expect(unknownSource.status).toBe(400);
    expect((await readJson<{ error: { details: { field: string }[] } }>(unknownSource)).error.details[0]!.field).toBe('sourceIndicator');
    const unreasoned = await api.call('POST', path(projectId, '/risks'), {
      cookie: pm,
      headers: { 'accept-language': 'en' },
      body: { title: 'x', category: 'schedule', probability: 2, impact: 3, status: 'accepted' },
    });
    expect(unreasoned.status).toBe(400);
    const reason = await readJson<{ error: { details: { field: string; reason: string }[] } }>(unreasoned);
    expect(reason.error.details[0]).toEqual({
      field: 'mitigation',
      reason: 'accepting a risk needs its reasoning (mitigation or contingency)',
    });
    const after = await readJson<{ items: RiskView[] }>(await api.call('GET', path(projectId, '/risks'), { cookie: pm }));
    expect(after.items).toHaveLength(before.items.length);
  });

  it('saves thresholds that change the evaluation, and refuses inconsistent ones', async () => {
    const settings = await readJson<RiskSettings>(await api.call('GET', path(demoId, '/health/settings'), { cookie: pm }));
    expect(settings.dataScoreWarn).toBe(80);
    const bad = await api.call('PUT', path(demoId, '/health/settings'), {
      cookie: pm,
      body: { ...settings, dataScoreWarn: 50, dataScoreCritical: 70 },
    });
    expect(bad.status).toBe(400);
    expect((await readJson<{ error: { details: { field: string }[] } }>(bad)).error.details[0]!.field).toBe('dataScoreCritical');
    const lenient = { ...settings, dataScoreWarn: 0, dataScoreCritical: 0, assessmentStaleDays: 365 };
    const saved = await api.call('PUT', path(demoId, '/health/settings'), { cookie: pm, body: lenient });
    expect(saved.status).toBe(200);
    const health = await readJson<HealthView>(await api.call('GET', path(demoId, '/health'), { cookie: pm }));
    expect(indicator(health, 'data_quality.scores').level).toBe('ok');
    expect(indicator(health, 'change_management.stale_assessments').level).toBe('ok');
    await api.call('PUT', path(demoId, '/health/settings'), { cookie: pm, body: settings });
  });

  it('keeps one snapshot per day and flags alerts that are new since the previous day', async () => {
    await api.db.kysely
      .insertInto('risk_health_snapshot')
      .values({
        project_id: demoId,
        day: '2026-01-01',
        score: 90,
        dimensions: '{}',
        alerts: '["data_quality.scores"]',
        created_at: '2026-01-01T00:00:00Z',
      })
      .execute();
    const health = await readJson<HealthView>(await api.call('GET', path(demoId, '/health'), { cookie: pm }));
    expect(health.history[0]).toEqual({ day: '2026-01-01', score: 90 });
    expect(health.history.filter((h) => h.day === health.evaluatedOn)).toHaveLength(1);
    expect(indicator(health, 'data_quality.scores').isNew).toBe(false);
    expect(indicator(health, 'customisation.modules_over').isNew).toBe(true);
  });

  it('exports the register and the warnings with Chinese headers', async () => {
    const response = await api.call('GET', path(demoId, '/risk-register.xlsx'), { cookie: pm });
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const register = workbook.getWorksheet('风险登记册')!;
    expect(register.getRow(1).getCell(1).value).toBe('编号');
    expect(register.getRow(2).getCell(2).value).toBe('关键用户培训时间不足');
    expect(register.getRow(3).getCell(13).value).toBe('是');
    const warnings = workbook.getWorksheet('预警')!;
    const messages: string[] = [];
    warnings.eachRow((row) => messages.push(String(row.getCell(4).value ?? '')));
    expect(messages.some((m) => m.includes('生产'))).toBe(true);
  });

  it('hides the risks from end users and lets business experts raise but not edit them', async () => {
    const roles = { end_user: 'eu@example.com', business_expert: 'be@example.com' } as const;
    const cookies: Record<string, string> = {};
    for (const [role, email] of Object.entries(roles)) {
      cookies[role] = (await api.signUp(email)).cookie;
      const member = await api.call('POST', path(demoId, '/members'), {
        cookie: pm,
        body: { name: role, projectRole: role, tier: 'member', accountEmail: email },
      });
      expect(member.status).toBe(201);
    }
    expect((await api.call('GET', path(demoId, '/health'), { cookie: cookies.end_user })).status).toBe(403);
    const raised = await api.call('POST', path(demoId, '/risks'), {
      cookie: cookies.business_expert,
      body: { title: '车间网络不稳定', category: 'technical', probability: 3, impact: 3 },
    });
    expect(raised.status).toBe(201);
    const risk = await readJson<RiskView>(raised);
    expect(
      (await api.call('PATCH', path(demoId, `/risks/${risk.id}`), { cookie: cookies.business_expert, body: { impact: 1 } })).status,
    ).toBe(403);
    expect((await api.call('PUT', path(demoId, '/health/settings'), { cookie: cookies.business_expert, body: {} })).status).toBe(403);
  });

  it('records the daily snapshot of every project that has none yet, once', async () => {
    const day = '2031-05-04';
    const first = await recordMissingHealthSnapshots(api.db, day);
    expect(new Set(first)).toEqual(new Set([projectId, demoId, balanceProjectId]));
    expect(await recordMissingHealthSnapshots(api.db, day)).toEqual([]);
    const rows = await api.db.kysely.selectFrom('risk_health_snapshot').select('project_id').where('day', '=', day).execute();
    expect(rows).toHaveLength(3);
  });
});
