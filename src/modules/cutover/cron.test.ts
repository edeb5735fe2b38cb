import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/app-error';
import { addDays, cronMatchesDay, latestDueTime, nextCronTime, parseCron, zonedDate } from './cron';

const SH = 'Asia/Shanghai';

describe('cron parser', () => {
  it('parses the default daily 06:00 schedule', () => {
    const cron = parseCron('0 6 * * *');
    expect([...cron.minutes]).toEqual([0]);
    expect([...cron.hours]).toEqual([6]);
    expect(cron.daysOfMonth.size).toBe(31);
    expect(cron.domRestricted).toBe(false);
    expect(cron.dowRestricted).toBe(false);
  });

  it('handles lists, ranges, steps, names and weekday 7', () => {
    const cron = parseCron('*/15 8-18/2 1,15 JAN-mar MON-FRI');
    expect([...cron.minutes]).toEqual([0, 15, 30, 45]);
    expect([...cron.hours]).toEqual([8, 10, 12, 14, 16, 18]);
    expect([...cron.daysOfMonth]).toEqual([1, 15]);
    expect([...cron.months]).toEqual([1, 2, 3]);
    expect([...cron.daysOfWeek]).toEqual([1, 2, 3, 4, 5]);
    expect([...parseCron('0 0 * * 7').daysOfWeek]).toEqual([0]);
    expect([...parseCron('5/20 * * * *').minutes]).toEqual([5, 25, 45]);
  });

  it('refuses bad expressions with a message naming the field', () => {
    const bad = [
      '0 6 * *',
      '60 6 * * *',
      '0 24 * * *',
      '0 6 0 * *',
      '0 6 * 13 *',
      '0 6 * * 8',
      '*/0 * * * *',
      '5-1 * * * *',
      'a b c d e',
      '0 6 * * MON/x',
    ];
    for (const expression of bad) {
      expect(() => parseCron(expression), expression).toThrow(AppError);
    }
    const refusal = (expression: string): AppError => {
      try {
        parseCron(expression);
      } catch (error) {
        return error as AppError;
      }
      throw new Error(`${expression} was accepted`);
    };
    const outside = refusal('61 6 * * *');
    expect(outside.code).toBe('CUTOVER_CRON_INVALID');
    expect(outside.params).toEqual({ expression: '61 6 * * *', position: 1, part: '61', min: 0, max: 59 });
    expect(outside.details).toEqual([{ field: 'schedule.cron' }]);
    expect(outside.localizedMessage('zh-CN')).toBe(
      '定时表达式“61 6 * * *”的第 1 个字段中“61”无效：5 个字段依次为分、时、日、月、周，该字段可填 0–59，也可用 *、范围（1-5）、列表（1,3）或步长（*/15）',
    );
    expect(refusal('0 6 * * MON/x').params).toMatchObject({ position: 5, part: 'MON/x' });
    expect(refusal('5-1 * * * *').params).toMatchObject({ position: 1, part: '5-1' });
    expect(refusal('0 6 1,,2 * *').params).toMatchObject({ position: 3, part: '1,,2' });
    const short = refusal('0 6 * *');
    expect(short.code).toBe('CUTOVER_CRON_FIELD_COUNT');
    expect(short.details).toEqual([{ field: 'schedule.cron' }]);
    expect(short.localizedMessage('zh-CN')).toBe(
      '定时表达式“0 6 * *”应有 5 个字段（分、时、日、月、周，以空格分隔），实际有 4 个；例如“0 6 * * *”表示每天 6:00',
    );
  });

  it('computes the next 06:00 in Asia/Shanghai (UTC+8)', () => {
    const cron = parseCron('0 6 * * *');
    // 2026-12-01 05:00 Shanghai = 2026-11-30 21:00 UTC → same day 06:00 Shanghai = 22:00 UTC.
    expect(nextCronTime(cron, new Date('2026-11-30T21:00:00Z'), SH)?.toISOString()).toBe('2026-11-30T22:00:00.000Z');
    // Exactly at the slot: the next one is tomorrow.
    expect(nextCronTime(cron, new Date('2026-11-30T22:00:00Z'), SH)?.toISOString()).toBe('2026-12-01T22:00:00.000Z');
    expect(nextCronTime(cron, new Date('2026-11-30T22:00:30Z'), SH)?.toISOString()).toBe('2026-12-01T22:00:00.000Z');
    // Same schedule in UTC.
    expect(nextCronTime(cron, new Date('2026-11-30T21:00:00Z'), 'UTC')?.toISOString()).toBe('2026-12-01T06:00:00.000Z');
  });

  it('skips to matching weekdays and handles month ends and leap days', () => {
    const weekdays = parseCron('30 7 * * 1-5');
    // Friday 2026-12-04 08:00 Shanghai → Monday 2026-12-07 07:30 Shanghai.
    expect(nextCronTime(weekdays, new Date('2026-12-04T00:00:00Z'), SH)?.toISOString()).toBe('2026-12-06T23:30:00.000Z');
    const leap = parseCron('0 0 29 2 *');
    expect(nextCronTime(leap, new Date('2026-03-01T00:00:00Z'), 'UTC')?.toISOString()).toBe('2028-02-29T00:00:00.000Z');
    const never = parseCron('0 0 31 2 *');
    expect(nextCronTime(never, new Date('2026-03-01T00:00:00Z'), 'UTC')).toBeUndefined();
  });

  it('ORs day-of-month and day-of-week when both are restricted', () => {
    const cron = parseCron('0 0 1 * MON');
    expect(cronMatchesDay(cron, '2026-12-01')).toBe(true); // the 1st (a Tuesday)
    expect(cronMatchesDay(cron, '2026-12-07')).toBe(true); // a Monday
    expect(cronMatchesDay(cron, '2026-12-08')).toBe(false);
  });

  it('follows daylight saving time in a zone that has it', () => {
    const cron = parseCron('0 6 * * *');
    // New York: EST (UTC−5) before 2026-03-08, EDT (UTC−4) after.
    expect(nextCronTime(cron, new Date('2026-03-07T12:00:00Z'), 'America/New_York')?.toISOString()).toBe('2026-03-08T10:00:00.000Z');
    expect(nextCronTime(cron, new Date('2026-03-06T12:00:00Z'), 'America/New_York')?.toISOString()).toBe('2026-03-07T11:00:00.000Z');
    // 02:30 does not exist on 2026-03-08 in New York: that day is skipped.
    const gap = parseCron('30 2 * * *');
    expect(nextCronTime(gap, new Date('2026-03-07T12:00:00Z'), 'America/New_York')?.toISOString()).toBe('2026-03-09T06:30:00.000Z');
  });

  it('finds the latest due slot since an anchor, bounded by the lookback', () => {
    const cron = parseCron('0 6 * * *');
    const now = new Date('2026-12-03T01:00:00Z'); // 09:00 Shanghai on 12-03
    expect(latestDueTime(cron, new Date('2026-11-01T00:00:00Z'), now, SH)?.toISOString()).toBe('2026-12-02T22:00:00.000Z');
    // Anchor after today's slot: nothing due.
    expect(latestDueTime(cron, new Date('2026-12-02T23:00:00Z'), now, SH)).toBeUndefined();
    const everyMinute = parseCron('* * * * *');
    expect(latestDueTime(everyMinute, new Date('2026-11-01T00:00:00Z'), new Date('2026-12-03T01:00:30Z'), SH)?.toISOString()).toBe(
      '2026-12-03T01:00:00.000Z',
    );
  });

  it('gives calendar dates in the zone', () => {
    expect(zonedDate(new Date('2026-12-02T17:00:00Z'), SH)).toBe('2026-12-03');
    expect(zonedDate(new Date('2026-12-02T15:59:00Z'), SH)).toBe('2026-12-02');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });
});
