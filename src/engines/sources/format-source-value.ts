import type { SourceValue } from './source-types';

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * The canonical text of a cell, so values from CSV, XLSX and databases compare as text:
 * integers without exponent, booleans as true/false, dates as `YYYY-MM-DD[ HH:MM:SS[.fff]]`
 * (UTC fields, which is how exceljs hands out wall-clock dates), bytes as lowercase hex.
 */
export function formatSourceValue(value: SourceValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (Number.isInteger(value) && Math.abs(value) < 1e21) return BigInt(value).toString();
    return String(value);
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    const date = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    const ms = value.getUTCMilliseconds();
    if (value.getUTCHours() === 0 && value.getUTCMinutes() === 0 && value.getUTCSeconds() === 0 && ms === 0) {
      return date;
    }
    const time = `${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`;
    return ms ? `${date} ${time}.${pad(ms, 3)}` : `${date} ${time}`;
  }
  return Buffer.from(value).toString('hex');
}
