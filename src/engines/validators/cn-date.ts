import { isValidDate, isoDate } from './calendar';
import { fail, normalizeInput, type ValidationResult } from './validation-result';

/** The written forms of a date that {@link parseChineseDate} recognises. */
export type ChineseDateFormat = 'YYYY-MM-DD' | 'YYYY-M-D' | 'YYYY/M/D' | 'YYYY.M.D' | 'YYYY年M月D日' | 'YYYYMMDD';

export interface ChineseDateInfo {
  /** Which written form the input used (`2024/1/5` and `2024/01/05` are both `YYYY/M/D`). */
  format: ChineseDateFormat;
}

const SEPARATED = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const CHINESE = /^(\d{4})[ \t]*年[ \t]*(\d{1,2})[ \t]*月[ \t]*(\d{1,2})[ \t]*[日号]?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

function dateFailure(text: string) {
  return fail('DATE', `"${text}" is not a calendar date`, `“${text}”不是有效日期`);
}

/**
 * Parses a date in the forms common in Chinese business data — `2024年1月5日` (also `号`),
 * `2024/1/5`, `2024-01-05`, `2024-1-5`, `2024.1.5`, `20240105` — to ISO `YYYY-MM-DD`. Full-width
 * digits are accepted. The day must exist (`2024-02-30` is rejected). Years run 1000–9999 for the
 * separated forms; the compact 8-digit form only accepts 1800–2199 so plain integers are not
 * mistaken for dates.
 */
export function parseChineseDate(text: string): ValidationResult<string, ChineseDateInfo> {
  const s = normalizeInput(text);
  if (s === '') return fail('EMPTY', 'empty', '为空');
  let year: number;
  let month: number;
  let day: number;
  let format: ChineseDateFormat;
  let m: RegExpExecArray | null;
  if ((m = SEPARATED.exec(s))) {
    [year, month, day] = [Number(m[1]), Number(m[3]), Number(m[4])];
    format = m[2] === '-' ? (m[3].length === 2 && m[4].length === 2 ? 'YYYY-MM-DD' : 'YYYY-M-D') : m[2] === '/' ? 'YYYY/M/D' : 'YYYY.M.D';
  } else if ((m = CHINESE.exec(s))) {
    [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    format = 'YYYY年M月D日';
  } else if ((m = COMPACT.exec(s))) {
    [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (year < 1800 || year > 2199) return dateFailure(s);
    format = 'YYYYMMDD';
  } else {
    return fail(
      'FORMAT',
      `"${s}" is not a date in a known form (2024-01-05, 2024/1/5, 2024.1.5, 2024年1月5日, 20240105)`,
      `“${s}”不是可识别的日期格式（2024-01-05、2024/1/5、2024.1.5、2024年1月5日、20240105）`,
    );
  }
  if (year < 1000 || !isValidDate(year, month, day)) return dateFailure(s);
  return { ok: true, value: isoDate(year, month, day), format };
}

const DATETIME = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * Parses a date-time `2024-01-05 08:30[:00[.123]][Z|+08:00]` (also with `/` or `.` between
 * the date parts and `T` before the time) to `YYYY-MM-DD HH:MM:SS[.fff…][zone]`. The day must
 * exist; hours 0–23, minutes and seconds 0–59.
 */
export function parseDateTime(text: string): ValidationResult<string> {
  const s = normalizeInput(text);
  const m = DATETIME.exec(s);
  if (!m) return fail('FORMAT', `"${s}" is not a date-time like 2024-01-05 08:30:00`, `“${s}”不是日期时间（如 2024-01-05 08:30:00）`);
  const [year, month, day, hour, minute, second] = [m[1], m[3], m[4], m[5], m[6], m[7] ?? '0'].map(Number);
  if (year < 1000 || !isValidDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return dateFailure(s);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const fraction = m[8] ? `.${m[8]}` : '';
  return { ok: true, value: `${isoDate(year, month, day)} ${pad(hour)}:${pad(minute)}:${pad(second)}${fraction}${m[9] ?? ''}` };
}
