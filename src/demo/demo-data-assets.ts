import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { DbExecutor } from '../db/connection';
import type { DataAssetTable } from '../db/schema-data-assets';
import { profileSource } from '../engines/profile/profile-source';
import type { CleanseRecipe, RuleSet } from '../engines/quality/quality-schema';
import { usccCheckChar } from '../engines/validators/uscc';
import { newId, nowIso } from '../shared/ids';

/** A demo file: its content is generated (deterministic) so the demo works on a fresh machine. */
interface DemoAsset {
  name: string;
  owner: string;
  system: string;
  storage: 'local' | 'cloud';
  notes: string;
  keyColumns: string[];
  csv: () => string;
  ruleSet?: RuleSet;
  recipe?: CleanseRecipe;
}

const CITIES = [
  '兰州市城关区',
  '兰州市七里河区',
  '天水市秦州区',
  '白银市白银区',
  '酒泉市肃州区',
  '张掖市甘州区',
  '武威市凉州区',
  '金昌市金川区',
];
const COMPANY_WORDS = [
  '天马机械',
  '陇兴商贸',
  '恒达物资',
  '新能源科技',
  '祁连重工',
  '金川物流',
  '丝路贸易',
  '黄河机电',
  '敦煌精密',
  '河西农机',
];
const PEOPLE = ['王建军', '李娜', '张伟', '刘洋', '陈静', '杨帆', '赵磊', '黄敏', '周杰', '吴倩'];

/** A valid 统一社会信用代码 for a Gansu (62) company number `n`. */
function uscc(n: number): string {
  const base = `916201${String(n).padStart(2, '0')}MA7${String(1000 + n * 37).slice(-4)}X${String(n % 10)}${'ABCDEFGH'[n % 8]}`;
  const body = base.slice(0, 17);
  return body + usccCheckChar(body);
}

const fullWidth = (text: string): string => text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const mobile = (n: number): string => `13${(n % 7) + 3}${String(93100000 + n * 7919).slice(-8)}`;
const csvLine = (cells: (string | number)[]): string =>
  cells.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(',');

function customersCsv(): string {
  const lines = [csvLine(['客户编码', '客户名称', '统一社会信用代码', '联系人', '联系电话', '地址', '信用额度', '建档日期'])];
  for (let i = 1; i <= 36; i++) {
    const code = `KH${String(i).padStart(4, '0')}`;
    const name = `${CITIES[i % CITIES.length]!.slice(0, 2)}${COMPANY_WORDS[i % COMPANY_WORDS.length]}有限公司${i > 10 ? `${i}` : ''}`;
    let credit = uscc(i);
    // Dirty data as found in legacy ERPs: a typed-wrong check character, full-width digits, missing phones, mixed date forms.
    if (i % 11 === 0) credit = credit.slice(0, 17) + (credit[17] === '1' ? '2' : '1');
    let phone = mobile(i);
    if (i % 9 === 0) phone = '';
    if (i % 13 === 0) phone = fullWidth(phone);
    const month = (i % 12) + 1;
    const date =
      i % 5 === 0
        ? `2019年${month}月${(i % 27) + 1}日`
        : i % 7 === 0
          ? `2020/${month}/${(i % 27) + 1}`
          : `2021-${String(month).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`;
    const padded = i % 8 === 0 ? ` ${name} ` : name;
    lines.push(
      csvLine([
        code,
        padded,
        credit,
        PEOPLE[i % PEOPLE.length]!,
        phone,
        `甘肃省${CITIES[i % CITIES.length]}建设路${i}号`,
        (i * 25000) % 500000,
        date,
      ]),
    );
  }
  // The same customer keyed twice by two sales offices.
  lines.push(
    csvLine([
      'KH0007',
      `${CITIES[7]!.slice(0, 2)}${COMPANY_WORDS[7]}有限公司`,
      uscc(7),
      '赵磊',
      '',
      '甘肃省金昌市金川区建设路7号',
      175000,
      '2022-03-01',
    ]),
  );
  lines.push(
    csvLine([
      'KH0012',
      `${CITIES[4]!.slice(0, 2)}${COMPANY_WORDS[2]}有限公司12`,
      uscc(12),
      '李娜',
      mobile(12),
      '甘肃省酒泉市肃州区建设路12号',
      300000,
      '2022-05-18',
    ]),
  );
  return `${lines.join('\n')}\n`;
}

