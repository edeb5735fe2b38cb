import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import type { DbExecutor } from '../db/connection';
import type { MigrationObjectTable } from '../db/schema-migration';
import { openSource } from '../engines/sources/open-source';
import { newId, nowIso } from '../shared/ids';
import { sqliteSourceRoot } from '../modules/cutover/connection.service';
import { encryptSecret, loadSecretKey } from '../modules/cutover/secret-box';
import type { MappingEntry, MigrationCategory, MigrationSource, MigrationTarget } from '../modules/migration/migration.schema';

/** The staging (import) database of 陇原精工's new ERP, inside the folder SQLite connections may use. */
export const DEMO_STAGING_FILE = 'longyuan-erp-staging.db';

interface DemoColumn {
  name: string;
  ddl: string;
  /** Patterns of the source column names that fill it, most specific first. */
  match: RegExp | RegExp[];
  sum?: boolean;
}

interface DemoObject {
  name: string;
  category: MigrationCategory;
  weight: number;
  asset: string | null;
  table: string;
  columns: DemoColumn[];
  dependsOn: string[];
  /** Target column filled from another object's key map (legacy code → new code). */
  lookups?: Record<string, string>;
}

const code = (label: string): RegExp => new RegExp(`^(${label})?(编码|编号|代码|代号)$|^${label}(编码|编号|代码)`);

const OBJECTS: DemoObject[] = [
  {
    // The legacy chart of accounts travels in the opening balance export (科目编码, 科目名称).
    name: '会计科目',
    category: 'master',
    weight: 0,
    asset: '期初余额',
    table: 'gl_account',
    dependsOn: [],
    columns: [
      { name: 'code', ddl: 'TEXT PRIMARY KEY', match: code('科目') },
      { name: 'name', ddl: 'TEXT', match: /科目名称/ },
      { name: 'direction', ddl: 'TEXT', match: /余额方向/ },
    ],
  },
  {
    name: '客户',
    category: 'master',
    weight: 1,
    asset: '客户档案',
    table: 'customer',
    dependsOn: [],
    columns: [
      { name: 'code', ddl: 'TEXT PRIMARY KEY', match: code('客户') },
      { name: 'name', ddl: 'TEXT', match: /客户名称|名称/ },
      { name: 'tax_id', ddl: 'TEXT', match: /信用代码|税号/ },
      { name: 'contact', ddl: 'TEXT', match: /联系人/ },
      { name: 'phone', ddl: 'TEXT', match: /电话|手机/ },
      { name: 'credit_limit', ddl: 'NUMERIC(18,2)', match: /信用额度|额度/, sum: true },
    ],
  },
  {
    name: '供应商',
    category: 'master',
    weight: 2,
    asset: '供应商档案',
    table: 'supplier',
    dependsOn: [],
    columns: [
      { name: 'code', ddl: 'TEXT PRIMARY KEY', match: code('供应商') },
      { name: 'name', ddl: 'TEXT', match: /供应商名称|名称/ },
      { name: 'tax_id', ddl: 'TEXT', match: /信用代码|税号/ },
      { name: 'bank', ddl: 'TEXT', match: /开户银行|银行/ },
      { name: 'phone', ddl: 'TEXT', match: /电话|手机/ },
    ],
  },
  {
    name: '物料',
    category: 'master',
    weight: 3,
    asset: '物料主数据',
    table: 'material',
    dependsOn: [],
    columns: [
      { name: 'code', ddl: 'TEXT PRIMARY KEY', match: code('物料') },
      { name: 'name', ddl: 'TEXT', match: /物料名称|名称/ },
      { name: 'spec', ddl: 'TEXT', match: /规格|型号/ },
      { name: 'uom', ddl: 'TEXT', match: /计量单位|单位/ },
      { name: 'category', ddl: 'TEXT', match: /物料类别|类别/ },
      { name: 'safety_stock', ddl: 'NUMERIC(18,4)', match: /安全库存/ },
    ],
  },
  {
    name: '期初余额',
    category: 'opening',
    weight: 0,
    asset: '期初余额',
    table: 'opening_balance',
    dependsOn: ['会计科目'],
    lookups: { account_code: '会计科目' },
    columns: [
      { name: 'account_code', ddl: 'TEXT PRIMARY KEY', match: code('科目') },
      { name: 'auxiliary', ddl: 'TEXT', match: /辅助核算/ },
      { name: 'debit', ddl: 'NUMERIC(18,2)', match: /借方/, sum: true },
      { name: 'credit', ddl: 'NUMERIC(18,2)', match: /贷方/, sum: true },
    ],
  },
  {
    name: '未清采购订单',
    category: 'open_transactions',
    weight: 0,
    asset: '未清采购订单',
    table: 'open_purchase_order',
    dependsOn: ['供应商', '物料'],
    lookups: { supplier_code: '供应商', material_code: '物料' },
    columns: [
      { name: 'order_no', ddl: 'TEXT PRIMARY KEY', match: /订单(号|编号)|单号|单据号/ },
      { name: 'supplier_code', ddl: 'TEXT', match: [/^供应商(编码|编号|代码)$/, /供应商/] },
      { name: 'material_code', ddl: 'TEXT', match: [/^物料(编码|编号|代码)$/, /物料/] },
      { name: 'open_qty', ddl: 'NUMERIC(18,4)', match: /未(清|交|到货)数量|数量/, sum: true },
      { name: 'unit_price', ddl: 'NUMERIC(18,4)', match: /单价/ },
      { name: 'due_date', ddl: 'DATE', match: /交货日期|到货日期|日期/ },
    ],
  },
  {
    name: '历史凭证',
    category: 'history',
    weight: 0,
    asset: null,
    table: 'gl_voucher_history',
    dependsOn: ['会计科目'],
    columns: [
      { name: 'voucher_line', ddl: 'TEXT PRIMARY KEY', match: /凭证号/ },
      { name: 'account_code', ddl: 'TEXT', match: /科目/ },
      { name: 'amount', ddl: 'NUMERIC(18,2)', match: /金额/, sum: true },
    ],
  },
];

