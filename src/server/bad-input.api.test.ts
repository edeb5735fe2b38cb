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
    expect(zh.error.details).toEqual([
      { field: 'name', reason: '项目名称不能为空' },
      { field: 'plannedGoLive', reason: '计划上线日期不能早于启动日期' },
    ]);
    expect(zh.error.message).toBe('输入有误：项目名称不能为空；计划上线日期不能早于启动日期');
    const en = await readJson<ErrorBody>(
      await api.call('POST', '/api/v1/projects', { cookie, body, headers: { 'accept-language': 'en' } }),
    );
    expect(en.error.message).toBe('Invalid input: Project name must not be empty; Planned go-live must not be before the start date');
  });

  it('names the field by its label in plain words, Chinese by default', async () => {
    const path = `/api/v1/projects/${projectId}/goals`;
    const zh = await readJson<ErrorBody>(await api.call('POST', path, { cookie, body: { statement: '  ' } }));
    expect(zh.error.code).toBe('VALIDATION_FAILED');
    expect(zh.error.message).toBe('输入有误：目标描述不能为空');
    expect(zh.error.details).toEqual([{ field: 'statement', reason: '目标描述不能为空' }]);
    const en = await readJson<ErrorBody>(
      await api.call('POST', path, { cookie, body: { statement: '' }, headers: { 'accept-language': 'en-US,en' } }),
    );
    expect(en.error.message).toBe('Invalid input: Goal statement must not be empty');
    expect(en.error.details).toEqual([{ field: 'statement', reason: 'Goal statement must not be empty' }]);
  });

  it('says a missing field is required and joins several sentences', async () => {
    const path = `/api/v1/projects/${projectId}/goals`;
    const zh = await readJson<ErrorBody>(await api.call('POST', path, { cookie, body: { baseline: 'seven' } }));
    expect(zh.error.message).toBe('输入有误：目标描述必填；基线格式不正确（应为数字）');
    const en = await readJson<ErrorBody>(
      await api.call('POST', path, { cookie, body: { baseline: 'seven' }, headers: { 'accept-language': 'en' } }),
    );
    expect(en.error.message).toBe('Invalid input: Goal statement is required; Baseline must be a number');
  });

  it('lists an unknown field in plain words', async () => {
    const zh = await readJson<ErrorBody>(
      await api.call('PATCH', `/api/v1/projects/${projectId}/goals/g1`, { cookie, body: { nmae: 'typo' } }),
    );
    expect(zh.error.message).toBe('输入有误：不允许的字段：“nmae”');
    expect(zh.error.details).toEqual([{ field: 'nmae', reason: '不允许的字段：“nmae”' }]);
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
