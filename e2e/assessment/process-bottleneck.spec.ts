import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createProject, eventually, findChromium, pickOption, screenshot, setupE2E, signIn, type E2E } from '../support/browser';

const chromiumPath = findChromium();

describe.runIf(chromiumPath)('调研 assessment: draw a process and mark a bottleneck', () => {
  let e2e: E2E;
  let page: Page;
  let projectId: string;

  beforeAll(async () => {
    e2e = await setupE2E(chromiumPath as string);
    page = await e2e.newPage();
    await signIn(page, e2e.server);
    projectId = await createProject(page, { name: 'E2E 现状调研', client: '陇原精工', erp: '金昌 ERP', modules: [] });
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('creates a small process from steps and shows it in the bpmn-js editor', async () => {
    await page.goto(`/projects/${projectId}/assessment/processes`);
    await page.getByTestId('process-maps-as_is').waitFor();
    await page.getByTestId('process-new').click();
    const form = page.getByTestId('process-create-form');
    await form.locator('#department').fill('采购部');
    await page.getByTestId('process-name').fill('采购申请到付款');
    await page.getByTestId('process-steps').fill('填写请购单\n部门经理纸质签字\n财务付款');
    await page.locator('#process-create-ok').click();
    await eventually(() => page.getByTestId('process-title').textContent()).toContain('采购申请到付款');
    await page.locator('[data-testid="bpmn-canvas"] .djs-element[data-element-id="Activity_2"]').waitFor();
    expect(await page.getByTestId('process-dept-采购部').textContent()).toContain('采购申请到付款');

    // The diagram opens beside the palette: no shape under it, none cut off at the right.
    const palette = await page.locator('[data-testid="bpmn-canvas"] .djs-palette').boundingBox();
    const canvasBox = await page.getByTestId('bpmn-canvas').boundingBox();
    const shapes = page.locator('[data-testid="bpmn-canvas"] .djs-element.djs-shape');
    expect(await shapes.count()).toBeGreaterThan(3);
    for (let i = 0; i < (await shapes.count()); i++) {
      const box = await shapes.nth(i).boundingBox();
      if (!box || box.width === 0) continue;
      const id = await shapes.nth(i).getAttribute('data-element-id');
      const covered = box.x < palette!.x + palette!.width && box.y < palette!.y + palette!.height && box.y + box.height > palette!.y;
      expect(covered, `${id} lies under the palette`).toBe(false);
      expect(box.x + box.width, `${id} is cut off`).toBeLessThanOrEqual(canvasBox!.x + canvasBox!.width);
    }
  });

  it('draws a task with the palette, names it and saves the diagram', async () => {
    const canvas = page.locator('[data-testid="bpmn-canvas"]');
    await canvas.locator('.djs-palette [data-action="create.task"]').click();
    const box = (await canvas.boundingBox())!;
    // An empty spot below the generated flow.
    await page.mouse.click(box.x + box.width / 2, box.y + box.height - 60);
    // bpmn-js opens direct editing on the new task: type its name, then click elsewhere to commit.
    await canvas.locator('.djs-direct-editing-parent').waitFor();
    await page.keyboard.type('归档请购单');
    await page.mouse.click(box.x + 20, box.y + box.height - 20);
    await page.getByTestId('process-save').click();
    const processId = (await page.getByTestId('process-title').getAttribute('data-process-id')) ?? '';
    await eventually(async () => {
      const response = await page.request.get(`/api/v1/projects/${projectId}/processes/${processId}`);
      const body = (await response.json()) as { steps: { name: string }[] };
      return body.steps.map((s) => s.name);
    }).toContain('归档请购单');
  });

  it('selects a task, marks it as a paper-approval bottleneck and sees it highlighted with its cost', async () => {
    await page.locator('[data-testid="bpmn-canvas"] .djs-element[data-element-id="Activity_2"]').click();
    await eventually(() => page.getByTestId('process-selection').textContent()).toContain('部门经理纸质签字');
    await page.getByTestId('mark-bottleneck').click();
    await page.getByTestId('bottleneck-form').waitFor();
    await page.getByTestId('bottleneck-type').click();
    await pickOption(page, '纸质审批');
    await page.getByTestId('bottleneck-duration').fill('2');
    await page.getByTestId('bottleneck-volume').fill('100');
    await page.getByTestId('bottleneck-submit').click();

    // Listed with its cost: 2 h × 100 cases × 60 CNY/h.
    await eventually(() => page.getByTestId('bottleneck-cost-Activity_2').textContent()).toBe('12,000');
    expect(await page.getByTestId('cost-formula').textContent()).toContain('60');
    // Highlighted on the diagram: canvas marker + overlay badge.
    await eventually(() =>
      page.locator('[data-testid="bpmn-canvas"] .djs-element[data-element-id="Activity_2"]').getAttribute('class'),
    ).toContain('golive-bottleneck');
    await eventually(() => page.getByTestId('bottleneck-badge-Activity_2').textContent()).toBe('瓶颈：纸质审批');
    await eventually(() => page.getByTestId('process-item-采购申请到付款').textContent()).toContain('1 个瓶颈');
    await screenshot(page, 'assessment-process-bottleneck');
  });

  it('runs the environment probe and lists the result on the environment page', async () => {
    await page.getByTestId('assessment-nav-probe').click();
    await page.getByTestId('probe-site').fill('兰州总部');
    await page.getByTestId('probe-run').click();
    await page.getByTestId('probe-result').waitFor({ timeout: 30_000 });
    expect(Number(await page.getByTestId('probe-rtt').textContent())).toBeGreaterThanOrEqual(0);
    await screenshot(page, 'assessment-probe');
    await page.getByTestId('assessment-nav-environment').click();
    await eventually(() => page.getByTestId('probe-results').textContent()).toContain('兰州总部');
    await screenshot(page, 'assessment-environment');
    expect(e2e.pageErrors).toEqual([]);
  });

  it('shows the bottlenecks of the demo project and previews a report version', async () => {
    const demoId = await page.evaluate(async () => {
      const response = await fetch('/api/v1/projects', { credentials: 'same-origin' });
      const body = (await response.json()) as { items: { id: string; isDemo: boolean }[] };
      return body.items.find((p) => p.isDemo)?.id;
    });
    expect(demoId).toBeTruthy();
    await page.goto(`/projects/${demoId}/assessment/processes`);
    await page.getByTestId('process-item-采购申请到付款').click();
    await eventually(() => page.locator('[data-testid^="bottleneck-badge-"]').count()).toBe(3);
    expect(await page.getByTestId('process-editor').locator('.ant-alert-error').count()).toBe(0);
    await screenshot(page, 'assessment-demo-processes');
    await page.getByTestId('assessment-nav-environment').click();
    await eventually(() => page.getByTestId('site-status-白银工厂').first().getAttribute('data-status')).toBe('fail');
    await screenshot(page, 'assessment-demo-environment');
    await page.getByTestId('assessment-nav-report').click();
    await page.getByTestId('report-create').click();
    await eventually(() => page.getByTestId('report-versions').textContent()).toContain('V1');
    await page.getByTestId('report-versions').getByText('预览').first().click();
    const frame = page.frameLocator('[data-testid="report-preview"]');
    await eventually(() => frame.locator('body').textContent()).toContain('现状分析报告');
    await screenshot(page, 'assessment-demo-report');
    expect(e2e.pageErrors).toEqual([]);
  });

  it('shows a viewer the map read-only: a navigated viewer with no palette and no save', async () => {
    const base = e2e.server.baseUrl;
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: e2e.server.admin.email, password: e2e.server.admin.password }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const viewer = { email: 'viewer.e2e@example.com', password: 'viewer-pass-42', name: '只读用户' };
    const post = async (path: string, body: unknown): Promise<void> => {
      const response = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(response.ok).toBe(true);
    };
    await post('/api/v1/users', viewer);
    await post(`/api/v1/projects/${projectId}/members`, {
      name: viewer.name,
      projectRole: 'viewer',
      tier: 'member',
      accountEmail: viewer.email,
    });

    const viewerPage = await e2e.newPage();
    await viewerPage.goto('/login');
    await viewerPage.getByTestId('login-email').fill(viewer.email);
    await viewerPage.getByTestId('login-password').fill(viewer.password);
    await viewerPage.getByTestId('login-submit').click();
    await viewerPage.waitForURL('**/projects');
    await viewerPage.goto(`/projects/${projectId}/assessment/processes`);
    await viewerPage.getByTestId('process-item-采购申请到付款').click();
    await viewerPage.locator('[data-testid="bpmn-canvas"] .djs-element[data-element-id="Activity_2"]').waitFor();
    expect(await viewerPage.locator('[data-testid="bpmn-canvas"] .djs-palette').count()).toBe(0);
    expect(await viewerPage.getByTestId('process-save').count()).toBe(0);
    expect(await viewerPage.getByTestId('process-new').count()).toBe(0);
    expect(e2e.pageErrors).toEqual([]);
  });
});
