import { currentLanguage } from '../i18n';
import { formatZoned, getDisplayTimeZone } from './time-zone';

export function formatNumber(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return new Intl.NumberFormat(currentLanguage(), { maximumFractionDigits: digits }).format(value);
}

export function formatMoney(value: number | null | undefined, currency: string): string {
  if (value === null || value === undefined) return '—';
  try {
    return new Intl.NumberFormat(currentLanguage(), { style: 'currency', currency, maximumFractionDigits: 0 }).format(value);
  } catch {
    return `${formatNumber(value, 0)} ${currency}`;
  }
}

export function formatPercent(fraction: number | null | undefined, digits = 0): string {
  if (fraction === null || fraction === undefined) return '—';
  return `${(fraction * 100).toFixed(digits)}%`;
}

/**
 * `2026-12-07 09:30 (北京时间 UTC+8)`: a time in the open project's zone (set by the project layout), labelled.
 * Components prefer `<DateTime>` / `useFormatDateTime()`, which re-render when the zone or language changes.
 */
export function formatDateTime(iso: string | null | undefined): string {
  return formatZoned(iso, getDisplayTimeZone(), currentLanguage());
}
