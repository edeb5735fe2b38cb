import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import type { Db } from '../db/connection';
import type { Actor } from '../modules/access/access.service';
import { createConnection, sqliteSourceRoot } from '../modules/cutover/connection.service';
import { createSpecBodySchema } from '../modules/cutover/cutover.schema';
import { explainDifferences } from '../modules/cutover/run-query.service';
import { queueRun } from '../modules/cutover/run.service';
import { createSpec } from '../modules/cutover/spec.service';
import type { JobQueue } from '../modules/jobs/job-queue';
import { demoActor, runDemoJob } from './demo-jobs';

/** The legacy system's reporting database and the new ERP's production database of the pilot. */
export const DEMO_LEGACY_FILE = 'longyuan-u8-report.db';
export const DEMO_ERP_FILE = 'longyuan-erp-production.db';

/** The pilot's dual-run week: seven business days (Monday to Friday, 06:00 Asia/Shanghai). */
export const DEMO_BUSINESS_DATES = ['2026-11-26', '2026-11-27', '2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'];

export const DEMO_AR_SPEC = '应收账款余额（按客户）';
export const DEMO_STOCK_SPEC = '库存数量（按物料与仓库）';

const CUSTOMER_NAMES = ['兰州', '天水', '白银', '武威', '张掖', '酒泉', '金昌', '定西', '平凉', '庆阳'];
const CUSTOMER_WORDS = ['重工机械', '矿山设备', '农机制造', '建工集团', '水务工程', '电力安装'];
const MATERIALS = [
  ['主轴', '件'],
  ['轴承', '套'],
  ['齿轮', '件'],
  ['冷轧钢板', '吨'],
  ['液压油', '升'],
  ['电机', '台'],
] as const;

/** A difference planted on the new ERP's side: on which days (indexes), and how. */
interface Planted {
  key: string;
  days: number[];
  /** New value from the legacy one; undefined = the row exists only in the legacy system. */
  right?: (left: number) => number;
  /** Explained on the day it first appears, by whom, why; unexplained differences have none. */
  explanation?: { by: string; reason: string };
}

const AR_PLANTED: Planted[] = [
  { key: 'KH0012', days: [0], right: (v) => v - 8600 },
  {
    key: 'KH0007',
    days: [0, 1],
    right: (v) => v - 12800,
    explanation: { by: '赵敏', reason: '11-26 收到的银行承兑汇票已在金昌 ERP 收款，旧系统于次日补录，属时间性差异' },
  },
  { key: 'KH0018', days: [1, 2], right: (v) => v + 3250.5 },
  {
    key: 'KH0022',
    days: [2],
    right: (v) => v + 5680,
    explanation: { by: '赵敏', reason: '11-30 销售退货的红字发票旧系统未录入，12-01 已补录' },
  },
  {
    key: 'KH0031',
    days: [0, 1, 2, 3, 4, 5, 6],
    explanation: { by: '赵敏', reason: '已注销客户，余额为零，按迁移方案不迁入金昌 ERP' },
  },
];

const STOCK_PLANTED: Planted[] = [
  {
    key: 'WL10003|CK01',
    days: [0, 1, 2, 3, 4, 5, 6],
    right: (v) => v * 1000,
    explanation: { by: '周丽', reason: '计量单位不同：旧系统按吨、金昌 ERP 按千克，数量一致；待对账规则增加单位换算' },
  },
  {
    key: 'WL10010|CK01',
    days: [0, 1],
    right: (v) => v - 20,
    explanation: { by: '周丽', reason: '原材料库调往成品库的调拨单在途，旧系统未做调入' },
  },
  { key: 'WL10015|CK02', days: [4, 5, 6], right: (v) => v - 3 },
  { key: 'WL10020|CK01', days: [5, 6], right: (v) => v + 6 },
];

function customerName(i: number): string {
  return `${CUSTOMER_NAMES[i % CUSTOMER_NAMES.length]}${CUSTOMER_WORDS[i % CUSTOMER_WORDS.length]}有限公司`;
}

const cents = (v: number): number => Math.round(v * 100) / 100;

