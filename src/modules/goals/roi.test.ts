import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeRoi } from './roi';

describe('computeRoi', () => {
  it('computes payback, ROI % and NPV for the demo case by hand', () => {
    const result = computeRoi({
      horizonYears: 5,
      discountRate: 0.08,
      items: [
        { kind: 'one_off_cost', amount: 2_300_000 },
        { kind: 'recurring_cost', amount: 390_000 },
        { kind: 'benefit', amount: 1_800_000 },
      ],
    });
    expect(result.netBenefitPerYear).toBe(1_410_000);
    expect(result.paybackYears).toBeCloseTo(2_300_000 / 1_410_000, 10);
    // ROI = (5×1.8M − (2.3M + 5×0.39M)) / (2.3M + 5×0.39M)
    expect(result.roiPercent).toBeCloseTo(((9_000_000 - 4_250_000) / 4_250_000) * 100, 10);
    // NPV = −2.3M + 1.41M × annuity factor(8 %, 5 years) = −2.3M + 1.41M × 3.992710037
    expect(result.npv).toBeCloseTo(-2_300_000 + 1_410_000 * 3.992710037, 2);
    expect(result.paybackWithinHorizon).toBe(true);
    expect(result.cashFlows).toHaveLength(6);
    expect(result.cashFlows.at(-1)!.cumulative).toBeCloseTo(-2_300_000 + 5 * 1_410_000, 6);
  });

  it('has no payback when recurring costs eat the benefit', () => {
    const result = computeRoi({
      horizonYears: 3,
      discountRate: 0.1,
      items: [
        { kind: 'one_off_cost', amount: 100 },
        { kind: 'recurring_cost', amount: 50 },
        { kind: 'benefit', amount: 50 },
      ],
    });
    expect(result.paybackYears).toBeNull();
    expect(result.paybackWithinHorizon).toBe(false);
  });

  it('NPV equals the sum of discounted cash flows and a zero rate gives the undiscounted total', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.array(
          fc.record({
            kind: fc.constantFrom('one_off_cost' as const, 'recurring_cost' as const, 'benefit' as const),
            amount: fc.integer({ min: 0, max: 1e7 }),
          }),
          { maxLength: 8 },
        ),
        (years, rate, items) => {
          const result = computeRoi({ horizonYears: years, discountRate: rate, items });
          const sum = result.cashFlows.reduce((total, f) => total + f.discounted, 0);
          expect(result.npv).toBeCloseTo(sum, 3);
          const undiscounted = computeRoi({ horizonYears: years, discountRate: 0, items });
          expect(undiscounted.npv).toBeCloseTo(undiscounted.totalBenefit - undiscounted.totalCost, 3);
        },
      ),
    );
  });
});
