import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApi, readJson, type TestApi } from '../../../test/api-harness';
import { describeEachDialect } from '../../../test/db-harness';
import { loadDemoProject } from '../../demo/demo-project';
import type { MeterView, RequirementView } from './requirement.schema';

describeEachDialect('blueprint demo content', (dialect) => {
  let api: TestApi;
  let cookie: string;
  let projectId: string;

  beforeAll(async () => {
    api = await createTestApi(dialect);
    const admin = await api.signUp('admin@example.com', { isAdmin: true });
    cookie = admin.cookie;
    projectId = await loadDemoProject(api.db, admin.actor);
  });
  afterAll(() => api.close());

  it('has a realistic fit-gap list with a meter close to the threshold and one module over it', async () => {
    const list = await readJson<{ items: RequirementView[]; meter: MeterView; blockers: { label: string }[] }>(
      await api.call('GET', `/api/v1/projects/${projectId}/requirements`, { cookie }),
    );
    expect(list.items.length).toBeGreaterThanOrEqual(55);
    const custom = list.items.filter((r) => r.resolution === 'custom_development' && r.priority !== 'wont');
    expect(custom.map((r) => r.approval?.status).sort()).toEqual(['approved', 'approved', 'pending']);
    expect(list.meter.warnings.map((w) => [w.module, w.kind])).toEqual([['production', 'share']]);
    const inventory = list.meter.modules.find((m) => m.module === 'inventory')!;
    expect(inventory).toMatchObject({ customShare: 0.1, overShare: false });
    expect(list.blockers.map((b) => b.label)).toHaveLength(1);
    const prototypes = list.items.filter((r) => r.prototypeCount > 0);
    expect(prototypes).toHaveLength(2);
    const image = await api.call(
      'GET',
      `/api/v1/projects/${projectId}/requirements/${prototypes[0]!.id}/prototypes/${
        (
          await readJson<{ items: { id: string }[] }>(
            await api.call('GET', `/api/v1/projects/${projectId}/requirements/${prototypes[0]!.id}/prototypes`, { cookie }),
          )
        ).items[0]!.id
      }/image`,
      { cookie },
    );
    expect(image.headers.get('content-type')).toBe('image/png');
  });
});
