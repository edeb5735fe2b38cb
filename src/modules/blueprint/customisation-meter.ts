import type { Locale } from '../../shared/app-error';
import { blueprintMessage, labelOf, MODULE_LABELS } from './blueprint-labels';
import type { MeterRow, MeterView, Thresholds } from './requirement.schema';

/** The method's defaults: at most 10 % of a module's requirements and 60 person-days as custom development. */
export const DEFAULT_THRESHOLDS: Thresholds = { maxCustomShare: 0.1, maxCustomEffortDays: 60 };

/** What the meter needs of a requirement. */
export interface MeterInput {
  module: string;
  priority: string;
  resolution: string;
  effortDays: number | null;
}

function row(module: string, items: MeterInput[], thresholds: Thresholds): MeterRow {
  const custom = items.filter((r) => r.resolution === 'custom_development');
  const totalEffortDays = items.reduce((sum, r) => sum + (r.effortDays ?? 0), 0);
  const customEffortDays = custom.reduce((sum, r) => sum + (r.effortDays ?? 0), 0);
  const customShare = items.length ? custom.length / items.length : 0;
  return {
    module,
    total: items.length,
    custom: custom.length,
    customShare,
    totalEffortDays,
    customEffortDays,
    customEffortShare: totalEffortDays > 0 ? customEffortDays / totalEffortDays : 0,
    // Exactly at the threshold is allowed: the method's limit is "at most".
    overShare: customShare > thresholds.maxCustomShare + 1e-12,
    overEffort: customEffortDays > thresholds.maxCustomEffortDays + 1e-9,
  };
}

const percent = (v: number): string => `${(Math.round(v * 1000) / 10).toString()} %`;

/**
 * The customisation meter: per module and overall, how many requirements are resolved as custom
 * development and how much effort that is, against the project's thresholds.
 *
 * Rules (documented in the page and the tests): requirements with priority `wont` are left out (they
 * will not be built in this phase); a module without counted requirements does not appear; the share
 * threshold applies per module and overall, the effort threshold per module (it is a per-module
 * budget); a value exactly at a threshold is not over it. Effort shares use the estimates that exist
 * (requirements without an estimate count as 0 person-days).
 */
export function computeCustomisationMeter(requirements: MeterInput[], thresholds: Thresholds, locale: Locale): MeterView {
  const counted = requirements.filter((r) => r.priority !== 'wont');
  const byModule = new Map<string, MeterInput[]>();
  for (const r of counted) byModule.set(r.module, [...(byModule.get(r.module) ?? []), r]);
  const modules = [...byModule.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([m, items]) => row(m, items, thresholds));
  const overallRow = row('all', counted, thresholds);
  const overall: MeterRow = { ...overallRow, overEffort: false };
  const warnings: MeterView['warnings'] = [];
  for (const m of [...modules, overall]) {
    const name = m.module === 'all' ? blueprintMessage('overall', locale) : labelOf(MODULE_LABELS, m.module, locale);
    if (m.overShare) {
      warnings.push({
        module: m.module,
        kind: 'share',
        value: m.customShare,
        threshold: thresholds.maxCustomShare,
        message: blueprintMessage('meterShare', locale, {
          module: name,
          value: percent(m.customShare),
          threshold: percent(thresholds.maxCustomShare),
        }),
      });
    }
    if (m.overEffort) {
      warnings.push({
        module: m.module,
        kind: 'effort',
        value: m.customEffortDays,
        threshold: thresholds.maxCustomEffortDays,
        message: blueprintMessage('meterEffort', locale, {
          module: name,
          value: m.customEffortDays,
          threshold: thresholds.maxCustomEffortDays,
        }),
      });
    }
  }
  return { thresholds, modules, overall, warnings };
}
