/**
 * Times in the project's time zone. Business dates (a dual run's date, a KPI's day) are counted in
 * the project's zone on the server, so a run time shown in the browser's own zone could sit on a
 * different day than the date next to it; every time is therefore shown in the project's zone,
 * with the zone named.
 */

/** The zone times are shown in when no project is open (golive's projects are Chinese rollouts). */
export const DEFAULT_DISPLAY_TIME_ZONE = 'Asia/Shanghai';

// Zone names that mean Beijing time: Chinese users call it 北京时间, not Intl's 中国标准时间.
const BEIJING_ZONES = new Set(['Asia/Shanghai', 'Asia/Chongqing', 'Asia/Chungking', 'Asia/Harbin', 'PRC']);

let displayTimeZone = DEFAULT_DISPLAY_TIME_ZONE;

/** Sets the zone `formatDateTime` uses (the open project's); an unknown zone falls back to the default. */
export function setDisplayTimeZone(zone: string | null | undefined): void {
  displayTimeZone = zone && isKnownTimeZone(zone) ? zone : DEFAULT_DISPLAY_TIME_ZONE;
}

/** The zone times are currently shown in. */
export function getDisplayTimeZone(): string {
  return displayTimeZone;
}

/** True when this browser knows `zone`. */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function part(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  return parts.find((p) => p.type === type)?.value ?? '';
}

/** `UTC+8`, `UTC-5`, `UTC+5:30`, `UTC` for the zone's offset at `at`. */
export function utcOffsetLabel(at: Date, zone: string): string {
  const name = part(new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' }).formatToParts(at), 'timeZoneName');
  // shortOffset gives "GMT" (or "GMT+0" in some ICU builds), "GMT+8", "GMT-4", "GMT+5:30".
  if (!name || /^GMT([+-]0)?$/.test(name)) return 'UTC';
  return name.replace(/^GMT/, 'UTC');
}

/** The zone's name in the UI language at `at` (北京时间 / China Standard Time / 北美东部夏令时间 …). */
export function timeZoneName(at: Date, zone: string, language: string): string {
  if (language !== 'en' && BEIJING_ZONES.has(zone)) return '北京时间';
  const name = part(new Intl.DateTimeFormat(language, { timeZone: zone, timeZoneName: 'long' }).formatToParts(at), 'timeZoneName');
  return name || zone;
}

/** `北京时间 UTC+8` / `China Standard Time UTC+8`: the label shown after a time. */
export function timeZoneLabel(at: Date, zone: string, language: string): string {
  return `${timeZoneName(at, zone, language)} ${utcOffsetLabel(at, zone)}`;
}

/** A time split into what is shown: `2026-12-07 09:30` and its zone label. */
export interface ZonedTime {
  text: string;
  label: string;
}

/** `iso` as wall-clock time in `zone` (`YYYY-MM-DD HH:mm`, 24 h, the same in both languages) with its label; null for no time. */
export function zonedTime(iso: string | null | undefined, zone: string, language: string): ZonedTime | null {
  if (!iso) return null;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return { text: iso, label: '' };
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const text = `${part(parts, 'year')}-${part(parts, 'month')}-${part(parts, 'day')} ${part(parts, 'hour')}:${part(parts, 'minute')}`;
  return { text, label: timeZoneLabel(at, zone, language) };
}

/** `2026-12-07 09:30 (北京时间 UTC+8)`; `—` for no time. */
export function formatZoned(iso: string | null | undefined, zone: string, language: string): string {
  const t = zonedTime(iso, zone, language);
  if (!t) return '—';
  return t.label ? `${t.text} (${t.label})` : t.text;
}