function suppliersCsv(): string {
  const lines = [csvLine(['供应商编码', '供应商名称', '统一社会信用代码', '开户银行', '联系电话', '供应商类别'])];
  const banks = ['中国工商银行兰州分行', '中国建设银行天水分行', '甘肃银行', '兰州银行'];
  for (let i = 1; i <= 24; i++) {
    const phone = i % 6 === 0 ? '' : i % 10 === 0 ? `0931-88${String(60000 + i).slice(-5)}` : mobile(100 + i);
    lines.push(
      csvLine([
        `GYS${String(i).padStart(3, '0')}`,
        `${COMPANY_WORDS[(i + 3) % 10]}配件厂${i}`,
        uscc(40 + i),
        banks[i % 4]!,
        phone,
        i % 3 === 0 ? '原材料' : i % 3 === 1 ? '外协' : '标准件',
      ]),
    );
  }
  return `${lines.join('\n')}\n`;
}

function materialsCsv(): string {
  const lines = [csvLine(['物料编码', '物料名称', '规格型号', '计量单位', '物料类别', '安全库存'])];
  const items = [
    ['主轴', 'Φ80×650', '件'],
    ['轴承', '6208-2RS', '套'],
    ['齿轮', 'M3 Z45', '件'],
    ['冷轧钢板', 'Q235 2.0mm', '吨'],
    ['液压油', 'L-HM46', '升'],
    ['电机', 'Y2-132M-4 7.5kW', '台'],
  ] as const;
  for (let i = 1; i <= 48; i++) {
    const [name, spec, unit] = items[i % items.length]!;
    const specCell = i % 10 === 0 ? '' : i % 7 === 0 ? fullWidth(spec) : spec;
    const unitCell = i % 12 === 0 ? ' 件 ' : unit;
    lines.push(
      csvLine([
        `WL${String(10000 + i)}`,
        `${name}${i}`,
        specCell,
        unitCell,
        i % 2 === 0 ? '原材料' : '外购件',
        i % 15 === 0 ? '' : (i * 13) % 200,
      ]),
    );
  }
  return `${lines.join('\n')}\n`;
}

function balancesCsv(): string {
  const lines = [csvLine(['科目编码', '科目名称', '辅助核算', '借方余额', '贷方余额'])];
  const accounts = [
    ['1001', '库存现金'],
    ['1002', '银行存款'],
    ['1122', '应收账款'],
    ['1403', '原材料'],
    ['1405', '库存商品'],
    ['1601', '固定资产'],
    ['2202', '应付账款'],
    ['2211', '应付职工薪酬'],
    ['4001', '实收资本'],
  ] as const;
  for (let i = 0; i < 27; i++) {
    const [code, name] = accounts[i % accounts.length]!;
    const debit = code < '2' ? ((i + 1) * 123456.78).toLocaleString('en-US', { minimumFractionDigits: 2 }) : '';
    const credit = code >= '2' ? ((i + 1) * 98765.4).toFixed(2) : '';
    lines.push(
      csvLine([`${code}${String(i).padStart(2, '0')}`, name, i % 4 === 0 ? '部门' : '', i % 9 === 4 ? '¥' + debit : debit, credit]),
    );
  }
  return `${lines.join('\n')}\n`;
}

function ordersCsv(): string {
  const lines = [csvLine(['采购订单号', '供应商编码', '物料编码', '订购数量', '含税单价', '交货日期'])];
  for (let i = 1; i <= 32; i++) {
    // A few orders name suppliers that are no longer in the supplier master.
    const supplier = i % 10 === 0 ? `GYS${String(90 + i).padStart(3, '0')}` : `GYS${String((i % 24) + 1).padStart(3, '0')}`;
    const date = i % 6 === 0 ? `2026.12.${(i % 28) + 1}` : `2026-12-${String((i % 28) + 1).padStart(2, '0')}`;
    lines.push(
      csvLine([
        `PO2026${String(1100 + i)}`,
        supplier,
        `WL${String(10000 + ((i * 5) % 48) + 1)}`,
        i % 8 === 0 ? '' : (i * 7) % 500,
        ((i * 37.5) % 900).toFixed(2),
        date,
      ]),
    );
  }
  return `${lines.join('\n')}\n`;
}

const CUSTOMER_RULES: RuleSet = {
  rules: [
    { id: 'phone-required', kind: 'required', column: '联系电话' },
    { id: 'phone-valid', kind: 'validator', column: '联系电话', validator: 'mobile' },
    { id: 'uscc-valid', kind: 'validator', column: '统一社会信用代码', validator: 'uscc' },
    { id: 'code-unique', kind: 'unique', columns: ['客户编码'] },
    { id: 'code-format', kind: 'regex', column: '客户编码', pattern: 'KH[0-9]{4}' },
    { id: 'credit-range', kind: 'range', column: '信用额度', mode: 'number', min: 0, max: 1000000 },
  ],
};

const CUSTOMER_RECIPE: CleanseRecipe = {
  steps: [
    { kind: 'trim', columns: [] },
    { kind: 'half_width', columns: ['联系电话'] },
    { kind: 'date', columns: ['建档日期'] },
    { kind: 'dedupe', keyColumns: ['客户编码'], survivor: 'most_complete' },
  ],
};

