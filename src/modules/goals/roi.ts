import type { RoiView } from './goal.schema';

/** ROI inputs: the project's cost and benefit items and settings. */
export interface RoiInput {
  horizonYears: number;
  discountRate: number;
  items: { kind: 'one_off_cost' | 'recurring_cost' | 'benefit'; amount: number }[];
}

/**
 * Return on investment over the horizon. Year 0 carries the one-off costs; years 1..N carry the
 * yearly benefits minus the recurring costs.
 *   NPV      = −C₀ + Σₜ₌₁ᴺ (B − R) / (1 + r)ᵗ
 *   ROI %    = (N·B − (C₀ + N·R)) / (C₀ + N·R) × 100
 *   Payback  = the (interpolated) year when the undiscounted cumulative cash flow reaches 0;
 *              null when the yearly net benefit is not positive.
 */
export function computeRoi(input: RoiInput): RoiView['result'] {
  const sum = (kind: RoiInput['items'][number]['kind']): number =>
    input.items.filter((i) => i.kind === kind).reduce((total, i) => total + i.amount, 0);
  const oneOffCost = sum('one_off_cost');
  const recurringCostPerYear = sum('recurring_cost');
  const benefitPerYear = sum('benefit');
  const netBenefitPerYear = benefitPerYear - recurringCostPerYear;
  const n = input.horizonYears;
  const r = input.discountRate;

  const cashFlows: RoiView['result']['cashFlows'] = [];
  let cumulative = -oneOffCost;
  let npv = -oneOffCost;
  cashFlows.push({ year: 0, cashFlow: -oneOffCost, discounted: -oneOffCost, cumulative });
  for (let t = 1; t <= n; t++) {
    const discounted = netBenefitPerYear / (1 + r) ** t;
    npv += discounted;
    cumulative += netBenefitPerYear;
    cashFlows.push({ year: t, cashFlow: netBenefitPerYear, discounted, cumulative });
  }
  const totalCost = oneOffCost + recurringCostPerYear * n;
  const totalBenefit = benefitPerYear * n;
  const roiPercent = totalCost > 0 ? ((totalBenefit - totalCost) / totalCost) * 100 : null;
  const paybackYears = netBenefitPerYear > 0 ? oneOffCost / netBenefitPerYear : null;
  return {
    oneOffCost,
    recurringCostPerYear,
    benefitPerYear,
    netBenefitPerYear,
    cashFlows,
    totalCost,
    totalBenefit,
    roiPercent,
    npv,
    paybackYears,
    paybackWithinHorizon: paybackYears !== null && paybackYears <= n,
  };
}
