import type { Locale } from '../../shared/app-error';
import type { IndicatorCode } from './indicator-catalogue';
import type { Evidence, SignalLevel } from './risk.schema';

/* What every early-warning rule builds on: the draft shape and the small text helpers. */

const DAY_MS = 86_400_000;
/** Whole days from one ISO date (or timestamp) to another. */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / DAY_MS);

/** A share as a percentage with one decimal. */
export const pct = (v: number): string => `${(Math.round(v * 1000) / 10).toString()}%`;

/** A text in both languages; the evaluation picks one. */
export type Text = { zh: string; en: string };

/** One indicator as a rule produces it, before it is localized and scored. */
export interface IndicatorDraft {
  /** The indicator; its title comes from the catalogue (indicator-catalogue.ts). */
  code: IndicatorCode;
  level: SignalLevel;
  value: number | null;
  message: Text;
  evidence?: Evidence[];
}

/** Up to `max` names joined for the locale, with how many more there are. */
export const list = (names: string[], locale: Locale, max = 5): string => {
  const shown = names.slice(0, max).join(locale === 'zh-CN' ? '、' : ', ');
  const rest = names.length - max;
  if (rest <= 0) return shown;
  return locale === 'zh-CN' ? `${shown} 等 ${names.length} 项` : `${shown} and ${rest} more`;
};
