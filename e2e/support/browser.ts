import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { ARTIFACTS, ensureWebBuilt, findChromium, startServer, type TestServer } from './env';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface E2E {
  server: TestServer;
  browser: Browser;
  /** Uncaught exceptions thrown in any page (a spec should end with none). */
  pageErrors: string[];
  /** A new page in a fresh browser context (no cookies, no localStorage). */
  newPage: (options?: { locale?: string }) => Promise<Page>;
  close: () => Promise<void>;
}

/** Builds the web app if needed, starts a server and a headless Chromium. */
export async function setupE2E(executablePath: string): Promise<E2E> {
  await ensureWebBuilt();
  const server = await startServer();
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  } catch (error) {
    await server.stop();
    throw error;
  }
  const errors: string[] = [];
  return {
    server,
    browser,
    pageErrors: errors,
    newPage: async (options) => {
      const context = await browser.newContext({
        baseURL: server.baseUrl,
        locale: options?.locale ?? 'zh-CN',
        viewport: { width: 1440, height: 900 },
      });
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      page.on('pageerror', (e) => errors.push(e.message));
      return page;
    },
    close: async () => {
      await browser.close().catch(() => undefined);
      await server.stop();
    },
  };
}

export { findChromium };

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Signs in through the form and waits for the project list. */
export async function signIn(page: Page, server: TestServer): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-email').fill(server.admin.email);
  await page.getByTestId('login-password').fill(server.admin.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL('**/projects');
  await page.getByTestId('project-table').waitFor();
}

/** Picks the option whose label is exactly `label` in the open antd select dropdown. */
export async function pickOption(page: Page, label: string): Promise<void> {
  const option = page.locator(
    `.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${label.replace(/"/g, '\\"')}"]`,
  );
  await option.first().click();
}

/** Types a date into an antd DatePicker and confirms it. */
export async function fillDate(page: Page, testId: string, date: string): Promise<void> {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(date);
  await input.press('Enter');
  // Under load the picker commits its value a moment later; go on only once it has.
  await expect.poll(() => input.inputValue(), { timeout: 30_000 }).toBe(date);
}

/** Creates a project through the "new project" dialog and returns its id (from the URL). */
export async function createProject(
  page: Page,
  input: { name: string; client: string; erp: string; modules: string[]; goLive?: string },
): Promise<string> {
  await page.goto('/projects');
  await page.getByTestId('project-create').click();
  await page.getByTestId('project-name').fill(input.name);
  await page.getByTestId('project-client').fill(input.client);
  await page.getByTestId('project-erp-product').fill(input.erp);
  if (input.modules.length) {
    await page.getByTestId('project-modules').click();
    for (const m of input.modules) await pickOption(page, m);
    await page.keyboard.press('Escape');
  }
  if (input.goLive) await fillDate(page, 'project-golive', input.goLive);
  await page.locator('#project-submit').click();
  await page.waitForURL(/\/projects\/[^/]+\/overview$/);
  const id = /\/projects\/([^/]+)\/overview$/.exec(page.url())?.[1];
  if (!id) throw new Error(`no project id in ${page.url()}`);
  await page.getByTestId('overview-page').waitFor();
  return id;
}

/** Adds a member on the Team page's member tab. */
export async function addMember(page: Page, member: { name: string; department?: string; role?: string; tier?: string }): Promise<void> {
  await page.getByTestId('member-add').click();
  await page.getByTestId('member-name').fill(member.name);
  if (member.department) await page.getByTestId('member-department').fill(member.department);
  if (member.role) {
    await page.getByTestId('member-role').click();
    await pickOption(page, member.role);
  }
  if (member.tier) {
    await page.getByTestId('member-tier').click();
    await pickOption(page, member.tier);
  }
  await page.locator('#member-submit').click();
  await page.locator(`[data-testid^="member-row-"][data-name="${member.name}"]`).waitFor();
}

/** `expect.poll` with a timeout that suits a browser talking to a real server under parallel load. */
export function eventually<T>(fn: () => T | Promise<T>) {
  return expect.poll(fn, { timeout: 30_000, interval: 100 });
}

/** A text an SVG chart drew, with its box in page pixels. */
export interface ChartText {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The texts an SVG-rendered ECharts chart (`renderer="svg"`) drew inside the element with `testId`. */
export async function chartTexts(page: Page, testId: string): Promise<ChartText[]> {
  const texts = page.locator(`[data-testid="${testId}"] svg text`);
  const out: ChartText[] = [];
  for (let i = 0; i < (await texts.count()); i++) {
    const text = ((await texts.nth(i).textContent()) ?? '').trim();
    const box = await texts.nth(i).boundingBox();
    if (text && box && box.width > 0) out.push({ text, ...box });
  }
  return out;
}
