import { afterAll, beforeAll, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { describeEachDialect } from '../../../test/db-harness';
import { createTestApi, readJson, type TestApi } from '../../../test/api-harness';
import type { DifferenceView, ExitCriterionView, RunView, SpecView } from './cutover.schema';

type ErrorBody = { error: { code: string; message: string; details: { field: string; reason: string }[] } };

describeEachDialect('dual-run reconciliation API', (dialect) => {
  let api: TestApi;
  let cookie: string;
  let projectId: string;
  let base: string;

  beforeAll(async () => {
    api = await createTestApi(dialect);
    cookie = (await api.signUp('pm@example.com')).cookie;
    projectId = await api.createProject(cookie, '兰州机床 ERP');
    base = `/api/v1/projects/${projectId}`;
    await api.jobs.start();
  });
  afterAll(() => api.close());

  const upload = (name: string, content: string): Promise<string> => api.upload(cookie, projectId, name, content);

  async function waitRun(runId: string): Promise<RunView> {
    const start = Date.now();
    for (;;) {
      const run = await readJson<RunView>(await api.call('GET', `${base}/reconcile/runs/${runId}`, { cookie }));
      if (run.status !== 'queued' && run.status !== 'running') return run;
      if (Date.now() - start > 30_000) throw new Error(`run ${runId} stuck in ${run.status}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function run(specId: string, businessDate?: string): Promise<RunView> {
    const response = await api.call('POST', `${base}/reconcile/specs/${specId}/run`, {
      cookie,
      body: businessDate ? { businessDate } : {},
    });
    expect(response.status, await response.clone().text()).toBe(202);
    const { run: queued } = await readJson<{ run: RunView; jobId: string }>(response);
    expect(queued.status).toBe('queued');
    const done = await waitRun(queued.id);
    expect(done.status, done.error ?? '').toBe('succeeded');
    return done;
  }

  async function differences(runId: string, query = ''): Promise<{ total: number; items: DifferenceView[] }> {
    const response = await api.call('GET', `${base}/reconcile/runs/${runId}/differences${query}`, { cookie });
    expect(response.status).toBe(200);
    return readJson(response);
  }

  let oldId: string;
  let newId: string;
  let specId: string;
  let firstRun: RunView;

  it('suggests a column mapping from the two headers', async () => {
    oldId = await upload('old.csv', 'id,name,amt\n1,a,10\n2,b,20\n3,c,30\n');
    newId = await upload('new.csv', 'ID,Name,Amount\n1,a,10\n2,b,25\n4,d,40\n');
    const response = await api.call('POST', `${base}/reconcile/suggest-mapping`, {
      cookie,
      body: { left: { type: 'upload', uploadId: oldId }, right: { type: 'upload', uploadId: newId } },
    });
    expect(response.status).toBe(200);
    const body = await readJson<{
      leftColumns: string[];
      rightColumns: string[];
      suggestions: unknown[];
      suggestedKey: string[];
      mapColumns: Record<string, string>;
    }>(response);
    expect(body.leftColumns).toEqual(['id', 'name', 'amt']);
    expect(body.rightColumns).toEqual(['ID', 'Name', 'Amount']);
    expect(body.suggestions).toEqual([
      { left: 'id', right: 'ID', match: 'normalized' },
      { left: 'name', right: 'Name', match: 'normalized' },
      { left: 'amt', right: 'Amount', match: 'synonym' },
    ]);
    expect(body.suggestedKey).toEqual(['id']);
    expect(body.mapColumns).toEqual({ id: 'ID', name: 'Name', amt: 'Amount' });
  });

  it('creates a spec from two uploads, runs it through the job queue and lists the differences', async () => {
    const created = await api.call('POST', `${base}/reconcile/specs`, {
      cookie,
      body: {
        name: '客户余额',
        left: { type: 'upload', uploadId: oldId },
        right: { type: 'upload', uploadId: newId },
        comparison: { key: 'id', mapColumns: { id: 'ID', name: 'Name', amt: 'Amount' }, rules: { amt: { tolerance: 0.01 } } },
      },
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const spec = await readJson<SpecView>(created);
    specId = spec.id;
    expect(spec).toMatchObject({
      name: '客户余额',
      leftLabel: 'old.csv',
      rightLabel: 'new.csv',
      schedule: { cron: '0 6 * * *', enabled: false, timeZone: 'Asia/Shanghai', nextRunAt: null },
      exitCriterionDays: 3,
      webhook: { format: 'none', url: null },
      lastRun: null,
      exitCriterion: { met: false, reasonCode: 'no_runs', streak: 0 },
    });

    firstRun = await run(specId, '2026-12-01');
    expect(firstRun).toMatchObject({
      trigger: 'manual',
      businessDate: '2026-12-01',
      differencesTotal: 3,
      statusCounts: { changed: 1, only_left: 1, only_right: 1 },
      newCount: 3,
      openCount: 0,
      resolvedCount: 0,
      unexplained: 3,
    });
    expect(firstRun.summary).toMatchObject({
      left_rows: 3,
      right_rows: 3,
      matched: 1,
      changed: 1,
      only_left: 1,
      only_right: 1,
      columns: { name: 0, amt: 1 },
    });

    const all = await differences(firstRun.id);
    expect(all.total).toBe(3);
    expect(all.items.map((d) => [d.keyText, d.status, d.column, d.left, d.right, d.delta, d.track])).toEqual([
      ['2', 'changed', 'amt', '20', '25', '5', 'new'],
      ['3', 'only_left', null, null, null, null, 'new'],
      ['4', 'only_right', null, null, null, null, 'new'],
    ]);
    expect(all.items[0]).toMatchObject({ statusLabel: '值不同', explained: false, firstSeenDate: '2026-12-01', key: ['2'] });
    expect((await differences(firstRun.id, '?status=only_right')).items.map((d) => d.keyText)).toEqual(['4']);
    expect((await differences(firstRun.id, '?column=amt')).total).toBe(1);
    expect((await differences(firstRun.id, '?key=3')).items.map((d) => d.status)).toEqual(['only_left']);
    expect((await differences(firstRun.id, '?explained=yes')).total).toBe(0);
    const page = await differences(firstRun.id, '?limit=2&offset=2');
    expect(page).toMatchObject({ total: 3, items: [{ keyText: '4' }] });

    const runs = await readJson<{ total: number; items: RunView[] }>(
      await api.call('GET', `${base}/reconcile/specs/${specId}/runs`, { cookie }),
    );
    expect(runs.total).toBe(1);
    expect(runs.items[0]!.id).toBe(firstRun.id);
    // The run is stored before the job records its own end: wait for both.
    let job: { type: string; status: string; progress: number; result: unknown };
    do {
      job = await readJson(await api.call('GET', `${base}/jobs/${firstRun.jobId}`, { cookie }));
    } while (job.status === 'running' && (await new Promise((r) => setTimeout(r, 50)), true));
    expect(job).toMatchObject({
      type: 'reconcile.run',
      status: 'succeeded',
      progress: 1,
      result: { runId: firstRun.id, differencesTotal: 3 },
    });
  });

  it('exports the differences to XLSX and CSV with Chinese headers', async () => {
    const xlsx = await api.call('GET', `${base}/reconcile/runs/${firstRun.id}/export?format=xlsx`, { cookie });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-disposition')).toContain(encodeURIComponent('客户余额-2026-12-01-差异.xlsx'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '键',
      '状态',
      '列',
      '旧系统值',
      '新系统值',
      '差额',
      '跟踪',
      '首次出现',
      '已解释',
      '解释说明',
      '解释人',
      '解释时间',
    ]);
    expect((sheet.getRow(2).values as unknown[]).slice(1, 10)).toEqual(['2', '值不同', 'amt', '20', '25', '5', '新增', '2026-12-01', '否']);
    expect(sheet.getRow(3).getCell(2).value).toBe('仅旧系统');

    const csv = await api.call('GET', `${base}/reconcile/runs/${firstRun.id}/export?format=csv&status=only_right`, { cookie });
    expect(csv.status).toBe(200);
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.slice(1).split('\r\n').slice(0, 3)).toEqual([
      '键,状态,列,旧系统值,新系统值,差额,跟踪,首次出现,已解释,解释说明,解释人,解释时间',
      '4,仅新系统,,,,,新增,2026-12-01,否,,,',
      '',
    ]);
  });

  it('tracks differences across runs as new, still open and resolved; explanations carry over', async () => {
    // Day 2: key 3 is gone (resolved), key 2 still differs (open), key 4 still only right (open), key 1 now differs (new).
    const old2 = await upload('old-d2.csv', 'id,name,amt\n1,a,10\n2,b,20\n5,e,50\n');
    const new2 = await upload('new-d2.csv', 'ID,Name,Amount\n1,a,11\n2,b,25\n4,d,40\n5,e,50\n');
    const explained = await api.call('POST', `${base}/reconcile/specs/${specId}/explanations`, {
      cookie,
      body: { differenceIds: [(await differences(firstRun.id, '?status=changed')).items[0]!.id], reason: '新系统金额含税' },
    });
    expect(explained.status).toBe(200);
    expect(await readJson(explained)).toEqual({ items: 1 });
    expect((await readJson<RunView>(await api.call('GET', `${base}/reconcile/runs/${firstRun.id}`, { cookie }))).unexplained).toBe(2);

    const patched = await api.call('PATCH', `${base}/reconcile/specs/${specId}`, {
      cookie,
      body: { left: { type: 'upload', uploadId: old2 }, right: { type: 'upload', uploadId: new2 } },
    });
    expect(patched.status, await patched.clone().text()).toBe(200);
    const second = await run(specId, '2026-12-02');
    expect(second).toMatchObject({ differencesTotal: 3, newCount: 1, openCount: 2, resolvedCount: 1, unexplained: 2 });
    const diffs = await differences(second.id);
    expect(diffs.items.map((d) => [d.keyText, d.status, d.column, d.track, d.explained, d.firstSeenDate])).toEqual([
      ['1', 'changed', 'amt', 'new', false, '2026-12-02'],
      ['2', 'changed', 'amt', 'open', true, '2026-12-01'],
      ['4', 'only_right', null, 'open', false, '2026-12-01'],
    ]);
    expect(diffs.items[1]).toMatchObject({ explanation: '新系统金额含税', explainedBy: 'pm' });
    expect((await differences(second.id, '?track=new')).items.map((d) => d.keyText)).toEqual(['1']);
    expect((await differences(second.id, '?explained=no')).total).toBe(2);
    const resolved = await readJson<{ items: { keyText: string; status: string }[] }>(
      await api.call('GET', `${base}/reconcile/runs/${second.id}/resolved`, { cookie }),
    );
    expect(resolved.items).toEqual([expect.objectContaining({ keyText: '3', status: 'only_left', firstSeenDate: '2026-12-01' })]);

    const history = await readJson<{
      trend: { businessDate: string; differencesTotal: number; unexplained: number; statusCounts: Record<string, number> }[];
    }>(await api.call('GET', `${base}/reconcile/specs/${specId}/history`, { cookie }));
    expect(history.trend.map((t) => [t.businessDate, t.differencesTotal, t.unexplained])).toEqual([
      ['2026-12-01', 3, 2],
      ['2026-12-02', 3, 2],
    ]);
    expect(history.trend[1]!.statusCounts).toEqual({ changed: 2, only_right: 1 });

    const audit = await readJson<{ items: { entity: string; action: string }[] }>(
      await api.call('GET', `${base}/audit?entity=reconcile_item`, { cookie }),
    );
    expect(audit.items.map((a) => a.action)).toContain('explain');
  });

  it('meets the exit criterion after 3 consecutive business days without unexplained differences', async () => {
    const left = await upload('gl-old.csv', 'account,balance\n1001,100\n1002,200\n');
    const right = await upload('gl-new.csv', 'account,balance\n1001,100\n1002,201\n');
    const spec = await readJson<SpecView>(
      await api.call('POST', `${base}/reconcile/specs`, {
        cookie,
        body: {
          name: '总账余额',
          left: { type: 'upload', uploadId: left },
          right: { type: 'upload', uploadId: right },
          comparison: { key: ['account'] },
          exitCriterionDays: 3,
        },
      }),
    );
    const criterion = async (): Promise<ExitCriterionView> =>
      (
        await readJson<{ exitCriterion: ExitCriterionView }>(
          await api.call('GET', `${base}/reconcile/specs/${spec.id}/history`, { cookie, headers: { 'accept-language': 'zh-CN' } }),
        )
      ).exitCriterion;

    const day1 = await run(spec.id, '2026-12-01');
    expect(day1.unexplained).toBe(1);
    expect(await criterion()).toMatchObject({
      met: false,
      reasonCode: 'unexplained',
      streak: 0,
      reason: '未满足：2026-12-01 的对账还有 1 条未解释差异',
    });

    const [diff] = (await differences(day1.id)).items;
    await api.call('POST', `${base}/reconcile/specs/${spec.id}/explanations`, {
      cookie,
      body: { differenceIds: [diff!.id], reason: '期初调整' },
    });
    expect(await criterion()).toMatchObject({ met: false, reasonCode: 'too_few', streak: 1 });

    await run(spec.id, '2026-12-02');
    expect(await criterion()).toMatchObject({
      met: false,
      reasonCode: 'too_few',
      streak: 2,
      reason: '未满足：已连续 2 个业务日无未解释差异，需要 3 个',
    });
    const day3 = await run(spec.id, '2026-12-03');
    expect(day3).toMatchObject({ openCount: 1, newCount: 0, unexplained: 0 });
    expect(await criterion()).toMatchObject({
      met: true,
      reasonCode: 'met',
      streak: 3,
      streakDates: ['2026-12-03', '2026-12-02', '2026-12-01'],
    });

    // A skipped day breaks the chain until it is re-run.
    await run(spec.id, '2026-12-05');
    expect(await criterion()).toMatchObject({ met: false, reasonCode: 'gap', streak: 1 });
    await run(spec.id, '2026-12-04');
    expect(await criterion()).toMatchObject({ met: true, streak: 5 });

    const summary = await readJson<{ allMet: boolean; items: { specName: string; exitCriterion: ExitCriterionView }[] }>(
      await api.call('GET', `${base}/reconcile/exit-criteria`, { cookie, headers: { 'accept-language': 'en' } }),
    );
    expect(summary.allMet).toBe(false);
    expect(summary.items.map((i) => [i.specName, i.exitCriterion.met])).toEqual([
      ['客户余额', false],
      ['总账余额', true],
    ]);
    expect(summary.items[1]!.exitCriterion.reason).toMatch(/^Met: 5 consecutive business days/);

    // Withdrawing the explanation makes every run unexplained again.
    await api.call('POST', `${base}/reconcile/specs/${spec.id}/explanations`, {
      cookie,
      body: { differenceIds: [diff!.id], explained: false },
    });
    expect(await criterion()).toMatchObject({ met: false, reasonCode: 'unexplained', streak: 0 });
  });

  it('exports a spec as CLI YAML and imports it back', async () => {
    const response = await api.call('GET', `${base}/reconcile/specs/${specId}?format=yaml`, { cookie });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('yaml');
    const yaml = await response.text();
    expect(yaml).toContain('left: old-d2.csv');
    expect(yaml).toContain('right: new-d2.csv');
    expect(yaml).toContain('key: id');
    expect(yaml).toMatch(/amt:\n\s+tolerance: 0.01/);
    expect(yaml).toContain('# golive 双轨对账规则');

    const imported = await api.call('POST', `${base}/reconcile/specs/import`, { cookie, body: { name: '客户余额（导入）', yaml } });
    expect(imported.status, await imported.clone().text()).toBe(201);
    const spec = await readJson<SpecView>(imported);
    const original = await readJson<SpecView>(await api.call('GET', `${base}/reconcile/specs/${specId}`, { cookie }));
    expect(spec.left).toEqual(original.left);
    expect(spec.right).toEqual(original.right);
    expect(spec.comparison).toEqual(original.comparison);

    const unknown = await api.call('POST', `${base}/reconcile/specs/import`, {
      cookie,
      body: { name: 'X', yaml: 'left: missing.csv\nright: new.csv\nkey: id\n' },
    });
    expect(unknown.status).toBe(400);
    const unknownError = await readJson<ErrorBody>(unknown);
    expect(unknownError.error.code).toBe('CUTOVER_IMPORT_UPLOAD_NOT_FOUND');
    expect(unknownError.error.message).toContain('没有名为“missing.csv”的上传文件');
  });

  it('refuses bad input with clear errors', async () => {
    const body = (overrides: Record<string, unknown>) => ({
      name: 'Bad',
      left: { type: 'upload', uploadId: oldId },
      right: { type: 'upload', uploadId: newId },
      comparison: { key: 'id', mapColumns: { id: 'ID' } },
      ...overrides,
    });
    const unknownUpload = await api.call('POST', `${base}/reconcile/specs`, {
      cookie,
      body: body({ left: { type: 'upload', uploadId: '00000000-0000-4000-8000-000000000000' } }),
    });
    expect(unknownUpload.status).toBe(404);
    const notFound = await readJson<ErrorBody>(unknownUpload);
    expect(notFound.error.details).toEqual([{ field: 'left.uploadId', reason: '未找到上传文件：“00000000-0000-4000-8000-000000000000”' }]);

    const badKey = await api.call('POST', `${base}/reconcile/specs`, {
      cookie,
      headers: { 'accept-language': 'en' },
      body: body({ comparison: { key: 'customer_no' } }),
    });
    expect(badKey.status).toBe(400);
    const keyError = await readJson<ErrorBody>(badKey);
    expect(keyError.error.code).toBe('SOURCES_COLUMN_MISSING');
    expect(keyError.error.message).toBe('Source "old.csv" has no column "customer_no" (key); columns are: id, name, amt');
    expect(keyError.error.details).toEqual([{ field: 'key', reason: keyError.error.message }]);
    expect(keyError.error.message).not.toContain(api.dataDir);

    const badRule = await api.call('POST', `${base}/reconcile/specs`, {
      cookie,
      body: body({ comparison: { key: 'id', mapColumns: { id: 'ID' }, rules: { amount: { tolerance: 1 } } } }),
    });
    expect((await readJson<ErrorBody>(badRule)).error.message).toContain('中没有列“amount”（用于 rules.amount）');

    const badCron = await api.call('POST', `${base}/reconcile/specs`, { cookie, body: body({ schedule: { cron: '0 25 * * *' } }) });
    expect(badCron.status).toBe(400);
    const cronError = await readJson<ErrorBody>(badCron);
    expect(cronError.error.code).toBe('CUTOVER_CRON_INVALID');
    expect(cronError.error.message).toBe(
      '定时表达式“0 25 * * *”的第 2 个字段中“25”无效：5 个字段依次为分、时、日、月、周，该字段可填 0–23，也可用 *、范围（1-5）、列表（1,3）或步长（*/15）',
    );
    expect(cronError.error.details[0]!.field).toBe('schedule.cron');
    const badZone = await api.call('POST', `${base}/reconcile/specs`, { cookie, body: body({ schedule: { timeZone: 'Mars/Olympus' } }) });
    const zoneError = await readJson<ErrorBody>(badZone);
    expect(zoneError.error.code).toBe('CUTOVER_TIME_ZONE_INVALID');
    expect(zoneError.error.details[0]!.field).toBe('schedule.timeZone');
    const noTable = await api.call('POST', `${base}/reconcile/specs`, {
      cookie,
      body: body({ right: { type: 'connection', connectionId: 'c1' } }),
    });
    expect(noTable.status).toBe(400);
    expect((await readJson<ErrorBody>(noTable)).error.details[0]!.reason).toContain('exactly one of table or query');
    const duplicate = await api.call('POST', `${base}/reconcile/specs`, { cookie, body: body({ name: '客户余额' }) });
    expect(duplicate.status).toBe(409);
    expect((await readJson<ErrorBody>(duplicate)).error.code).toBe('CUTOVER_SPEC_NAME_TAKEN');
    const badDate = await api.call('POST', `${base}/reconcile/specs/${specId}/run`, { cookie, body: { businessDate: '2026-02-30' } });
    expect(badDate.status).toBe(400);
    const unknownDiff = await api.call('POST', `${base}/reconcile/specs/${specId}/explanations`, {
      cookie,
      body: { differenceIds: ['nope'], reason: 'x' },
    });
    expect(unknownDiff.status).toBe(404);
    const noReason = await api.call('POST', `${base}/reconcile/specs/${specId}/explanations`, { cookie, body: { differenceIds: ['x'] } });
    expect(noReason.status).toBe(400);
  });

  it('records a failed run with a clean message when a source breaks after the spec was saved', async () => {
    const left = await upload('fail-old.csv', 'id,amt\n1,10\n');
    const right = await upload('fail-new.csv', 'id,amt\n1,x\n');
    const spec = await readJson<SpecView>(
      await api.call('POST', `${base}/reconcile/specs`, {
        cookie,
        body: {
          name: '失败用例',
          left: { type: 'upload', uploadId: left },
          right: { type: 'upload', uploadId: right },
          comparison: { key: 'id', rules: { amt: { numeric: true } } },
        },
      }),
    );
    const response = await api.call('POST', `${base}/reconcile/specs/${spec.id}/run`, { cookie, body: {} });
    const { run: queued } = await readJson<{ run: RunView }>(response);
    const done = await waitRun(queued.id);
    expect(done.status).toBe('failed');
    expect(done.error).toContain('Source "fail-new.csv", row 1, column "amt": "x" is not a number');
    expect(done.error).not.toContain(api.dataDir);
  });

  it('saves connections without ever returning or auditing the password', async () => {
    const created = await api.call('POST', `${base}/connections`, {
      cookie,
      body: { name: '旧 ERP', kind: 'postgres', url: 'postgres://erp_reader@10.0.0.5:5432/erp', password: 'Top$ecret#1' },
    });
    expect(created.status).toBe(201);
    const connection = await readJson<{ id: string; maskedUrl: string }>(created);
    expect(connection.maskedUrl).toBe('postgres://erp_reader:***@10.0.0.5:5432/erp');
    const stored = await api.db.kysely.selectFrom('data_connection').selectAll().where('id', '=', connection.id).executeTakeFirstOrThrow();
    expect(stored.url_encrypted).not.toContain('Top');

    const renamed = await api.call('PATCH', `${base}/connections/${connection.id}`, {
      cookie,
      body: { name: '旧 ERP（只读）', url: 'postgres://erp_reader:***@10.0.0.6:5432/erp' },
    });
    expect(renamed.status).toBe(200);
    expect((await readJson<{ maskedUrl: string }>(renamed)).maskedUrl).toBe('postgres://erp_reader:***@10.0.0.6:5432/erp');

    const list = await api.call('GET', `${base}/connections`, { cookie });
    const audit = await api.call('GET', `${base}/audit?limit=200`, { cookie });
    const auditRows = await api.db.kysely.selectFrom('audit_log').select(['before_json', 'after_json']).execute();
    for (const text of [await list.text(), await audit.text(), JSON.stringify(auditRows)]) {
      expect(text).not.toContain('Top$ecret');
      expect(text).not.toContain(encodeURIComponent('Top$ecret#1'));
    }
    const wrongKind = await api.call('POST', `${base}/connections`, {
      cookie,
      body: { name: 'x', kind: 'mysql', url: 'postgres://a@b/c' },
    });
    expect(wrongKind.status).toBe(400);
    expect((await readJson<ErrorBody>(wrongKind)).error.code).toBe('CUTOVER_CONNECTION_URL_KIND_MISMATCH');
    const dup = await api.call('POST', `${base}/connections`, {
      cookie,
      body: { name: '旧 ERP（只读）', kind: 'sqlite', url: 'sqlite:legacy.db' },
    });
    expect(dup.status).toBe(409);
    expect((await readJson<ErrorBody>(dup)).error.code).toBe('CUTOVER_CONNECTION_NAME_TAKEN');
    // SQLite files are fenced into the sqlite-sources folder: never golive's own database or any server file.
    for (const url of ['sqlite:/tmp/x.db', 'sqlite:../golive.db', `sqlite:${api.dataDir}/golive.db`]) {
      const outside = await api.call('POST', `${base}/connections`, {
        cookie,
        headers: { 'accept-language': 'en' },
        body: { name: `outside ${url}`, kind: 'sqlite', url },
      });
      expect(outside.status, url).toBe(400);
      const refused = await readJson<ErrorBody>(outside);
      expect(refused.error.code).toBe('CUTOVER_CONNECTION_SQLITE_OUTSIDE_FOLDER');
      expect(refused.error.message).toContain('sqlite-sources');
    }
    const inside = await api.call('POST', `${base}/connections`, {
      cookie,
      body: { name: '旧库', kind: 'sqlite', url: 'sqlite:legacy.db' },
    });
    expect(inside.status).toBe(201);
    const deleted = await api.call('DELETE', `${base}/connections/${connection.id}`, { cookie });
    expect(deleted.status).toBe(200);
  });
});
