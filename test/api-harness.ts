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
import { pickLocale } from '../src/shared/app-error';
import { englishWordsIn } from './zh-message-check';

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
    const response = await app.request(path, { method, headers, body });
    await assertChineseError(method, path, headers, response);
    return response;
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

/** The served error body (src/server/app.ts onError). */
interface ErrorBody {
  error?: { code?: string; message?: string; details?: { field?: string; reason?: string }[] };
}

/**
 * Fails the test when a zh-CN error response carries English words in its message or a detail's
 * reason (test/zh-message-check.ts). The locale is picked as the server picks it.
 */
async function assertChineseError(method: string, path: string, headers: Record<string, string>, response: Response): Promise<void> {
  if (response.status < 400 || !(response.headers.get('content-type') ?? '').includes('application/json')) return;
  const header = (name: string): string | undefined => Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  const lang = new URL(path, 'http://test').searchParams.get('lang');
  if (pickLocale(header('x-golive-lang') ?? lang ?? header('accept-language')) !== 'zh-CN') return;
  const body = (await response.clone().json()) as ErrorBody;
  const error = body.error;
  if (!error?.code) return;
  const details = error.details ?? [];
  // The message may name the details' fields (VALIDATION_FAILED: "name: 必填"); those are keys, not prose.
  const fields = details.flatMap((d) => (d.field ? [d.field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')] : []));
  const fieldPattern =
    fields.length > 0 ? new RegExp(`(?<![\\w.])(?:${[...fields].sort((a, b) => b.length - a.length).join('|')})(?![\\w])`, 'g') : undefined;
  const withoutFields = (text: string): string => (fieldPattern ? text.replace(fieldPattern, ' ') : text);
  const texts = [error.message ?? '', ...details.map((d) => d.reason ?? '')];
  const english = texts.flatMap((text) => englishWordsIn(withoutFields(text)));
  if (english.length > 0)
    throw new Error(
      `${method} ${path} → ${response.status} ${error.code}: the zh-CN error has English words (${english.join(', ')}): ` +
        JSON.stringify(error),
    );
}

/** Reads a JSON response body with a type the test asserts on. */
export async function readJson<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}
