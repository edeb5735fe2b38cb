import { describe, expect, it } from 'vitest';
import { checkSmartGoal, computeProgress, type SmartCheckInput } from './smart-check';

const context = { today: '2026-11-28', modulesInScope: ['finance', 'sales'], plannedGoLive: '2027-03-01' };
const good: SmartCheckInput = {
  statement: '6个月内将月末结账周期从7天缩短到3天',
  kpiName: '月末结账天数',
  kpiUnit: '天',
  baseline: 7,
  target: 3,
  direction: 'decrease',
  deadline: '2027-03-31',
  ownerMemberId: 'm1',
  module: 'finance',
  latestValue: null,
};
const codes = (input: Partial<SmartCheckInput>): string[] => checkSmartGoal({ ...good, ...input }, context).map((i) => i.code);

describe('checkSmartGoal', () => {
  it('passes a complete goal', () => expect(codes({})).toEqual([]));
  it('flags a missing KPI as not measurable', () => {
    const issues = checkSmartGoal({ ...good, kpiName: null }, context, 'en');
    expect(issues).toEqual([{ criterion: 'measurable', code: 'no_kpi', message: 'No KPI name or unit: not measurable' }]);
  });
  it('flags a missing deadline as not time-bound', () => expect(codes({ deadline: null })).toEqual(['no_deadline']));
  it('flags a target equal to the baseline', () => expect(codes({ target: 7 })).toEqual(['target_equals_baseline']));
  it('flags a target that moves against the direction', () => expect(codes({ target: 9 })).toEqual(['target_wrong_direction']));
  it('flags a past deadline only while the target is not reached', () => {
    expect(codes({ deadline: '2026-10-01', latestValue: 5 })).toEqual(['deadline_past']);
    expect(codes({ deadline: '2026-10-01', latestValue: 3 })).toEqual([]);
  });
  it('flags no owner, a vague statement, no module and an out-of-scope module', () => {
    expect(codes({ ownerMemberId: null })).toEqual(['no_owner']);
    expect(codes({ statement: '提升效率' })).toEqual(['statement_vague']);
    expect(codes({ module: null })).toEqual(['no_module']);
    expect(codes({ module: 'hr' })).toEqual(['module_out_of_scope']);
  });
  it('flags missing baseline and target', () => expect(codes({ baseline: null, target: null })).toEqual(['no_baseline', 'no_target']));
  it('localizes messages in Chinese by default', () => {
    expect(checkSmartGoal({ ...good, deadline: null }, context)[0]!.message).toBe('没有截止日期：无时限');
  });
});

describe('computeProgress', () => {
  it('measures the share of the way from baseline to target in either direction', () => {
    expect(computeProgress(7, 3, 5)).toBe(0.5);
    expect(computeProgress(85, 98, 91.5)).toBe(0.5);
    expect(computeProgress(7, 3, null)).toBeNull();
    expect(computeProgress(7, 7, 5)).toBeNull();
  });
});
