import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { findChromium, setupE2E, signIn, type E2E, eventually } from '../support/browser';
import { formatZoned } from '../../web/src/components/time-zone';

const chromiumPath = findChromium();

/** Main pages (path under the project, optional tab to open). */
const PAGES: [string, string | null][] = [
  ['/overview', null],
  ['/goals', null],
  ['/team', 'tab-raci'],
  ['/assessment/processes', null],
  ['/blueprint/requirements', null],
  ['/blueprint/permissions', null],
  ['/risks', 'tab-register'],
  ['/audit', null],
  ['/permissions', null],
];

describe.runIf(chromiumPath)('layout a new user trips over', () => {
  let e2e: E2E;
  let page: Page;
  let base = '';

  beforeAll(async () => {
    e2e = await setupE2E(chromiumPath as string);
    // A browser in New York: times must still show in the project's zone (Asia/Shanghai).
    const context = await e2e.browser.newContext({
      baseURL: e2e.server.baseUrl,
      locale: 'zh-CN',
      timezoneId: 'America/New_York',
      viewport: { width: 1440, height: 900 },
    });
    page = await context.newPage();
    page.setDefaultTimeout(30_000);
    page.on('pageerror', (e) => e2e.pageErrors.push(e.message));
    await signIn(page, e2e.server);
    await page.locator('[data-testid^="project-link-"]').first().click();
    await page.getByTestId('overview-page').waitFor();
    base = new URL(page.url()).pathname.replace(/\/overview$/, '');
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('gives every navigation item an icon', async () => {
    const items = page.locator('[data-testid="phase-nav"] .ant-menu-item');
    const count = await items.count();
    expect(count).toBe(12); // overview, nine phases, audit, permissions
    for (let i = 0; i < count; i++) {
      const item = items.nth(i);
      const label = (await item.textContent()) ?? '';
      expect(await item.locator('.ant-menu-item-icon, .anticon').count(), label).toBeGreaterThan(0);
    }
  });

  it('shows audit times in the project time zone (Asia/Shanghai), labelled, not in the browser zone', async () => {
    const projectId = base.split('/').pop() ?? '';
    const audit = (await (await page.request.get(`/api/v1/projects/${projectId}/audit?limit=5&offset=0`)).json()) as {
      items: { at: string }[];
    };
    const at = audit.items[0]?.at;
    expect(at).toBeTruthy();
    await page.goto(`${base}/audit`);
    const expected = formatZoned(at, 'Asia/Shanghai', 'zh-CN');
    expect(expected).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} \(北京时间 UTC\+8\)$/);
    await eventually(() => page.getByTestId('audit-table').textContent()).toContain(expected);
    // The browser's own zone would give another wall-clock time: the test would catch a fall-back to it.
    expect(formatZoned(at, 'America/New_York', 'zh-CN').slice(0, 16)).not.toBe(expected.slice(0, 16));
  });

  it('keeps every main page within a 1440 px window in English and Chinese', { timeout: 600_000 }, async () => {
    const overflowing: string[] = [];
    for (const lang of ['en', 'zh-CN']) {
      await page.evaluate(`localStorage.setItem('golive.lang', '${lang}')`);
      for (const [path, tab] of PAGES) {
        await page.goto(base + path);
        await page
          .locator('.ant-layout-content .ant-spin-spinning')
          .first()
          .waitFor({ state: 'detached' })
          .catch(() => undefined);
        if (tab) await page.getByTestId(tab).click();
        await page.waitForTimeout(1200);
        const width = await page.evaluate<{ scroll: number; client: number }>(
          '({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })',
        );
        if (width.scroll > width.client) overflowing.push(`${lang} ${path} ${tab ?? ''}: ${width.scroll} > ${width.client}`);
      }
    }
    expect(overflowing).toEqual([]);
    expect(e2e.pageErrors).toEqual([]);
  });
});
