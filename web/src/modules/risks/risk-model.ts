import {
  HEALTH_DIMENSIONS,
  INDICATOR_CODES,
  RISK_CATEGORIES,
  type CreateRiskInput,
  type DimensionView,
  type HealthDimension,
  type IndicatorCode,
  type IndicatorView,
  type RiskCategory,
  type RiskLevel,
  type RiskSettings,
  type RiskStatus,
  type RiskView,
  type SignalLevel,
} from './types';

/** Colours of the signal levels: ok green, watch gold, warning orange, critical red, no data grey. */
export const SIGNAL_HEX: Record<SignalLevel, string> = {
  ok: '#52c41a',
  watch: '#faad14',
  warning: '#fa8c16',
  critical: '#f5222d',
  no_data: '#bfbfbf',
};

/** antd Tag colours of the signal levels. */
export const SIGNAL_TAG: Record<SignalLevel, string> = {
  ok: 'success',
  watch: 'gold',
  warning: 'orange',
  critical: 'red',
  no_data: 'default',
};

/** Colours of the register levels on the 5 × 5 matrix: high red, medium orange, low green. */
export const RISK_LEVEL_HEX: Record<RiskLevel, string> = { high: '#f5222d', medium: '#fa8c16', low: '#52c41a' };
export const RISK_LEVEL_TAG: Record<RiskLevel, string> = { high: 'red', medium: 'orange', low: 'green' };

export const RISK_STATUS_TAG: Record<RiskStatus, string> = {
  open: 'blue',
  mitigating: 'processing',
  accepted: 'purple',
  closed: 'default',
};

/** The level of a probability × impact score (as the server computes it): high ≥ 15, medium ≥ 8. */
export function riskLevelOfScore(score: number): RiskLevel {
  if (score >= 15) return 'high';
  if (score >= 8) return 'medium';
  return 'low';
}

/** A risk that still needs action: open or being mitigated. */
export const isActiveRisk = (status: RiskStatus): boolean => status === 'open' || status === 'mitigating';

/** `customisation.modules_over` → `customisation-modules_over`, for test ids. */
export const codeTestId = (code: string): string => code.replace(/\./g, '-');

/** Indicators worth raising as a risk: watch, warning and critical. */
export const isRaisable = (level: SignalLevel): boolean => level === 'watch' || level === 'warning' || level === 'critical';

const MAX_TITLE = 200;

/** Whether an indicator of the health view is one the register can name as a risk's source. */
export const isIndicatorCode = (code: string): code is IndicatorCode => (INDICATOR_CODES as readonly string[]).includes(code);

/** A register line prefilled from an early warning: its finding as the title, the dimension's countermeasure as the mitigation. */
export function draftFromIndicator(indicator: IndicatorView, dimension: Pick<DimensionView, 'code' | 'countermeasure'>): CreateRiskInput {
  const category: RiskCategory = (RISK_CATEGORIES as readonly string[]).includes(dimension.code)
    ? (dimension.code as RiskCategory)
    : 'other';
  return {
    title: `${indicator.title}: ${indicator.message}`.trim().slice(0, MAX_TITLE).trim(),
    description: '',
    category,
    probability: 3,
    impact: 3,
    ownerMemberId: null,
    mitigation: dimension.countermeasure,
    contingency: '',
    dueDate: null,
    status: 'open',
    // The register takes only the catalogue's indicators; another code would be refused, so it is left out.
    sourceIndicator: isIndicatorCode(indicator.code) ? indicator.code : null,
  };
}

/** Active risks per probability × impact cell, keyed `p-i`. */
export function heatCounts(risks: readonly RiskView[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of risks) {
    if (!isActiveRisk(r.status)) continue;
    const key = `${r.probability}-${r.impact}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Settings fields that are shares (fractions), shown as percentages. */
export const SHARE_FIELDS = [
  'resistanceWarnShare',
  'resistanceCriticalShare',
  'rejectRatioWarn',
  'rejectRatioCritical',
  'goalLagWarn',
  'goalLagCritical',
] as const;
/** Settings fields that are whole days or 0–100 scores, shown as they are. */
export const PLAIN_FIELDS = [
  'assessmentStaleDays',
  'sponsorInactiveDays',
  'approvalWaitDays',
  'dataScoreWarn',
  'dataScoreCritical',
] as const;

type ShareField = (typeof SHARE_FIELDS)[number];
type PlainField = (typeof PLAIN_FIELDS)[number];

/** The settings form: shares in percent, one flat field per weight (`weight_goals` …). */
export type SettingsFormValues = Record<ShareField | PlainField, number> & Record<`weight_${HealthDimension}`, number>;

export const weightField = (d: HealthDimension): `weight_${HealthDimension}` => `weight_${d}`;

/** Percent with at most two decimals, free of float noise (0.35 → 35, 0.0125 → 1.25). */
const toPercent = (share: number): number => Math.round(share * 10_000) / 100;
const toShare = (percent: number): number => Math.round(percent * 100) / 10_000;

export function settingsToForm(s: RiskSettings): SettingsFormValues {
  const values = {} as SettingsFormValues;
  for (const f of SHARE_FIELDS) values[f] = toPercent(s[f]);
  for (const f of PLAIN_FIELDS) values[f] = s[f];
  for (const d of HEALTH_DIMENSIONS) values[weightField(d)] = s.weights[d];
  return values;
}

export function formToSettings(v: SettingsFormValues): RiskSettings {
  const weights = Object.fromEntries(HEALTH_DIMENSIONS.map((d) => [d, v[weightField(d)]])) as Record<HealthDimension, number>;
  const shares = Object.fromEntries(SHARE_FIELDS.map((f) => [f, toShare(v[f])])) as Record<ShareField, number>;
  const plain = Object.fromEntries(PLAIN_FIELDS.map((f) => [f, v[f]])) as Record<PlainField, number>;
  return { ...shares, ...plain, weights };
}
