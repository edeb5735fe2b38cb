import type { TFunction } from 'i18next';
import type { Stakeholder } from '../../../api/types';

/** Colour per support level, indexed by the level (1 against … 5 champion); index 0 is unused. */
export const SUPPORT_COLOR = ['', '#cf1322', '#fa8c16', '#8c8c8c', '#52c41a', '#237804'];

/** A support level as `3 · Neutral`, or a dash when not assessed yet. */
export function supportLabel(t: TFunction, level: number | null): string {
  return level === null ? '—' : `${level} · ${t(`stakeholders.support${level}`)}`;
}

/** +1 when support rose since the previous assessment, −1 when it fell. */
export function supportTrend(s: Stakeholder): number {
  const h = [...s.history].sort((a, b) => a.assessedOn.localeCompare(b.assessedOn));
  if (h.length < 2) return 0;
  return Math.sign(h[h.length - 1].support - h[h.length - 2].support);
}
