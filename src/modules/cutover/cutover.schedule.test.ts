import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDb, type Db } from '../../db/connection';
import { describeEachDialect } from '../../../test/db-harness';
import { createTestApi, readJson, type TestApi } from '../../../test/api-harness';
import { latestDueTime, parseCron } from './cron';
import type { RunView, SpecView } from './cutover.schema';
import { runReconcileSchedulerTick, startReconcileScheduler } from './reconcile-scheduler';
import { queueRun } from './run.service';

interface Received {
  path: string;
  body: Record<string, unknown>;
}

/** A local robot: records what it receives and answers like the real ones. */
async function startRobot(): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const read = async (req: IncomingMessage): Promise<string> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  };
  const server = createServer((req, res) => {
    void read(req).then((text) => {
      const path = req.url ?? '';
      received.push({ path, body: JSON.parse(text) as Record<string, unknown> });
      res.setHeader('content-type', 'application/json');
      if (path.startsWith('/refuse')) res.end(JSON.stringify({ errcode: 93000, errmsg: 'invalid webhook url' }));
      else if (path.startsWith('/broken')) {
        res.statusCode = 500;
        res.end('oops');
      } else if (path.startsWith('/feishu')) res.end(JSON.stringify({ code: 0, msg: 'success' }));
      else if (path.startsWith('/json')) res.end('{}');
      else res.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

describeEachDialect('dual-run scheduler and webhooks', (dialect) => {
  let api: TestApi;
  let cookie: string;
  let projectId: string;
  let base: string;
  let robot: Awaited<ReturnType<typeof startRobot>>;
  let spec: SpecView;
  /** A second handle, as another process would have. SQLite tests share one: better-sqlite3 waits for locks synchronously, which would stall this single-threaded test. */
  let secondDb: Db;
  let otherDb: Db;

  beforeAll(async () => {
    api = await createTestApi(dialect);
    secondDb = openDb(api.url);
    otherDb = dialect === 'postgres' ? secondDb : api.db;
    robot = await startRobot();
    cookie = (await api.signUp('pm@example.com')).cookie;
    projectId = (
      await readJson<{ id: string }>(
        await api.call('POST', '/api/v1/projects', { cookie, body: { name: '双轨试点', clientName: 'C', erpProduct: 'E' } }),
      )
    ).id;
    base = `/api/v1/projects/${projectId}`;
    const upload = async (name: string, content: string): Promise<string> => {
      const response = await api.app.request(`${base}/uploads?filename=${name}`, {
        method: 'PUT',
        headers: { cookie, 'content-type': 'text/csv' },
        body: content,
      });
      return (await readJson<{ id: string }>(response)).id;
    };
    const left = await upload('stock-old.csv', '物料编码,数量\nM1,10\nM2,5\n');
    const right = await upload('stock-new.csv', '物料编码,数量\nM1,10\nM2,6\nM3,1\n');
    const created = await api.call('POST', `${base}/reconcile/specs`, {
      cookie,
      body: {
        name: '库存数量',
        left: { type: 'upload', uploadId: left },
        right: { type: 'upload', uploadId: right },
        comparison: { key: '物料编码' },
        schedule: { cron: '0 6 * * *', enabled: true, timeZone: 'Asia/Shanghai' },
        webhook: { format: 'json', url: `${robot.url}/json/hook?token=SECRET-TOKEN-123` },
      },
    });
    expect(created.status, await created.clone().text()).toBe(201);
    spec = await readJson<SpecView>(created);
    await api.jobs.start();
  });
  afterAll(async () => {
    robot.server.close();
    await secondDb.close();
    await api.close();
  });

  it('never shows the webhook token', async () => {
    expect(spec.webhook).toEqual({ format: 'json', url: `${robot.url}/json/hook?token=***` });
    expect(spec.schedule.nextRunAt).toMatch(/T22:00:00\.000Z$/); // 06:00 in Shanghai
    const audit = await api.call('GET', `${base}/audit`, { cookie });
    expect(await audit.text()).not.toContain('SECRET-TOKEN');
  });

  it('sends the four webhook formats with Chinese text', async () => {
    const expectations: [string, (body: Record<string, unknown>) => void][] = [
      [
        'wecom',
        (body) => {
          expect(body.msgtype).toBe('markdown');
          const content = (body.markdown as { content: string }).content;
          expect(content).toContain('### 双轨对账：库存数量');
          expect(content).toContain('退出标准（连续 3 个业务日无未解释差异）：未满足');
        },
      ],
      [
        'dingtalk',
        (body) => {
          expect(body.msgtype).toBe('markdown');
          const markdown = body.markdown as { title: string; text: string };
          expect(markdown.title).toMatch(/^双轨对账：库存数量（\d{4}-\d{2}-\d{2}）$/);
          expect(markdown.text).toContain('- 项目：双轨试点');
        },
      ],
      [
        'feishu',
        (body) => {
          expect(body.msg_type).toBe('text');
          const text = (body.content as { text: string }).text;
          expect(text.split('\n')[0]).toMatch(/^双轨对账：库存数量/);
          expect(text).toContain('尚无成功的对账运行');
        },
      ],
      [
        'json',
        (body) => {
          expect(body).toMatchObject({
            event: 'reconcile.run.finished',
            project: { id: projectId, name: '双轨试点' },
            spec: { id: spec.id, name: '库存数量' },
            exitCriterion: { met: false, required: 3 },
          });
          expect(body.run).toMatchObject({ status: 'succeeded' });
        },
      ],
    ];
    for (const [format, check] of expectations) {
      const before = robot.received.length;
      const response = await api.call('POST', `${base}/reconcile/specs/${spec.id}/test-webhook`, {
        cookie,
        body: { format, url: `${robot.url}/${format}/send?key=K-${format}` },
      });
      expect(response.status).toBe(200);
      expect(await readJson(response)).toEqual({ ok: true, status: 'sent', error: null });
      expect(robot.received.length).toBe(before + 1);
      const got = robot.received[before]!;
      expect(got.path).toBe(`/${format}/send?key=K-${format}`);
      check(got.body);
    }
  });

  it('reports a refused or failing webhook without the URL', async () => {
    const refused = await readJson<{ ok: boolean; status: string; error: string }>(
      await api.call('POST', `${base}/reconcile/specs/${spec.id}/test-webhook`, {
        cookie,
        body: { format: 'wecom', url: `${robot.url}/refuse/send?key=VERY-SECRET-KEY` },
      }),
    );
    expect(refused).toMatchObject({ ok: false, status: 'failed' });
    expect(refused.error).toContain('93000');
    expect(refused.error).not.toContain('VERY-SECRET-KEY');
    const broken = await readJson<{ status: string; error: string }>(
      await api.call('POST', `${base}/reconcile/specs/${spec.id}/test-webhook`, {
        cookie,
        body: { format: 'json', url: `${robot.url}/broken/VERY-SECRET-PATH-TOKEN-0001` },
      }),
    );
    expect(broken.status).toBe('failed');
    expect(broken.error).toContain('HTTP 500');
    const unreachable = await readJson<{ status: string; error: string }>(
      await api.call('POST', `${base}/reconcile/specs/${spec.id}/test-webhook`, {
        cookie,
        body: { format: 'feishu', url: 'http://127.0.0.1:1/open-apis/bot/v2/hook/VERY-SECRET-PATH-TOKEN-0001' },
      }),
    );
    expect(unreachable.status).toBe('failed');
    expect(unreachable.error).not.toContain('VERY-SECRET');
  });

  it('queues a due slot exactly once even when two schedulers race, then notifies the webhook', async () => {
    const now = new Date(Date.now() + 2 * 24 * 3600_000);
    const slot = latestDueTime(parseCron('0 6 * * *'), new Date(), now, 'Asia/Shanghai')!;
    const [a, b] = await Promise.all([runReconcileSchedulerTick(api.db, api.jobs, now), runReconcileSchedulerTick(otherDb, api.jobs, now)]);
    expect([...a, ...b]).toHaveLength(1);
    expect(await runReconcileSchedulerTick(api.db, api.jobs, now)).toEqual([]);
    const rows = await api.db.kysely.selectFrom('reconcile_run').selectAll().where('spec_id', '=', spec.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ trigger: 'schedule', scheduled_for: slot.toISOString() });

    const before = robot.received.length;
    let run: RunView;
    const start = Date.now();
    do {
      await new Promise((r) => setTimeout(r, 50));
      run = await readJson<RunView>(await api.call('GET', `${base}/reconcile/runs/${rows[0]!.id}`, { cookie }));
      if (Date.now() - start > 30_000) throw new Error('scheduled run did not finish');
    } while (run.status === 'queued' || run.status === 'running' || run.webhookStatus === null);
    expect(run).toMatchObject({ status: 'succeeded', trigger: 'schedule', differencesTotal: 2, webhookStatus: 'sent', webhookError: null });
    // The business date is the slot's date in the spec's zone (06:00 Shanghai = 22:00 UTC the day before).
    expect(run.businessDate).toBe(new Date(slot.getTime() + 8 * 3600_000).toISOString().slice(0, 10));
    const notice = robot.received.slice(before).find((r) => r.path.startsWith('/json/hook'));
    expect(notice?.body).toMatchObject({
      event: 'reconcile.run.finished',
      run: { id: run.id, trigger: 'schedule', differencesTotal: 2, unexplained: 2 },
      summary: { left_rows: 2, right_rows: 3, changed: 1, only_right: 1 },
      exitCriterion: { met: false, reasonCode: 'unexplained' },
    });
  });

  it('runs two started schedulers without doubling a slot, and none for a disabled spec', async () => {
    const now = new Date(Date.now() + 3 * 24 * 3600_000);
    const stops = [
      startReconcileScheduler(api.db, api.jobs, { dataDir: api.dataDir, intervalMs: 20, now: () => now }),
      startReconcileScheduler(otherDb, api.jobs, { dataDir: api.dataDir, intervalMs: 20, now: () => now }),
    ];
    await new Promise((r) => setTimeout(r, 400));
    stops.forEach((stop) => stop());
    const rows = await api.db.kysely.selectFrom('reconcile_run').select('scheduled_for').where('spec_id', '=', spec.id).execute();
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((r) => r.scheduled_for)).size).toBe(2);

    // The unique constraint itself: a second insert of the same slot is a no-op.
    const row = await api.db.kysely.selectFrom('reconcile_spec').selectAll().where('id', '=', spec.id).executeTakeFirstOrThrow();
    expect(
      await queueRun(otherDb, api.jobs, null, row, { trigger: 'schedule', scheduledFor: new Date(rows[0]!.scheduled_for!) }),
    ).toBeUndefined();

    await api.call('PATCH', `${base}/reconcile/specs/${spec.id}`, { cookie, body: { schedule: { enabled: false } } });
    expect(await runReconcileSchedulerTick(api.db, api.jobs, new Date(Date.now() + 5 * 24 * 3600_000))).toEqual([]);

    // Let the queued runs finish before the database closes.
    for (let i = 0; i < 600; i++) {
      const busy = await api.db.kysely.selectFrom('job').select('id').where('status', 'in', ['queued', 'running']).execute();
      if (busy.length === 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
  });
});
