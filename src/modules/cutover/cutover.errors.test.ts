import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AppError } from '../../shared/app-error';
import { describeEachDialect } from '../../../test/db-harness';
import { createTestApi, readJson, type TestApi } from '../../../test/api-harness';

type ErrorBody = { error: { code: string; message: string; details: { field: string; reason: string }[] } };

const PASSWORD = 'Top$ecret-42';

// Every cutover error carries a documented code and reads as natural Chinese by default (zh-CN).
describeEachDialect('cutover error codes', (dialect) => {
  let api: TestApi;
  let cookie: string;
  let projectId: string;
  let base: string;
  let uploadId: string;

  beforeAll(async () => {
    api = await createTestApi(dialect);
    cookie = (await api.signUp('pm@example.com')).cookie;
    projectId = await api.createProject(cookie, '兰州机床 ERP');
    base = `/api/v1/projects/${projectId}`;
    uploadId = await api.upload(cookie, projectId, 'new.csv', 'id,name\n1,兰州机床厂\n');
    const folder = join(api.dataDir, 'sqlite-sources');
    mkdirSync(folder, { recursive: true });
    const legacy = new Database(join(folder, 'legacy.db'));
    legacy.exec("CREATE TABLE customer (id integer PRIMARY KEY, name text); INSERT INTO customer VALUES (1, '兰州机床厂')");
    legacy.close();
  });
  afterAll(() => api.close());

  /** Asserts the status, code and zh-CN message; with a field, the detail naming it carries the message. */
  async function expectError(response: Response, status: number, code: string, message: string, field?: string): Promise<ErrorBody> {
    const text = await response.clone().text();
    expect(response.status, text).toBe(status);
    const body = await readJson<ErrorBody>(response);
    expect(body.error.code).toBe(code);
    expect(body.error.message).toBe(message);
    if (field) expect(body.error.details).toEqual([{ field, reason: message }]);
    expect(text).not.toContain(PASSWORD);
    return body;
  }

  const postConnection = (body: Record<string, unknown>): Promise<Response> =>
    api.call('POST', `${base}/connections`, { cookie, body: { name: '新连接', ...body } });

  it('refuses bad connection URLs naming the field, never echoing the URL or password', async () => {
    const cases: [Record<string, unknown>, string, string, string][] = [
      [
        { kind: 'postgres', url: `postgres://erp:${PASSWORD}@db/erp#customer` },
        'CUTOVER_CONNECTION_URL_HAS_FRAGMENT',
        '连接地址中不能包含“#”：要比对的表或查询在对账规则中选择',
        'url',
      ],
      [
        { kind: 'mysql', url: 'postgres://erp@db/erp' },
        'CUTOVER_CONNECTION_URL_KIND_MISMATCH',
        'MySQL 数据连接的地址应形如 mysql://user:password@host:3306/db',
        'url',
      ],
      [
        { kind: 'sqlite', url: '/data/legacy.db' },
        'CUTOVER_CONNECTION_URL_KIND_MISMATCH',
        'SQLite 数据连接的地址应形如 sqlite:legacy.db',
        'url',
      ],
      [
        { kind: 'postgres', url: `postgres://erp:${PASSWORD}@[db/erp` },
        'CUTOVER_CONNECTION_URL_INVALID',
        '连接地址格式不正确，请检查其中的空格和特殊字符（含特殊字符的密码可在“密码”栏单独填写）',
        'url',
      ],
      [{ kind: 'postgres', url: 'postgres:///erp' }, 'CUTOVER_CONNECTION_URL_NO_HOST', '连接地址中缺少数据库服务器的主机名', 'url'],
      [
        { kind: 'postgres', url: 'postgres://10.0.0.5/erp', password: PASSWORD },
        'CUTOVER_CONNECTION_PASSWORD_WITHOUT_USER',
        '填写了密码，但连接地址中没有用户名：请在地址中写明用户名（用户名@主机）',
        'password',
      ],
      [
        { kind: 'sqlite', url: 'sqlite:legacy.db', password: PASSWORD },
        'CUTOVER_CONNECTION_SQLITE_NO_PASSWORD',
        'SQLite 数据库文件没有密码，请不要填写密码',
        'password',
      ],
      [
        { kind: 'sqlite', url: 'sqlite://' },
        'CUTOVER_CONNECTION_SQLITE_NO_FILE',
        'SQLite 数据连接的地址中没有数据库文件名，应形如 sqlite:legacy.db',
        'url',
      ],
      [
        { kind: 'sqlite', url: 'sqlite:/tmp/x.db' },
        'CUTOVER_CONNECTION_SQLITE_OUTSIDE_FOLDER',
        `SQLite 数据库文件必须放在服务器的“${join(api.dataDir, 'sqlite-sources')}”文件夹内（该文件夹可由环境变量 GOLIVE_SQLITE_DIR 指定）`,
        'url',
      ],
    ];
    for (const [body, code, message, field] of cases) await expectError(await postConnection(body), 400, code, message, field);

    const outside = await api.call('POST', `${base}/connections`, {
      cookie,
      headers: { 'accept-language': 'en' },
      body: { name: 'outside', kind: 'sqlite', url: 'sqlite:../golive.db' },
    });
    expect((await readJson<ErrorBody>(outside)).error.message).toBe(
      `SQLite source files must be inside the server folder "${join(api.dataDir, 'sqlite-sources')}" (the environment variable GOLIVE_SQLITE_DIR chooses the folder)`,
    );
  });

  it('refuses a taken connection name and deleting a connection a spec uses', async () => {
    const created = await postConnection({ name: '旧系统库', kind: 'sqlite', url: 'sqlite:legacy.db' });
    expect(created.status, await created.clone().text()).toBe(201);
    const connection = await readJson<{ id: string }>(created);
    await expectError(
      await postConnection({ name: '旧系统库', kind: 'sqlite', url: 'sqlite:legacy.db' }),
      409,
      'CUTOVER_CONNECTION_NAME_TAKEN',
      '本项目已有名为“旧系统库”的数据连接，请换一个名称',
      'name',
    );
    const spec = await api.call('POST', `${base}/reconcile/specs`, {
      cookie,
      body: {
        name: '客户主数据',
        left: { type: 'connection', connectionId: connection.id, table: 'customer' },
        right: { type: 'upload', uploadId },
        comparison: { key: 'id' },
      },
    });
    expect(spec.status, await spec.clone().text()).toBe(201);
    await expectError(
      await api.call('DELETE', `${base}/connections/${connection.id}`, { cookie }),
      409,
      'CUTOVER_CONNECTION_IN_USE',
      '数据连接“旧系统库”正被以下对账规则使用，不能删除：“客户主数据”',
    );
  });
  const specBody = (overrides: Record<string, unknown>) => ({
    name: '客户余额',
    left: { type: 'upload', uploadId },
    right: { type: 'upload', uploadId },
    comparison: { key: 'id' },
    ...overrides,
  });

  it('refuses a taken spec name, an unknown time zone and a webhook URL that is not http(s)', async () => {
    const created = await api.call('POST', `${base}/reconcile/specs`, { cookie, body: specBody({}) });
    expect(created.status, await created.clone().text()).toBe(201);
    const post = (overrides: Record<string, unknown>): Promise<Response> =>
      api.call('POST', `${base}/reconcile/specs`, { cookie, body: specBody({ name: '客户余额 2', ...overrides }) });
    await expectError(
      await api.call('POST', `${base}/reconcile/specs`, { cookie, body: specBody({}) }),
      409,
      'CUTOVER_SPEC_NAME_TAKEN',
      '本项目已有名为“客户余额”的对账规则，请换一个名称',
      'name',
    );
    await expectError(
      await post({ schedule: { timeZone: 'Mars/Olympus' } }),
      400,
      'CUTOVER_TIME_ZONE_INVALID',
      '无法识别时区“Mars/Olympus”：请填写标准时区名称，如“Asia/Shanghai”',
      'schedule.timeZone',
    );
    const badHook = await post({ webhook: { format: 'json', url: `ftp://robot.example.com/hook?token=${PASSWORD}` } });
    await expectError(badHook, 400, 'CUTOVER_WEBHOOK_URL_INVALID', '通知地址须为以 http:// 或 https:// 开头的有效网址', 'webhook.url');
  });

  it('refuses a spec file whose sources or key cannot be resolved', async () => {
    const importYaml = (yaml: string): Promise<Response> =>
      api.call('POST', `${base}/reconcile/specs/import`, { cookie, body: { name: '导入的规则', yaml } });
    await expectError(
      await importYaml('right: new.csv\nkey: id\n'),
      400,
      'CUTOVER_IMPORT_SOURCE_MISSING',
      '导入的对账规则文件中没有“left”数据源：请在文件中写明，或在请求中传入“left”',
      'left',
    );
    await expectError(
      await importYaml('left: new.csv\nright: missing.csv\nkey: id\n'),
      400,
      'CUTOVER_IMPORT_UPLOAD_NOT_FOUND',
      '本项目中没有名为“missing.csv”的上传文件：请先上传该文件，或在请求中传入“right”数据源',
      'right',
    );
    await expectError(
      await importYaml(`left: postgres://erp:${PASSWORD}@db.example.com/erp#customer\nright: new.csv\nkey: id\n`),
      400,
      'CUTOVER_IMPORT_CONNECTION_NOT_FOUND',
      '没有与“postgres://erp@db.example.com/erp”对应的已保存数据连接：请先保存该数据连接，或在请求中传入“left”数据源',
      'left',
    );
    await expectError(
      await importYaml('left: sqlite:legacy.db\nright: new.csv\nkey: id\n'),
      400,
      'CUTOVER_IMPORT_TABLE_MISSING',
      '数据源“sqlite:legacy.db”未指定表：请在地址后加“#表名”',
      'left',
    );
    await expectError(
      await importYaml('left: new.csv\nright: new.csv\nkey: id\nvalueMaps:\n  status:\n    file: status-map.csv\n'),
      400,
      'CUTOVER_IMPORT_VALUE_MAP_FILE',
      '列“status”的值映射引用了外部文件，网页端不支持：请在规则文件中直接写出映射值，如“values: { 旧值: 新值 }”',
      'yaml.valueMaps.status',
    );
    await expectError(
      await importYaml('left: new.csv\nright: new.csv\n'),
      400,
      'CUTOVER_IMPORT_KEY_MISSING',
      '导入的对账规则文件未指定主键列：请用“key”写明用来匹配两边记录的列',
      'yaml.key',
    );
    // Defensive: the engine's schema catches everything else before the web app's own check.
    expect(new AppError('CUTOVER_IMPORT_SPEC_INVALID', { field: 'keyNormalize' }).localizedMessage('zh-CN')).toBe(
      '导入的对账规则文件中“keyNormalize”填写有误',
    );
  });
  it('refuses a webhook test without a format or a usable URL', async () => {
    const created = await api.call('POST', `${base}/reconcile/specs`, { cookie, body: specBody({ name: '库存数量' }) });
    expect(created.status, await created.clone().text()).toBe(201);
    const { id } = await readJson<{ id: string }>(created);
    const test = (body: Record<string, unknown>): Promise<Response> =>
      api.call('POST', `${base}/reconcile/specs/${id}/test-webhook`, { cookie, body });
    await expectError(
      await test({}),
      400,
      'CUTOVER_WEBHOOK_FORMAT_NONE',
      '通知方式为“不通知”，无法发送测试消息：请选择企业微信、钉钉、飞书或 JSON',
      'format',
    );
    await expectError(
      await test({ format: 'wecom' }),
      400,
      'CUTOVER_WEBHOOK_URL_MISSING',
      '该对账规则尚未填写通知地址，请先填写后再发送测试消息',
      'url',
    );
    await expectError(
      await test({ format: 'wecom', url: `ftp://robot.example.com/send?key=${PASSWORD}` }),
      400,
      'CUTOVER_WEBHOOK_URL_INVALID',
      '通知地址须为以 http:// 或 https:// 开头的有效网址',
      'url',
    );
  });
});
