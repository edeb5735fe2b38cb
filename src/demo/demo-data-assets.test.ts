import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApi, readJson, type TestApi } from '../../test/api-harness';
import { describeEachDialect } from '../../test/db-harness';
import { insertDemoDataAssets } from './demo-data-assets';
import type { AssetView, RuleRunView } from '../modules/data-assets/data-asset.schema';
import { summarizeDataAssets } from '../modules/data-assets/data-asset-summary';

describeEachDialect('demo data assets (陇原精工)', (dialect) => {
  let api: TestApi;
  let cookie: string;
  let projectId: string;
  const previous = process.env.GOLIVE_DATA_DIR;

  beforeAll(async () => {
    api = await createTestApi(dialect);
    process.env.GOLIVE_DATA_DIR = mkdtempSync(join(tmpdir(), 'golive-demo-data-'));
    cookie = (await api.signUp('pm@example.com')).cookie;
    projectId = (
      await readJson<{ id: string }>(
        await api.call('POST', '/api/v1/projects', { cookie, body: { name: '陇原精工', clientName: 'C', erpProduct: '金昌 ERP' } }),
      )
    ).id;
  });
  afterAll(async () => {
    if (previous === undefined) delete process.env.GOLIVE_DATA_DIR;
    else process.env.GOLIVE_DATA_DIR = previous;
    await api.close();
  });

  it('registers five profiled assets whose dirt the customer rule set finds', async () => {
    await api.db.kysely.transaction().execute((tx) => insertDemoDataAssets(tx, projectId, new Map(), api.dataDir));
    const summary = await summarizeDataAssets(api.db.kysely, projectId, 'zh-CN');
    expect(summary.map((s) => s.name).sort()).toEqual(['供应商档案', '客户档案', '期初余额', '未清采购订单', '物料主数据'].sort());
    for (const s of summary) {
      expect(s.rows).toBeGreaterThan(20);
      expect(s.qualityScore).toBeLessThan(100);
    }
    const assets = await readJson<{ items: AssetView[] }>(await api.call('GET', `/api/v1/projects/${projectId}/data-assets`, { cookie }));
    const customers = assets.items.find((a) => a.name === '客户档案')!;
    expect(customers.ruleSet.rules.length).toBeGreaterThan(3);
    // The stored files are where the uploads module keeps them, so the rules run for real.
    await api.jobs.start();
    const started = await readJson<{ run: RuleRunView }>(
      await api.call('POST', `/api/v1/projects/${projectId}/data-assets/${customers.id}/rule-runs`, { cookie }),
    );
    let run = started.run;
    while (run.status === 'queued' || run.status === 'running') {
      await new Promise((r) => setTimeout(r, 50));
      run = await readJson<RuleRunView>(
        await api.call('GET', `/api/v1/projects/${projectId}/data-assets/${customers.id}/rule-runs/${run.id}`, { cookie }),
      );
    }
    expect(run.status, run.error ?? '').toBe('succeeded');
    const failing = Object.fromEntries(run.rules.map((r) => [r.ruleId, r.failing]));
    expect(failing['phone-required']).toBeGreaterThan(0);
    expect(failing['uscc-valid']).toBeGreaterThan(0);
    expect(failing['code-unique']).toBe(4);
    expect(failing['phone-valid']).toBe(0); // full-width digits are still valid mobiles once normalised
    const preview = await readJson<{ duplicatesRemoved: number }>(
      await api.call('POST', `/api/v1/projects/${projectId}/data-assets/${customers.id}/cleansing/preview`, { cookie, body: {} }),
    );
    expect(preview.duplicatesRemoved).toBe(2);
  });
});
