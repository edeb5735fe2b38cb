import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createProject, eventually, findChromium, pickOption, screenshot, setupE2E, signIn, type E2E } from '../support/browser';

const chromiumPath = findChromium();

/** A customer master with the usual dirt: a duplicate customer, full-width digits, missing phones, padding. */
const DIRTY_CSV = [
  '客户编码,客户名称,联系电话,城市',
  'KH0001,兰州天马机械有限公司,13893100001,兰州',
  'KH0002,甘肃陇兴商贸有限公司,,天水',
  'KH0003, 白银恒达物资公司 ,１３８９３１００００３,白银',
  'KH0001,兰州天马机械有限公司,13893100001,兰州',
  'KH0005,酒泉新能源科技有限公司,,酒泉',
].join('\n');

describe.runIf(chromiumPath)('数据资产 data assets: register, profile, rules and cleansing', () => {
  let e2e: E2E;
  let page: Page;
  let projectId: string;

  beforeAll(async () => {
    e2e = await setupE2E(chromiumPath as string);
    page = await e2e.newPage();
    await signIn(page, e2e.server);
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('registers a dirty CSV by upload and profiles it automatically', async () => {
    projectId = await createProject(page, { name: 'E2E 数据资产', client: '陇原精工', erp: '金昌 ERP', modules: [] });
    await page.goto(`/projects/${projectId}/assessment/data-assets`);
    await page.getByTestId('data-asset-inventory').waitFor();
    await page.getByTestId('data-asset-register').click();
    await page.getByTestId('data-asset-file').setInputFiles({ name: '客户档案.csv', mimeType: 'text/csv', buffer: Buffer.from(DIRTY_CSV) });
    await eventually(() => page.getByTestId('data-asset-uploaded').textContent()).toContain('客户档案.csv');
    expect(await page.getByTestId('data-asset-name').inputValue()).toBe('客户档案');
    await page.getByTestId('data-asset-keys').click();
    await page.keyboard.type('客户编码');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.locator('#data-asset-register-submit').click();
    const row = page.getByTestId('data-asset-row-客户档案');
    await row.waitFor();
    await eventually(() => row.getByTestId('data-asset-status').getAttribute('data-status')).toBe('succeeded');
    await eventually(() => row.getByTestId('data-asset-score').textContent()).toMatch(/分/);
  });

  it('shows per-column cards with type, missing ratios, top values and patterns', async () => {
    await page.getByTestId('data-asset-row-客户档案').getByTestId('data-asset-link').click();
    await page.getByTestId('data-asset-detail').waitFor();
    const phone = page.getByTestId('column-card-联系电话');
    await phone.waitFor();
    await eventually(() => phone.textContent()).toContain('40.0%'); // 2 of 5 phones missing
    await eventually(() => page.getByTestId('column-card-客户编码').getByTestId('column-patterns').textContent()).toContain('AA9999');
    await eventually(() => page.getByTestId('profile-duplicates').textContent()).toContain('KH0001');
    expect(await page.getByTestId('column-card-客户编码').locator('canvas').count()).toBeGreaterThan(0);
    // The score explains itself: the formula, and the weakest important columns (客户编码 with 2 of 5 rows under a
    // repeated key, 联系电话 40 % missing: both 60) capping the asset below its weighted mean.
    const formula = page.getByTestId('quality-formula');
    await eventually(() => formula.textContent()).toContain('100 × 完整性 × 有效性 × 唯一性');
    await eventually(() => page.getByTestId('quality-formula-result').textContent()).toMatch(
      /加权平均 75\.4，被重要列「(客户编码|联系电话)」封顶为 60 分/,
    );
    expect(await page.getByTestId('quality-formula-columns').textContent()).toContain('60.0%');
    await screenshot(page, 'data-assets-profile');
  });

  it('adds a required rule, runs it and lists every failing row', async () => {
    await page.getByTestId('data-asset-tab-rules').click();
    await page.getByTestId('rules-tab').waitFor();
    await page.getByTestId('rule-add').click();
    await page.getByTestId('rule-column').click();
    await pickOption(page, '联系电话');
    await page.locator('#rule-add-ok').click();
    await eventually(() => page.getByTestId('rule-list').textContent()).toContain('联系电话');
    await page.getByTestId('rule-run').click();
    const failures = page.getByTestId('rule-failures');
    await failures.waitFor();
    await eventually(() => page.getByTestId('rule-outcomes').textContent()).toContain('2');
    await eventually(() => failures.locator('tbody tr.ant-table-row').count()).toBe(2);
    expect(await failures.textContent()).toContain('KH0005');
    expect(await failures.textContent()).toContain('为空');
    await screenshot(page, 'data-assets-rules');
  });

  it('previews a cleansing recipe with before/after counts and samples', async () => {
    await page.getByTestId('data-asset-tab-cleansing').click();
    await page.getByTestId('cleansing-tab').waitFor();
    await page.getByTestId('step-add').click();
    await page.getByTestId('step-kind').click();
    await pickOption(page, '全角转半角');
    await page.locator('#step-add-ok').click();
    await page.getByTestId('step-add').click();
    await page.getByTestId('step-kind').click();
    await pickOption(page, '去除首尾空格');
    await page.locator('#step-add-ok').click();
    await eventually(() => page.getByTestId('cleansing-steps').locator('tbody tr.ant-table-row').count()).toBe(2);
    await page.getByTestId('cleansing-preview-run').click();
    const preview = page.getByTestId('cleansing-preview');
    await preview.waitFor();
    await eventually(() => page.getByTestId('cleansing-changed-columns').textContent()).toContain('联系电话: 1');
    expect(await page.getByTestId('cleansing-changed-columns').textContent()).toContain('客户名称: 1');
    expect(await page.getByTestId('cleansing-samples').textContent()).toContain('13893100003');
    await screenshot(page, 'data-assets-cleansing');
  });

  it("shows the demo project's profiled data assets (loaded on first start)", async () => {
    const projects = (await (await page.request.get('/api/v1/projects')).json()) as { items: { id: string; name: string }[] };
    const demo = projects.items.find((p) => p.name.startsWith('陇原精工'));
    expect(demo).toBeTruthy();
    await page.goto(`/projects/${demo!.id}/assessment/data-assets`);
    const row = page.getByTestId('data-asset-row-客户档案');
    await row.waitFor();
    await eventually(() => row.getByTestId('data-asset-score').textContent()).toMatch(/分/);
    expect(await page.getByTestId('data-asset-table').locator('tbody tr.ant-table-row').count()).toBe(5);
    await screenshot(page, 'data-assets-demo-inventory');
    expect(e2e.pageErrors).toEqual([]);
  });
});
