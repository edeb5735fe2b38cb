import ExcelJS from 'exceljs';
import type { Db } from '../../db/connection';
import type { ErrorDetail, Locale } from '../../shared/app-error';
import type { Actor } from '../access/access.service';
import { ERP_MODULES } from '../projects/project.schema';
import { getProjectRow } from '../projects/project.service';
import { APPROVAL_LABELS, CONFIG_KIND_LABELS, labelOf, MODULE_LABELS, PRIORITY_LABELS, RESOLUTION_LABELS } from './blueprint-labels';
import { applyImportPlans } from './requirement-import-apply';
import { planRequirementRow, type RowPlan } from './requirement-row-plan';
import { importFailure, REQUIREMENT_COLUMNS, SHEET_NAME, type ColumnKey } from './requirement-workbook-columns';
import { readRequirementRows } from './requirement-workbook-read';
import { listRequirementRows } from './requirement.repository';
import { CONFIG_KINDS, PRIORITIES, RESOLUTIONS } from './requirement.schema';
import { listRequirementViews } from './requirement.service';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
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
  const parsed = await readRequirementRows(db, projectId, uploadId, locale);
  const existing = new Map((await listRequirementRows(db.kysely, projectId)).map((r) => [r.code, r]));
  const details: ErrorDetail[] = [];
  const seenCodes = new Map<string, number>();
  const plans: RowPlan[] = [];
  for (const p of parsed) {
    const before = p.code !== undefined ? existing.get(p.code) : undefined;
    const { errors, plan } = planRequirementRow(p, before, seenCodes, locale);
    details.push(...errors);
    plans.push(plan);
  }
  if (details.length) throw importFailure(details, locale);
  return applyImportPlans(db, actor, projectId, uploadId, plans, seenCodes.keys(), locale);
}
