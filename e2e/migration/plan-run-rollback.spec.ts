import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createProject, eventually, findChromium, screenshot, setupE2E, signIn, type E2E } from '../support/browser';

const chromiumPath = findChromium();

const CUSTOMERS = '客户编码,客户名称,信用额度\nC001,兰州机床厂,1000.50\nC002,天水电器,abc\nC003,白银有色,200\n';
const ORDERS = '订单号,客户,金额\nO1,C001,10.5\nO2,C003,30\n';

describe.runIf(chromiumPath)('上线 → 数据迁移: plan, simulate, run, roll back', () => {
  let e2e: E2E;
  let page: Page;
  let projectId: string;
  let stagingDir: string;
  let previousSqliteDir: string | undefined;

  const count = (table: string): number => {
    const db = new SQLite(join(stagingDir, 'staging.db'), { readonly: true });
    try {
      return Number((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n);
    } finally {
      db.close();
    }
  };

  async function call<T>(method: 'POST' | 'PUT', path: string, data: unknown, headers: Record<string, string> = {}): Promise<T> {
    const response = await page.request.fetch(`/api/v1/projects/${projectId}${path}`, { method, data, headers });
    expect(response.status(), await response.text()).toBeLessThan(300);
    return (await response.json()) as T;
  }

  beforeAll(async () => {
    // The staging database of the new system: the server accepts SQLite files from GOLIVE_SQLITE_DIR.
    stagingDir = mkdtempSync(join(tmpdir(), 'golive-e2e-staging-'));
    const db = new SQLite(join(stagingDir, 'staging.db'));
    db.exec('CREATE TABLE customer (code TEXT PRIMARY KEY, name TEXT NOT NULL, credit NUMERIC(12,2))');
    db.exec('CREATE TABLE sales_order (no TEXT PRIMARY KEY, customer_code TEXT NOT NULL REFERENCES customer(code), amount NUMERIC(12,2))');
    db.close();
    previousSqliteDir = process.env.GOLIVE_SQLITE_DIR;
    process.env.GOLIVE_SQLITE_DIR = stagingDir;
    e2e = await setupE2E(chromiumPath as string);
    page = await e2e.newPage();
    await signIn(page, e2e.server);
    projectId = await createProject(page, { name: 'E2E 数据迁移项目', client: '陇原精工', erp: '金昌 ERP', modules: ['财务'] });

    const upload = async (name: string, content: string) =>
      (
        await call<{ id: string }>('PUT', `/uploads?filename=${encodeURIComponent(name)}`, Buffer.from(content), {
          'content-type': 'application/octet-stream',
        })
      ).id;
    const customers = await upload('客户.csv', CUSTOMERS);
    const orders = await upload('订单.csv', ORDERS);
    const connection = await call<{ id: string }>('POST', '/connections', {
      name: '新系统导入库',
      kind: 'sqlite',
      url: 'sqlite:staging.db',
    });
    const customer = await call<{ id: string }>('POST', '/migration/objects', {
      name: '客户',
      category: 'master',
      source: { type: 'upload', uploadId: customers },
      target: { type: 'connection', connectionId: connection.id, table: 'customer' },
      mapping: [
        { kind: 'column', target: 'code', source: '客户编码' },
        { kind: 'column', target: 'name', source: '客户名称' },
        { kind: 'column', target: 'credit', source: '信用额度' },
      ],
      keyColumns: ['客户编码'],
      sumColumns: ['credit'],
    });
    await call('POST', '/migration/objects', {
      name: '销售订单',
      category: 'open_transactions',
      dependsOn: [customer.id],
      source: { type: 'upload', uploadId: orders },
      target: { type: 'connection', connectionId: connection.id, table: 'sales_order' },
      mapping: [
        { kind: 'column', target: 'no', source: '订单号' },
        { kind: 'key_map', target: 'customer_code', source: '客户', objectId: customer.id },
        { kind: 'column', target: 'amount', source: '金额' },
      ],
      sumColumns: ['amount'],
    });
  });

  afterAll(async () => {
    await e2e?.close();
    if (previousSqliteDir === undefined) delete process.env.GOLIVE_SQLITE_DIR;
    else process.env.GOLIVE_SQLITE_DIR = previousSqliteDir;
    rmSync(stagingDir, { recursive: true, force: true });
  });

  it('opens 上线 → 数据迁移 and shows the objects, the graph and the load order', async () => {
    await page.getByTestId('nav-cutover').click();
    await page.getByTestId('cutover-nav-migration').click();
    await page.getByTestId('migration-page').waitFor();
    expect(await page.getByTestId('cutover-nav-migration').getAttribute('data-available')).toBe('true');
    await page.getByTestId('object-客户').waitFor();
    await eventually(() => page.getByTestId('order-item').allTextContents()).toEqual(['客户', '销售订单']);
    await page.locator('[data-testid="migration-graph"] canvas').first().waitFor();
    // antd's own texts follow the UI language too (the empty batch table).
    expect(await page.getByText('暂无数据').count()).toBeGreaterThan(0);
    await screenshot(page, 'migration-plan');
  });

  it('edits an object: the mapping editor lists the target table columns with their sources', async () => {
    await page.getByTestId('object-edit-客户').click();
    const table = page.getByTestId('mapping-table');
    await table.waitFor();
    await eventually(() => table.locator('tbody tr').count()).toBe(3);
    const text = await table.textContent();
    expect(text).toContain('code');
    expect(text).toContain('客户编码');
    expect(text).toContain('credit');
    await screenshot(page, 'migration-editor');
    await page.getByTestId('object-cancel').click();
    await page.getByTestId('object-editor').waitFor({ state: 'detached' });
  });

  it('simulates: counts shown, nothing written', async () => {
    await page.getByTestId('migration-simulate').click();
    await page.locator('[data-testid="run-status-1"][data-status="succeeded"]').waitFor({ timeout: 30_000 });
    await eventually(() => page.getByTestId('loaded-1-客户').textContent()).toBe('2');
    expect(await page.getByTestId('rejected-1-客户').textContent()).toBe('1');
    expect(count('customer')).toBe(0);
  });

  it('runs for real and shows counts and the after-load check', async () => {
    await page.getByTestId('migration-run').click();
    await page.getByTestId('run-confirm-ok').click();
    await page.locator('[data-testid="run-status-2"][data-status="succeeded"]').waitFor({ timeout: 30_000 });
    await eventually(() => page.getByTestId('loaded-2-客户').textContent()).toBe('2');
    expect(await page.getByTestId('loaded-2-销售订单').textContent()).toBe('2');
    expect(await page.getByTestId('check-2-客户').getAttribute('data-ok')).toBe('true');
    expect(await page.getByTestId('check-2-客户').textContent()).toContain('credit 合计：源 1200.5 / 目标 1200.5');
    expect(await page.getByTestId('check-2-销售订单').getAttribute('data-ok')).toBe('true');
    expect(count('customer')).toBe(2);
    expect(count('sales_order')).toBe(2);
    await screenshot(page, 'migration-run');
  });

  it('rolls the run back after typing its number', async () => {
    await page.getByTestId('rollback-run-2').click();
    expect(await page.getByTestId('rollback-ok').isDisabled()).toBe(true);
    await page.getByTestId('rollback-confirm').fill('2');
    await page.getByTestId('rollback-ok').click();
    await page.locator('[data-testid="run-status-2"][data-status="rolled_back"]').waitFor({ timeout: 30_000 });
    expect(count('customer')).toBe(0);
    expect(count('sales_order')).toBe(0);
    await screenshot(page, 'migration-rolled-back');
    expect(e2e.pageErrors).toEqual([]);
  });
});
