import { describe, expect, it } from 'vitest';
import { computeCustomisationMeter, DEFAULT_THRESHOLDS, type MeterInput } from './customisation-meter';

const req = (module: string, resolution: string, effortDays: number | null = null, priority = 'must'): MeterInput => ({
  module,
  resolution,
  effortDays,
  priority,
});

/** n requirements of a module, the first `custom` of them custom development. */
function moduleOf(module: string, n: number, custom: number, customEffort = 10, otherEffort = 5): MeterInput[] {
  return Array.from({ length: n }, (_, i) =>
    i < custom ? req(module, 'custom_development', customEffort) : req(module, 'configuration', otherEffort),
  );
}

describe('customisation meter', () => {
  it('is empty and quiet without requirements', () => {
    const meter = computeCustomisationMeter([], DEFAULT_THRESHOLDS, 'zh-CN');
    expect(meter.modules).toEqual([]);
    expect(meter.overall).toMatchObject({ total: 0, custom: 0, customShare: 0, customEffortShare: 0, overShare: false });
    expect(meter.warnings).toEqual([]);
  });

  it('counts share and effort per module and overall', () => {
    const meter = computeCustomisationMeter([...moduleOf('finance', 20, 1, 15, 4), ...moduleOf('sales', 5, 0)], DEFAULT_THRESHOLDS, 'en');
    const finance = meter.modules.find((m) => m.module === 'finance')!;
    expect(finance).toMatchObject({ total: 20, custom: 1, customShare: 0.05, customEffortDays: 15, totalEffortDays: 15 + 19 * 4 });
    expect(finance.customEffortShare).toBeCloseTo(15 / 91);
    expect(meter.modules.map((m) => m.module)).toEqual(['finance', 'sales']);
    expect(meter.overall).toMatchObject({ total: 25, custom: 1, customShare: 0.04 });
    expect(meter.warnings).toEqual([]);
  });

  it('exactly at the share threshold is not over; one more is', () => {
    const at = computeCustomisationMeter(moduleOf('inventory', 10, 1), DEFAULT_THRESHOLDS, 'zh-CN');
    expect(at.modules[0]).toMatchObject({ customShare: 0.1, overShare: false });
    expect(at.warnings).toEqual([]);
    const over = computeCustomisationMeter(moduleOf('production', 9, 1), DEFAULT_THRESHOLDS, 'zh-CN');
    expect(over.modules[0]!.overShare).toBe(true);
    expect(over.warnings.map((w) => [w.module, w.kind])).toEqual([
      ['production', 'share'],
      ['all', 'share'],
    ]);
    expect(over.warnings[0]!.message).toContain('生产');
    expect(over.warnings[0]!.message).toContain('过度定制');
  });

  it('exactly at the effort threshold is not over; above it is (per module)', () => {
    const thresholds = { maxCustomShare: 1, maxCustomEffortDays: 60 };
    const at = computeCustomisationMeter([req('finance', 'custom_development', 60), req('finance', 'standard')], thresholds, 'en');
    expect(at.modules[0]!.overEffort).toBe(false);
    const over = computeCustomisationMeter([req('finance', 'custom_development', 60.5), req('finance', 'standard')], thresholds, 'en');
    expect(over.modules[0]!.overEffort).toBe(true);
    expect(over.warnings).toHaveLength(1);
    expect(over.warnings[0]).toMatchObject({ module: 'finance', kind: 'effort', value: 60.5, threshold: 60 });
    // The effort budget is per module: the overall row never carries an effort warning.
    expect(over.overall.overEffort).toBe(false);
  });

  it("leaves won't-have requirements out", () => {
    const items = [...moduleOf('sales', 10, 1), req('sales', 'custom_development', 30, 'wont')];
    const meter = computeCustomisationMeter(items, DEFAULT_THRESHOLDS, 'zh-CN');
    expect(meter.modules[0]).toMatchObject({ total: 10, custom: 1, customEffortDays: 10, overShare: false });
  });

  it("a module with only won't-have items does not appear", () => {
    const meter = computeCustomisationMeter([req('hr', 'custom_development', 5, 'wont')], DEFAULT_THRESHOLDS, 'zh-CN');
    expect(meter.modules).toEqual([]);
  });

  it('follows project thresholds', () => {
    const meter = computeCustomisationMeter(moduleOf('finance', 10, 2), { maxCustomShare: 0.25, maxCustomEffortDays: 10 }, 'en');
    expect(meter.modules[0]).toMatchObject({ overShare: false, overEffort: true, customEffortDays: 20 });
  });
});
