import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/db-harness';
import { createTestApi, readJson, TEST_PASSWORD, type TestApi } from '../../../test/api-harness';
import { createApp } from '../../server/app';
import { LOGIN_MAX_FAILURES } from './auth.service';

describeEachDialect('sign-in, sessions and API tokens', (dialect) => {
  let api: TestApi;

  beforeAll(async () => {
    api = await createTestApi(dialect);
  });
  afterAll(() => api.close());

  it('sets an httpOnly SameSite session cookie and stores only an argon2id hash', async () => {
    await api.signUp('a@example.com');
    const response = await api.call('POST', '/api/v1/auth/login', { body: { email: 'A@Example.com', password: TEST_PASSWORD } });
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/golive_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const row = await api.db.kysely
      .selectFrom('app_user')
      .select('password_hash')
      .where('email', '=', 'a@example.com')
      .executeTakeFirstOrThrow();
    expect(row.password_hash.startsWith('$argon2id$')).toBe(true);
  });

  it('answers 401 on bad credentials and rate-limits repeated failures', async () => {
    await api.signUp('b@example.com');
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) {
      const response = await api.call('POST', '/api/v1/auth/login', { body: { email: 'b@example.com', password: 'wrong-password' } });
      expect(response.status).toBe(401);
      expect((await readJson<{ error: { code: string } }>(response)).error.code).toBe('INVALID_CREDENTIALS');
    }
    const limited = await api.call('POST', '/api/v1/auth/login', { body: { email: 'b@example.com', password: TEST_PASSWORD } });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeTruthy();
  });

  it('shares sessions between server processes through the database, and logout ends them', async () => {
    const { cookie } = await api.signUp('c@example.com');
    const second = createApp({
      db: api.db,
      jobs: api.jobs,
      config: { dataDir: api.dataDir, uploadLimitBytes: 1, jsonLimitBytes: 1024, secureCookies: false, version: 't' },
    });
    expect((await second.request('/api/v1/auth/me', { headers: { cookie } })).status).toBe(200);
    expect((await api.call('POST', '/api/v1/auth/logout', { cookie })).status).toBe(200);
    expect((await second.request('/api/v1/auth/me', { headers: { cookie } })).status).toBe(401);
  });

  it('issues personal API tokens usable as Bearer, shown once and revocable', async () => {
    const { cookie } = await api.signUp('d@example.com');
    const created = await readJson<{ token: string; item: { id: string; prefix: string } }>(
      await api.call('POST', '/api/v1/auth/tokens', { cookie, body: { name: 'CI' } }),
    );
    expect(created.token.startsWith('glv_')).toBe(true);
    const bearer = { authorization: `Bearer ${created.token}` };
    expect((await api.call('GET', '/api/v1/projects', { headers: bearer })).status).toBe(200);
    const list = await readJson<{ items: Record<string, unknown>[] }>(await api.call('GET', '/api/v1/auth/tokens', { cookie }));
    expect(JSON.stringify(list)).not.toContain(created.token);
    expect((await api.call('DELETE', `/api/v1/auth/tokens/${created.item.id}`, { cookie })).status).toBe(200);
    expect((await api.call('GET', '/api/v1/projects', { headers: bearer })).status).toBe(401);
  });

  it('never writes secrets to the audit trail', async () => {
    const rows = await api.db.kysely.selectFrom('audit_log').select(['before_json', 'after_json']).execute();
    const text = JSON.stringify(rows);
    expect(text).not.toContain(TEST_PASSWORD);
    expect(text).not.toContain('$argon2id$');
  });

  it('reports health with the dialect', async () => {
    const health = await readJson(await api.call('GET', '/api/health'));
    expect(health).toEqual({ status: 'ok', db: dialect, version: 'test' });
  });
});
