import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApi, readJson, type TestApi } from '../../../test/api-harness';
import { describeEachDialect } from '../../../test/db-harness';
import { DEMO_STAGING_FILE } from '../../demo/demo-migration';
import { loadDemoProject } from '../../demo/demo-project';
import type { ObjectView, PlanView, RunView } from './migration.schema';

describeEachDialect('migration demo content', (dialect) => {
  let api: TestApi;
  let cookie: string;
  let base: string;
  const previous = process.env.GOLIVE_DATA_DIR;

  beforeAll(async () => {
    api = await createTestApi(dialect);
    // The demo puts its staging database (and the connection's key) under the server's data dir.
    process.env.GOLIVE_DATA_DIR = api.dataDir;
    const { actor, cookie: c } = await api.signUp('admin@example.com', { isAdmin: true, name: '管理员' });
    cookie = c;
    base = `/api/v1/projects/${await loadDemoProject(api.db, actor)}/migration`;
    await api.jobs.start();
  });
  afterAll(async () => {
    if (previous === undefined) delete process.env.GOLIVE_DATA_DIR;
    else process.env.GOLIVE_DATA_DIR = previous;
    await api.close();
  });

  it('has 陇原精工 objects in dependency order with a SQLite staging target', async () => {
    expect(existsSync(join(api.dataDir, 'sqlite-sources', DEMO_STAGING_FILE))).toBe(true);
    const objects = (await readJson<{ items: ObjectView[] }>(await api.call('GET', `${base}/objects`, { cookie }))).items;
    expect(objects).toHaveLength(7);
    expect(objects.every((o) => o.targetLabel?.startsWith('新 ERP 导入库 · '))).toBe(true);
    expect(objects.find((o) => o.name === '历史凭证')!.issues).toContain('未配置数据源');
    const plan = await readJson<PlanView>(await api.call('GET', `${base}/plan`, { cookie }));
    const names = plan.order.map((o) => o.name);
    expect(names.slice(0, 4).sort()).toEqual(['会计科目', '供应商', '客户', '物料'].sort());
    expect(names.indexOf('期初余额')).toBeGreaterThan(names.indexOf('供应商'));
    expect(names.indexOf('未清采购订单')).toBeGreaterThan(names.indexOf('物料'));
    expect(names[names.length - 1]).toBe('历史凭证');
    expect(plan.edges).toHaveLength(4);
  });

  it('has one real run that loaded every configured object into the staging database', async () => {
    const runs = (await readJson<{ items: RunView[] }>(await api.call('GET', `${base}/runs`, { cookie }))).items;
    expect(runs.map((r) => [r.number, r.mode, r.status])).toEqual([[1, 'real', 'succeeded']]);
    const run = await readJson<RunView>(await api.call('GET', `${base}/runs/${runs[0]!.id}`, { cookie }));
    const loaded = run.batches.filter((b) => b.status === 'loaded');
    expect(loaded.map((b) => b.objectName).sort()).toEqual(['会计科目', '供应商', '客户', '期初余额', '未清采购订单', '物料'].sort());
    expect(loaded.every((b) => (b.loaded ?? 0) > 0)).toBe(true);
    expect(run.batches.find((b) => b.objectName === '历史凭证')!.status).toBe('skipped');
  });

  it('simulates the objects that are ready, skipping those without a source', async () => {
    const plan = await readJson<PlanView>(await api.call('GET', `${base}/plan`, { cookie }));
    const response = await api.call('POST', `${base}/runs`, { cookie, body: { mode: 'simulate' } });
    if (!plan.order.some((o) => o.ready)) {
      // Without the data-assets demo no object has a source yet.
      expect(response.status).toBe(400);
      expect((await readJson<{ error: { code: string } }>(response)).error.code).toBe('MIGRATION_RUN_NOTHING_READY');
      return;
    }
    expect(response.status, await response.clone().text()).toBe(202);
    const { run } = await readJson<{ run: RunView }>(response);
    let done: RunView = run;
    for (let i = 0; i < 600 && (done.status === 'queued' || done.status === 'running'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      done = await readJson<RunView>(await api.call('GET', `${base}/runs/${run.id}`, { cookie }));
    }
    expect(done.status, JSON.stringify(done.batches)).toBe('succeeded');
    const history = done.batches.find((b) => b.objectName === '历史凭证')!;
    expect([history.status, history.message]).toEqual(['skipped', '未配置数据源；未配置字段映射']);
    const simulated = done.batches.filter((b) => b.status === 'simulated');
    expect(simulated.map((b) => b.objectName).sort()).toEqual(['会计科目', '供应商', '客户', '期初余额', '未清采购订单', '物料'].sort());
    // The real run already loaded these rows: the simulation finds them there and would skip them.
    expect(simulated.every((b) => (b.loaded ?? 0) + (b.skippedExisting ?? 0) > 0)).toBe(true);
  });
});
