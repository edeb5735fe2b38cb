import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/connection';
import type { RequirementTable } from '../../db/schema-blueprint';
import { AppError, type ErrorDetail, type Locale } from '../../shared/app-error';
import { nowIso } from '../../shared/ids';
import type { Actor } from '../access/access.service';
import { recordAudit } from '../audit/audit.service';
import { ERP_MODULES } from '../projects/project.schema';
import { getProjectRow } from '../projects/project.service';
import { getUploadPath } from '../uploads/upload.service';
import {
  APPROVAL_LABELS,
  blueprintMessage,
  CONFIG_KIND_LABELS,
  labelOf,
  MODULE_LABELS,
  parseConfigKind,
  parseModule,
  parsePriority,
  parseResolution,
  PRIORITY_LABELS,
  RESOLUTION_LABELS,
} from './blueprint-labels';
import { checkResolutionRule } from './custom-dev-rule';
import { insertRequirement, listRequirementRows } from './requirement.repository';
import { CONFIG_KINDS, PRIORITIES, RESOLUTIONS, type CreateRequirementInput, type UpdateRequirementInput } from './requirement.schema';
import {
  applyRequirementUpdate,
  listRequirementViews,
  nextRequirementCode,
  requestApproval,
  toRequirementRow,
} from './requirement.service';

/** The columns of the requirement list workbook, with their Chinese headers (the import matches on these). */
export const REQUIREMENT_COLUMNS = [
  { key: 'code', header: '编号', width: 10 },
  { key: 'title', header: '需求名称', width: 28 },
  { key: 'description', header: '描述', width: 40 },
  { key: 'module', header: '模块', width: 8 },
  { key: 'department', header: '部门', width: 12 },
  { key: 'processStepName', header: '流程环节', width: 16 },
  { key: 'priority', header: '优先级', width: 10 },
  { key: 'resolution', header: '解决方式', width: 12 },
  { key: 'configKind', header: '配置类型', width: 12 },
  { key: 'processChangeNote', header: '流程变革说明', width: 30 },
  { key: 'gapReason', header: '差异原因', width: 30 },
  { key: 'justification', header: '定制理由', width: 30 },
  { key: 'effortDays', header: '工作量(人天)', width: 12 },
  { key: 'upgradeImpact', header: '升级影响', width: 30 },
  { key: 'approval', header: '审批状态', width: 14 },
] as const;

type ColumnKey = (typeof REQUIREMENT_COLUMNS)[number]['key'];
const HEADER_OF = Object.fromEntries(REQUIREMENT_COLUMNS.map((c) => [c.key, c.header])) as Record<ColumnKey, string>;
/** Headers an import file must have. */
const REQUIRED_HEADERS: ColumnKey[] = ['title', 'module', 'priority', 'resolution'];
const SHEET_NAME = '需求清单';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
const TEXT_LIMITS: Partial<Record<ColumnKey, number>> = {
  title: 200,
  description: 4000,
  department: 100,
  processStepName: 200,
  processChangeNote: 4000,
  gapReason: 4000,
  justification: 4000,
  upgradeImpact: 4000,
};

function addListSheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(SHEET_NAME);
  sheet.columns = REQUIREMENT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: 1 }];
  return sheet;
}

function addDropDowns(sheet: ExcelJS.Worksheet, rows: number): void {
  const lists: [ColumnKey, string[]][] = [
    ['module', ERP_MODULES.map((m) => labelOf(MODULE_LABELS, m, 'zh-CN'))],
    ['priority', PRIORITIES.map((p) => labelOf(PRIORITY_LABELS, p, 'zh-CN'))],
    ['resolution', RESOLUTIONS.map((r) => labelOf(RESOLUTION_LABELS, r, 'zh-CN'))],
    ['configKind', CONFIG_KINDS.map((k) => labelOf(CONFIG_KIND_LABELS, k, 'zh-CN'))],
  ];
  for (const [key, values] of lists) {
    const column = REQUIREMENT_COLUMNS.findIndex((c) => c.key === key) + 1;
    for (let r = 2; r <= rows; r++) {
      sheet.getCell(r, column).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${values.join(',')}"`] };
    }
  }
}

