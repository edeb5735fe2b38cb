import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/app-error';
import type { CriterionView, DecisionInput } from './go-live.schema';
import { assertDecisionAllowed } from './go-live.service';

const pass = (code: CriterionView['code']): CriterionView => ({ code, title: code, status: 'pass', detail: 'ok', href: 'x' });
const ALL_PASS: CriterionView[] = [
  pass('blueprint_approved'),
  pass('migration_loaded'),
  pass('dual_run_exit'),
  pass('no_critical_warnings'),
  pass('high_risks_managed'),
  pass('checklist_complete'),
];
const ONE_FAILS = ALL_PASS.map((c) => (c.code === 'dual_run_exit' ? { ...c, status: 'fail' as const, detail: '未达到退出标准' } : c));

function outcome(input: Partial<DecisionInput>, criteria: CriterionView[]): string {
  try {
    assertDecisionAllowed({ decision: 'go', conditions: '', goLiveDate: '2027-03-01', ...input }, criteria, 'zh-CN');
    return 'allowed';
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return `${error.code}:${error.details.map((d) => d.field).join(',')}`;
  }
}

describe('assertDecisionAllowed', () => {
  it.each<[string, Partial<DecisionInput>, CriterionView[], string]>([
    ['go when every criterion passes', {}, ALL_PASS, 'allowed'],
    ['go while one criterion fails', {}, ONE_FAILS, 'GO_LIVE_NOT_READY:dual_run_exit'],
    ['go without a date', { goLiveDate: null }, ALL_PASS, 'VALIDATION_FAILED:goLiveDate'],
    [
      'conditional go with conditions while criteria fail',
      { decision: 'conditional_go', conditions: '三天内签署蓝图' },
      ONE_FAILS,
      'allowed',
    ],
    ['conditional go without conditions', { decision: 'conditional_go', conditions: '  ' }, ONE_FAILS, 'VALIDATION_FAILED:conditions'],
    ['no-go with reasons and no date', { decision: 'no_go', conditions: '迁移未完成', goLiveDate: null }, ONE_FAILS, 'allowed'],
    ['no-go without reasons', { decision: 'no_go', goLiveDate: null }, ALL_PASS, 'VALIDATION_FAILED:conditions'],
  ])('%s', (_name, input, criteria, expected) => {
    expect(outcome(input, criteria)).toBe(expected);
  });
});
