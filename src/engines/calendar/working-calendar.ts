import { isoWeekday } from './calendar-date';

/** A span of working time within a day, `HH:MM` to `HH:MM` (`24:00` ends at midnight). */
export interface WorkingPeriod {
  start: string;
  end: string;
}

/** A named date: a public holiday, a make-up working day (调休上班), or a resource's exception. */
export interface CalendarDay {
  date: string;
  name: string;
}

/**
 * A working calendar: which weekdays are worked, the working hours of a working day, the holidays
 * that are off even on a working weekday and the make-up days (调休) that are worked even on a
 * weekend. Rollout scheduling counts working days on it; hypercare SLAs count working minutes.
 */
export interface WorkingCalendar {
  /** IANA zone the hours are read in (the project's zone, e.g. Asia/Shanghai). */
  timeZone: string;
  /** ISO weekdays worked: 1 Monday … 7 Sunday. */
  workingWeekdays: readonly number[];
  /** Working hours of a working day, in order and not overlapping. */
  workingHours: readonly WorkingPeriod[];
  holidays: readonly CalendarDay[];
  makeUpDays: readonly CalendarDay[];
}

/** A resource's own day: leave (not working) or a day worked, optionally with its own hours. */
export interface CalendarException extends CalendarDay {
  working: boolean;
  hours?: readonly WorkingPeriod[];
}

/** Why a day is or is not worked. */
export type DayKind = 'working_weekday' | 'weekend' | 'holiday' | 'make_up_day' | 'exception';

/** A day as the calendar sees it. */
export interface ResolvedDay {
  date: string;
  working: boolean;
  kind: DayKind;
  /** The holiday's, make-up day's or exception's name. */
  name: string | null;
  /** Working periods of the day (empty when not working). */
  periods: readonly WorkingPeriod[];
}

/** A calendar worked around the clock, every day: P1 tickets during hypercare. */
export function roundTheClockCalendar(timeZone: string): WorkingCalendar {
  return {
    timeZone,
    workingWeekdays: [1, 2, 3, 4, 5, 6, 7],
    workingHours: [{ start: '00:00', end: '24:00' }],
    holidays: [],
    makeUpDays: [],
  };
}

/**
 * Indexes a calendar (and a resource's exceptions) for repeated day lookups. Precedence, from the
 * strongest: the resource's exception, a make-up day, a holiday, the weekday.
 */
export class CalendarIndex {
  private readonly holidays: Map<string, string>;
  private readonly makeUpDays: Map<string, string>;
  private readonly exceptions: Map<string, CalendarException>;
  private readonly weekdays: ReadonlySet<number>;

  constructor(
    readonly calendar: WorkingCalendar,
    exceptions: readonly CalendarException[] = [],
  ) {
    this.holidays = new Map(calendar.holidays.map((h) => [h.date, h.name]));
    this.makeUpDays = new Map(calendar.makeUpDays.map((h) => [h.date, h.name]));
    this.exceptions = new Map(exceptions.map((e) => [e.date, e]));
    this.weekdays = new Set(calendar.workingWeekdays);
  }

  /** Whether a date is worked and with which hours. */
  resolve(date: string): ResolvedDay {
    const exception = this.exceptions.get(date);
    if (exception) {
      const periods = exception.working ? (exception.hours ?? this.calendar.workingHours) : [];
      return { date, working: exception.working && periods.length > 0, kind: 'exception', name: exception.name, periods };
    }
    const makeUp = this.makeUpDays.get(date);
    if (makeUp !== undefined) return { date, working: true, kind: 'make_up_day', name: makeUp, periods: this.calendar.workingHours };
    const holiday = this.holidays.get(date);
    if (holiday !== undefined) return { date, working: false, kind: 'holiday', name: holiday, periods: [] };
    if (this.weekdays.has(isoWeekday(date)))
      return { date, working: true, kind: 'working_weekday', name: null, periods: this.calendar.workingHours };
    return { date, working: false, kind: 'weekend', name: null, periods: [] };
  }

  isWorkingDay(date: string): boolean {
    return this.resolve(date).working;
  }

  /** Whether any day at all can be worked (else every search for a working day would run forever). */
  hasWorkingDays(): boolean {
    return (
      (this.weekdays.size > 0 && this.calendar.workingHours.length > 0) ||
      this.calendar.makeUpDays.length > 0 ||
      [...this.exceptions.values()].some((e) => e.working)
    );
  }
}

/** Minutes since midnight of `HH:MM` (`24:00` is 1440). */
export function minutesOfDay(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h! * 60 + m!;
}

/** Working minutes of one day's periods. */
export function periodMinutes(periods: readonly WorkingPeriod[]): number {
  return periods.reduce((sum, p) => sum + minutesOfDay(p.end) - minutesOfDay(p.start), 0);
}
