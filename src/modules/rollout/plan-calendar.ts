import { defaultChinaCalendar, validateCalendar, type CalendarProblemCode, type WorkingCalendar } from '../../engines/calendar';
import type { PlanSettingsTable } from '../../db/schema-rollout';
import { AppError, type Locale } from '../../shared/app-error';

const PROBLEM_REASONS: Record<CalendarProblemCode, Record<Locale, string>> = {
  time_zone_unknown: { 'zh-CN': '不是已知的时区名称（例如“Asia/Shanghai”）', en: 'is not a known time zone (e.g. Asia/Shanghai)' },
  weekday_invalid: { 'zh-CN': '星期必须是 1（周一）到 7（周日）', en: 'weekdays are 1 (Monday) to 7 (Sunday)' },
  time_invalid: { 'zh-CN': '时间必须写成 HH:MM（00:00–24:00）', en: 'times are HH:MM (00:00–24:00)' },
  period_empty: { 'zh-CN': '结束时间必须晚于开始时间', en: 'ends before it starts' },
  periods_overlap: { 'zh-CN': '与前一段工作时间重叠或顺序颠倒', en: 'overlaps the previous period or comes before it' },
  date_invalid: { 'zh-CN': '不是有效日期（YYYY-MM-DD）', en: 'is not a valid date (YYYY-MM-DD)' },
  date_twice: { 'zh-CN': '该日期已在节假日或调休上班日中出现', en: 'is already listed as a holiday or make-up day' },
  no_working_time: { 'zh-CN': '日历中没有任何工作时间', en: 'the calendar has no working time at all' },
};

/**
 * The plan's working calendar: the saved one, else the built-in Chinese calendar (Monday–Friday,
 * 09:00–12:00 and 13:00–18:00, the official public holidays and 调休 make-up days) in the project's zone.
 */
export function planCalendarOf(settings: PlanSettingsTable | undefined, projectTimeZone: string): WorkingCalendar {
  if (!settings) return defaultChinaCalendar(projectTimeZone);
  return JSON.parse(settings.calendar) as WorkingCalendar;
}

/** Refuses a calendar the scheduler cannot use, naming each wrong field. */
export function assertUsableCalendar(calendar: WorkingCalendar, locale: Locale): void {
  const problems = validateCalendar(calendar);
  if (problems.length === 0) return;
  throw new AppError(
    'PLAN_CALENDAR_INVALID',
    { count: problems.length },
    problems.map((p) => ({
      field: `calendar.${p.field}`,
      reason: p.value
        ? `${PROBLEM_REASONS[p.code][locale]}${locale === 'zh-CN' ? `：“${p.value}”` : `: "${p.value}"`}`
        : PROBLEM_REASONS[p.code][locale],
    })),
  );
}
