import type { CalendarDay, WorkingCalendar } from './working-calendar';

/** One year's public holidays and make-up working days (调休上班) in mainland China. */
export interface HolidayYear {
  year: number;
  /**
   * True when the dates are the State Council's published arrangement (国务院办公厅关于部分节假日安排的通知);
   * false when they are only derived from the law and must be checked against the notice.
   */
  official: boolean;
  source: string;
  holidays: CalendarDay[];
  makeUpDays: CalendarDay[];
}

function span(from: string, to: string, name: string): CalendarDay[] {
  const out: CalendarDay[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1))
    out.push({ date: d.toISOString().slice(0, 10), name });
  return out;
}

/**
 * Built-in public holidays. 2026 is the State Council's published arrangement. 2027 holds
 * the days the law fixes (《全国年节及纪念日放假办法》, 2024 revision: New Year 1, Spring Festival 4 from
 * New Year's Eve, Qingming 1, Labour Day 2, Dragon Boat 1, Mid-Autumn 1, National Day 3) with the
 * weekday compensation the law requires when a holiday falls on a weekend; the make-up working days
 * of 2027 are set by the State Council's notice and must be entered from it (the calendar is editable).
 */
export const CHINA_HOLIDAY_YEARS: readonly HolidayYear[] = [
  {
    year: 2026,
    official: true,
    source: '国务院办公厅关于2026年部分节假日安排的通知',
    holidays: [
      ...span('2026-01-01', '2026-01-03', '元旦'),
      ...span('2026-02-15', '2026-02-23', '春节'),
      ...span('2026-04-04', '2026-04-06', '清明节'),
      ...span('2026-05-01', '2026-05-05', '劳动节'),
      ...span('2026-06-19', '2026-06-21', '端午节'),
      ...span('2026-09-25', '2026-09-27', '中秋节'),
      ...span('2026-10-01', '2026-10-07', '国庆节'),
    ],
    makeUpDays: [
      { date: '2026-01-04', name: '元旦调休上班' },
      { date: '2026-02-14', name: '春节调休上班' },
      { date: '2026-02-28', name: '春节调休上班' },
      { date: '2026-05-09', name: '劳动节调休上班' },
      { date: '2026-09-20', name: '国庆节调休上班' },
      { date: '2026-10-10', name: '国庆节调休上班' },
    ],
  },
  {
    year: 2027,
    official: false,
    source: '《全国年节及纪念日放假办法》推算（含周末补假），调休上班日以国务院办公厅通知为准',
    holidays: [
      { date: '2027-01-01', name: '元旦' },
      // New Year's Eve 02-05 (Fri) to 02-08; Saturday and Sunday fall inside, so 02-09 and 02-10 are given back.
      ...span('2027-02-05', '2027-02-10', '春节'),
      { date: '2027-04-05', name: '清明节' },
      // 05-01 and 05-02 are a weekend: 05-03 and 05-04 are given back.
      ...span('2027-05-01', '2027-05-04', '劳动节'),
      { date: '2027-06-09', name: '端午节' },
      { date: '2027-09-15', name: '中秋节' },
      // 10-02 and 10-03 are a weekend: 10-04 and 10-05 are given back.
      ...span('2027-10-01', '2027-10-05', '国庆节'),
    ],
    makeUpDays: [],
  },
];

/** Years for which golive knows the public holidays. */
export const CHINA_HOLIDAY_COVERAGE = CHINA_HOLIDAY_YEARS.map((y) => y.year);

/**
 * The default calendar of a project in mainland China: Monday to Friday, 09:00–12:00 and
 * 13:00–18:00 (eight hours, the usual office day), the built-in public holidays and make-up days.
 */
export function defaultChinaCalendar(timeZone = 'Asia/Shanghai'): WorkingCalendar {
  return {
    timeZone,
    workingWeekdays: [1, 2, 3, 4, 5],
    workingHours: [
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '18:00' },
    ],
    holidays: CHINA_HOLIDAY_YEARS.flatMap((y) => y.holidays),
    makeUpDays: CHINA_HOLIDAY_YEARS.flatMap((y) => y.makeUpDays),
  };
}