/** The data dir the server uses (as src/server/runtime.ts reads it). */
/**
 * Creates the staging database afresh (the demo project it served is replaced too, so none of its
 * batches can be rolled back any more), so a demo run works on a fresh machine.
 */
function createStagingDatabase(path: string): void {
  rmSync(path, { force: true });
  const db = new SQLite(path);
  try {
    for (const o of OBJECTS) {
      db.exec(`CREATE TABLE IF NOT EXISTS ${o.table} (${o.columns.map((c) => `${c.name} ${c.ddl}`).join(', ')})`);
    }
  } finally {
    db.close();
  }
}

/** The header of an uploaded file, or null when it cannot be read. */
async function readHeader(path: string): Promise<string[] | null> {
  if (!existsSync(path)) return null;
  try {
    const source = await openSource(path);
    try {
      return [...source.columns];
    } finally {
      await source.close();
    }
  } catch {
    return null;
  }
}

/** Matches the target columns to the asset's columns by name (each source column used once). */
function buildMapping(object: DemoObject, header: string[], objectIds: Map<string, string>, keyed: Set<string>) {
  const used = new Set<string>();
  const mapping: MappingEntry[] = [];
  const sums: string[] = [];
  let keySource: string | undefined;
  for (const [i, column] of object.columns.entries()) {
    const exact = header.find((h) => !used.has(h) && h === column.name);
    const patterns = Array.isArray(column.match) ? column.match : [column.match];
    let source = exact;
    for (const pattern of patterns) source ??= header.find((h) => !used.has(h) && pattern.test(h));
    // The key must be filled: fall back to the file's first column.
    if (!source && i === 0) source = header.find((h) => !used.has(h));
    if (!source) continue;
    used.add(source);
    if (i === 0) keySource = source;
    const lookup = object.lookups?.[column.name];
    const lookupId = lookup ? objectIds.get(lookup) : undefined;
    if (lookup && lookupId && keyed.has(lookup)) mapping.push({ kind: 'key_map', target: column.name, source, objectId: lookupId });
    else mapping.push({ kind: 'column', target: column.name, source });
    if (column.sum) sums.push(column.name);
  }
  return { mapping, sums, keySource };
}

