import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/db-harness';
import { createTestApi, readJson, type TestApi } from '../../test/api-harness';

interface ErrorBody {
  error: { code: string; message: string; details: { field: string; reason: string }[] };
}

describeEachDialect('bad input gets the documented error shape and writes nothing', (dialect) => {
  let api: TestApi;
  let cookie: string;
  let projectId: string;

  async function countRows(): Promise<number[]> {
    const tables = ['project', 'goal', 'project_member', 'audit_log'] as const;
    return Promise.all(
      tables.map(async (t) =>
        Number(
          (
            await api.db.kysely
              .selectFrom(t)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
      ),
    );
  }

  beforeAll(async () => {
    api = await createTestApi(dialect, { jsonLimitBytes: 4096 });
    cookie = (await api.signUp('pm@example.com')).cookie;
    projectId = (
      await readJson<{ id: string }>(
        await api.call('POST', '/api/v1/projects', { cookie, body: { name: 'P', clientName: 'C', erpProduct: 'E' } }),
      )
    ).id;
  });
  afterAll(() => api.close());

  const cases: {
    name: string;
    method: string;
    path: () => string;
    body?: unknown;
    headers?: Record<string, string>;
    status: number;
    code: string;
    field?: string;
  }[] = [
    { name: 'malformed JSON', method: 'POST', path: () => '/api/v1/projects', body: '{"name": "x",', status: 400, code: 'MALFORMED_JSON' },
    {
      name: 'missing fields',
      method: 'POST',
      path: () => '/api/v1/projects',
      body: { name: 'x' },
      status: 400,
      code: 'VALIDATION_FAILED',
      field: 'clientName',
    },
    {
      name: 'wrong types',
      method: 'POST',
      path: () => `/api/v1/projects/${projectId}/goals`,
      body: { statement: 'ok', baseline: 'seven' },
      status: 400,
      code: 'VALIDATION_FAILED',
      field: 'baseline',
    },
    {
      name: 'impossible date',
      method: 'POST',
      path: () => `/api/v1/projects/${projectId}/goals`,
      body: { statement: 'ok', deadline: '2026-02-30' },
      status: 400,
      code: 'VALIDATION_FAILED',
      field: 'deadline',
    },
    {
      name: 'go-live before start',
      method: 'POST',
      path: () => '/api/v1/projects',
      body: { name: 'x', clientName: 'c', erpProduct: 'e', startDate: '2026-05-01', plannedGoLive: '2026-01-01' },
      status: 400,
      code: 'VALIDATION_FAILED',
      field: 'plannedGoLive',
    },
    {
      name: 'unknown field in a patch',
      method: 'PATCH',
      path: () => `/api/v1/projects/${projectId}`,
      body: { nmae: 'typo' },
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    {
      name: 'unknown goal id',
      method: 'PATCH',
      path: () => `/api/v1/projects/${projectId}/goals/does-not-exist`,
      body: { statement: 'x' },
      status: 404,
      code: 'NOT_FOUND',
    },
    { name: 'unknown project id', method: 'GET', path: () => '/api/v1/projects/does-not-exist/goals', status: 404, code: 'NOT_FOUND' },
    {
      name: 'oversized body',
      method: 'POST',
      path: () => '/api/v1/projects',
      body: { name: 'x'.repeat(10_000), clientName: 'c', erpProduct: 'e' },
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
    },
    {
      name: 'wrong content type',
      method: 'POST',
      path: () => '/api/v1/projects',
      body: 'name=x',
      headers: { 'content-type': 'text/plain' },
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    },
    { name: 'unknown API route', method: 'GET', path: () => '/api/v1/nothing-here', status: 404, code: 'NOT_FOUND' },
  ];

  for (const c of cases) {
    it(c.name, async () => {
      const before = await countRows();
      const response = await api.call(c.method, c.path(), { cookie, body: c.body, headers: c.headers });
      expect(response.status).toBe(c.status);
      const body = await readJson<ErrorBody>(response);
      expect(body.error.code).toBe(c.code);
      expect(typeof body.error.message).toBe('string');
      expect(Array.isArray(body.error.details)).toBe(true);
      if (c.field) expect(body.error.details.map((d) => d.field)).toContain(c.field);
      expect(await countRows()).toEqual(before);
    });
  }

  it('localizes field reasons too', async () => {
    const body = { name: '', clientName: 'c', erpProduct: 'e', startDate: '2026-05-01', plannedGoLive: '2026-01-01' };
    const zh = await readJson<ErrorBody>(await api.call('POST', '/api/v1/projects', { cookie, body }));
    expect(zh.error.details.find((d) => d.field === 'name')!.reason).toMatch(/[\u4e00-\u9fff]/);
    const en = await readJson<ErrorBody>(
      await api.call('POST', '/api/v1/projects', { cookie, body, headers: { 'accept-language': 'en' } }),
    );
    expect(en.error.details.find((d) => d.field === 'name')!.reason).toMatch(/^Too small/);
  });

  it('localizes the message: Chinese by default, English on request', async () => {
    const zh = await readJson<ErrorBody>(await api.call('GET', '/api/v1/projects/none/goals', { cookie }));
    expect(zh.error.message).toBe('未找到项目：“none”');
    const en = await readJson<ErrorBody>(
      await api.call('GET', '/api/v1/projects/none/goals', { cookie, headers: { 'accept-language': 'en-US,en' } }),
    );
    expect(en.error.message).toBe('project not found: none');
  });
});
