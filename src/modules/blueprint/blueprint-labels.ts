import type { Locale } from '../../shared/app-error';
import { ERP_MODULES } from '../projects/project.schema';
import { APPROVAL_STATUSES, CONFIG_KINDS, PRIORITIES, REQUIREMENT_STATUSES, RESOLUTIONS } from './requirement.schema';

// Server-side labels: the Excel list, the blueprint document and localized messages are produced on
// the server, so the codes' names live here (the web app has its own copy in its i18n files).

type Labels = Record<string, Record<Locale, string>>;

export const MODULE_LABELS: Labels = {
  finance: { 'zh-CN': '财务', en: 'Finance' },
  purchasing: { 'zh-CN': '采购', en: 'Purchasing' },
  inventory: { 'zh-CN': '库存', en: 'Inventory' },
  sales: { 'zh-CN': '销售', en: 'Sales' },
  production: { 'zh-CN': '生产', en: 'Production' },
  quality: { 'zh-CN': '质量', en: 'Quality' },
  hr: { 'zh-CN': '人力资源', en: 'HR' },
  crm: { 'zh-CN': '客户关系', en: 'CRM' },
};

export const PRIORITY_LABELS: Labels = {
  must: { 'zh-CN': '必须有', en: 'Must have' },
  should: { 'zh-CN': '应该有', en: 'Should have' },
  could: { 'zh-CN': '可以有', en: 'Could have' },
  wont: { 'zh-CN': '本期不做', en: "Won't have" },
};

export const RESOLUTION_LABELS: Labels = {
  standard: { 'zh-CN': '标准功能', en: 'Standard' },
  process_change: { 'zh-CN': '流程变革', en: 'Process change' },
  configuration: { 'zh-CN': '配置', en: 'Configuration' },
  custom_development: { 'zh-CN': '定制开发', en: 'Custom development' },
};

export const CONFIG_KIND_LABELS: Labels = {
  custom_field: { 'zh-CN': '自定义字段', en: 'Custom field' },
  workflow: { 'zh-CN': '工作流', en: 'Workflow' },
  report: { 'zh-CN': '报表', en: 'Report' },
  print_template: { 'zh-CN': '打印模板', en: 'Print template' },
  parameter: { 'zh-CN': '参数', en: 'Parameter' },
};

export const APPROVAL_LABELS: Labels = {
  pending: { 'zh-CN': '待领导小组审批', en: 'Awaiting steering committee' },
  approved: { 'zh-CN': '已批准', en: 'Approved' },
  rejected: { 'zh-CN': '已驳回', en: 'Rejected' },
};

export const STATUS_LABELS: Labels = {
  draft: { 'zh-CN': '草稿', en: 'Draft' },
  confirmed: { 'zh-CN': '已确认', en: 'Confirmed' },
  deferred: { 'zh-CN': '暂缓', en: 'Deferred' },
};

/** The label of a code in a locale; unknown codes are shown as they are. */
export function labelOf(labels: Labels, code: string | null | undefined, locale: Locale): string {
  if (!code) return '';
  return labels[code]?.[locale] ?? code;
}

/** Extra spellings accepted on import (besides the code and both labels). */
const ALIASES: Record<string, string> = {
  必须: 'must',
  应该: 'should',
  可以: 'could',
  不做: 'wont',
  标准: 'standard',
  流程调整: 'process_change',
  流程优化: 'process_change',
  配置实现: 'configuration',
  二次开发: 'custom_development',
  定制: 'custom_development',
  财务管理: 'finance',
  采购管理: 'purchasing',
  库存管理: 'inventory',
  销售管理: 'sales',
  生产管理: 'production',
  质量管理: 'quality',
  工作流引擎: 'workflow',
  报表设计器: 'report',
  系统参数: 'parameter',
};

function parser<T extends string>(codes: readonly T[], labels: Labels): (cell: string) => T | undefined {
  const map = new Map<string, T>();
  for (const code of codes) {
    map.set(code.toLowerCase(), code);
    for (const label of Object.values(labels[code] ?? {})) map.set(label.toLowerCase(), code);
  }
  for (const [alias, code] of Object.entries(ALIASES)) if ((codes as readonly string[]).includes(code)) map.set(alias, code as T);
  return (cell) => map.get(cell.trim().toLowerCase());
}

/** Cell parsers of the Excel import: codes, Chinese and English labels are all accepted. */
export const parseModule = parser(ERP_MODULES, MODULE_LABELS);
export const parsePriority = parser(PRIORITIES, PRIORITY_LABELS);
export const parseResolution = parser(RESOLUTIONS, RESOLUTION_LABELS);
export const parseConfigKind = parser(CONFIG_KINDS, CONFIG_KIND_LABELS);
export const parseStatus = parser(REQUIREMENT_STATUSES, STATUS_LABELS);
export const APPROVAL_CODES = APPROVAL_STATUSES;

