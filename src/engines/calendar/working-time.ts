import { addCalendarDays } from './calendar-date';
import type { CalendarIndex } from './working-calendar';
import { minutesOfDay } from './working-calendar';
import { zonedDate, zonedTimeToInstant } from './zoned-time';

const MINUTE_MS = 60_000;
/** Longest stretch searched for working time (ten years). */
const SEARCH_LIMIT_DAYS = 3660;

/** The instants a day's working periods start and end, in the calendar's zone. */
function dayIntervals(index: CalendarIndex, date: string): [number, number][] {
  const zone = index.calendar.timeZone;
  const at = (time: string): number => {
    const minutes = minutesOfDay(time);
    // 24:00 is the next day's midnight.
    const [yy, mm, dd] = (minutes >= 1440 ? addCalendarDays(date, 1) : date).split('-').map(Number);
    const hm = minutes % 1440;
    // Inside a DST gap the wall time does not exist: the clock jumped, so count from the hour after.
    const instant =
      zonedTimeToInstant(yy!, mm!, dd!, Math.floor(hm / 60), hm % 60, zone) ??
      zonedTimeToInstant(yy!, mm!, dd!, Math.floor(hm / 60) + 1, 0, zone);
    return instant!.getTime();
  };
  return index.resolve(date).periods.map((p) => [at(p.start), at(p.end)]);
}

/**
 * The instant `minutes` working minutes after `start`: the due time of an SLA target. Time outside
 * working hours, on weekends and holidays does not count; `start` itself may fall outside them.
 */
export function addWorkingMinutes(index: CalendarIndex, start: Date, minutes: number): Date {
  if (!index.hasWorkingDays()) throw new RangeError('the working calendar has no working day');
  let left = minutes * MINUTE_MS;
  const from = start.getTime();
  let date = addCalendarDays(zonedDate(start, index.calendar.timeZone), -1);
  for (let i = 0; i <= SEARCH_LIMIT_DAYS + minutes / 60; i++, date = addCalendarDays(date, 1)) {
    for (const [a, b] of dayIntervals(index, date)) {
      const begin = Math.max(a, from);
      if (b <= begin) continue;
      if (left <= b - begin) return new Date(begin + left);
      left -= b - begin;
    }
  }
  throw new RangeError(`no working time within ${SEARCH_LIMIT_DAYS} days of ${start.toISOString()}`);
}

/** Working minutes between two instants (0 when `to` is not after `from`); fractions of a minute kept. */
export function workingMinutesBetween(index: CalendarIndex, from: Date, to: Date): number {
  const a0 = from.getTime();
  const b0 = to.getTime();
  if (b0 <= a0) return 0;
  let total = 0;
  const last = zonedDate(to, index.calendar.timeZone);
  for (let date = addCalendarDays(zonedDate(from, index.calendar.timeZone), -1); date <= last; date = addCalendarDays(date, 1)) {
    for (const [a, b] of dayIntervals(index, date)) {
      const begin = Math.max(a, a0);
      const end = Math.min(b, b0);
      if (end > begin) total += end - begin;
    }
  }
  return total / MINUTE_MS;
}
