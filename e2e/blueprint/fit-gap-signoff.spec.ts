import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eventually, findChromium, screenshot, setupE2E, signIn, type E2E } from '../support/browser';

const chromiumPath = findChromium();
const CONSULTANT = { email: 'consultant.e2e@example.com', password: 'consultant-pass-42', name: '陈顾问' };

describe.runIf(chromiumPath)('蓝图 需求清单 → 定制开发审批 → 版本双方签核', () => {
  let e2e: E2E;
  let admin: Page;
  let consultant: Page;
  let projectId: string;

  /** JSON call to the server as the admin (set-up only). */
  async function adminApi(cookie: string, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
    const response = await fetch(`${e2e.server.baseUrl}${path}`, {
      method,
      headers: { cookie, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  }

  beforeAll(async () => {
    e2e = await setupE2E(chromiumPath as string);
    // Set-up through the API: a project, and an implementer-side consultant with a sign-in account.
    const login = await fetch(`${e2e.server.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: e2e.server.admin.email, password: e2e.server.admin.password }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const project = await adminApi(cookie, 'POST', '/api/v1/projects', {
      name: 'E2E 蓝图签核',
      clientName: '金昌测试机械有限公司',
      erpProduct: '金昌 ERP',
      modulesInScope: ['production'],
    });
    projectId = String(project.id);
    await adminApi(cookie, 'POST', '/api/v1/users', CONSULTANT);
    await adminApi(cookie, 'POST', `/api/v1/projects/${projectId}/members`, {
      name: CONSULTANT.name,
      projectRole: 'consultant',
      tier: 'consultant_vendor',
      organization: '金昌软件',
      accountEmail: CONSULTANT.email,
    });
    admin = await e2e.newPage();
    consultant = await e2e.newPage();
  });

  afterAll(async () => {
    await e2e?.close();
  });

  const row = (page: Page, title: string) => page.locator(`[data-testid^="requirement-row-"][data-title="${title}"]`);

  it('the consultant classifies a requirement as 定制开发 and the form demands the justification', async () => {
    await consultant.goto('/login');
    await consultant.getByTestId('login-email').fill(CONSULTANT.email);
    await consultant.getByTestId('login-password').fill(CONSULTANT.password);
    await consultant.getByTestId('login-submit').click();
    await consultant.waitForURL('**/projects');
    await consultant.goto(`/projects/${projectId}/blueprint/requirements`);
    await consultant.getByTestId('requirements-section').waitFor();

    await consultant.getByTestId('requirement-create').click();
    await consultant.getByTestId('requirement-title').fill('焊接工序计件工资接口');
    await consultant.locator('[data-testid="requirement-resolution"] label', { hasText: '定制开发' }).click();
    await consultant.getByTestId('custom-dev-demand').waitFor();
    await consultant.locator('#requirement-submit').click();
    // Gap reason, justification, upgrade impact and effort are all demanded.
    const errors = consultant.locator('[data-testid="requirement-form"] .ant-form-item-explain-error');
    await eventually(() => errors.count()).toBeGreaterThanOrEqual(4);
    await screenshot(consultant, 'blueprint-custom-dev-demand');

    await consultant.getByTestId('requirement-gap-reason').fill('焊接按焊缝长度与等级计价，标准计件与工作流配置都无法表达');
    await consultant.getByTestId('requirement-justification').fill('焊接质量与效率是企业核心竞争力');
    await consultant.getByTestId('requirement-upgrade-impact').fill('独立接口程序，不改标准表；升级时做接口回归测试');
    await consultant.getByTestId('requirement-effort').fill('20');
    const created = consultant.waitForResponse((r) => r.url().endsWith('/requirements') && r.request().method() === 'POST');
    await consultant.locator('#requirement-submit').click();
    expect((await created).status()).toBe(201);
    await eventually(() => row(consultant, '焊接工序计件工资接口').getByTestId('approval-pending').textContent()).toContain(
      '待领导小组审批',
    );
    // 1 of 1 production requirements is custom: over the 10 % threshold, warned in the header.
    await consultant.getByTestId('over-customisation').waitFor();
    expect(await consultant.getByTestId('signoff-blockers').textContent()).toContain('焊接工序计件工资接口');
    // The consultant is not on the steering committee: no approval button.
    expect(await row(consultant, '焊接工序计件工资接口').getByTestId('approval-open').count()).toBe(0);
  });

  it('the admin (acting as PM, not the requester) approves it', async () => {
    await signIn(admin, e2e.server);
    await admin.goto(`/projects/${projectId}/blueprint/requirements`);
    const r = row(admin, '焊接工序计件工资接口');
    await r.waitFor();
    const button = r.getByTestId('approval-open');
    await button.waitFor();
    await button.click();
    await admin.getByTestId('approval-comment').fill('同意，须预留升级适配层');
    await admin.getByTestId('approval-approve').click();
    await eventually(() => r.getByTestId('approval-approved').count()).toBe(1);
    await eventually(() => admin.getByTestId('signoff-blockers').count()).toBe(0);
    await screenshot(admin, 'blueprint-requirements');
  });

  it('creates V1; the client side signs, then the implementer side, and V1 is locked', async () => {
    await admin.getByTestId('blueprint-nav-versions').click();
    await admin.getByTestId('versions-section').waitFor();
    await admin.getByTestId('version-table').locator('.ant-table-placeholder, [data-testid^="version-row-"]').first().waitFor();
    await admin.getByTestId('version-create').click();
    await admin.locator('#version-create-ok').click();
    const v1 = admin.getByTestId('version-row-V1');
    await v1.waitFor();
    await v1.getByTestId('version-sign').click();
    await admin.locator('#version-sign-ok').click();
    await eventually(() => v1.getByTestId('signed-client').count()).toBe(1);
    expect(await v1.getAttribute('data-status')).toBe('pending_signoff');

    await consultant.goto(`/projects/${projectId}/blueprint/versions`);
    const cv1 = consultant.getByTestId('version-row-V1');
    try {
      await cv1.waitFor();
    } catch (error) {
      await screenshot(consultant, 'blueprint-versions-consultant-failure');
      throw error;
    }
    await cv1.getByTestId('version-sign').click();
    await consultant.locator('#version-sign-ok').click();
    await eventually(() => cv1.getAttribute('data-status')).toBe('approved');
    await cv1.getByTestId('version-locked').waitFor();
    expect(await cv1.getByTestId('signed-implementer').textContent()).toContain(CONSULTANT.name);
    // A locked version offers no signing any more.
    expect(await cv1.getByTestId('version-sign').count()).toBe(0);
    await screenshot(consultant, 'blueprint-version-locked');
  });

  it('a change after sign-off shows "changed since V1"', async () => {
    await consultant.getByTestId('blueprint-nav-requirements').click();
    await consultant.getByTestId('requirement-create').click();
    await consultant.getByTestId('requirement-title').fill('生产订单完工入库');
    await consultant.locator('#requirement-submit').click();
    await row(consultant, '生产订单完工入库').waitFor();
    await consultant.getByTestId('blueprint-nav-versions').click();
    await eventually(() => consultant.getByTestId('changed-since').textContent()).toContain('V1');
    await eventually(() => consultant.locator('[data-testid="version-diff"] [data-kind="added"]').count()).toBe(1);
    expect(e2e.pageErrors).toEqual([]);
  });
});