/** Both sides of one business day: [legacy rows, ERP rows]; the same except for the planted differences. */
function arRows(day: number): [unknown[][], unknown[][]] {
  const left: unknown[][] = [];
  const right: unknown[][] = [];
  for (let i = 1; i <= 31; i++) {
    const code = `KH${String(i).padStart(4, '0')}`;
    const balance = i === 31 ? 0 : cents(20_000 + ((i * 37_913) % 480_000) + ((i * (day + 3) * 7_919) % 30_000) + ((i * 17) % 100) / 100);
    left.push([code, customerName(i), balance]);
    const planted = AR_PLANTED.find((p) => p.key === code && p.days.includes(day));
    if (planted && !planted.right) continue;
    if (i === 31) continue;
    right.push([code, customerName(i), planted?.right ? cents(planted.right(balance)) : balance]);
  }
  return [left, right];
}

function stockRows(day: number): [unknown[][], unknown[][]] {
  const left: unknown[][] = [];
  const right: unknown[][] = [];
  for (let i = 1; i <= 24; i++) {
    const [name, unit] = MATERIALS[i % MATERIALS.length]!;
    const code = `WL${10000 + i}`;
    for (const warehouse of i % 3 === 0 ? ['CK01', 'CK02'] : ['CK01']) {
      const qty = unit === '吨' ? 8 + ((i + day) % 5) * 0.5 : 20 + ((i * 53) % 400) + ((i * (day + 1) * 31) % 25);
      left.push([code, `${name}${i}`, warehouse, unit, qty]);
      const planted = STOCK_PLANTED.find((p) => p.key === `${code}|${warehouse}` && p.days.includes(day));
      right.push([code, warehouse, planted?.right ? planted.right(qty) : qty]);
    }
  }
  return [left, right];
}

function writeTable(path: string, table: string, ddl: string, rows: unknown[][]): void {
  const db = new SQLite(path);
  try {
    db.exec(`CREATE TABLE IF NOT EXISTS ${table} (${ddl})`);
    const insert = db.prepare(`INSERT INTO ${table} VALUES (${rows[0]!.map(() => '?').join(', ')})`);
    db.transaction(() => {
      db.exec(`DELETE FROM ${table}`);
      for (const row of rows) insert.run(...row);
    })();
  } finally {
    db.close();
  }
}

/** The nightly extracts of one business day, as both systems hold them at 06:00. */
function writeDay(root: string, day: number): void {
  const [arLeft, arRight] = arRows(day);
  writeTable(join(root, DEMO_LEGACY_FILE), 'ar_balance', '客户编码 TEXT PRIMARY KEY, 客户名称 TEXT, 应收余额 NUMERIC', arLeft);
  writeTable(
    join(root, DEMO_ERP_FILE),
    'ar_customer_balance',
    'customer_code TEXT PRIMARY KEY, customer_name TEXT, balance NUMERIC',
    arRight,
  );
  const [stockLeft, stockRight] = stockRows(day);
  writeTable(
    join(root, DEMO_LEGACY_FILE),
    'stock_on_hand',
    '物料编码 TEXT, 物料名称 TEXT, 仓库编码 TEXT, 计量单位 TEXT, 结存数量 NUMERIC, PRIMARY KEY (物料编码, 仓库编码)',
    stockLeft,
  );
  writeTable(
    join(root, DEMO_ERP_FILE),
    'inv_onhand',
    'item_code TEXT, warehouse_code TEXT, onhand_qty NUMERIC, PRIMARY KEY (item_code, warehouse_code)',
    stockRight,
  );
}

/** 06:00 in Lanzhou (UTC+8) on a business date. */
const slotOf = (date: string): Date => new Date(`${date}T06:00:00+08:00`);

/**
 * The pilot's dual run (财务部 and 仓储物流部 run 用友 U8 and 金昌 ERP side by side): two saved
 * SQLite connections under the data dir, two specs (应收账款余额 by customer, 库存数量 by material
 * and warehouse; weekday 06:00 schedule, exit after 3 clean business days), and a week of daily runs
 * queued as the scheduler queues them and executed by the real `reconcile.run` job, each on that
 * day's extracts, with the team's explanations added the same day. 应收账款余额 ends the week at its
 * exit criterion (4 clean days); 库存数量 does not (two stock-count differences still unexplained).
 */