function addGuideSheet(workbook: ExcelJS.Workbook): void {
  const guide = workbook.addWorksheet('填写说明');
  guide.columns = [
    { header: '列', key: 'column', width: 16 },
    { header: '说明', key: 'note', width: 90 },
  ];
  guide.getRow(1).font = { bold: true };
  const rows: [string, string][] = [
    ['编号', '留空则自动编号（REQ-001…）；填写已有编号则更新该需求'],
    ['需求名称', '必填'],
    ['模块', `必填：${ERP_MODULES.map((m) => labelOf(MODULE_LABELS, m, 'zh-CN')).join('、')}`],
    ['优先级', `必填（MoSCoW）：${PRIORITIES.map((p) => labelOf(PRIORITY_LABELS, p, 'zh-CN')).join('、')}`],
    [
      '解决方式',
      `必填：${RESOLUTIONS.map((r) => labelOf(RESOLUTION_LABELS, r, 'zh-CN')).join('、')}。先调整流程、再考虑配置，最后才是定制开发`,
    ],
    ['配置类型', `解决方式为“配置”时必填：${CONFIG_KINDS.map((k) => labelOf(CONFIG_KIND_LABELS, k, 'zh-CN')).join('、')}`],
    ['流程变革说明', '解决方式为“流程变革”时必填：流程如何调整'],
    ['差异原因', '定制开发必填：为何流程变革和配置都无法满足'],
    ['定制理由', '定制开发必填：与企业核心竞争力的关系'],
    ['工作量(人天)', '定制开发必填，大于 0'],
    ['升级影响', '定制开发必填：对系统版本升级的影响及预留的升级接口'],
    ['审批状态', '仅导出显示，导入时忽略；定制开发导入后进入“待领导小组审批”'],
  ];
  for (const [column, note] of rows) guide.addRow({ column, note });
}

