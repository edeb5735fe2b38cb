import { isCalendarDate } from './calendar-date';
import { isValidTimeZone } from './zoned-time';
import { minutesOfDay, type WorkingCalendar } from './working-calendar';

/** What can be wrong with a calendar, for the caller to translate into its own error codes. */
export type CalendarProblemCode =
  | 'time_zone_unknown'
  | 'weekday_invalid'
  | 'time_invalid'
  | 'period_empty'
  | 'periods_overlap'
  | 'date_invalid'
  | 'date_twice'
  | 'no_working_time';

/** One problem, at a dotted field path such as `workingHours.1.end` or `holidays.3.date`. */
export interface CalendarProblem {
  code: CalendarProblemCode;
  field: string;
  value: string;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Every problem of a calendar (empty when it can be used), in field order. */
export function validateCalendar(calendar: WorkingCalendar): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  if (!isValidTimeZone(calendar.timeZone)) problems.push({ code: 'time_zone_unknown', field: 'timeZone', value: calendar.timeZone });
  calendar.workingWeekdays.forEach((d, i) => {
    if (!Number.isInteger(d) || d < 1 || d > 7) problems.push({ code: 'weekday_invalid', field: `workingWeekdays.${i}`, value: String(d) });
  });
  let previousEnd = -1;
  calendar.workingHours.forEach((p, i) => {
    for (const key of ['start', 'end'] as const)
      if (!TIME.test(p[key])) problems.push({ code: 'time_invalid', field: `workingHours.${i}.${key}`, value: p[key] });
    if (!TIME.test(p.start) || !TIME.test(p.end)) return;
    const start = minutesOfDay(p.start);
    const end = minutesOfDay(p.end);
    if (end <= start) problems.push({ code: 'period_empty', field: `workingHours.${i}.end`, value: p.end });
    else if (start < previousEnd) problems.push({ code: 'periods_overlap', field: `workingHours.${i}.start`, value: p.start });
    previousEnd = Math.max(previousEnd, end);
  });
  const seen = new Map<string, string>();
  for (const list of ['holidays', 'makeUpDays'] as const)
    calendar[list].forEach((day, i) => {
      const field = `${list}.${i}.date`;
      if (!isCalendarDate(day.date)) problems.push({ code: 'date_invalid', field, value: day.date });
      else if (seen.has(day.date)) problems.push({ code: 'date_twice', field, value: day.date });
      else seen.set(day.date, field);
    });
  const weekdaysWorked = calendar.workingWeekdays.length > 0 && calendar.workingHours.length > 0;
  if (!weekdaysWorked && (calendar.makeUpDays.length === 0 || calendar.workingHours.length === 0))
    problems.push({ code: 'no_working_time', field: 'workingWeekdays', value: '' });
  return problems;
}
