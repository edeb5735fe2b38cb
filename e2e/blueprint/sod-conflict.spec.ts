import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eventually, findChromium, screenshot, setupE2E, signIn, type E2E } from '../support/browser';

const chromiumPath = findChromium();

describe.runIf(chromiumPath)('蓝图 权限矩阵: find and resolve an SoD conflict in the demo project', () => {
  let e2e: E2E;
  let page: Page;

  beforeAll(async () => {
    e2e = await setupE2E(chromiumPath as string);
    page = await e2e.newPage();
  });

  afterAll(async () => {
    await e2e?.close();
  });

  const openConflicts = () => page.locator('[data-testid="sod-conflict"][data-status="open"]');
  const cell = (role: string, menu: string, action: string) =>
    page.locator(`[data-testid="pm-cell"][data-role="${role}"][data-menu="${menu}"][data-action="${action}"]`);

  it('opens 蓝图 → 权限矩阵 of the demo project', async () => {
    await signIn(page, e2e.server);
    // The demo project is loaded on first start.
    await page.locator('[data-testid^="project-link-"]').first().click();
    await page.getByTestId('overview-page').waitFor();
    await page.getByTestId('nav-blueprint').click();
    // 蓝图 opens on its first section (a redirect that can race an early click): click until 权限矩阵 is the route.
    await eventually(async () => {
      await page.getByTestId('blueprint-nav-permissions').click();
      return new URL(page.url()).pathname.endsWith('/blueprint/permissions');
    }).toBe(true);
    await page.getByTestId('permission-matrix-section').waitFor({ timeout: 60_000 });
    await page.getByTestId('pm-grid').waitFor({ timeout: 60_000 });
    // antd repeats header cells for column measuring: count distinct roles.
    const roles = await page.locator('[data-testid="pm-role-header"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-role')));
    expect(new Set(roles).size).toBe(10);
  });

  it('shows the one conflict, explained, with its two cells highlighted', async () => {
    await eventually(() => openConflicts().count()).toBe(1);
    const conflict = openConflicts().first();
    expect(await conflict.getAttribute('data-rule')).toBe('SOD-01');
    const explanation = await conflict.getByTestId('sod-conflict-explanation').textContent();
    expect(explanation).toContain('角色「采购员」同时拥有「供应商档案·新建」');
    expect(explanation).toContain('「付款单·审批」');
    expect(explanation).toContain('规则 SOD-01：可虚构供应商并付款');
    expect(await page.getByTestId('sod-open-count').getAttribute('data-count')).toBe('1');
    expect(await page.locator('[data-testid="pm-cell"][data-conflict="open"]').count()).toBe(2);
    expect(await cell('采购员', '付款单', 'approve').getAttribute('data-conflict')).toBe('open');
    await screenshot(page, 'blueprint-sod-conflict');
  });

  it('resolves it by removing the grant and sees zero conflicts', async () => {
    await openConflicts().first().getByTestId('sod-remove-grant').click();
    await page.locator('[data-testid="remove-grant-option"][data-role="采购员"][data-menu="付款单"][data-action="approve"]').click();
    await page.getByTestId('sod-no-conflicts').waitFor();
    expect(await openConflicts().count()).toBe(0);
    expect(await page.getByTestId('sod-open-count').getAttribute('data-count')).toBe('0');
    await eventually(() => cell('采购员', '付款单', 'approve').getAttribute('data-scope')).toBe('');
    expect(await page.locator('[data-testid="pm-cell"][data-conflict="open"]').count()).toBe(0);

    // The change is stored: after a reload the matrix still has no conflict.
    await page.reload();
    await page.getByTestId('pm-grid').waitFor({ timeout: 60_000 });
    await page.getByTestId('sod-no-conflicts').waitFor();
    await screenshot(page, 'blueprint-sod-resolved');
  });

  it('sets a cell scope from the grid, which creates a conflict again', async () => {
    await cell('采购员', '付款单', 'approve').selectOption('company');
    await eventually(() => openConflicts().count()).toBe(1);
    expect(await cell('采购员', '付款单', 'approve').getAttribute('data-scope')).toBe('company');
    await cell('采购员', '付款单', 'approve').selectOption('');
    await page.getByTestId('sod-no-conflicts').waitFor();
  });
});
