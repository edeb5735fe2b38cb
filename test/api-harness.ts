import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Db, DialectName } from '../src/db/connection';
import { syncPermissionMatrix, type Actor } from '../src/modules/access/access.service';
import { createUser } from '../src/modules/auth/auth.service';
import { JobQueue } from '../src/modules/jobs/job-queue';
import { createApp } from '../src/server/app';
import type { AppEnv } from '../src/server/app-env';
import { createTestDatabaseUrl } from './db-harness';
import { openDb } from '../src/db/connection';
import { migrateToLatest } from '../src/db/migrate';
import { bindJobRuntime, unbindJobRuntime } from '../src/modules/jobs/job-runtime';

/** An in-process golive API on a fresh database, driven through `app.request` (real routing, real DB). */
export interface TestApi {
  app: OpenAPIHono<AppEnv>;
  db: Db;
  jobs: JobQueue;
  url: string;
  dataDir: string;
  /** Creates a user and returns a session cookie for them. */
  signUp(email: string, options?: { isAdmin?: boolean; name?: string }): Promise<{ cookie: string; actor: Actor }>;
  /** Sends a request; `body` objects are JSON-encoded, strings are sent as they are. */
  call(method: string, path: string, options?: { cookie?: string; body?: unknown; headers?: Record<string, string> }): Promise<Response>;
  /** Creates a project as the signed-in `cookie` (who becomes its PM) and returns its id. */
  createProject(cookie: string, name?: string): Promise<string>;
  /** Uploads `content` as a file of the project and returns the upload id. */
  upload(cookie: string, projectId: string, fileName: string, content: string | Uint8Array): Promise<string>;
  close(): Promise<void>;
}

export const TEST_PASSWORD = 'correct-horse-9';

/** Starts a test API on a fresh database of the given dialect. */
export async function createTestApi(
  dialect: DialectName,
  configOverrides: { uploadLimitBytes?: number; jsonLimitBytes?: number } = {},
): Promise<TestApi> {
  const url = await createTestDatabaseUrl(dialect);
  const db = openDb(url);
  await migrateToLatest(db);
  await syncPermissionMatrix(db);
  const dataDir = mkdtempSync(join(tmpdir(), 'golive-data-'));
  // Job handlers and the demo find this test's data directory through the runtime binding.
  bindJobRuntime(db, dataDir);
  const jobs = new JobQueue(db, { pgConnectionString: dialect === 'postgres' ? url : undefined, pollMs: 50 });
  const app = createApp({
    db,
    jobs,
    config: {
      dataDir,
      uploadLimitBytes: configOverrides.uploadLimitBytes ?? 10 * 1024 * 1024,
      jsonLimitBytes: configOverrides.jsonLimitBytes ?? 256 * 1024,
      secureCookies: false,
      version: 'test',
    },
  });
  const call: TestApi['call'] = async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.cookie) headers.cookie = options.cookie;
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    return app.request(path, { method, headers, body });
  };
  return {
    app,
    db,
    jobs,
    url,
    dataDir,
    call,
    async createProject(cookie, name = '陇原精工 ERP') {
      const response = await call('POST', '/api/v1/projects', { cookie, body: { name, clientName: 'C', erpProduct: '金昌 ERP' } });
      if (response.status !== 201) throw new Error(`project creation failed: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { id: string }).id;
    },
    async upload(cookie, projectId, fileName, content) {
      const response = await app.request(`/api/v1/projects/${projectId}/uploads?filename=${encodeURIComponent(fileName)}`, {
        method: 'PUT',
        headers: { cookie, 'content-type': 'application/octet-stream' },
        body: content,
      });
      if (response.status !== 201) throw new Error(`upload failed: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { id: string }).id;
    },
    async signUp(email, options = {}) {
      const user = await createUser(db, {
        email,
        name: options.name ?? email.split('@')[0]!,
        password: TEST_PASSWORD,
        isAdmin: options.isAdmin,
      });
      const response = await call('POST', '/api/v1/auth/login', { body: { email, password: TEST_PASSWORD } });
      if (response.status !== 200) throw new Error(`login failed: ${response.status} ${await response.text()}`);
      const setCookie = response.headers.get('set-cookie') ?? '';
      const cookie = setCookie.split(';')[0]!;
      return { cookie, actor: { userId: user.id, name: user.name, email: user.email, isAdmin: user.isAdmin } };
    },
    async close() {
      unbindJobRuntime(db);
      await jobs.stop();
      await db.close();
    },
  };
}

/** Reads a JSON response body with a type the test asserts on. */
export async function readJson<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}
