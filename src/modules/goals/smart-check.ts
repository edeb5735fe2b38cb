import type { Locale } from '../../shared/app-error';
import type { SmartIssue } from './goal.schema';

/** What the SMART check needs to know about a goal. */
export interface SmartCheckInput {
  statement: string;
  kpiName: string | null;
  kpiUnit: string | null;
  baseline: number | null;
  target: number | null;
  direction: 'increase' | 'decrease';
  deadline: string | null;
  ownerMemberId: string | null;
  module: string | null;
  /** Latest actual; a goal whose deadline passed but was reached is not flagged. */
  latestValue: number | null;
}

/** Project context the check compares against. */
export interface SmartCheckContext {
  today: string;
  modulesInScope: string[];
  plannedGoLive: string | null;
}

const MESSAGES: Record<string, Record<Locale, string>> = {
  statement_vague: {
    'zh-CN': '目标描述过于笼统（少于 8 个字），请写清楚要改善什么',
    en: 'The statement is too vague (under 8 characters): say what will improve',
  },
  no_owner: { 'zh-CN': '未指定负责人：目标不具体（谁来负责？）', en: 'No owner: not specific (who is responsible?)' },
  no_kpi: { 'zh-CN': '没有 KPI 指标名称或单位：不可衡量', en: 'No KPI name or unit: not measurable' },
  no_baseline: { 'zh-CN': '缺少基线值：无法衡量改善幅度', en: 'No baseline: the improvement cannot be measured' },
  no_target: { 'zh-CN': '缺少目标值：不可衡量', en: 'No target value: not measurable' },
  target_equals_baseline: {
    'zh-CN': '目标值等于基线值：没有要达成的改善',
    en: 'Target equals baseline: there is no improvement to achieve',
  },
  target_wrong_direction: {
    'zh-CN': '目标值与方向矛盾（{direction}，但目标相对基线反向）',
    en: 'Target contradicts the direction ({direction}, but the target moves the other way)',
  },
  no_module: { 'zh-CN': '未关联 ERP 模块：看不出与项目的相关性', en: 'No linked ERP module: relevance to the project is unclear' },
  module_out_of_scope: {
    'zh-CN': '关联的模块“{module}”不在项目实施范围内',
    en: 'The linked module "{module}" is not in the project scope',
  },
  no_deadline: { 'zh-CN': '没有截止日期：无时限', en: 'No deadline: not time-bound' },
  deadline_past: {
    'zh-CN': '截止日期 {deadline} 已过且尚未达成目标',
    en: 'The deadline {deadline} has passed and the target is not reached',
  },
};

const DIRECTION_WORD: Record<'increase' | 'decrease', Record<Locale, string>> = {
  increase: { 'zh-CN': '提升', en: 'increase' },
  decrease: { 'zh-CN': '降低', en: 'decrease' },
};

function issue(
  criterion: SmartIssue['criterion'],
  code: keyof typeof MESSAGES,
  locale: Locale,
  params: Record<string, string> = {},
): SmartIssue {
  const message = MESSAGES[code][locale].replace(/\{(\w+)\}/g, (w, k: string) => params[k] ?? w);
  return { criterion, code, message };
}

/** True when the actual value has reached the target in the goal's direction. */
export function isTargetReached(direction: 'increase' | 'decrease', target: number | null, actual: number | null): boolean {
  if (target === null || actual === null) return false;
  return direction === 'increase' ? actual >= target : actual <= target;
}

/**
 * Explains what a goal lacks to be SMART (Specific, Measurable, Achievable, Relevant,
 * Time-bound). An empty list means the goal passes.
 */
export function checkSmartGoal(goal: SmartCheckInput, context: SmartCheckContext, locale: Locale = 'zh-CN'): SmartIssue[] {
  const issues: SmartIssue[] = [];
  if ([...goal.statement.trim()].length < 8) issues.push(issue('specific', 'statement_vague', locale));
  if (!goal.ownerMemberId) issues.push(issue('specific', 'no_owner', locale));
  if (!goal.kpiName || !goal.kpiUnit) issues.push(issue('measurable', 'no_kpi', locale));
  if (goal.baseline === null) issues.push(issue('measurable', 'no_baseline', locale));
  if (goal.target === null) issues.push(issue('measurable', 'no_target', locale));
  if (goal.baseline !== null && goal.target !== null) {
    if (goal.target === goal.baseline) issues.push(issue('achievable', 'target_equals_baseline', locale));
    else if ((goal.direction === 'increase') !== goal.target > goal.baseline) {
      issues.push(issue('achievable', 'target_wrong_direction', locale, { direction: DIRECTION_WORD[goal.direction][locale] }));
    }
  }
  if (!goal.module) issues.push(issue('relevant', 'no_module', locale));
  else if (context.modulesInScope.length > 0 && !context.modulesInScope.includes(goal.module)) {
    issues.push(issue('relevant', 'module_out_of_scope', locale, { module: goal.module }));
  }
  if (!goal.deadline) issues.push(issue('timeBound', 'no_deadline', locale));
  else if (goal.deadline < context.today && !isTargetReached(goal.direction, goal.target, goal.latestValue)) {
    issues.push(issue('timeBound', 'deadline_past', locale, { deadline: goal.deadline }));
  }
  return issues;
}

/** Share of the way from baseline to target reached by the actual value; null if not computable. */
export function computeProgress(baseline: number | null, target: number | null, actual: number | null): number | null {
  if (baseline === null || target === null || actual === null || target === baseline) return null;
  return (actual - baseline) / (target - baseline);
}
