import { describe, expect, it } from 'vitest';
import { formatZoned, timeZoneLabel, utcOffsetLabel, zonedTime } from './time-zone';

describe('times in the project time zone', () => {
  it('shows a UTC instant as Beijing wall-clock time, labelled, in both languages', () => {
    expect(formatZoned('2026-12-07T01:30:00.000Z', 'Asia/Shanghai', 'zh-CN')).toBe('2026-12-07 09:30 (北京时间 UTC+8)');
    expect(formatZoned('2026-12-07T01:30:00.000Z', 'Asia/Shanghai', 'en')).toBe('2026-12-07 09:30 (China Standard Time UTC+8)');
  });

  it('moves to the next day when the zone has passed midnight', () => {
    expect(zonedTime('2026-12-06T17:05:00Z', 'Asia/Shanghai', 'zh-CN')?.text).toBe('2026-12-07 01:05');
    expect(zonedTime('2026-12-06T17:05:00Z', 'America/New_York', 'en')?.text).toBe('2026-12-06 12:05');
  });

  it('follows daylight saving time and half-hour offsets', () => {
    expect(utcOffsetLabel(new Date('2026-07-01T12:00:00Z'), 'America/New_York')).toBe('UTC-4');
    expect(utcOffsetLabel(new Date('2026-01-01T12:00:00Z'), 'America/New_York')).toBe('UTC-5');
    expect(utcOffsetLabel(new Date('2026-01-01T12:00:00Z'), 'Asia/Kolkata')).toBe('UTC+5:30');
    expect(utcOffsetLabel(new Date('2026-01-01T12:00:00Z'), 'UTC')).toBe('UTC');
    expect(timeZoneLabel(new Date('2026-01-01T12:00:00Z'), 'Europe/Berlin', 'en')).toBe('Central European Standard Time UTC+1');
  });

  it('renders nothing for a missing time and the raw text for an unparseable one', () => {
    expect(formatZoned(null, 'Asia/Shanghai', 'zh-CN')).toBe('—');
    expect(formatZoned('not a time', 'Asia/Shanghai', 'zh-CN')).toBe('not a time');
  });
});
