/**
 * The one error type of golive. Every failure that reaches a user (HTTP, CLI, web) is an
 * {@link AppError} with a stable `code`; the code fixes the HTTP status and the localized
 * message template, so clients can branch on codes and never parse messages.
 */

import type { Locale } from './errors/define-error-codes';
import { ERROR_CODES } from './errors/error-codes';
import { ACTION_LABELS, RESOURCE_LABELS } from './errors/permission-labels';

export type { Locale } from './errors/define-error-codes';
/** Documented error codes, one table per domain under `src/shared/errors/`; stable: add, never rename. */
export { ERROR_CODES } from './errors/error-codes';

/** A field-level reason as served (`field` is a dotted path, a column, or `row:N`). */
export interface ErrorDetail {
  field: string;
  reason: string;
}

/**
 * A field-level detail as raised. Without `reason` the served reason is the error's own localized
 * message, so a domain error names its field without a second, untranslated text.
 */
export interface ErrorDetailInput {
  field: string;
  reason?: string;
}

export type ErrorCode = keyof typeof ERROR_CODES;

/** Values interpolated into a message template. */
export type ErrorParams = Record<string, string | number>;

/** An expected failure with a stable code, localized message and optional field details. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  readonly details: ErrorDetailInput[];

  constructor(code: ErrorCode, params: ErrorParams = {}, details: ErrorDetailInput[] = []) {
    super(formatErrorMessage(code, params, 'en'));
    this.name = 'AppError';
    this.code = code;
    this.params = params;
    this.details = details;
  }

  /** HTTP status mapped from the code. */
  get status(): number {
    return ERROR_CODES[this.code].status;
  }

  /** The message in the caller's language. */
  localizedMessage(locale: Locale): string {
    return formatErrorMessage(this.code, this.params, locale);
  }

  /** The details as served: a detail without its own reason carries the localized message. */
  localizedDetails(locale: Locale): ErrorDetail[] {
    return this.details.map((d) => ({ field: d.field, reason: d.reason ?? this.localizedMessage(locale) }));
  }
}

