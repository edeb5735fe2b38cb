import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabaseUrl, describeEachDialect } from '../../../test/db-harness';
import { createTestApi, readJson, type TestApi } from '../../../test/api-harness';
import type { DifferenceView, RunView, SpecView } from './cutover.schema';

const PASSWORD = 'Pg-Pa55word!';

// The reconciled source is a PostgreSQL database (golive's own database is either dialect).
describeEachDialect('dual-run against a saved PostgreSQL connection', (dialect) => {
  const hasPg = Boolean(process.env.GOLIVE_TEST_PG_URL);
  let api: TestApi;
  let cookie: string;
  let base: string;
  let sourceUrl: string;

  beforeAll(async () => {
    if (!hasPg) return;
    sourceUrl = await createTestDatabaseUrl('postgres');
    const client = new pg.Client({ connectionString: sourceUrl });
    await client.connect();
    try {
      await client.query('CREATE TABLE legacy_customer (id integer PRIMARY KEY, name text, credit_limit numeric(12,2))');
      await client.query(`INSERT INTO legacy_customer VALUES (1, '兰州机床厂', 1000.00), (2, '西北轴承', 2500.50), (3, '甘肃电机', 0)`);
    } finally {
      await client.end();
    }
    api = await createTestApi(dialect);
    cookie = (await api.signUp('pm@example.com')).cookie;
    const projectId = (
      await readJson<{ id: string }>(
        await api.call('POST', '/api/v1/projects', { cookie, body: { name: 'P', clientName: 'C', erpProduct: 'E' } }),
      )
    ).id;
    base = `/api/v1/projects/${projectId}`;
    await api.jobs.start();
  });
  afterAll(async () => {
    if (hasPg) await api.close();
  });

  it.runIf(hasPg)('reconciles a table and a query of a saved connection against an upload', async () => {
    // The test server trusts local connections, so the password is stored and sent but not needed.
    const created = await api.call('POST', `${base}/connections`, {
      cookie,
      body: { name: '旧系统 PostgreSQL', kind: 'postgres', url: sourceUrl, password: PASSWORD },
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const connection = await readJson<{ id: string; maskedUrl: string }>(created);
    expect(connection.maskedUrl).toContain(':***@');
    const tested = await api.call('POST', `${base}/connections/${connection.id}/test`, { cookie });
    expect(await readJson(tested)).toEqual({ ok: true, error: null });

    const uploaded = await api.app.request(`${base}/uploads?filename=new-customers.csv`, {
      method: 'PUT',
      headers: { cookie, 'content-type': 'text/csv' },
      body: '客户编号,客户名称,信用额度\n1,兰州机床厂,1000\n2,西北轴承,2600.5\n4,天水锻压,300\n',
    });
    const uploadId = (await readJson<{ id: string }>(uploaded)).id;

    const suggestion = await readJson<{ suggestions: { left: string; right: string; match: string }[] }>(
      await api.call('POST', `${base}/reconcile/suggest-mapping`, {
        cookie,
        body: { left: { type: 'connection', connectionId: connection.id, table: 'legacy_customer' }, right: { type: 'upload', uploadId } },
      }),
    );
    expect(suggestion.suggestions).toEqual([
      { left: 'id', right: '客户编号', match: 'synonym' },
      { left: 'name', right: '客户名称', match: 'synonym' },
      { left: 'credit_limit', right: '信用额度', match: 'synonym' },
    ]);

    const spec = await readJson<SpecView>(
      await api.call('POST', `${base}/reconcile/specs`, {
        cookie,
        body: {
          name: '客户主数据',
          left: { type: 'connection', connectionId: connection.id, table: 'public.legacy_customer' },
          right: { type: 'upload', uploadId },
          comparison: {
            key: 'id',
            mapColumns: { id: '客户编号', name: '客户名称', credit_limit: '信用额度' },
            rules: { credit_limit: { numeric: true } },
          },
        },
      }),
    );
    expect(spec.leftLabel).toBe('旧系统 PostgreSQL · public.legacy_customer');
    const queued = await readJson<{ run: RunView }>(await api.call('POST', `${base}/reconcile/specs/${spec.id}/run`, { cookie, body: {} }));
    let run: RunView;
    do {
      await new Promise((r) => setTimeout(r, 50));
      run = await readJson<RunView>(await api.call('GET', `${base}/reconcile/runs/${queued.run.id}`, { cookie }));
    } while (run.status === 'queued' || run.status === 'running');
    expect(run.status, run.error ?? '').toBe('succeeded');
    expect(run.summary).toMatchObject({ left_rows: 3, right_rows: 3, matched: 1, changed: 1, only_left: 1, only_right: 1 });
    const diffs = await readJson<{ items: DifferenceView[] }>(
      await api.call('GET', `${base}/reconcile/runs/${run.id}/differences`, { cookie }),
    );
    expect(diffs.items.map((d) => [d.keyText, d.status, d.column, d.left, d.right, d.delta])).toEqual([
      ['2', 'changed', 'credit_limit', '2500.50', '2600.5', '100'],
      ['3', 'only_left', null, null, null, null],
      ['4', 'only_right', null, null, null, null],
    ]);

    // A query instead of a table.
    const patched = await api.call('PATCH', `${base}/reconcile/specs/${spec.id}`, {
      cookie,
      body: {
        left: { type: 'connection', connectionId: connection.id, query: 'SELECT id, name, credit_limit FROM legacy_customer WHERE id < 3' },
      },
    });
    expect(patched.status, await patched.clone().text()).toBe(200);

    // The password appears nowhere the API or the audit trail shows, and the YAML export masks it.
    const yaml = await (await api.call('GET', `${base}/reconcile/specs/${spec.id}?format=yaml`, { cookie })).text();
    expect(yaml).toContain(':***@');
    const texts = [
      JSON.stringify(connection),
      await (await api.call('GET', `${base}/connections`, { cookie })).text(),
      await (await api.call('GET', `${base}/reconcile/specs`, { cookie })).text(),
      await (await api.call('GET', `${base}/audit?limit=200`, { cookie })).text(),
      JSON.stringify(await api.db.kysely.selectFrom('audit_log').selectAll().execute()),
      JSON.stringify(await api.db.kysely.selectFrom('reconcile_run').selectAll().execute()),
      JSON.stringify(await api.db.kysely.selectFrom('job').selectAll().execute()),
      yaml,
    ];
    for (const text of texts) expect(text).not.toContain('Pa55word');

    const inUse = await api.call('DELETE', `${base}/connections/${connection.id}`, { cookie });
    expect(inUse.status).toBe(409);
    const inUseError = await readJson<{ error: { code: string; message: string } }>(inUse);
    expect(inUseError.error.code).toBe('CUTOVER_CONNECTION_IN_USE');
    expect(inUseError.error.message).toContain('客户主数据');
  });

  it.runIf(hasPg)('fails a run with the password masked when the server refuses', async () => {
    const created = await readJson<{ id: string }>(
      await api.call('POST', `${base}/connections`, {
        cookie,
        body: { name: 'down', kind: 'postgres', url: 'postgres://erp@127.0.0.1:1/erp', password: PASSWORD },
      }),
    );
    const tested = await readJson<{ ok: boolean; error: string }>(
      await api.call('POST', `${base}/connections/${created.id}/test`, { cookie }),
    );
    expect(tested.ok).toBe(false);
    expect(tested.error).not.toContain('Pa55word');
    const refused = await api.call('POST', `${base}/reconcile/suggest-mapping`, {
      cookie,
      body: {
        left: { type: 'connection', connectionId: created.id, table: 't' },
        right: { type: 'connection', connectionId: created.id, table: 't' },
      },
    });
    expect(refused.status).toBe(400);
    const body = await refused.text();
    expect(body).not.toContain('Pa55word');
    expect(body).toContain('down · t');
  });
});
