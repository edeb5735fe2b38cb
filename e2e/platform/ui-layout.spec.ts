import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { findChromium, setupE2E, signIn, type E2E, eventually } from '../support/browser';
import { formatZoned } from '../../web/src/components/time-zone';

const chromiumPath = findChromium();

/**
 * Every page a user reaches from the navigation (path under the project, optional tab to open): the
 * layout check runs each in both languages. A path starting with `//` is outside the project.
 */
const PAGES: [string, string | null][] = [
  ['//projects', null],
  ['//account/tokens', null],
  ['/overview', null],
  ['/goals', 'tab-goals'],
  ['/goals', 'tab-info'],
  ['/goals', 'tab-roi'],
  ['/team', 'tab-governance'],
  ['/team', 'tab-members'],
  ['/team', 'tab-raci'],
  ['/team', 'tab-stakeholders'],
  ['/assessment/processes', null],
  ['/assessment/roles', null],
  ['/assessment/environment', null],
  ['/assessment/data-assets', null],
  ['/assessment/report', null],
  ['/assessment/probe', null],
  ['/blueprint/requirements', null],
  ['/blueprint/to-be', null],
  ['/blueprint/permissions', 'tab-pm-matrix'],
  ['/blueprint/permissions', 'tab-pm-rules'],
  ['/blueprint/permissions', 'tab-pm-roles'],
  ['/blueprint/permissions', 'tab-pm-functions'],
  ['/blueprint/versions', null],
  ['/cutover/dual-run', null],
  ['/cutover/dual-run/new', null],
  ['/cutover/migration', null],
  ['/cutover/go-no-go', null],
  ['/cutover/hypercare', null],
  ['/risks', 'tab-health'],
  ['/risks', 'tab-register'],
  ['/risks', 'tab-settings'],
  ['/phase/rollout', null],
  ['/audit', null],
  ['/permissions', null],
];

/** What sticks out past the window's right edge (tag, test id or class, right edge): names the culprit in a failure. */
const WIDEST_ELEMENTS = `(() => {
  const limit = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= limit + 1) continue;
    let clipped = false;
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const style = getComputedStyle(p);
      if (style.overflowX !== 'visible' && p.getBoundingClientRect().right <= limit + 1) { clipped = true; break; }
    }
    if (clipped) continue;
    out.push(el.tagName.toLowerCase() + (el.getAttribute('data-testid') ? '[' + el.getAttribute('data-testid') + ']' : '.' + String(el.className).split(' ')[0]) + ':' + Math.round(r.right));
    if (out.length >= 5) break;
  }
  return out.join(' ');
})()`;

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

  it('keeps every page within a 1440 px window in English and Chinese', { timeout: 900_000 }, async () => {
    const overflowing: string[] = [];
    for (const lang of ['en', 'zh-CN']) {
      await page.evaluate(`localStorage.setItem('golive.lang', '${lang}')`);
      for (const [path, tab] of PAGES) {
        await page.goto(path.startsWith('//') ? path.slice(1) : base + path);
        await page
          .locator('.ant-layout-content .ant-spin-spinning')
          .first()
          .waitFor({ state: 'detached' })
          .catch(() => undefined);
        if (tab) await page.getByTestId(tab).click();
        await page.waitForTimeout(1200);
        const width = await page.evaluate<{ scroll: number; client: number }>(
          '({ scroll: document.scrollingElement.scrollWidth, client: window.innerWidth })',
        );
        if (width.scroll > width.client) {
          const culprits = await page.evaluate<string>(WIDEST_ELEMENTS);
          overflowing.push(`${lang} ${path} ${tab ?? ''}: ${width.scroll} > ${width.client} (${culprits})`);
        }
      }
    }
    expect(overflowing).toEqual([]);
    expect(e2e.pageErrors).toEqual([]);
  });
});