export async function insertDemoDualRun(
  db: Db,
  jobs: JobQueue,
  owner: Actor,
  projectId: string,
  dataDir: string,
): Promise<{ specIds: string[] }> {
  const root = sqliteSourceRoot(dataDir);
  mkdirSync(root, { recursive: true });
  writeDay(root, 0);
  const asIt = demoActor(owner, '马俊');
  const legacy = await createConnection(db, asIt, projectId, dataDir, {
    name: '用友 U8 报表库',
    kind: 'sqlite',
    url: `sqlite:${DEMO_LEGACY_FILE}`,
  });
  const erp = await createConnection(db, asIt, projectId, dataDir, {
    name: '金昌 ERP 正式库（试点）',
    kind: 'sqlite',
    url: `sqlite:${DEMO_ERP_FILE}`,
  });
  const schedule = { cron: '0 6 * * 1-5', enabled: true, timeZone: 'Asia/Shanghai' };
  const specs = [
    {
      planted: AR_PLANTED,
      input: createSpecBodySchema.parse({
        name: DEMO_AR_SPEC,
        left: { type: 'connection', connectionId: legacy.id, table: 'ar_balance' },
        right: { type: 'connection', connectionId: erp.id, table: 'ar_customer_balance' },
        comparison: {
          key: '客户编码',
          mapColumns: { 客户编码: 'customer_code', 客户名称: 'customer_name', 应收余额: 'balance' },
          rules: { 应收余额: { numeric: true, round: 2 }, 客户名称: { trim: true } },
        },
        schedule,
        exitCriterionDays: 3,
      }),
    },
    {
      planted: STOCK_PLANTED,
      input: createSpecBodySchema.parse({
        name: DEMO_STOCK_SPEC,
        left: { type: 'connection', connectionId: legacy.id, table: 'stock_on_hand' },
        right: { type: 'connection', connectionId: erp.id, table: 'inv_onhand' },
        comparison: {
          key: ['物料编码', '仓库编码'],
          mapColumns: { 物料编码: 'item_code', 仓库编码: 'warehouse_code', 结存数量: 'onhand_qty' },
          ignore: ['物料名称', '计量单位'],
          rules: { 结存数量: { numeric: true, round: 3 } },
        },
        schedule,
        exitCriterionDays: 3,
      }),
    },
  ];
  const created = [];
  for (const s of specs) created.push({ ...s, view: await createSpec(db, asIt, projectId, dataDir, s.input, 'zh-CN') });
  await db.kysely
    .updateTable('reconcile_spec')
    .set({ created_at: '2026-11-25T09:00:00.000Z', updated_at: '2026-11-25T09:00:00.000Z' })
    .where('project_id', '=', projectId)
    .execute();

  for (const [day, date] of DEMO_BUSINESS_DATES.entries()) {
    if (day > 0) writeDay(root, day);
    const slot = slotOf(date);
    for (const spec of created) {
      const row = await db.kysely.selectFrom('reconcile_spec').selectAll().where('id', '=', spec.view.id).executeTakeFirstOrThrow();
      const queued = await queueRun(db, jobs, null, row, { trigger: 'schedule', scheduledFor: slot });
      if (!queued) throw new Error(`demo: the run of ${date} was already queued`);
      await runDemoJob(jobs, queued.job.id);
      const started = slot.toISOString();
      const finished = new Date(slot.getTime() + 40_000 + day * 1_000).toISOString();
      await db.kysely
        .updateTable('reconcile_run')
        .set({ created_at: started, started_at: started, finished_at: finished })
        .where('id', '=', queued.run.id)
        .execute();
      await explainDay(db, owner, projectId, spec.view.id, queued.run.id, spec.planted, day, date);
    }
  }
  return { specIds: created.map((s) => s.view.id) };
}

/** The team's explanations of differences first seen that day, through the real service. */
async function explainDay(
  db: Db,
  owner: Actor,
  projectId: string,
  specId: string,
  runId: string,
  planted: Planted[],
  day: number,
  date: string,
): Promise<void> {
  for (const p of planted) {
    if (!p.explanation || p.days[0] !== day) continue;
    const differences = await db.kysely
      .selectFrom('reconcile_difference')
      .select('id')
      .where('run_id', '=', runId)
      .where('key_text', '=', p.key)
      .execute();
    if (differences.length === 0) throw new Error(`demo: no difference for ${p.key} on ${date}`);
    await explainDifferences(db, demoActor(owner, p.explanation.by), projectId, specId, {
      differenceIds: differences.map((d) => d.id),
      explained: true,
      reason: p.explanation.reason,
    });
    await db.kysely
      .updateTable('reconcile_item')
      .set({ explained_at: new Date(`${date}T10:30:00+08:00`).toISOString() })
      .where('spec_id', '=', specId)
      .where('key_text', '=', p.key)
      .execute();
  }
}
