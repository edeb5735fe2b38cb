import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { TRANSLATIONS } from '../../i18n/resources';
import { checklistCounts, criteriaCounts, failingCriteria, needsConditions, needsDate, toDecisionInput } from './go-live-model';
import {
  CHECK_CATEGORIES,
  CHECK_STATUSES,
  CRITERION_STATUSES,
  DECISIONS,
  type CheckStatus,
  type CheckView,
  type CriterionView,
} from './types';

const criterion = (code: CriterionView['code'], status: CriterionView['status']): CriterionView => ({
  code,
  title: `title of ${code}`,
  status,
  detail: '',
  href: 'blueprint',
});

const check = (status: CheckStatus): CheckView => ({
  id: status,
  title: status,
  category: 'other',
  ownerMemberId: null,
  ownerName: null,
  status,
  note: '',
  sort: 0,
  updatedAt: '2026-11-28T00:00:00Z',
  updatedByName: null,
});

describe('go/no-go decision form', () => {
  it('asks for conditions on a conditional go and a no-go, and for the date on a go and a conditional go', () => {
    expect(DECISIONS.map((d) => [d, needsConditions(d), needsDate(d)])).toEqual([
      ['go', false, true],
      ['conditional_go', true, true],
      ['no_go', true, false],
    ]);
    expect(needsConditions(undefined)).toBe(false);
    expect(needsDate(undefined)).toBe(false);
  });

  it('sends only the fields the decision uses', () => {
    const date = dayjs('2027-01-04');
    expect(toDecisionInput({ decision: 'go', conditions: 'left over', goLiveDate: date })).toEqual({
      decision: 'go',
      conditions: '',
      goLiveDate: '2027-01-04',
    });
    expect(toDecisionInput({ decision: 'conditional_go', conditions: '  培训补考  ', goLiveDate: date })).toEqual({
      decision: 'conditional_go',
      conditions: '培训补考',
      goLiveDate: '2027-01-04',
    });
    expect(toDecisionInput({ decision: 'no_go', conditions: '数据未迁移', goLiveDate: date })).toEqual({
      decision: 'no_go',
      conditions: '数据未迁移',
      goLiveDate: null,
    });
    expect(toDecisionInput({ decision: 'go', goLiveDate: null })).toEqual({ decision: 'go', conditions: '', goLiveDate: null });
  });

  it('titles the failing criteria of a refused go from the view, keeping unknown codes', () => {
    const criteria = [criterion('blueprint_approved', 'fail'), criterion('dual_run_exit', 'fail')];
    expect(
      failingCriteria(
        [
          { field: 'blueprint_approved', reason: '蓝图未审批' },
          { field: 'dual_run_exit', reason: 'title of dual_run_exit: 尚未达到退出标准' },
          { field: 'something_new', reason: 'x' },
        ],
        criteria,
      ),
    ).toEqual([
      { code: 'blueprint_approved', title: 'title of blueprint_approved', reason: '蓝图未审批' },
      { code: 'dual_run_exit', title: 'title of dual_run_exit', reason: '尚未达到退出标准' },
      { code: 'something_new', title: 'something_new', reason: 'x' },
    ]);
  });
});

describe('go/no-go counts', () => {
  it('counts passing criteria', () => {
    expect(criteriaCounts([criterion('blueprint_approved', 'pass'), criterion('migration_loaded', 'fail')])).toEqual({
      passed: 1,
      total: 2,
    });
    expect(criteriaCounts([])).toEqual({ passed: 0, total: 0 });
  });

  it('counts passed and not-applicable checks as done', () => {
    expect(checklistCounts(['pending', 'pass', 'fail', 'na', 'pass'].map((s) => check(s as CheckStatus)))).toEqual({
      done: 3,
      failed: 1,
      pending: 1,
      total: 5,
    });
  });
});

describe('go/no-go labels', () => {
  type Tree = { [key: string]: string | Tree };
  const lookup = (tree: Tree, key: string): unknown =>
    key.split('.').reduce<unknown>((node, part) => (typeof node === 'object' && node !== null ? (node as Tree)[part] : undefined), tree);

  it('has a label for every server code in both languages', () => {
    const keys = [
      ...CHECK_CATEGORIES.map((c) => `goLive.category.${c}`),
      ...CHECK_STATUSES.map((s) => `goLive.checkStatus.${s}`),
      ...CRITERION_STATUSES.map((s) => `goLive.criterionStatus.${s}`),
      ...DECISIONS.map((d) => `goLive.decisionOption.${d}`),
    ];
    const missing = Object.entries(TRANSLATIONS).flatMap(([lng, tree]) =>
      keys.filter((k) => typeof lookup(tree as Tree, k) !== 'string').map((k) => `${lng}:${k}`),
    );
    expect(missing).toEqual([]);
  });

  it('uses the Chinese terms of the go/no-go meeting', () => {
    const zh = TRANSLATIONS['zh-CN'] as Tree;
    expect(DECISIONS.map((d) => lookup(zh, `goLive.decisionOption.${d}`))).toEqual(['上线', '有条件上线', '暂缓上线']);
    expect(CHECK_STATUSES.map((s) => lookup(zh, `goLive.checkStatus.${s}`))).toEqual(['待确认', '通过', '未通过', '不适用']);
    expect(CHECK_CATEGORIES.map((c) => lookup(zh, `goLive.category.${c}`))).toEqual(['人员', '系统', '数据', '支持', '其他']);
    expect(lookup(zh, 'goLive.banner.ready')).toBe('具备上线条件');
    expect(lookup(zh, 'goLive.banner.notReady')).toBe('尚不具备上线条件');
  });
});