/**
 * The demo project's migration: 陇原精工's objects from 会计科目 to 历史凭证 with their dependencies,
 * sources from the demo data assets where they exist (else "未配置数据源"), and a SQLite staging
 * database of the new ERP as the target (saved connection 新 ERP 导入库, tables created here).
 * @param memberIds demo member key (see MEMBERS in demo-project.ts) → project_member id
 */
export async function insertDemoMigration(
  tx: DbExecutor,
  projectId: string,
  memberIds: ReadonlyMap<string, string>,
  dataDir: string = resolve(process.env.GOLIVE_DATA_DIR ?? './data'),
): Promise<void> {
  void memberIds;
  const root = sqliteSourceRoot(dataDir);
  mkdirSync(root, { recursive: true });
  createStagingDatabase(join(root, DEMO_STAGING_FILE));
  const now = nowIso();
  const url = `sqlite:${DEMO_STAGING_FILE}`;
  const connectionId = newId();
  await tx
    .insertInto('data_connection')
    .values({
      id: connectionId,
      project_id: projectId,
      name: '新 ERP 导入库',
      kind: 'sqlite',
      masked_url: url,
      url_encrypted: encryptSecret(url, loadSecretKey(dataDir)),
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .execute();

  // Assets of the data-assets demo (uploaded files), looked up by name.
  const assets = new Map<string, { id: string; header: string[] | null }>();
  try {
    const rows = await tx
      .selectFrom('data_asset')
      .leftJoin('upload', 'upload.id', 'data_asset.upload_id')
      .select(['data_asset.id', 'data_asset.name', 'upload.stored_path'])
      .where('data_asset.project_id', '=', projectId)
      .execute();
    for (const r of rows) assets.set(r.name, { id: r.id, header: r.stored_path ? await readHeader(r.stored_path) : null });
  } catch {
    // No data-assets tables: every object stays without a source.
  }

  const ids = new Map(OBJECTS.map((o) => [o.name, newId()]));
  const keyed = new Set<string>();
  for (const object of OBJECTS) {
    const asset = object.asset ? assets.get(object.asset) : undefined;
    const source: MigrationSource | null = asset ? { type: 'asset', assetId: asset.id, cleansed: true } : null;
    const target: MigrationTarget = { type: 'connection', connectionId, table: object.table };
    const built = asset?.header ? buildMapping(object, asset.header, ids, keyed) : { mapping: [], sums: [], keySource: undefined };
    if (built.keySource && object.category === 'master') keyed.add(object.name);
    const row: MigrationObjectTable = {
      id: ids.get(object.name)!,
      project_id: projectId,
      name: object.name,
      category: object.category,
      sort_weight: object.weight,
      description: object.asset
        ? object.name === '会计科目'
          ? `科目取自数据资产“${object.asset}”的科目编码与科目名称（清洗后）`
          : `来源：数据资产“${object.asset}”（清洗后）`
        : '',
      depends_on: JSON.stringify(object.dependsOn.map((d) => ids.get(d)!)),
      source: source ? JSON.stringify(source) : null,
      target: JSON.stringify(target),
      mapping: JSON.stringify(built.mapping),
      key_columns: JSON.stringify(built.keySource && object.category === 'master' ? [built.keySource] : []),
      sum_columns: JSON.stringify(built.sums),
      on_error: 'skip',
      batch_size: 50_000,
      created_by: null,
      created_at: now,
      updated_at: now,
    };
    await tx.insertInto('migration_object').values(row).execute();
  }
}