/** Localized texts of the module (validation reasons, meter warnings, blockers); its error codes are in src/shared/errors/blueprint-codes.ts. */
const MESSAGES = {
  required: { 'zh-CN': '必填', en: 'is required' },
  customGapReason: {
    'zh-CN': '定制开发须说明为何流程变革和配置都无法满足',
    en: 'custom development must explain why process change and configuration are not enough',
  },
  customJustification: {
    'zh-CN': '定制开发须说明其与企业核心竞争力的关系',
    en: 'custom development must be justified as core competitiveness',
  },
  customEffort: { 'zh-CN': '定制开发须填写大于 0 的工作量估算（人天）', en: 'custom development needs an effort estimate > 0 person-days' },
  customImpact: { 'zh-CN': '定制开发须说明对系统升级的影响', en: 'custom development must describe its impact on upgrades' },
  configKindRequired: { 'zh-CN': '解决方式为“配置”时必须选择配置类型', en: 'is required when the resolution is configuration' },
  configKindOnlyForConfiguration: {
    'zh-CN': '只有解决方式为“配置”时才能填写配置类型',
    en: 'only allowed when the resolution is configuration',
  },
  processChangeNoteRequired: {
    'zh-CN': '解决方式为“流程变革”时须说明流程如何调整',
    en: 'is required when the resolution is process change',
  },
  unknownValue: { 'zh-CN': '无法识别的值“{value}”，可选：{allowed}', en: 'unknown value "{value}"; allowed: {allowed}' },
  notNumber: { 'zh-CN': '不是有效的数字：“{value}”', en: 'not a valid number: "{value}"' },
  duplicateCode: { 'zh-CN': '编号“{code}”在文件中重复（第 {row} 行）', en: 'code "{code}" is repeated in the file (row {row})' },
  badCode: { 'zh-CN': '编号只能包含字母、数字和 - _ .（最多 30 个字符）', en: 'letters, digits and - _ . only (up to 30 characters)' },
  tooLong: { 'zh-CN': '超过 {max} 个字符', en: 'longer than {max} characters' },
  noHeader: { 'zh-CN': '第一行缺少表头“{header}”', en: 'the first row lacks the header "{header}"' },
  noSheet: { 'zh-CN': '文件不是有效的 Excel（.xlsx）工作簿', en: 'the file is not a valid Excel (.xlsx) workbook' },
  emptyFile: { 'zh-CN': '文件中没有需求行', en: 'the file contains no requirement rows' },
  importFailed: {
    'zh-CN': '导入未执行：{count} 处错误，请修正后重新导入（未导入任何数据）',
    en: 'Nothing was imported: {count} error(s); fix them and import again',
  },
  meterShare: {
    'zh-CN': '{module}定制开发占比 {value}，超过阈值 {threshold}：存在过度定制风险',
    en: '{module}: custom development share {value} exceeds the threshold {threshold} — risk of over-customisation',
  },
  meterEffort: {
    'zh-CN': '{module}定制开发工作量 {value} 人天，超过阈值 {threshold} 人天：存在过度定制风险',
    en: '{module}: custom development effort {value} person-days exceeds the threshold {threshold} — risk of over-customisation',
  },
  overall: { 'zh-CN': '全部模块', en: 'All modules' },
  blockerCustom: {
    'zh-CN': '定制开发“{code} {title}”尚未获得项目领导小组批准（{status}）',
    en: 'Custom development "{code} {title}" is not approved by the steering committee ({status})',
  },
  blockerSod: {
    'zh-CN': '职责分离冲突未解决：角色“{role}”违反规则“{rule}”',
    en: 'Unresolved segregation-of-duties conflict: role "{role}" breaks rule "{rule}"',
  },
  rejectComment: { 'zh-CN': '驳回时须填写意见', en: 'a comment is required when rejecting' },
  sideClient: { 'zh-CN': '客户方', en: 'client side' },
  sideImplementer: { 'zh-CN': '实施方', en: 'implementer side' },
  notImage: { 'zh-CN': '只接受 PNG 或 JPEG 图片', en: 'only PNG or JPEG images are accepted' },
  imageTooLarge: { 'zh-CN': '图片超过 {limit} 上限', en: 'the image exceeds the {limit} limit' },
  unknownProcess: { 'zh-CN': '本项目没有该流程图', en: 'no such process map in this project' },
} as const satisfies Record<string, Record<Locale, string>>;

export type MessageKey = keyof typeof MESSAGES;

/** A module message in the caller's language with `{name}` placeholders filled. */
export function blueprintMessage(key: MessageKey, locale: Locale, params: Record<string, string | number> = {}): string {
  const template: string = MESSAGES[key][locale];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
