import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/db-harness';
import { createTestApi, readJson, type TestApi } from '../../../test/api-harness';

const LIMIT = 256 * 1024;

/** A body that arrives in chunks, like a large file from a browser. */
function chunkedBody(totalBytes: number, chunkBytes = 16 * 1024): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      const size = Math.min(chunkBytes, totalBytes - sent);
      controller.enqueue(new Uint8Array(size).fill(0x41 + ((sent / chunkBytes) % 26)));
      sent += size;
    },
  });
}

describeEachDialect('streamed uploads', (dialect) => {
  let api: TestApi;
  let cookie: string;
  let projectId: string;

  beforeAll(async () => {
    api = await createTestApi(dialect, { uploadLimitBytes: LIMIT });
    cookie = (await api.signUp('pm@example.com')).cookie;
    projectId = (
      await readJson<{ id: string }>(
        await api.call('POST', '/api/v1/projects', { cookie, body: { name: 'P', clientName: 'C', erpProduct: 'E' } }),
      )
    ).id;
  });
  afterAll(() => api.close());

  function upload(name: string, body: ReadableStream<Uint8Array> | string, headers: Record<string, string> = {}): Promise<Response> {
    return Promise.resolve(
      api.app.request(`/api/v1/projects/${projectId}/uploads?filename=${encodeURIComponent(name)}`, {
        method: 'PUT',
        headers: { cookie, 'content-type': 'application/octet-stream', ...headers },
        body,
        duplex: 'half',
      } as RequestInit),
    );
  }

  it('stores a streamed file under the data directory with its hash', async () => {
    const content = '客户编码,客户名称\nC001,兰州机床厂\n';
    const response = await upload('客户 清单.csv', content);
    expect(response.status).toBe(201);
    const view = await readJson<{ id: string; size: number; sha256: string; originalName: string }>(response);
    expect(view.size).toBe(Buffer.byteLength(content));
    expect(view.sha256).toBe(createHash('sha256').update(content).digest('hex'));
    const folder = join(api.dataDir, 'uploads', projectId);
    const stored = readdirSync(folder).find((f) => f.startsWith(view.id))!;
    expect(readFileSync(join(folder, stored), 'utf8')).toBe(content);
  });

  it('cuts off a body past the limit with 413 and leaves no partial file or record', async () => {
    const before = readdirSync(join(api.dataDir, 'uploads', projectId)).length;
    const response = await upload('big.csv', chunkedBody(LIMIT + 64 * 1024));
    expect(response.status).toBe(413);
    expect((await readJson<{ error: { code: string } }>(response)).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(readdirSync(join(api.dataDir, 'uploads', projectId)).length).toBe(before);
    const list = await readJson<{ items: unknown[] }>(await api.call('GET', `/api/v1/projects/${projectId}/uploads`, { cookie }));
    expect(list.items).toHaveLength(1);
  });

  it('refuses at once when the declared length is over the limit', async () => {
    const response = await upload('big.csv', 'x', { 'content-length': String(LIMIT + 1) });
    expect(response.status).toBe(413);
  });

  it('refuses an empty upload and keeps no file of it', async () => {
    const before = readdirSync(join(api.dataDir, 'uploads', projectId)).length;
    const response = await upload('空.csv', '');
    expect(response.status).toBe(400);
    expect((await readJson<{ error: { code: string; message: string; details: { field: string }[] } }>(response)).error).toMatchObject({
      code: 'UPLOADS_EMPTY',
      message: '上传的文件是空的，请选择有内容的文件',
      details: [{ field: 'body' }],
    });
    expect(readdirSync(join(api.dataDir, 'uploads', projectId)).length).toBe(before);
  });

  it('keeps a hostile file name inside the upload folder', async () => {
    const view = await readJson<{ originalName: string }>(await upload('../../etc/passwd', 'x'));
    expect(view.originalName).toBe('passwd');
    expect(existsSync(join(api.dataDir, 'etc'))).toBe(false);
  });

  it('deletes an upload with its file', async () => {
    const list = await readJson<{ items: { id: string }[] }>(await api.call('GET', `/api/v1/projects/${projectId}/uploads`, { cookie }));
    for (const item of list.items)
      expect((await api.call('DELETE', `/api/v1/projects/${projectId}/uploads/${item.id}`, { cookie })).status).toBe(200);
    expect(readdirSync(join(api.dataDir, 'uploads', projectId))).toEqual([]);
  });
});