const ASSETS: DemoAsset[] = [
  {
    name: '客户档案',
    owner: 'sales',
    system: '用友 U8（销售模块）',
    storage: 'local',
    notes: '两个销售办事处分别建档，存在重复客户；部分电话缺失或为全角数字。',
    keyColumns: ['客户编码'],
    csv: customersCsv,
    ruleSet: CUSTOMER_RULES,
    recipe: CUSTOMER_RECIPE,
  },
  {
    name: '供应商档案',
    owner: 'pur',
    system: '用友 U8（采购模块）',
    storage: 'local',
    notes: '采购部 Excel 台账导出。',
    keyColumns: ['供应商编码'],
    csv: suppliersCsv,
  },
  {
    name: '物料主数据',
    owner: 'prod',
    system: 'CAXA PLM',
    storage: 'local',
    notes: '规格型号含全角字符，计量单位有前后空格。',
    keyColumns: ['物料编码'],
    csv: materialsCsv,
  },
  {
    name: '期初余额',
    owner: 'fin',
    system: '金蝶 K/3（总账）',
    storage: 'local',
    notes: '2026 年 11 月末科目余额表，金额带千分位。',
    keyColumns: ['科目编码'],
    csv: balancesCsv,
  },
  {
    name: '未清采购订单',
    owner: 'pur',
    system: '用友 U8（采购模块）',
    storage: 'cloud',
    notes: '截至切换日未完成入库的采购订单。',
    keyColumns: ['采购订单号'],
    csv: ordersCsv,
  },
];

/**
 * The demo project's data assets (陇原精工): five CSV files written under the data directory as
 * uploads (GOLIVE_DATA_DIR, as the server stores uploads), each profiled with the real engine at
 * load time, and a rule set and cleansing recipe on 客户档案.
 * @param memberIds demo member key (see MEMBERS in demo-project.ts) → project_member id
 */
export async function insertDemoDataAssets(
  tx: DbExecutor,
  projectId: string,
  memberIds: ReadonlyMap<string, string>,
  dataDir: string = resolve(process.env.GOLIVE_DATA_DIR ?? './data'),
): Promise<void> {
  const folder = join(dataDir, 'uploads', projectId);
  await mkdir(folder, { recursive: true });
  const now = nowIso();
  const files = ASSETS.map((demo) => ({ demo, content: demo.csv(), uploadId: newId(), fileName: `${demo.name}.csv` }));
  const paths = files.map((f) => join(folder, `${f.uploadId}-${f.fileName}`));
  await Promise.all(files.map((f, i) => writeFile(paths[i]!, f.content, 'utf8')));
  // Profiled with the real engine, all five at once: the demo must load in about a second.
  const profiles = await Promise.all(files.map((f, i) => profileSource(paths[i]!, { key: f.demo.keyColumns, threads: 1 })));
  for (const [i, { demo, content, uploadId, fileName }] of files.entries()) {
    const path = paths[i]!;
    const profile = profiles[i]!;
    await tx
      .insertInto('upload')
      .values({
        id: uploadId,
        project_id: projectId,
        original_name: fileName,
        stored_path: path,
        size: Buffer.byteLength(content, 'utf8'),
        sha256: createHash('sha256').update(content).digest('hex'),
        content_type: 'text/csv',
        created_by: null,
        created_at: now,
      })
      .execute();
    const row: DataAssetTable = {
      id: newId(),
      project_id: projectId,
      name: demo.name,
      business_owner: memberIds.get(demo.owner) ?? '',
      system_of_origin: demo.system,
      storage: demo.storage,
      format: 'csv',
      notes: demo.notes,
      source_kind: 'upload',
      upload_id: uploadId,
      connection_id: null,
      table_name: null,
      query: null,
      encoding: null,
      sheet: null,
      key_columns: JSON.stringify(demo.keyColumns),
      derived_from: null,
      rule_set: demo.ruleSet ? JSON.stringify(demo.ruleSet) : null,
      recipe: demo.recipe ? JSON.stringify(demo.recipe) : null,
      created_by: null,
      created_at: now,
      updated_at: now,
    };
    await tx.insertInto('data_asset').values(row).execute();
    const cells = profile.rows * profile.columns.length;
    const missing = profile.columns.reduce((sum, c) => sum + c.nulls + c.empty + c.blank, 0);
    await tx
      .insertInto('data_asset_profile_run')
      .values({
        id: newId(),
        project_id: projectId,
        asset_id: row.id,
        status: 'succeeded',
        job_id: null,
        rows: profile.rows,
        columns: profile.columns.length,
        quality_score: profile.quality.score,
        missing_ratio: cells ? missing / cells : 0,
        result: JSON.stringify({ ...profile, source: fileName }),
        error: null,
        created_by: null,
        created_at: now,
        started_at: now,
        finished_at: now,
      })
      .execute();
  }
}
