import type { Locale } from './define-error-codes';

/**
 * Names of the permission matrix's resources (src/modules/access/permission-matrix.ts) as FORBIDDEN
 * shows them, worded as the web app's permission page does (web/src/i18n), so a refusal names what
 * the user sees on that page instead of a code. `platform` is the admin-only area.
 */
export const RESOURCE_LABELS: Record<string, Record<Locale, string>> = {
  platform: { 'zh-CN': '平台管理', en: 'Platform administration' },
  project: { 'zh-CN': '项目', en: 'Project' },
  goal: { 'zh-CN': '目标', en: 'Goals' },
  kpi: { 'zh-CN': 'KPI', en: 'KPIs' },
  roi: { 'zh-CN': '投资回报', en: 'ROI' },
  member: { 'zh-CN': '团队成员', en: 'Team members' },
  raci: { 'zh-CN': 'RACI', en: 'RACI' },
  stakeholder: { 'zh-CN': '干系人', en: 'Stakeholders' },
  audit: { 'zh-CN': '审计日志', en: 'Audit log' },
  permission: { 'zh-CN': '权限', en: 'Permissions' },
  job: { 'zh-CN': '后台任务', en: 'Background jobs' },
  upload: { 'zh-CN': '文件上传', en: 'Uploads' },
  reconcile: { 'zh-CN': '双轨对账', en: 'Dual-run reconciliation' },
  connection: { 'zh-CN': '数据库连接', en: 'Database connections' },
  process: { 'zh-CN': '流程图', en: 'Process maps' },
  assessment: { 'zh-CN': '现状调研', en: 'Assessment' },
  probe: { 'zh-CN': '环境探测', en: 'Environment probe' },
  requirement: { 'zh-CN': '需求', en: 'Requirements (fit-gap)' },
  blueprint: { 'zh-CN': '系统蓝图', en: 'Blueprint' },
  data_asset: { 'zh-CN': '数据资产', en: 'Data assets' },
  migration: { 'zh-CN': '数据迁移', en: 'Data migration' },
  risk: { 'zh-CN': '风险预警', en: 'Risks' },
  go_live: { 'zh-CN': '上线决策', en: 'Go/no-go' },
  rollout: { 'zh-CN': '推广实施', en: 'Rollout waves and gates' },
  plan: { 'zh-CN': '项目计划', en: 'Project plan' },
};

/** Names of the permission matrix's actions; `admin` is the platform admin's right. */
export const ACTION_LABELS: Record<string, Record<Locale, string>> = {
  read: { 'zh-CN': '查看', en: 'Read' },
  create: { 'zh-CN': '新建', en: 'Create' },
  update: { 'zh-CN': '修改', en: 'Update' },
  delete: { 'zh-CN': '删除', en: 'Delete' },
  export: { 'zh-CN': '导出', en: 'Export' },
  approve: { 'zh-CN': '审批', en: 'Approve' },
  admin: { 'zh-CN': '管理', en: 'Administer' },
};
