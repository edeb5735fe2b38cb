import { AppError } from '../../shared/app-error';
import { isValidTimeZone, zonedDate, zonedParts, zonedTimeToInstant } from '../../engines/calendar/zoned-time';

// Zone arithmetic lives in the calendar engine; re-exported for the module's existing callers.
export { isValidTimeZone, zonedDate, zonedParts, zonedTimeToInstant };

/**
 * A small 5-field cron (minute hour day-of-month month day-of-week) evaluated in an IANA time
 * zone. Fields take `*`, numbers, ranges `a-b`, lists `a,b`, steps `*∕n` and `a-b/n`, month and
 * weekday names (JAN, MON); weekday 7 is Sunday like 0. As in classic cron, when both day fields
 * are restricted a day matches if either matches.
 */
export interface CronSchedule {
  expression: string;
  minutes: ReadonlySet<number>;
  hours: ReadonlySet<number>;
  daysOfMonth: ReadonlySet<number>;
  months: ReadonlySet<number>;
  daysOfWeek: ReadonlySet<number>;
  domRestricted: boolean;
  dowRestricted: boolean;
}

export const DEFAULT_CRON = '0 6 * * *';
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const MONTH_NAMES = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

interface FieldDef {
  name: string;
  /** 1–5, how errors name the field. */
  position: number;
  min: number;
  max: number;
  names?: string[];
  nameBase?: number;
}

const FIELDS: FieldDef[] = [
  { name: 'minute', position: 1, min: 0, max: 59 },
  { name: 'hour', position: 2, min: 0, max: 23 },
  { name: 'day of month', position: 3, min: 1, max: 31 },
  { name: 'month', position: 4, min: 1, max: 12, names: MONTH_NAMES, nameBase: 1 },
  { name: 'day of week', position: 5, min: 0, max: 7, names: DAY_NAMES, nameBase: 0 },
];

function parseValue(text: string, def: FieldDef, expression: string): number {
  const upper = text.toUpperCase();
  const named = def.names?.indexOf(upper) ?? -1;
  if (named >= 0) return named + (def.nameBase ?? 0);
  if (!/^\d+$/.test(text)) throw cronError(expression, def, text);
  const value = Number(text);
  if (value < def.min || value > def.max) throw cronError(expression, def, text);
  return value;
}

/** The error for one bad piece (`part`) of a field; the message lists what the field takes. */
function cronError(expression: string, def: FieldDef, part: string): AppError {
  return new AppError('CUTOVER_CRON_INVALID', { expression, position: def.position, part, min: def.min, max: def.max }, [
    { field: 'schedule.cron' },
  ]);
}

function parseField(text: string, def: FieldDef, expression: string): { values: Set<number>; restricted: boolean } {
  const values = new Set<number>();
  let restricted = true;
  for (const part of text.split(',')) {
    // An empty list item ("1,,2") has no piece of its own to name: the whole field is shown.
    if (part === '') throw cronError(expression, def, text);
    const [range, stepText, extra] = part.split('/');
    if (extra !== undefined) throw cronError(expression, def, part);
    let step = 1;
    if (stepText !== undefined) {
      if (!/^\d+$/.test(stepText) || Number(stepText) === 0) throw cronError(expression, def, part);
      step = Number(stepText);
    }
    let from: number;
    let to: number;
    if (range === '*') {
      from = def.min;
      to = def.name === 'day of week' ? 6 : def.max;
      if (stepText === undefined && text === '*') restricted = false;
    } else if (range.includes('-')) {
      const [a, b] = range.split('-');
      from = parseValue(a, def, expression);
      to = parseValue(b, def, expression);
      if (from > to) throw cronError(expression, def, range);
    } else {
      from = parseValue(range, def, expression);
      to = stepText === undefined ? from : def.name === 'day of week' ? 6 : def.max;
    }
    for (let v = from; v <= to; v += step) values.add(def.name === 'day of week' && v === 7 ? 0 : v);
  }
  return { values, restricted };
}

/**
 * Parses a 5-field cron expression; throws CUTOVER_CRON_FIELD_COUNT or CUTOVER_CRON_INVALID (field
 * `schedule.cron`) naming the bad piece.
 */
export function parseCron(expression: string): CronSchedule {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) {
    throw new AppError('CUTOVER_CRON_FIELD_COUNT', { expression, count: fields.length }, [{ field: 'schedule.cron' }]);
  }
  const [minutes, hours, dom, months, dow] = fields.map((f, i) => parseField(f, FIELDS[i], expression));
  return {
    expression: fields.join(' '),
    minutes: minutes.values,
    hours: hours.values,
    daysOfMonth: dom.values,
    months: months.values,
    daysOfWeek: dow.values,
    domRestricted: dom.restricted,
    dowRestricted: dow.restricted,
  };
}

/** True when the schedule fires on some time of this calendar day (`YYYY-MM-DD`). */
export function cronMatchesDay(cron: CronSchedule, date: string): boolean {
  const [y, m, d] = date.split('-').map(Number);
  if (!cron.months.has(m)) return false;
  const dow = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  const domOk = cron.daysOfMonth.has(d);
  const dowOk = cron.daysOfWeek.has(dow);
  if (cron.domRestricted && cron.dowRestricted) return domOk || dowOk;
  if (cron.domRestricted) return domOk;
  if (cron.dowRestricted) return dowOk;
  return true;
}

/** `YYYY-MM-DD` plus n days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * The first instant strictly after `after` at which the schedule fires, in `timeZone`.
 * Looks up to about four years ahead (enough for `0 0 29 2 *`); undefined if it never fires.
 */
export function nextCronTime(cron: CronSchedule, after: Date, timeZone: string): Date | undefined {
  const hours = [...cron.hours].sort((a, b) => a - b);
  const minutes = [...cron.minutes].sort((a, b) => a - b);
  const first = zonedParts(after, timeZone);
  const firstDate = zonedDate(after, timeZone);
  const firstMinute = first.hour * 60 + first.minute;
  let date = firstDate;
  for (let i = 0; i < 1500; i++, date = addDays(date, 1)) {
    if (!cronMatchesDay(cron, date)) continue;
    const [y, m, d] = date.split('-').map(Number);
    for (const h of hours) {
      for (const min of minutes) {
        // On the first day, wall times up to `after`'s minute are in the past (checked cheaply).
        if (date === firstDate && h * 60 + min <= firstMinute) continue;
        const at = zonedTimeToInstant(y, m, d, h, min, timeZone);
        if (at && at.getTime() > after.getTime()) return at;
      }
    }
  }
  return undefined;
}

/**
 * The latest slot in (since, now]; slots before `now − lookback` are not looked at, so a server
 * that was down for a week runs the most recent slot once instead of a backlog.
 */
export function latestDueTime(cron: CronSchedule, since: Date, now: Date, timeZone: string, lookbackMs = 24 * 3600_000): Date | undefined {
  const start = new Date(Math.max(since.getTime(), now.getTime() - lookbackMs));
  let due: Date | undefined;
  let cursor = start;
  for (let i = 0; i < 2000; i++) {
    const next = nextCronTime(cron, cursor, timeZone);
    if (!next || next.getTime() > now.getTime()) break;
    due = next;
    cursor = next;
  }
  return due;
}
