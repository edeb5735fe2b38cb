import { describe, expect, it } from 'vitest';
import { suggestColumnMapping, suggestKey } from './column-suggest';
import { parseCron } from './cron';
import { evaluateExitCriterion, nextBusinessDay } from './exit-criterion';

const daily = parseCron('0 6 * * *');
const weekdays = parseCron('0 6 * * 1-5');

describe('exit criterion', () => {
  it('needs N consecutive business days without unexplained differences, newest first', () => {
    const days = (list: [string, number][]) => list.map(([businessDate, unexplained]) => ({ businessDate, unexplained }));
    expect(evaluateExitCriterion([], 3, daily, 'zh-CN')).toMatchObject({
      met: false,
      reasonCode: 'no_runs',
      streak: 0,
      lastBusinessDate: null,
    });
    const ok = days([
      ['2026-12-01', 0],
      ['2026-12-03', 0],
      ['2026-12-02', 0],
    ]);
    expect(evaluateExitCriterion(ok, 3, daily, 'en')).toMatchObject({
      met: true,
      streak: 3,
      reason: 'Met: 3 consecutive business days (2026-12-01 to 2026-12-03) without unexplained differences',
    });
    expect(evaluateExitCriterion(ok, 4, daily, 'en')).toMatchObject({ met: false, reasonCode: 'too_few', streak: 3 });
    const unexplainedLatest = days([
      ['2026-12-02', 0],
      ['2026-12-03', 2],
    ]);
    expect(evaluateExitCriterion(unexplainedLatest, 1, daily, 'zh-CN')).toMatchObject({
      met: false,
      reasonCode: 'unexplained',
      reason: '未满足：2026-12-03 的对账还有 2 条未解释差异',
    });
    const gap = days([
      ['2026-12-01', 0],
      ['2026-12-02', 0],
      ['2026-12-04', 0],
    ]);
    expect(evaluateExitCriterion(gap, 3, daily, 'zh-CN')).toMatchObject({
      met: false,
      reasonCode: 'gap',
      streak: 1,
      reason: '未满足：2026-12-02 与 2026-12-04 之间缺少业务日 2026-12-03 的对账运行',
    });
    // An older problem behind a long enough streak does not matter.
    const oldProblem = days([
      ['2026-11-20', 5],
      ['2026-12-01', 0],
      ['2026-12-02', 0],
      ['2026-12-03', 0],
    ]);
    expect(evaluateExitCriterion(oldProblem, 3, daily, 'en')).toMatchObject({ met: true, streak: 3 });
  });

  it('counts business days by the schedule: Friday → Monday is consecutive on a weekday schedule', () => {
    expect(nextBusinessDay('2026-12-04', weekdays)).toBe('2026-12-07');
    expect(nextBusinessDay('2026-12-04', daily)).toBe('2026-12-05');
    const days = ['2026-12-03', '2026-12-04', '2026-12-07'].map((businessDate) => ({ businessDate, unexplained: 0 }));
    expect(evaluateExitCriterion(days, 3, weekdays, 'en').met).toBe(true);
    expect(evaluateExitCriterion(days, 3, daily, 'en').met).toBe(false);
  });
});

describe('column mapping suggestions', () => {
  it('prefers exact, then normalized, then synonyms, using each right column once', () => {
    expect(
      suggestColumnMapping(['客户编码', 'Customer Name', 'amt', 'qty', 'note'], ['customer_name', '客户编码', '金额', '数量', 'extra']),
    ).toEqual([
      { left: '客户编码', right: '客户编码', match: 'exact' },
      { left: 'Customer Name', right: 'customer_name', match: 'normalized' },
      { left: 'amt', right: '金额', match: 'synonym' },
      { left: 'qty', right: '数量', match: 'synonym' },
    ]);
    expect(suggestColumnMapping(['id', 'name'], ['物料编号', '物料名称'])).toEqual([
      { left: 'id', right: '物料编号', match: 'synonym' },
      { left: 'name', right: '物料名称', match: 'synonym' },
    ]);
  });

  it('suggests an id-like key', () => {
    expect(suggestKey(suggestColumnMapping(['name', 'order_no', 'amount'], ['name', 'OrderNo', 'amount']))).toEqual(['order_no']);
    expect(suggestKey(suggestColumnMapping(['a'], ['a']))).toEqual([]);
  });
});