async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function safeName(name: string): string {
  return name.replace(/[\\/:*?"<>|]/g, '_');
}

/** The requirement list (fit-gap) as XLSX with Chinese headers. */
export async function exportRequirementWorkbook(db: Db, projectId: string): Promise<{ fileName: string; content: Buffer }> {
  const project = await getProjectRow(db.kysely, projectId);
  const items = await listRequirementViews(db.kysely, projectId);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'golive';
  workbook.created = new Date();
  const sheet = addListSheet(workbook);
  for (const r of items) {
    sheet.addRow({
      code: r.code,
      title: r.title,
      description: r.description,
      module: labelOf(MODULE_LABELS, r.module, 'zh-CN'),
      department: r.department,
      processStepName: r.processStepName,
      priority: labelOf(PRIORITY_LABELS, r.priority, 'zh-CN'),
      resolution: labelOf(RESOLUTION_LABELS, r.resolution, 'zh-CN'),
      configKind: labelOf(CONFIG_KIND_LABELS, r.configKind, 'zh-CN'),
      processChangeNote: r.processChangeNote,
      gapReason: r.gapReason,
      justification: r.justification,
      effortDays: r.effortDays ?? '',
      upgradeImpact: r.upgradeImpact,
      approval: r.approval ? labelOf(APPROVAL_LABELS, r.approval.status, 'zh-CN') : '',
    });
  }
  addDropDowns(sheet, Math.max(items.length + 50, 200));
  addGuideSheet(workbook);
  return { fileName: `${safeName(project.name)}-需求清单.xlsx`, content: await toBuffer(workbook) };
}

/** An empty requirement list to fill in, with drop-downs and a guide sheet. */
export async function buildRequirementTemplate(): Promise<{ fileName: string; content: Buffer }> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'golive';
  const sheet = addListSheet(workbook);
  addDropDowns(sheet, 500);
  addGuideSheet(workbook);
  return { fileName: '需求清单导入模板.xlsx', content: await toBuffer(workbook) };
}

/** Plain text of a cell, whatever exceljs made of it (rich text, formula result, hyperlink, date). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value)
    return value.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if ('text' in value && typeof value.text === 'string') return value.text.trim();
  if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ('error' in value) return '';
  return '';
}

interface ParsedRow {
  row: number;
  code: string | undefined;
  values: Partial<Record<ColumnKey, string>>;
}

/**
 * Imports the requirement list from an uploaded XLSX. Every row is checked first (required cells,
 * labels, numbers, the method's custom-development rule, duplicate codes); with any error nothing is
 * imported and every error is returned as row + column header + reason. Otherwise, in one
 * transaction, rows with an existing code update that requirement and the others are inserted.
 */
export async function importRequirementWorkbook(
  db: Db,
  actor: Actor,
  projectId: string,
  uploadId: string,
  locale: Locale,
): Promise<{ created: number; updated: number; codes: string[] }> {
  await getProjectRow(db.kysely, projectId);
  const { path } = await getUploadPath(db, projectId, uploadId);
  const workbook = new ExcelJS.Workbook();
  const fail = (details: ErrorDetail[]): AppError =>
    new AppError('VALIDATION_FAILED', { summary: blueprintMessage('importFailed', locale, { count: details.length }) }, details);
  try {
    const bytes = await readFile(path);
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    throw fail([{ field: 'uploadId', reason: blueprintMessage('noSheet', locale) }]);
  }
  const sheet = workbook.getWorksheet(SHEET_NAME) ?? workbook.worksheets[0];
  if (!sheet) throw fail([{ field: 'uploadId', reason: blueprintMessage('noSheet', locale) }]);

  const columnOf = new Map<ColumnKey, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const text = cellText(cell.value).replace(/\s+/g, '').replace('（', '(').replace('）', ')');
    const column = REQUIREMENT_COLUMNS.find((c) => c.header === text);
    if (column) columnOf.set(column.key, col);
  });
  const missing = REQUIRED_HEADERS.filter((k) => !columnOf.has(k));
  if (missing.length) {
    throw fail(
      missing.map((k) => ({ field: `row:1:${HEADER_OF[k]}`, reason: blueprintMessage('noHeader', locale, { header: HEADER_OF[k] }) })),
    );
  }

  const parsed: ParsedRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const values: Partial<Record<ColumnKey, string>> = {};
    for (const [key, col] of columnOf) values[key] = cellText(row.getCell(col).value);
    if (Object.entries(values).every(([k, v]) => k === 'approval' || !v)) return; // blank line
    parsed.push({ row: rowNumber, code: values.code || undefined, values });
  });
  if (parsed.length === 0) throw fail([{ field: 'uploadId', reason: blueprintMessage('emptyFile', locale) }]);

  const existing = new Map((await listRequirementRows(db.kysely, projectId)).map((r) => [r.code, r]));
  const details: ErrorDetail[] = [];
  const seenCodes = new Map<string, number>();
  const plans: { row: number; before: RequirementTable | undefined; input: Omit<CreateRequirementInput, 'code'> & { code?: string } }[] =
    [];

  for (const p of parsed) {
    const errors: ErrorDetail[] = [];
    const err = (key: ColumnKey, reason: string) => errors.push({ field: `row:${p.row}:${HEADER_OF[key]}`, reason });
    const v = p.values;
    if (p.code !== undefined) {
      if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,29}$/.test(p.code)) err('code', blueprintMessage('badCode', locale));
      const first = seenCodes.get(p.code);
      if (first !== undefined) err('code', blueprintMessage('duplicateCode', locale, { code: p.code, row: first }));
      else seenCodes.set(p.code, p.row);
    }
    const before = p.code !== undefined ? existing.get(p.code) : undefined;
    for (const [key, max] of Object.entries(TEXT_LIMITS) as [ColumnKey, number][]) {
      if ((v[key]?.length ?? 0) > max) err(key, blueprintMessage('tooLong', locale, { max }));
    }
    if (!v.title && !before) err('title', blueprintMessage('required', locale));
    const choice = <T extends string>(
      key: ColumnKey,
      parse: (s: string) => T | undefined,
      labels: Record<string, Record<Locale, string>>,
      codes: readonly T[],
      required: boolean,
    ): T | null | undefined => {
      const cell = v[key];
      if (cell === undefined) return undefined; // column absent: keep / default
      if (!cell) {
        if (required && !before) err(key, blueprintMessage('required', locale));
        return required ? undefined : null;
      }
      const parsedValue = parse(cell);
      if (!parsedValue) {
        err(
          key,
          blueprintMessage('unknownValue', locale, { value: cell, allowed: codes.map((c) => labelOf(labels, c, 'zh-CN')).join('、') }),
        );
        return undefined;
      }
      return parsedValue;
    };
    const module = choice('module', parseModule, MODULE_LABELS, ERP_MODULES, true);
    const priority = choice('priority', parsePriority, PRIORITY_LABELS, PRIORITIES, true);
    const resolution = choice('resolution', parseResolution, RESOLUTION_LABELS, RESOLUTIONS, true);
    const configKind = choice('configKind', parseConfigKind, CONFIG_KIND_LABELS, CONFIG_KINDS, false);
    let effortDays: number | null | undefined;
    if (v.effortDays !== undefined) {
      if (!v.effortDays) effortDays = null;
      else {
        const n = Number(v.effortDays.replace(/,/g, ''));
        if (!Number.isFinite(n) || n < 0 || n > 100000) err('effortDays', blueprintMessage('notNumber', locale, { value: v.effortDays }));
        else effortDays = n;
      }
    }
    const pick = <T>(value: T | undefined, fallback: T): T => (value === undefined ? fallback : value);
    const input = {
      code: p.code,
      title: pick(v.title || undefined, before?.title ?? ''),
      description: pick(v.description, before?.description ?? ''),
      module: pick(module ?? undefined, (before?.module ?? 'finance') as (typeof ERP_MODULES)[number]),
      department: pick(v.department, before?.department ?? ''),
      processMapId:
        before && v.processStepName !== undefined && v.processStepName !== before.process_step_name
          ? null
          : (before?.process_map_id ?? null),
      processElementId:
        before && v.processStepName !== undefined && v.processStepName !== before.process_step_name
          ? null
          : (before?.process_element_id ?? null),
      processStepName: pick(v.processStepName, before?.process_step_name ?? ''),
      priority: pick(priority ?? undefined, (before?.priority ?? 'should') as (typeof PRIORITIES)[number]),
      resolution: pick(resolution ?? undefined, (before?.resolution ?? 'standard') as (typeof RESOLUTIONS)[number]),
      configKind: configKind === undefined ? ((before?.config_kind ?? null) as (typeof CONFIG_KINDS)[number] | null) : configKind,
      processChangeNote: pick(v.processChangeNote, before?.process_change_note ?? ''),
      gapReason: pick(v.gapReason, before?.gap_reason ?? ''),
      justification: pick(v.justification, before?.justification ?? ''),
      effortDays: effortDays === undefined ? (before?.effort_days ?? null) : effortDays,
      upgradeImpact: pick(v.upgradeImpact, before?.upgrade_impact ?? ''),
      status: (before?.status ?? 'draft') as 'draft',
    };
    if (input.resolution !== 'configuration' && v.configKind === undefined) input.configKind = null;
    if (!errors.some((e) => /解决方式|配置类型/.test(e.field))) {
      const headerOfField: Record<string, ColumnKey> = {
        gapReason: 'gapReason',
        justification: 'justification',
        effortDays: 'effortDays',
        upgradeImpact: 'upgradeImpact',
        configKind: 'configKind',
        processChangeNote: 'processChangeNote',
      };
      for (const d of checkResolutionRule(input, locale)) err(headerOfField[d.field] ?? 'resolution', d.reason);
    }
    details.push(...errors);
    plans.push({ row: p.row, before, input });
  }
  if (details.length) throw fail(details);

  return db.kysely.transaction().execute(async (tx) => {
    let created = 0;
    let updated = 0;
    const codes: string[] = [];
    const takenNew: string[] = [];
    const now = nowIso();
    for (const plan of plans) {
      if (plan.before) {
        const { code: _code, ...changes } = plan.input;
        await applyRequirementUpdate(tx, actor, plan.before, changes satisfies UpdateRequirementInput, locale);
        updated++;
        codes.push(plan.before.code);
        continue;
      }
      const code = plan.input.code ?? (await nextRequirementCode(tx, projectId, [...takenNew, ...seenCodes.keys()]));
      takenNew.push(code);
      const row = toRequirementRow(projectId, code, plan.input, actor, now);
      await insertRequirement(tx, row);
      await recordAudit(tx, actor, { projectId, entity: 'requirement', entityId: row.id, action: 'create', after: row });
      if (row.resolution === 'custom_development') await requestApproval(tx, actor, projectId, row.id);
      created++;
      codes.push(code);
    }
    await recordAudit(tx, actor, {
      projectId,
      entity: 'requirement_import',
      entityId: uploadId,
      action: 'import',
      after: { created, updated },
    });
    return { created, updated, codes };
  });
}
