import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { findChromium, screenshot, setupE2E, signIn, type E2E, eventually } from '../support/browser';

const chromiumPath = findChromium();

describe.runIf(chromiumPath)('language switch zh-CN ↔ en', () => {
  let e2e: E2E;
  let page: Page;

  beforeAll(async () => {
    e2e = await setupE2E(chromiumPath as string);
    page = await e2e.newPage();
  });

  afterAll(async () => {
    await e2e?.close();
  });

  const navText = (phase: string) => page.getByTestId(`nav-${phase}`).textContent();

  it('starts in Chinese and shows the nine phases, three of them coming soon', async () => {
    await signIn(page, e2e.server);
    // The demo project is loaded on first start.
    await page.locator('[data-testid^="project-link-"]').first().click();
    await page.getByTestId('overview-page').waitFor();
    const phases = ['goals', 'team', 'assessment', 'blueprint', 'rollout', 'training', 'cutover', 'operations', 'risks'];
    const labels = ['目标', '团队', '调研', '蓝图', '实施', '培训', '上线', '运维', '风险'];
    for (const [i, phase] of phases.entries()) expect(await navText(phase)).toContain(labels[i]);
    expect(await page.locator('[data-testid$="-soon"]').count()).toBe(3);
    expect(await navText('rollout')).toContain('即将推出');
    expect(await navText('assessment')).not.toContain('即将推出');
    expect(await navText('goals')).not.toContain('即将推出');
    await page.getByTestId('nav-rollout').click();
    await eventually(() => page.getByTestId('coming-soon-description').textContent()).toContain('试点先行');
  });

  it('switches to English, and back', async () => {
    await page.getByTestId('lang-en').click();
    await eventually(() => navText('goals')).toContain('Goals');
    expect(await navText('team')).toContain('Team');
    expect(await navText('rollout')).toContain('Coming soon');
    expect(await page.getByTestId('coming-soon-description').textContent()).toContain('pilot-first');
    await screenshot(page, 'platform-language-en');

    // The choice survives a reload (localStorage).
    await page.reload();
    await eventually(() => navText('goals')).toContain('Goals');

    await page.getByTestId('lang-zh-CN').click();
    await eventually(() => navText('goals')).toContain('目标');
  });

  it('asks the server for messages in the chosen language', async () => {
    await page.getByTestId('lang-en').click();
    await page.getByTestId('user-menu').click();
    await page.getByTestId('menu-logout').click();
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByTestId('login-form').waitFor();
    await page.getByTestId('login-email').fill(e2e.server.admin.email);
    await page.getByTestId('login-password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await eventually(() => page.getByTestId('login-error').textContent()).toContain('Wrong email or password');
    await page.getByTestId('lang-zh-CN').click();
    await page.getByTestId('login-submit').click();
    await eventually(() => page.getByTestId('login-error').textContent()).toContain('邮箱或密码错误');
    expect(e2e.pageErrors).toEqual([]);
  });
});
