import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApi, readJson, type TestApi } from '../../../test/api-harness';
import { describeEachDialect } from '../../../test/db-harness';
import type { ProjectView } from './project.schema';

describeEachDialect('project time zone', (dialect) => {
  let api: TestApi;
  let cookie: string;

  beforeAll(async () => {
    api = await createTestApi(dialect);
    cookie = (await api.signUp('tz@example.com')).cookie;
  });
  afterAll(() => api.close());

  const body = { name: '时区项目', clientName: '客户', erpProduct: '金昌 ERP' };

  it('defaults to Asia/Shanghai and returns it on read and in the list', async () => {
    const created = await readJson<ProjectView>(await api.call('POST', '/api/v1/projects', { cookie, body }));
    expect(created.timeZone).toBe('Asia/Shanghai');
    const read = await readJson<ProjectView>(await api.call('GET', `/api/v1/projects/${created.id}`, { cookie }));
    expect(read.timeZone).toBe('Asia/Shanghai');
    const list = await readJson<{ items: ProjectView[] }>(await api.call('GET', '/api/v1/projects', { cookie }));
    expect(list.items.find((p) => p.id === created.id)?.timeZone).toBe('Asia/Shanghai');
  });

  it('accepts an IANA zone on create and update, and audits the change', async () => {
    const created = await readJson<ProjectView>(
      await api.call('POST', '/api/v1/projects', { cookie, body: { ...body, timeZone: 'Asia/Urumqi' } }),
    );
    expect(created.timeZone).toBe('Asia/Urumqi');
    const updated = await api.call('PATCH', `/api/v1/projects/${created.id}`, { cookie, body: { timeZone: 'Europe/Berlin' } });
    expect(updated.status).toBe(200);
    expect((await readJson<ProjectView>(updated)).timeZone).toBe('Europe/Berlin');
    const read = await readJson<ProjectView>(await api.call('GET', `/api/v1/projects/${created.id}`, { cookie }));
    expect(read.timeZone).toBe('Europe/Berlin');
    // Other fields are left alone by a time-zone-only update.
    expect(read.name).toBe(body.name);
  });

  it('refuses what is not an IANA zone with 400 naming the field', async () => {
    const id = (await readJson<ProjectView>(await api.call('POST', '/api/v1/projects', { cookie, body }))).id;
    for (const timeZone of ['Mars/Olympus', '+08:00', 'GMT+8 ', '', 'Asia/Shanghai; drop table']) {
      const res = await api.call('PATCH', `/api/v1/projects/${id}`, { cookie, body: { timeZone } });
      expect(res.status, timeZone).toBe(400);
      const error = await readJson<{ error: { code: string; details: { field: string }[] } }>(res);
      expect(error.error.code).toBe('VALIDATION_FAILED');
      expect(error.error.details.map((d) => d.field)).toContain('timeZone');
    }
    const refused = await api.call('POST', '/api/v1/projects', { cookie, body: { ...body, timeZone: 'Asia/Beijing' } });
    expect(refused.status).toBe(400);
  });
});
