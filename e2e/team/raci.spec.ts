import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addMember, createProject, findChromium, screenshot, setupE2E, signIn, type E2E, eventually } from '../support/browser';

const chromiumPath = findChromium();

describe.runIf(chromiumPath)('团队 team: RACI with exactly one A per deliverable', () => {
  let e2e: E2E;
  let page: Page;

  beforeAll(async () => {
    e2e = await setupE2E(chromiumPath as string);
    page = await e2e.newPage();
    await signIn(page, e2e.server);
    await createProject(page, {
      name: 'E2E RACI 项目',
      client: '金昌测试有限公司',
      erp: '金昌 ERP',
      modules: ['采购', '库存'],
    });
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('adds members, who appear in the governance view', async () => {
    await page.getByTestId('nav-team').click();
    await page.getByTestId('team-page').waitFor();
    await page.getByTestId('tab-members').click();
    await addMember(page, { name: '钱伟', department: '信息部', role: '项目经理', tier: '项目管理办公室' });
    await addMember(page, { name: '孙丽', department: '采购部', role: '业务专家', tier: '业务专家组' });
    await page.getByTestId('tab-governance').click();
    await eventually(() => page.getByTestId('tier-pmo').textContent()).toContain('钱伟');
    await eventually(() => page.getByTestId('tier-expert').textContent()).toContain('孙丽');
  });

  it('sets RACI cells and refuses a second A with the server message', async () => {
    await page.getByTestId('tab-raci').click();
    await page.getByTestId('raci-grid').waitFor();
    await page.getByTestId('deliverable-name').fill('E2E 交付物');
    await page.getByTestId('deliverable-add').click();
    const row = page.locator('[data-testid^="raci-row-"][data-name="E2E 交付物"]');
    await row.waitFor();
    const deliverableId = ((await row.getAttribute('data-testid')) ?? '').replace('raci-row-', '');
    const issue = page.locator(`[data-testid="raci-issue"][data-deliverable="${deliverableId}"][data-code="no_accountable"]`);
    await eventually(() => issue.count()).toBe(1);

    const qian = row.locator('select[data-member="钱伟"]');
    const sun = row.locator('select[data-member="孙丽"]');
    await qian.selectOption('A');
    await eventually(() => issue.count()).toBe(0);
    await sun.selectOption('R');
    await eventually(() => sun.inputValue()).toBe('R');

    // A second A on the same deliverable is a 409; the message comes from the server.
    await sun.selectOption('A');
    await eventually(() => page.getByTestId('raci-error').textContent()).toContain('A');
    const message = (await page.getByTestId('raci-error').textContent()) ?? '';
    expect(message).toContain('E2E 交付物');
    expect(message).toContain('钱伟');
    await eventually(() => sun.inputValue()).toBe('R');
    await eventually(() => qian.inputValue()).toBe('A');
    await screenshot(page, 'team-raci-one-a');

    // Moving the A: clear it first, then give it to the other member.
    await qian.selectOption('');
    await eventually(() => issue.count()).toBe(1);
    await sun.selectOption('A');
    await eventually(() => issue.count()).toBe(0);
    await eventually(() => sun.inputValue()).toBe('A');
    expect(e2e.pageErrors).toEqual([]);
  });

  it('keeps the assignments after a reload', async () => {
    await page.reload();
    const row = page.locator('[data-testid^="raci-row-"][data-name="E2E 交付物"]');
    await row.waitFor();
    await eventually(() => row.locator('select[data-member="孙丽"]').inputValue()).toBe('A');
    await eventually(() => row.locator('select[data-member="钱伟"]').inputValue()).toBe('');
  });
});
