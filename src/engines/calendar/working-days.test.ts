import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from './calendar-date';
import { CHINA_HOLIDAY_YEARS, defaultChinaCalendar } from './china-holidays';
import { CalendarIndex, type WorkingCalendar } from './working-calendar';
import { addWorkingDays, countWorkingDays, nearestWorkingDay, workingDaysBetween } from './working-days';

const china = new CalendarIndex(defaultChinaCalendar());

describe('the 2026 Chinese calendar', () => {
  it.each([
    ['2026-01-01', false, 'holiday', '元旦'],
    ['2026-01-04', true, 'make_up_day', '元旦调休上班'], // a Sunday worked
    ['2026-01-05', true, 'working_weekday', null],
    ['2026-01-10', false, 'weekend', null],
    ['2026-02-14', true, 'make_up_day', '春节调休上班'], // Saturday before the Spring Festival
    ['2026-02-16', false, 'holiday', '春节'],
    ['2026-02-23', false, 'holiday', '春节'], // a Monday off
    ['2026-02-28', true, 'make_up_day', '春节调休上班'],
    ['2026-05-05', false, 'holiday', '劳动节'],
    ['2026-05-09', true, 'make_up_day', '劳动节调休上班'],
    ['2026-09-20', true, 'make_up_day', '国庆节调休上班'],
    ['2026-10-08', true, 'working_weekday', null],
    ['2026-10-10', true, 'make_up_day', '国庆节调休上班'],
  ] as const)('%s is worked: %s (%s)', (date, working, kind, name) => {
    expect(china.resolve(date)).toMatchObject({ working, kind, name });
  });

  it('has 9 days off for the Spring Festival and 7 for National Day', () => {
    const days = (name: string) => CHINA_HOLIDAY_YEARS[0]!.holidays.filter((h) => h.name === name).length;
    expect(days('春节')).toBe(9);
    expect(days('国庆节')).toBe(7);
  });

  it.each([
    // from, working days, expected — across the Spring Festival, the make-up Saturdays count.
    ['2026-02-12', 1, '2026-02-13'],
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-02-14', 1, '2026-02-24'],
    ['2026-02-24', 4, '2026-02-28'],
    ['2026-09-30', 1, '2026-10-08'],
    ['2026-10-08', -1, '2026-09-30'],
    ['2026-10-03', 0, '2026-10-08'],
    ['2026-01-02', 0, '2026-01-04'],
  ] as const)('adds working days: %s + %i = %s', (from, days, expected) => {
    expect(addWorkingDays(china, from, days)).toBe(expected);
  });

  it('counts the working days of February 2026: 20 weekdays − 6 holidays on weekdays + 2 make-up Saturdays', () => {
    expect(countWorkingDays(china, '2026-02-01', '2026-02-28')).toBe(16);
  });
});

describe('resource exceptions', () => {
  it('a day of leave is not worked and a worked Saturday is', () => {
    const person = new CalendarIndex(defaultChinaCalendar(), [
      { date: '2026-03-09', name: '年假', working: false },
      { date: '2026-03-14', name: '上线周末加班', working: true },
    ]);
    expect(person.resolve('2026-03-09')).toMatchObject({ working: false, kind: 'exception', name: '年假' });
    expect(person.isWorkingDay('2026-03-14')).toBe(true);
    expect(addWorkingDays(person, '2026-03-06', 1)).toBe('2026-03-10');
    expect(addWorkingDays(person, '2026-03-13', 1)).toBe('2026-03-14');
    expect(china.isWorkingDay('2026-03-09')).toBe(true);
  });

  it('refuses to search a calendar that is never worked', () => {
    const never: WorkingCalendar = { timeZone: 'Asia/Shanghai', workingWeekdays: [], workingHours: [], holidays: [], makeUpDays: [] };
    expect(() => nearestWorkingDay(new CalendarIndex(never), '2026-01-01')).toThrow(RangeError);
  });
});

describe('working-day arithmetic (properties)', () => {
  const day = fc.integer({ min: 0, max: 700 }).map((n) => addCalendarDays('2026-01-01', n));

  it('addWorkingDays and workingDaysBetween are inverse from a working day', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -120, max: 120 }), (d, n) => {
        const start = nearestWorkingDay(china, d);
        const end = addWorkingDays(china, start, n);
        expect(china.isWorkingDay(end)).toBe(true);
        expect(workingDaysBetween(china, start, end)).toBe(n);
      }),
    );
  });

  it('more working days never end earlier', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (d, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(addWorkingDays(china, d, lo) <= addWorkingDays(china, d, hi)).toBe(true);
      }),
    );
  });
});
