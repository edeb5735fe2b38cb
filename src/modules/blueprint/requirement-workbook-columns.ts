import { AppError, type ErrorDetail, type Locale } from '../../shared/app-error';
import { blueprintMessage } from './blueprint-labels';

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

/** The key of a workbook column. */
export type ColumnKey = (typeof REQUIREMENT_COLUMNS)[number]['key'];

/** Column key → its header. */
export const HEADER_OF = Object.fromEntries(REQUIREMENT_COLUMNS.map((c) => [c.key, c.header])) as Record<ColumnKey, string>;

/** Headers an import file must have. */
export const REQUIRED_HEADERS: ColumnKey[] = ['title', 'module', 'priority', 'resolution'];

/** The sheet the list is written to and read from first. */
export const SHEET_NAME = '需求清单';

/** Longest text an import accepts per column. */
export const TEXT_LIMITS: Partial<Record<ColumnKey, number>> = {
  title: 200,
  description: 4000,
  department: 100,
  processStepName: 200,
  processChangeNote: 4000,
  gapReason: 4000,
  justification: 4000,
  upgradeImpact: 4000,
};

/** The error a rejected import throws: a localised summary and every detail. */
export function importFailure(details: ErrorDetail[], locale: Locale): AppError {
  return new AppError('VALIDATION_FAILED', { summary: blueprintMessage('importFailed', locale, { count: details.length }) }, details);
}
