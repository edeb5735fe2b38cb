import type { Locale } from '../../shared/app-error';
import { addDays, cronMatchesDay, type CronSchedule } from './cron';
import type { ExitCriterionView } from './cutover.schema';

/** The result that counts for one business date: its latest successful run. */
export interface BusinessDayResult {
  businessDate: string;
  unexplained: number;
}

/**
 * The next business day after `date`: the next calendar day on which the schedule fires (a
 * weekday-only schedule makes Friday → Monday consecutive); plain calendar days otherwise.
 */
export function nextBusinessDay(date: string, cron: CronSchedule | undefined): string {
  if (cron) {
    for (let i = 1; i <= 400; i++) {
      const candidate = addDays(date, i);
      if (cronMatchesDay(cron, candidate)) return candidate;
    }
  }
  return addDays(date, 1);
}

const TEXT = {
  met: {
    'zh-CN': '已满足：连续 {streak} 个业务日（{from} 至 {to}）无未解释差异',
    en: 'Met: {streak} consecutive business days ({from} to {to}) without unexplained differences',
  },
  no_runs: { 'zh-CN': '未满足：尚无成功的对账运行', en: 'Not met: no successful reconciliation run yet' },
  unexplained: {
    'zh-CN': '未满足：{date} 的对账还有 {count} 条未解释差异',
    en: 'Not met: the run of {date} has {count} unexplained differences',
  },
  gap: {
    'zh-CN': '未满足：{from} 与 {to} 之间缺少业务日 {missing} 的对账运行',
    en: 'Not met: no run for business day {missing} between {from} and {to}',
  },
  too_few: {
    'zh-CN': '未满足：已连续 {streak} 个业务日无未解释差异，需要 {required} 个',
    en: 'Not met: {streak} consecutive business days without unexplained differences, {required} needed',
  },
} as const;

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, k: string) => (k in params ? String(params[k]) : whole));
}

/**
 * Met when the latest `required` business days (one result each, newest first) follow each other
 * without a gap and none has an unexplained difference. `streak` counts such days from the newest.
 */
export function evaluateExitCriterion(
  results: readonly BusinessDayResult[],
  required: number,
  cron: CronSchedule | undefined,
  locale: Locale,
): ExitCriterionView {
  const days = [...results].sort((a, b) => (a.businessDate < b.businessDate ? 1 : a.businessDate > b.businessDate ? -1 : 0));
  const view = (
    reasonCode: ExitCriterionView['reasonCode'],
    streakDates: string[],
    params: Record<string, string | number>,
  ): ExitCriterionView => ({
    met: reasonCode === 'met',
    required,
    streak: streakDates.length,
    streakDates,
    reasonCode,
    reason: fill(TEXT[reasonCode][locale], { ...params, streak: streakDates.length, required }),
    lastBusinessDate: days[0]?.businessDate ?? null,
  });
  if (days.length === 0) return view('no_runs', [], {});
  const streak: string[] = [];
  for (let i = 0; i < days.length; i++) {
    const day = days[i];
    if (i > 0) {
      const expected = nextBusinessDay(day.businessDate, cron);
      if (expected !== days[i - 1].businessDate) {
        if (streak.length >= required) break;
        return view('gap', streak, { from: day.businessDate, to: days[i - 1].businessDate, missing: expected });
      }
    }
    if (day.unexplained > 0) {
      if (streak.length >= required) break;
      return view('unexplained', streak, { date: day.businessDate, count: day.unexplained });
    }
    streak.push(day.businessDate);
  }
  if (streak.length >= required) return view('met', streak, { from: streak[streak.length - 1], to: streak[0] });
  return view('too_few', streak, {});
}
