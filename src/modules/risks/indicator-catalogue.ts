import type { Locale } from '../../shared/app-error';
import type { Text } from './indicator-draft';
import type { HealthDimension } from './risk.schema';

/**
 * Every early-warning indicator golive evaluates: its dimension and its title in both languages.
 * The rules produce only code, level, value and message; the title comes from here, so the health
 * view, the register's 来源预警 column and its export always name an indicator the same way, and a
 * stored `sourceIndicator` can be shown without evaluating the project (no raw key on screen).
 */
export const INDICATOR_CATALOGUE = {
  'executive_backing.sponsor_named': { dimension: 'executive_backing', title: { zh: '项目发起人', en: 'Project sponsor' } },
  'executive_backing.sponsor_active': { dimension: 'executive_backing', title: { zh: '发起人参与度', en: 'Sponsor involvement' } },
  'executive_backing.approvals_waiting': {
    dimension: 'executive_backing',
    title: { zh: '领导小组审批', en: 'Steering-committee approvals' },
  },
  'change_management.resistance': { dimension: 'change_management', title: { zh: '变革阻力', en: 'Resistance to change' } },
  'change_management.key_resistors': { dimension: 'change_management', title: { zh: '关键抵触者', en: 'Key resisters' } },
  'change_management.stale_assessments': { dimension: 'change_management', title: { zh: '支持度跟踪', en: 'Support tracking' } },
  'customisation.share': { dimension: 'customisation', title: { zh: '定制开发占比', en: 'Custom development share' } },
  'customisation.modules_over': { dimension: 'customisation', title: { zh: '超标模块', en: 'Modules over the limit' } },
  'data_quality.scores': { dimension: 'data_quality', title: { zh: '数据质量得分', en: 'Data quality scores' } },
  'data_quality.unprofiled': { dimension: 'data_quality', title: { zh: '未分析资产', en: 'Assets not profiled' } },
  'data_quality.rejects': { dimension: 'data_quality', title: { zh: '迁移拒收率', en: 'Migration rejects' } },
  'goals.defined': { dimension: 'goals', title: { zh: '项目目标', en: 'Project goals' } },
  'goals.smart': { dimension: 'goals', title: { zh: 'SMART 目标', en: 'SMART goals' } },
  'goals.behind': { dimension: 'goals', title: { zh: 'KPI 进度', en: 'KPI progress' } },
  'risk_register.high_open': { dimension: 'risk_register', title: { zh: '高风险', en: 'High risks' } },
  'risk_register.overdue': { dimension: 'risk_register', title: { zh: '逾期风险', en: 'Overdue risks' } },
} as const satisfies Record<string, { dimension: HealthDimension; title: Text }>;

/** Codes of the indicators, e.g. `customisation.share`. */
export type IndicatorCode = keyof typeof INDICATOR_CATALOGUE;

/** Every indicator code, in the order of the dimensions. */
export const INDICATOR_CODES = Object.keys(INDICATOR_CATALOGUE) as [IndicatorCode, ...IndicatorCode[]];

/** Whether a string is the code of an indicator golive evaluates. */
export function isIndicatorCode(code: string): code is IndicatorCode {
  return Object.hasOwn(INDICATOR_CATALOGUE, code);
}

/** The indicator's title in the locale. */
export function indicatorTitle(code: IndicatorCode, locale: Locale): string {
  const title = INDICATOR_CATALOGUE[code].title;
  return locale === 'zh-CN' ? title.zh : title.en;
}
