import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createProject, eventually, findChromium, screenshot, setupE2E, signIn, type E2E } from '../support/browser';

const chromiumPath = findChromium();

/** Old and new system exports: C002's amount changed, C003 only in the old system, C004 only in the new one. */
const OLD_CSV = ['客户编号,客户名称,金额', 'C001,北京金昌贸易,1000.00', 'C002,上海华东机械,2500.50', 'C003,兰州西北物流,800.00', ''].join(
  '\n',
);
const NEW_CSV = [
  '客户编码,客户名称,价税合计',
  'C001,北京金昌贸易,1000.00',
  'C002,上海华东机械,2600.50',
  'C004,成都天府电子,1200.00',
  '',
].join('\n');

const stat = (page: Page, id: string) => page.getByTestId(`stat-${id}`).getAttribute('data-value');

describe.runIf(chromiumPath)('上线 cutover: 双轨运行 dual-run reconciliation', () => {
  let e2e: E2E;
  let page: Page;

  beforeAll(async () => {
    e2e = await setupE2E(chromiumPath as string);
    page = await e2e.newPage();
    await signIn(page, e2e.server);
    await createProject(page, { name: 'E2E 双轨运行项目', client: '金昌测试有限公司', erp: '金昌 ERP', modules: ['财务'] });
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('opens the cutover phase, whose other sections are marked as coming', async () => {
    expect(await page.getByTestId('nav-cutover').getAttribute('data-available')).toBe('true');
    expect(await page.getByTestId('nav-cutover-soon').count()).toBe(0);
    await page.getByTestId('nav-cutover').click();
    await page.getByTestId('spec-list-page').waitFor();
    for (const section of ['dual-run', 'migration', 'go-no-go']) {
      expect(await page.getByTestId(`cutover-nav-${section}`).getAttribute('data-available')).toBe('true');
    }
    expect(await page.getByTestId('cutover-nav-hypercare').getAttribute('data-available')).toBe('false');
    await page.getByTestId('cutover-nav-hypercare').click();
    await page.getByTestId('cutover-coming-hypercare').waitFor();
    await page.getByTestId('cutover-nav-dual-run').click();
    await page.getByTestId('spec-list-page').waitFor();
  });

  it('uploads both files from the spec editor and saves the spec with the suggested key and mapping', async () => {
    await page.getByTestId('spec-create').click();
    await page.getByTestId('spec-editor').waitFor();
    await page.getByTestId('spec-name').fill('客户余额');

    await page
      .getByTestId('source-left-file')
      .setInputFiles({ name: '旧系统-客户余额.csv', mimeType: 'text/csv', buffer: Buffer.from(OLD_CSV) });
    await eventually(() => page.getByTestId('source-left-upload').textContent()).toContain('旧系统-客户余额.csv');
    await page
      .getByTestId('source-right-file')
      .setInputFiles({ name: '新系统-客户余额.csv', mimeType: 'text/csv', buffer: Buffer.from(NEW_CSV) });
    await eventually(() => page.getByTestId('source-right-upload').textContent()).toContain('新系统-客户余额.csv');

    // Both sources chosen: the headers are read and the mapping suggested (Chinese synonyms).
    await page.locator('[data-testid="mapping-row"][data-left="客户编号"][data-right="客户编码"]').waitFor();
    await page.locator('[data-testid="mapping-row"][data-left="金额"][data-right="价税合计"]').waitFor();
    await page.locator('[data-testid="mapping-row"][data-left="客户名称"][data-right="客户名称"]').waitFor();
    await eventually(() => page.getByTestId('spec-key').textContent()).toContain('客户编号');
    expect(await page.getByTestId('spec-cron').locator('input').inputValue()).toBe('0 6 * * *');
    expect(await page.getByTestId('spec-exit-days').inputValue()).toBe('3');
    await screenshot(page, 'cutover-spec-editor');

    await page.getByTestId('spec-submit').click();
    await page.getByTestId('spec-detail').waitFor();
    await eventually(() => page.getByTestId('spec-title').textContent()).toBe('客户余额');
  });

  it('runs the spec and shows the summary numbers', async () => {
    await page.getByTestId('run-now').click();
    await page.locator('[data-testid="run-results"][data-status="succeeded"]').waitFor({ timeout: 30_000 });
    await eventually(() => stat(page, 'left-rows')).toBe('3');
    expect(await stat(page, 'right-rows')).toBe('3');
    expect(await stat(page, 'matched')).toBe('1');
    expect(await stat(page, 'changed')).toBe('1');
    expect(await stat(page, 'only-left')).toBe('1');
    expect(await stat(page, 'only-right')).toBe('1');
    expect(await stat(page, 'differences')).toBe('3');
    expect(await stat(page, 'unexplained')).toBe('3');
    expect(await page.locator('[data-testid="column-count"][data-column="金额"]').getAttribute('data-count')).toBe('1');
    await eventually(() => page.getByTestId('diff-row').count()).toBe(3);
    await screenshot(page, 'cutover-run-results');
  });

  it('shows the trend chart and the exit criterion in the history', async () => {
    await page.getByTestId('tab-history').click();
    await page.locator('[data-testid="trend-chart"] canvas').first().waitFor();
    await eventually(() => page.getByTestId('exit-criterion').getAttribute('data-met')).toBe('false');
    await eventually(() => page.locator('[data-testid^="run-row-"]').count()).toBe(1);
    await screenshot(page, 'cutover-history');
  });

  it('marks a difference explained with a reason, and the unexplained count drops', async () => {
    await page.getByTestId('tab-results').click();
    const changed = page.locator('[data-testid="diff-row"][data-key="C002"]');
    await changed.waitFor();
    expect(await changed.getAttribute('data-status')).toBe('changed');
    await changed.locator('.ant-checkbox-input').check();
    await page.getByTestId('diff-explain').click();
    await page.getByTestId('explain-reason').fill('新系统金额含税，属预期差异');
    await page.locator('#explain-submit').click();
    await eventually(() => stat(page, 'unexplained')).toBe('2');
    await eventually(() => changed.getAttribute('data-explained')).toBe('true');
    expect(await changed.textContent()).toContain('新系统金额含税');

    // The filter shows what is left to explain.
    await page.getByTestId('diff-filter-explained').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="未解释"]').click();
    await eventually(() => page.getByTestId('diff-table').getAttribute('data-total')).toBe('2');
    await screenshot(page, 'cutover-explained');

    // The list shows the last run's counts.
    await page.getByTestId('cutover-nav-dual-run').click();
    const row = page.locator('[data-testid^="spec-row-"][data-name="客户余额"]');
    await eventually(() => row.getByTestId('spec-last-run').textContent()).toContain('未解释 2 条');
    expect(e2e.pageErrors).toEqual([]);
  });
});