/** Names of entities as they appear in messages (`{entity}` is translated through this table). */
const ENTITY_LABELS: Record<string, Record<Locale, string>> = {
  project: { 'zh-CN': '项目', en: 'project' },
  goal: { 'zh-CN': '目标', en: 'goal' },
  kpi_measurement: { 'zh-CN': 'KPI 记录', en: 'KPI measurement' },
  roi_item: { 'zh-CN': 'ROI 条目', en: 'ROI item' },
  member: { 'zh-CN': '成员', en: 'member' },
  deliverable: { 'zh-CN': '交付物', en: 'deliverable' },
  stakeholder: { 'zh-CN': '干系人', en: 'stakeholder' },
  user: { 'zh-CN': '用户', en: 'user' },
  api_token: { 'zh-CN': 'API 令牌', en: 'API token' },
  job: { 'zh-CN': '后台任务', en: 'job' },
  upload: { 'zh-CN': '上传文件', en: 'upload' },
  route: { 'zh-CN': '接口', en: 'route' },
  file: { 'zh-CN': '文件', en: 'file' },
  data_connection: { 'zh-CN': '数据连接', en: 'data connection' },
  reconcile_spec: { 'zh-CN': '对账规则', en: 'reconciliation spec' },
  reconcile_run: { 'zh-CN': '对账运行', en: 'reconciliation run' },
  reconcile_difference: { 'zh-CN': '对账差异', en: 'reconciliation difference' },
  process_map: { 'zh-CN': '流程图', en: 'process map' },
  process_bottleneck: { 'zh-CN': '流程瓶颈', en: 'process bottleneck' },
  assessment_role: { 'zh-CN': '用户角色', en: 'user role' },
  assessment_settings: { 'zh-CN': '调研参数', en: 'assessment settings' },
  assessment_report_version: { 'zh-CN': '现状分析报告版本', en: 'current-state report version' },
  env_requirement: { 'zh-CN': '环境要求', en: 'environment requirement' },
  env_site: { 'zh-CN': '站点环境', en: 'site' },
  env_probe_result: { 'zh-CN': '环境探测结果', en: 'probe result' },
  requirement: { 'zh-CN': '需求', en: 'requirement' },
  requirement_approval: { 'zh-CN': '定制开发审批', en: 'custom development approval' },
  requirement_import: { 'zh-CN': '需求导入', en: 'requirement import' },
  requirement_prototype: { 'zh-CN': '界面原型', en: 'UI prototype' },
  blueprint_settings: { 'zh-CN': '蓝图参数', en: 'blueprint settings' },
  blueprint_version: { 'zh-CN': '蓝图版本', en: 'blueprint version' },
  blueprint_signoff: { 'zh-CN': '蓝图签核', en: 'blueprint sign-off' },
  permission_matrix: { 'zh-CN': '权限矩阵', en: 'permission matrix' },
  erp_role: { 'zh-CN': 'ERP 角色', en: 'ERP role' },
  erp_function: { 'zh-CN': 'ERP 功能', en: 'ERP function' },
  erp_role_grant: { 'zh-CN': '角色授权', en: 'role grant' },
  erp_role_member: { 'zh-CN': '角色成员', en: 'role member' },
  sod_rule: { 'zh-CN': '职责分离规则', en: 'SoD rule' },
  sod_mitigation: { 'zh-CN': '职责分离例外', en: 'SoD exception' },
  data_asset: { 'zh-CN': '数据资产', en: 'data asset' },
  data_asset_profile_run: { 'zh-CN': '数据剖析', en: 'profile run' },
  data_asset_rule_run: { 'zh-CN': '规则校验', en: 'rule run' },
  migration_object: { 'zh-CN': '迁移对象', en: 'migration object' },
  migration_run: { 'zh-CN': '迁移运行', en: 'migration run' },
  migration_batch: { 'zh-CN': '迁移批次', en: 'migration batch' },
  migration_rollback: { 'zh-CN': '迁移回滚', en: 'migration rollback' },
  risk: { 'zh-CN': '风险', en: 'risk' },
  risk_settings: { 'zh-CN': '预警设置', en: 'early-warning settings' },
  go_live_check: { 'zh-CN': '上线检查项', en: 'go-live check' },
  go_live_decision: { 'zh-CN': '上线决策', en: 'go/no-go decision' },
  rollout_wave: { 'zh-CN': '推广批次', en: 'rollout wave' },
  plan_task: { 'zh-CN': '计划任务', en: 'plan task' },
  plan_dependency: { 'zh-CN': '任务依赖', en: 'task dependency' },
  plan_calendar_exception: { 'zh-CN': '日历例外', en: 'calendar exception' },
  plan_baseline: { 'zh-CN': '计划基线', en: 'plan baseline' },
  bottleneck: { 'zh-CN': '流程瓶颈', en: 'bottleneck' },
  process: { 'zh-CN': '流程图', en: 'process' },
  probe: { 'zh-CN': '环境探测结果', en: 'probe result' },
  report_version: { 'zh-CN': '报告版本', en: 'report version' },
};

/** Parameters whose values are codes, shown through a label table (`{entity}`, FORBIDDEN's `{resource}` and `{action}`). */
const LABELED_PARAMS: Record<string, Record<string, Record<Locale, string>>> = {
  entity: ENTITY_LABELS,
  resource: RESOURCE_LABELS,
  action: ACTION_LABELS,
};

/** Fills a code's template for a locale; unknown placeholders stay visible rather than vanish. */
export function formatErrorMessage(code: ErrorCode, params: ErrorParams, locale: Locale): string {
  const template: string = ERROR_CODES[code].message[locale];
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    if (!(key in params)) return whole;
    const value = String(params[key]);
    return LABELED_PARAMS[key]?.[value]?.[locale] ?? value;
  });
}

/** Shorthand for a 404 on a named entity. */
export function notFound(entity: string, id: string): AppError {
  return new AppError('NOT_FOUND', { entity, id });
}

/** Picks zh-CN or en from an Accept-Language header or a `lang` value; zh-CN by default. */
export function pickLocale(value: string | undefined | null): Locale {
  if (!value) return 'zh-CN';
  const first = value.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}
