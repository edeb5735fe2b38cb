import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultChinaCalendar } from './china-holidays';
import { CalendarIndex, roundTheClockCalendar } from './working-calendar';
import { addWorkingMinutes, workingMinutesBetween } from './working-time';

const china = new CalendarIndex(defaultChinaCalendar());
/** Beijing time as an instant. */
const bj = (local: string) => new Date(`${local}+08:00`);

describe('working minutes on the Chinese office calendar (09–12, 13–18)', () => {
  it.each([
    // start (Beijing time), minutes, due (Beijing time)
    ['2026-03-02T10:00:00', 60, '2026-03-02T11:00:00'],
    ['2026-03-02T11:30:00', 60, '2026-03-02T13:30:00'], // lunch does not count
    ['2026-03-02T17:00:00', 120, '2026-03-03T10:00:00'], // overnight
    ['2026-03-02T20:00:00', 30, '2026-03-03T09:30:00'], // raised after hours
    ['2026-03-06T17:00:00', 120, '2026-03-09T10:00:00'], // Friday to Monday
    ['2026-02-13T17:00:00', 120, '2026-02-14T10:00:00'], // make-up Saturday before the Spring Festival
    ['2026-02-14T17:00:00', 120, '2026-02-24T10:00:00'], // over the Spring Festival
    ['2026-03-02T09:00:00', 480, '2026-03-02T18:00:00'], // one full day
  ])('%s + %i min = %s', (start, minutes, due) => {
    expect(addWorkingMinutes(china, bj(start), minutes).toISOString()).toBe(bj(due).toISOString());
  });

  it('counts working minutes between two instants', () => {
    expect(workingMinutesBetween(china, bj('2026-03-02T11:30:00'), bj('2026-03-02T13:30:00'))).toBe(60);
    expect(workingMinutesBetween(china, bj('2026-02-13T17:00:00'), bj('2026-02-24T10:00:00'))).toBe(60 + 480 + 60);
    expect(workingMinutesBetween(china, bj('2026-03-03T10:00:00'), bj('2026-03-02T10:00:00'))).toBe(0);
  });

  it('is inverse: the working minutes up to the due time are the target', () => {
    const instant = fc.integer({ min: 0, max: 400 * 24 * 60 }).map((m) => new Date(bj('2026-01-01T00:00:00').getTime() + m * 60_000));
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 5000 }), (start, minutes) => {
        const due = addWorkingMinutes(china, start, minutes);
        expect(workingMinutesBetween(china, start, due)).toBe(minutes);
      }),
      { numRuns: 200 },
    );
  });
});

describe('round the clock (P1 during hypercare)', () => {
  it('counts every minute, holidays and nights included', () => {
    const always = new CalendarIndex(roundTheClockCalendar('Asia/Shanghai'));
    expect(addWorkingMinutes(always, bj('2026-02-16T23:30:00'), 60).toISOString()).toBe(bj('2026-02-17T00:30:00').toISOString());
    expect(workingMinutesBetween(always, bj('2026-10-01T00:00:00'), bj('2026-10-02T00:00:00'))).toBe(1440);
  });

  it('keeps wall-clock hours across a daylight-saving change (Europe/Berlin, 2026-03-29)', () => {
    const berlin = new CalendarIndex({ ...defaultChinaCalendar('Europe/Berlin'), holidays: [], makeUpDays: [] });
    // Friday 17:00 CET + 2 h = Monday 10:00 CEST: the lost night hour is not working time anyway.
    const due = addWorkingMinutes(berlin, new Date('2026-03-27T16:00:00Z'), 120);
    expect(due.toISOString()).toBe('2026-03-30T08:00:00.000Z');
  });
});
