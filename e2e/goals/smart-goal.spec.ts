import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  addMember,
  chartTexts,
  createProject,
  fillDate,
  findChromium,
  pickOption,
  screenshot,
  setupE2E,
  signIn,
  type E2E,
  eventually,
} from '../support/browser';

const chromiumPath = findChromium();

describe.runIf(chromiumPath)('目标 goals: a SMART goal with KPI tracking', () => {
  let e2e: E2E;
  let page: Page;

  beforeAll(async () => {
    e2e = await setupE2E(chromiumPath as string);
    page = await e2e.newPage();
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('rejects a wrong password with the server message, then signs in', async () => {
    await page.goto('/projects');
    await page.waitForURL('**/login?next=*');
    await page.getByTestId('login-email').fill(e2e.server.admin.email);
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    await eventually(() => page.getByTestId('login-error').textContent()).toContain('邮箱或密码错误');
    await signIn(page, e2e.server);
  });

  it('shows the server field error when go-live is before the start date', async () => {
    await page.getByTestId('project-create').click();
    await page.getByTestId('project-name').fill('E2E 日期校验');
    await page.getByTestId('project-client').fill('金昌测试有限公司');
    await page.getByTestId('project-erp-product').fill('金昌 ERP');
    await fillDate(page, 'project-start', '2027-07-01');
    await fillDate(page, 'project-golive', '2027-06-30');
    await page.locator('#project-submit').click();
    const goLiveItem = page.locator('.ant-form-item').filter({ has: page.getByTestId('project-golive') });
    await eventually(() => goLiveItem.locator('.ant-form-item-explain-error').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('form-error').textContent()).toBeTruthy();
    await screenshot(page, 'platform-project-field-error');
    await page.keyboard.press('Escape');
  });

  it('creates a project and shows its dashboard', async () => {
    await createProject(page, {
      name: 'E2E 财务上线',
      client: '金昌测试有限公司',
      erp: '金昌 ERP',
      modules: ['财务'],
      goLive: '2027-06-30',
    });
    await eventually(() => page.getByTestId('header-project-name').textContent()).toContain('E2E 财务上线');
    await eventually(() => page.getByTestId('stat-goals').textContent()).toContain('0');
    // A goal owner must be a member of the team.
    await page.getByTestId('nav-team').click();
    await page.getByTestId('tab-members').click();
    await addMember(page, { name: '赵敏', department: '财务部', role: '业务专家', tier: '业务专家组' });
  });

  it('shows the SMART issues of a vague goal without KPI or deadline', async () => {
    await page.getByTestId('nav-goals').click();
    await page.getByTestId('goals-page').waitFor();
    await page.getByTestId('goal-create').click();
    await page.getByTestId('goal-statement').fill('提高效率');
    await page.locator('#goal-submit').click();
    const row = page.locator('[data-testid^="goal-row-"][data-statement="提高效率"]');
    await row.waitFor();
    await eventually(() => row.locator('[data-smart-ok]').getAttribute('data-smart-ok')).toBe('false');
    const codes = await row.getByTestId('smart-issue').evaluateAll((els) => els.map((el) => el.getAttribute('data-code')));
    expect(codes).toEqual(expect.arrayContaining(['no_kpi', 'no_deadline', 'no_owner']));
    // Every issue shows the server's message, not a code.
    const texts = await row.getByTestId('smart-issue').allTextContents();
    expect(texts.every((t) => t.trim().length > 3)).toBe(true);
    await screenshot(page, 'goals-smart-issues');
  });

  it('passes SMART once fixed', async () => {
    const row = page.locator('[data-testid^="goal-row-"][data-statement="提高效率"]');
    await row.getByTestId('goal-edit').click();
    await page.getByTestId('goal-statement').fill('6个月内月度结账时间从7天缩短至3天');
    await page.getByTestId('goal-kpi-name').fill('月度结账天数');
    await page.getByTestId('goal-kpi-unit').fill('天');
    await page.getByTestId('goal-baseline').fill('7');
    await page.getByTestId('goal-target').fill('3');
    await page.locator('[data-testid="goal-direction"] label', { hasText: '越低越好' }).click();
    await fillDate(page, 'goal-deadline', '2027-06-30');
    await page.getByTestId('goal-owner').click();
    await pickOption(page, '赵敏（财务部）');
    await page.getByTestId('goal-module').click();
    await pickOption(page, '财务');
    await page.locator('#goal-submit').click();
    const fixed = page.locator('[data-testid^="goal-row-"][data-statement="6个月内月度结账时间从7天缩短至3天"]');
    await fixed.waitFor();
    await eventually(() => fixed.locator('[data-smart-ok]').getAttribute('data-smart-ok')).toBe('true');
    expect(await fixed.getByTestId('smart-issue').count()).toBe(0);
  });

  it('records KPI values and draws the chart', async () => {
    const row = page.locator('[data-testid^="goal-row-"][data-statement="6个月内月度结账时间从7天缩短至3天"]');
    await row.getByTestId('goal-open').click();
    const drawer = page.locator('.ant-drawer-open');
    await drawer.waitFor();
    for (const [date, value] of [
      ['2026-12-31', '6.5'],
      ['2027-01-31', '5'],
    ] as const) {
      await fillDate(page, 'measurement-date', date);
      await page.getByTestId('measurement-value').fill(value);
      const posted = page.waitForResponse((r) => r.url().includes('/measurements') && r.request().method() === 'POST');
      await page.getByTestId('measurement-add').click();
      expect((await posted).status()).toBe(201);
      await eventually(() => drawer.locator(`[data-testid="measurement-table"] td:text-is("${date}")`).count()).toBe(1);
    }
    // Progress from 7 towards 3 at 5 is 50 %.
    await eventually(() => page.getByTestId('goal-progress').textContent()).toContain('50%');
    const chart = page.locator('[data-testid="kpi-chart"] svg');
    await chart.first().waitFor();
    const box = await page.getByTestId('kpi-chart').boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(200);
    expect(box?.height ?? 0).toBeGreaterThan(100);
    // A daily KPI: the time axis shows days, never hours, and the unit label is drawn whole inside the chart.
    await eventually(async () => (await chartTexts(page, 'kpi-chart')).some((t) => /^\d{4}-\d{2}-\d{2}$/.test(t.text))).toBe(true);
    const texts = await chartTexts(page, 'kpi-chart');
    expect(texts.filter((t) => /\d{1,2}:\d{2}/.test(t.text)).map((t) => t.text)).toEqual([]);
    const unit = texts.find((t) => t.text === '天');
    expect(unit, texts.map((t) => t.text).join(' ')).toBeDefined();
    expect(unit!.x).toBeGreaterThanOrEqual(box!.x);
    expect(unit!.y).toBeGreaterThanOrEqual(box!.y);
    expect(unit!.x + unit!.width).toBeLessThanOrEqual(box!.x + box!.width);
    await screenshot(page, 'goals-kpi-chart');
    expect(e2e.pageErrors).toEqual([]);
  });

  it('deletes the project only after its name is typed', async () => {
    await page.keyboard.press('Escape');
    await page.getByTestId('tab-info').click();
    const confirm = page.getByTestId('project-delete-confirm');
    await confirm.waitFor();
    expect(await confirm.isDisabled()).toBe(true);
    await page.getByTestId('project-delete-name').fill('E2E 财务上线');
    await eventually(() => confirm.isDisabled()).toBe(false);
    await confirm.click();
    await page.waitForURL(/\/projects$/);
    await eventually(() => page.getByText('E2E 财务上线').count()).toBe(0);
    expect(e2e.pageErrors).toEqual([]);
  });
});
