import { describe, expect, it } from 'vitest';
import { codeTestId, draftFromIndicator, formToSettings, heatCounts, isRaisable, riskLevelOfScore, settingsToForm } from './risk-model';
import type { IndicatorView, RiskSettings, RiskView } from './types';

const indicator = (over: Partial<IndicatorView> = {}): IndicatorView => ({
  code: 'customisation.modules_over',
  dimension: 'customisation',
  level: 'warning',
  score: 50,
  value: 1,
  title: '超标模块',
  message: '超过定制占比或工作量上限的模块：生产。',
  evidence: [],
  riskCode: null,
  isNew: false,
  ...over,
});

const risk = (code: string, probability: number, impact: number, status: RiskView['status']): RiskView => ({
  id: code,
  code,
  title: code,
  description: '',
  category: 'other',
  probability,
  impact,
  score: probability * impact,
  level: riskLevelOfScore(probability * impact),
  ownerMemberId: null,
  ownerName: null,
  mitigation: '',
  contingency: '',
  dueDate: null,
  overdue: false,
  status,
  sourceIndicator: null,
  sourceIndicatorTitle: null,
  createdAt: '',
  updatedAt: '',
  closedAt: null,
});

describe('draftFromIndicator', () => {
  it('prefills a register line from a pitfall warning', () => {
    const draft = draftFromIndicator(indicator(), { code: 'customisation', countermeasure: '坚持最小可行产品' });
    expect(draft).toEqual({
      title: '超标模块: 超过定制占比或工作量上限的模块：生产。',
      description: '',
      category: 'customisation',
      probability: 3,
      impact: 3,
      ownerMemberId: null,
      mitigation: '坚持最小可行产品',
      contingency: '',
      dueDate: null,
      status: 'open',
      sourceIndicator: 'customisation.modules_over',
    });
  });

  it("files a dimension that is no risk category under 'other' and keeps the title within 200 characters", () => {
    const long = indicator({ code: 'goals.behind', dimension: 'goals', title: 'KPI 进度', message: '落后'.repeat(150) });
    const draft = draftFromIndicator(long, { code: 'goals', countermeasure: 'SMART' });
    expect(draft.category).toBe('other');
    expect(draft.title).toHaveLength(200);
    expect(draft.title.startsWith('KPI 进度: 落后')).toBe(true);
  });

  it('names no source for an indicator the register does not take (CreateRiskBody would refuse it)', () => {
    const draft = draftFromIndicator(indicator({ code: 'customisation.unknown' }), { code: 'customisation', countermeasure: '' });
    expect(draft.sourceIndicator).toBeNull();
  });
});

describe('register helpers', () => {
  it('levels a score like the server: ≥ 15 high, ≥ 8 medium', () => {
    expect([1, 7, 8, 14, 15, 25].map(riskLevelOfScore)).toEqual(['low', 'low', 'medium', 'medium', 'high', 'high']);
  });

  it('counts only open and mitigating risks per probability × impact cell', () => {
    const counts = heatCounts([
      risk('R-1', 3, 3, 'open'),
      risk('R-2', 3, 3, 'mitigating'),
      risk('R-3', 3, 5, 'accepted'),
      risk('R-4', 3, 3, 'closed'),
    ]);
    expect([...counts]).toEqual([['3-3', 2]]);
  });

  it('offers to raise watch, warning and critical indicators only', () => {
    expect((['ok', 'watch', 'warning', 'critical', 'no_data'] as const).map(isRaisable)).toEqual([false, true, true, true, false]);
    expect(codeTestId('customisation.modules_over')).toBe('customisation-modules_over');
  });
});

describe('settings form', () => {
  const settings: RiskSettings = {
    resistanceWarnShare: 0.2,
    resistanceCriticalShare: 0.35,
    assessmentStaleDays: 30,
    sponsorInactiveDays: 30,
    approvalWaitDays: 14,
    dataScoreWarn: 80,
    dataScoreCritical: 60,
    rejectRatioWarn: 0.01,
    rejectRatioCritical: 0.05,
    goalLagWarn: 0.15,
    goalLagCritical: 0.3,
    weights: { executive_backing: 20, change_management: 20, customisation: 15, data_quality: 15, goals: 15, risk_register: 15 },
  };

  it('shows shares as percentages without float noise and round-trips', () => {
    const form = settingsToForm(settings);
    expect(form.resistanceCriticalShare).toBe(35);
    expect(form.rejectRatioWarn).toBe(1);
    expect(form.goalLagWarn).toBe(15);
    expect(form.weight_goals).toBe(15);
    expect(formToSettings(form)).toEqual(settings);
    expect(formToSettings({ ...form, rejectRatioWarn: 1.25 }).rejectRatioWarn).toBe(0.0125);
  });
});
