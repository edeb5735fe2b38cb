import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eventually, fillDate, findChromium, pickOption, screenshot, setupE2E, signIn, type E2E } from '../support/browser';

const chromiumPath = findChromium();

interface GoLiveView {
  ready: boolean;
  criteria: { code: string; title: string; status: 'pass' | 'fail' }[];
  checks: { title: string; status: string }[];
  decisions: { decision: string; conditions: string }[];
}

const REASON = '蓝图 V2 尚未签署，库存数量双轨对账仍有未解释差异；待 V2 签署、库存对账连续 3 天无未解释差异后重新评审';

describe.runIf(chromiumPath)('上线 → 上线决策: readiness, checklist, a refused go and a recorded no-go in the demo project', () => {
  let e2e: E2E;
  let page: Page;
  let projectId: string;

  /** The go/no-go view as the server has it (same session as the page). */
  const goLive = async (): Promise<GoLiveView> => {
    const response = await page.request.get(`/api/v1/projects/${projectId}/go-live`);
    expect(response.status(), await response.text()).toBe(200);
    return (await response.json()) as GoLiveView;
  };
  const checkRow = (title: string) => page.locator(`[data-testid="check-row-${title}"]`);

  beforeAll(async () => {
    e2e = await setupE2E(chromiumPath as string);
    page = await e2e.newPage();
    await signIn(page, e2e.server);
    // The demo project (陇原精工, the admin is its PM) is loaded on first start.
    const projects = (await (await page.request.get('/api/v1/projects')).json()) as { items: { id: string; isDemo: boolean }[] };
    const demo = projects.items.find((p) => p.isDemo);
    expect(demo).toBeTruthy();
    projectId = demo!.id;
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('opens 上线 → 上线决策: not ready, the blueprint criterion fails', async () => {
    await page.goto(`/projects/${projectId}/overview`);
    await page.getByTestId('overview-page').waitFor();
    await page.getByTestId('nav-cutover').click();
    await page.getByTestId('cutover-page').waitFor();
    expect(await page.getByTestId('cutover-nav-go-no-go').getAttribute('data-available')).toBe('true');
    // 上线 opens on 双轨运行 (a redirect that can race an early click): click until 上线决策 is the route.
    await eventually(async () => {
      await page.getByTestId('cutover-nav-go-no-go').click();
      return new URL(page.url()).pathname.endsWith('/cutover/go-no-go');
    }).toBe(true);
    await page.getByTestId('go-no-go-page').waitFor();

    const banner = page.getByTestId('readiness-banner');
    await banner.waitFor();
    expect(await banner.getAttribute('data-ready')).toBe('false');
    expect(await banner.textContent()).toContain('尚不具备上线条件');

    const blueprint = page.getByTestId('criterion-blueprint_approved');
    expect(await blueprint.getAttribute('data-status')).toBe('fail');
    expect(await blueprint.textContent()).toContain('未通过');
    expect(await blueprint.textContent()).toContain('系统蓝图已签署');
    // The demo is mid-project: V1 signed, V2 not; master data loaded; 库存数量 not at its exit criterion.
    expect(await blueprint.textContent()).toContain('V2 尚待双方签署');
    expect(await page.getByTestId('criterion-migration_loaded').getAttribute('data-status')).toBe('pass');
    const dualRun = page.getByTestId('criterion-dual_run_exit');
    expect(await dualRun.getAttribute('data-status')).toBe('fail');
    expect(await dualRun.textContent()).toContain('库存数量（按物料与仓库）');
    expect(await blueprint.getByTestId('criterion-link-blueprint_approved').getAttribute('href')).toBe(
      `/projects/${projectId}/blueprint/versions`,
    );

    // The demo's default checklist is there.
    await eventually(() => page.locator('[data-testid^="check-row-"]').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('add-check').count()).toBe(1);
    expect(await page.getByTestId('add-template').count()).toBe(1);
    await screenshot(page, 'go-no-go-readiness');
  });

  it('sets a checklist item to 通过, which persists after a reload', async () => {
    const title = await page.locator('[data-testid^="check-row-"][data-status="pending"]').first().getAttribute('data-title');
    expect(title).toBeTruthy();
    await page.getByTestId(`check-status-${title!}`).click();
    await pickOption(page, '通过');
    await eventually(() => checkRow(title!).getAttribute('data-status')).toBe('pass');

    await page.reload();
    await page.getByTestId('go-no-go-page').waitFor();
    await eventually(() => checkRow(title!).getAttribute('data-status')).toBe('pass');
    expect(await page.getByTestId(`check-status-${title!}`).textContent()).toContain('通过');
    expect((await goLive()).checks.find((c) => c.title === title)?.status).toBe('pass');
  });

  it('refuses 上线 while not ready, naming the failing criteria, and records nothing', async () => {
    const form = page.getByTestId('decision-form');
    await form.waitFor();
    await page.getByTestId('decision-option-go').click();
    await page.getByTestId('decision-not-ready').waitFor();
    await fillDate(page, 'decision-date', '2027-03-01');
    await page.getByTestId('decision-submit').click();

    const error = page.getByTestId('decision-error');
    await error.waitFor();
    const view = await goLive();
    const failing = view.criteria.filter((c) => c.status === 'fail');
    expect(failing.map((c) => c.code)).toContain('blueprint_approved');
    const listed = await page
      .locator('[data-testid^="decision-failing-"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')?.replace('decision-failing-', '')));
    expect(listed.sort()).toEqual(failing.map((c) => c.code).sort());
    expect(await page.getByTestId('decision-failing-blueprint_approved').textContent()).toContain('系统蓝图已签署');
    await screenshot(page, 'go-no-go-refused');

    expect(view.decisions).toEqual([]);
    expect(await page.getByTestId('decision-history').getAttribute('data-count')).toBe('0');
  });

  it('records 暂缓上线 with its reason, shown in the history with the criteria of the day', async () => {
    await page.getByTestId('decision-option-no_go').click();
    // The previous refusal is cleared, the label asks for reasons and a no-go has no date.
    await eventually(() => page.getByTestId('decision-error').count()).toBe(0);
    expect(await page.getByTestId('decision-form').textContent()).toContain('暂缓原因');
    expect(await page.getByTestId('decision-date').count()).toBe(0);
    await page.getByTestId('decision-conditions').fill(REASON);
    await page.getByTestId('decision-submit').click();

    const history = page.getByTestId('decision-history');
    await eventually(() => history.getAttribute('data-count')).toBe('1');
    const entry = page.locator('[data-testid^="decision-entry-"]').first();
    expect(await entry.getAttribute('data-decision')).toBe('no_go');
    expect(await entry.textContent()).toContain('暂缓上线');
    expect(await entry.textContent()).toContain(REASON);
    expect(await entry.textContent()).toContain(e2e.server.admin.name);

    // The snapshot keeps the criteria as they stood.
    await entry.locator('.ant-table-row-expand-icon').click();
    await eventually(() => page.getByTestId('snapshot-blueprint_approved').getAttribute('data-status')).toBe('fail');
    await eventually(() => page.getByTestId('readiness-banner').textContent()).toContain('最近决策：暂缓上线');
    await screenshot(page, 'go-no-go-history');

    const view = await goLive();
    expect(view.decisions.map((d) => [d.decision, d.conditions])).toEqual([['no_go', REASON]]);
    expect(e2e.pageErrors).toEqual([]);
  });
});
