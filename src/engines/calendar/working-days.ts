import { addCalendarDays, calendarDaysBetween } from './calendar-date';
import type { CalendarIndex } from './working-calendar';

/** Longest stretch searched for a working day (ten years): beyond it a calendar is taken as never worked. */
const SEARCH_LIMIT_DAYS = 3660;

function assertWorkable(index: CalendarIndex): void {
  if (!index.hasWorkingDays()) throw new RangeError('the working calendar has no working day');
}

/** The first working day on or after (`direction` 1) or on or before (-1) a date. */
export function nearestWorkingDay(index: CalendarIndex, date: string, direction: 1 | -1 = 1): string {
  assertWorkable(index);
  let day = date;
  for (let i = 0; i <= SEARCH_LIMIT_DAYS; i++) {
    if (index.isWorkingDay(day)) return day;
    day = addCalendarDays(day, direction);
  }
  throw new RangeError(`no working day within ${SEARCH_LIMIT_DAYS} days of ${date}`);
}

/**
 * The working day `days` working days after `date` (before it when negative). With 0, the date itself
 * when worked, else the next working day. A task starting on a working day S with a duration of D
 * working days finishes on `addWorkingDays(S, D - 1)`, as in MS Project.
 */
export function addWorkingDays(index: CalendarIndex, date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`working days must be whole: ${days}`);
  const step = days < 0 ? -1 : 1;
  let day = nearestWorkingDay(index, date, step);
  let left = Math.abs(days);
  let scanned = 0;
  while (left > 0) {
    day = addCalendarDays(day, step);
    if (index.isWorkingDay(day)) left--;
    if (++scanned > SEARCH_LIMIT_DAYS + Math.abs(days) * 7) throw new RangeError(`no working day after ${day}`);
  }
  return day;
}

/** Working days from `from` to `to`, both included (0 when `to` is before `from`). */
export function countWorkingDays(index: CalendarIndex, from: string, to: string): number {
  const span = calendarDaysBetween(from, to);
  let count = 0;
  for (let i = 0; i <= span; i++) if (index.isWorkingDay(addCalendarDays(from, i))) count++;
  return count;
}

/**
 * Signed working-day distance from `from` to `to`, as schedules measure lag and slip: 0 on the same
 * day, 1 from a working day to the next working day, negative when `to` is earlier.
 */
export function workingDaysBetween(index: CalendarIndex, from: string, to: string): number {
  if (to === from) return 0;
  if (to > from) return countWorkingDays(index, addCalendarDays(from, 1), to);
  return -countWorkingDays(index, addCalendarDays(to, 1), from);
}
