import { describe, expect, it } from 'vitest';
import { defaultChinaCalendar } from './china-holidays';
import { validateCalendar } from './validate-calendar';
import type { WorkingCalendar } from './working-calendar';

const base = defaultChinaCalendar();

describe('validateCalendar', () => {
  it('accepts the built-in Chinese calendar', () => {
    expect(validateCalendar(base)).toEqual([]);
  });

  it.each<[string, Partial<WorkingCalendar>, string, string]>([
    ['an unknown zone', { timeZone: 'Asia/Beijing' }, 'time_zone_unknown', 'timeZone'],
    ['weekday 8', { workingWeekdays: [1, 8] }, 'weekday_invalid', 'workingWeekdays.1'],
    ['a time 25:00', { workingHours: [{ start: '09:00', end: '25:00' }] }, 'time_invalid', 'workingHours.0.end'],
    ['an empty period', { workingHours: [{ start: '12:00', end: '09:00' }] }, 'period_empty', 'workingHours.0.end'],
    [
      'overlapping periods',
      {
        workingHours: [
          { start: '09:00', end: '12:00' },
          { start: '11:00', end: '18:00' },
        ],
      },
      'periods_overlap',
      'workingHours.1.start',
    ],
    ['a date 2026-02-30', { holidays: [{ date: '2026-02-30', name: '错' }] }, 'date_invalid', 'holidays.0.date'],
    [
      'a holiday that is also a make-up day',
      { holidays: [{ date: '2026-01-04', name: '元旦' }], makeUpDays: [{ date: '2026-01-04', name: '调休' }] },
      'date_twice',
      'makeUpDays.0.date',
    ],
    ['no working time at all', { workingWeekdays: [], makeUpDays: [] }, 'no_working_time', 'workingWeekdays'],
  ])('names %s', (_, change, code, field) => {
    expect(validateCalendar({ ...base, ...change })).toContainEqual(expect.objectContaining({ code, field }));
  });
});
