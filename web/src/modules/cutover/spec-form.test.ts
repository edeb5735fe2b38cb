import { describe, expect, it } from 'vitest';
import type { Comparison, MappingSuggestion, ReconcileSpec } from '../../api/types';
import en from '../../i18n/en.json';
import zhCN from '../../i18n/zh-CN.json';
import {
  buildMapping,
  describeCron,
  newSpecValues,
  specFieldOfDetail,
  specToValues,
  toComparison,
  toSourceRef,
  toSpecInput,
  type SpecFormValues,
} from './spec-form';

const suggestion: MappingSuggestion = {
  leftColumns: ['客户编号', '客户名称', '金额', '备注'],
  rightColumns: ['客户编码', '客户名称', '价税合计', '说明'],
  suggestions: [
    { left: '客户编号', right: '客户编码', match: 'synonym' },
    { left: '客户名称', right: '客户名称', match: 'exact' },
    { left: '金额', right: '价税合计', match: 'synonym' },
  ],
  suggestedKey: ['客户编号'],
  mapColumns: { 客户编号: '客户编码', 金额: '价税合计' },
  unmatchedLeft: ['备注'],
  unmatchedRight: ['说明'],
};

const values = (patch: Partial<SpecFormValues>): SpecFormValues => ({
  ...newSpecValues(),
  name: ' 客户余额 ',
  left: { type: 'upload', uploadId: 'u1' },
  right: { type: 'upload', uploadId: 'u2' },
  key: ['客户编号'],
  ...patch,
});

describe('spec form ↔ API', () => {
  it('builds sources only when complete', () => {
    expect(toSourceRef({ type: 'upload' })).toBeNull();
    expect(toSourceRef({ type: 'upload', uploadId: 'u1', sheet: ' ' })).toEqual({ type: 'upload', uploadId: 'u1' });
    expect(toSourceRef({ type: 'connection', connectionId: 'c1' })).toBeNull();
    expect(toSourceRef({ type: 'connection', connectionId: 'c1', table: ' t ' })).toEqual({
      type: 'connection',
      connectionId: 'c1',
      table: 't',
    });
    expect(toSourceRef({ type: 'connection', connectionId: 'c1', mode: 'query', table: 't', query: 'select 1' })).toEqual({
      type: 'connection',
      connectionId: 'c1',
      query: 'select 1',
    });
  });

  it('turns the suggested mapping into mapColumns and ignore', () => {
    const mapping = buildMapping(suggestion);
    expect(mapping.map((r) => [r.left, r.right, r.match])).toEqual([
      ['客户编号', '客户编码', 'synonym'],
      ['客户名称', '客户名称', 'exact'],
      ['金额', '价税合计', 'synonym'],
      ['备注', null, undefined],
    ]);
    mapping[1].ignore = true;
    const c = toComparison(values({ mapping }), undefined, suggestion.rightColumns);
    expect(c).toMatchObject({
      key: '客户编号',
      mapColumns: { 客户编号: '客户编码', 金额: '价税合计' },
      ignore: ['客户名称'],
      rules: {},
      aggregates: [],
    });
  });

  it('writes rules (relative tolerance in percent) and aggregates, keeping settings the editor does not show', () => {
    const base: Comparison = { key: 'x', keyNormalize: { trim: true }, rules: { 金额: { tolerance: 1, timestamp: { precision: 'day' } } } };
    const c = toComparison(
      values({
        key: ['客户编号', '客户名称'],
        rules: [
          { column: '金额', tolerance: 0.01, relativePct: 0.5, round: 2 },
          { column: '客户名称', trim: true, caseInsensitive: true },
          {},
        ],
        aggregates: [
          { name: ' 合计 ', groupBy: [], sum: ['金额'], tolerance: null },
          { groupBy: [], sum: [] },
        ],
      }),
      base,
      [],
    );
    expect(c.key).toEqual(['客户编号', '客户名称']);
    expect(c.keyNormalize).toEqual({ trim: true });
    expect(c.mapColumns).toBeUndefined();
    expect(c.rules).toEqual({
      金额: { timestamp: { precision: 'day' }, tolerance: 0.01, relativeTolerance: 0.005, round: 2 },
      客户名称: { trim: true, caseInsensitive: true },
    });
    expect(c.aggregates).toEqual([{ name: '合计', groupBy: [], sum: ['金额'], count: true, tolerance: 0 }]);
  });

  it('round-trips a saved spec, its mapping winning over the suggestion', () => {
    const spec = {
      name: '客户余额',
      left: { type: 'upload', uploadId: 'u1' },
      right: { type: 'connection', connectionId: 'c1', query: 'select * from t' },
      comparison: {
        key: '客户编号',
        mapColumns: { 客户编号: '客户编码', 备注: '说明' },
        ignore: ['金额'],
        rules: { 金额: { relativeTolerance: 0.001 } },
      },
      schedule: { cron: '0 7 * * *', enabled: true, timeZone: 'Asia/Shanghai', nextRunAt: null },
      exitCriterionDays: 5,
      webhook: { format: 'wecom', url: 'https://qyapi.weixin.qq.com/***' },
    } as unknown as ReconcileSpec;
    const v = specToValues(spec);
    expect(v).toMatchObject({
      key: ['客户编号'],
      right: { mode: 'query', query: 'select * from t' },
      rules: [{ column: '金额', relativePct: 0.1 }],
    });
    v.mapping = buildMapping(suggestion, spec.comparison);
    expect(v.mapping.map((r) => [r.left, r.right, r.ignore])).toEqual([
      ['客户编号', '客户编码', false],
      ['客户名称', '客户名称', false],
      ['金额', null, true],
      ['备注', '说明', false],
    ]);
    const input = toSpecInput(v, spec.comparison, suggestion.rightColumns);
    expect(input).toMatchObject({
      name: '客户余额',
      schedule: { cron: '0 7 * * *', enabled: true, timeZone: 'Asia/Shanghai' },
      exitCriterionDays: 5,
      webhook: { format: 'wecom', url: 'https://qyapi.weixin.qq.com/***' },
      comparison: {
        key: '客户编号',
        mapColumns: { 客户编号: '客户编码', 备注: '说明' },
        ignore: ['金额'],
        rules: { 金额: { relativeTolerance: 0.001 } },
      },
    });
  });

  it('sends server column errors to the field that names the column', () => {
    expect(specFieldOfDetail({ field: 'customer_no', reason: 'missing column (key)' })).toBe('key');
    expect(specFieldOfDetail({ field: 'amount', reason: 'missing column (rule)' })).toBe('rules');
    expect(specFieldOfDetail({ field: 'x', reason: 'missing column (aggregate sum)' })).toBe('aggregates');
    expect(specFieldOfDetail({ field: 'x', reason: 'missing column (mapColumns)' })).toBe('mapping');
    expect(specFieldOfDetail({ field: 'left.uploadId', reason: 'not found in this project' })).toBe('left');
    expect(specFieldOfDetail({ field: 'schedule.cron', reason: 'bad' })).toBe('cron');
    expect(specFieldOfDetail({ field: 'webhook.url', reason: 'bad' })).toBe('webhookUrl');
    expect(specFieldOfDetail({ field: 'comparison.key', reason: 'Required' })).toBe('key');
    expect(specFieldOfDetail({ field: 'something', reason: 'else' })).toBeUndefined();
  });

  it('describes daily cron expressions in both languages', () => {
    const t = (tree: Record<string, unknown>) =>
      ((key: string, options?: { time?: string }) => {
        const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree) as string;
        return value.replace('{{time}}', options?.time ?? '');
      }) as unknown as Parameters<typeof describeCron>[0];
    expect(describeCron(t(zhCN), '0 6 * * *')).toBe('每天 06:00');
    expect(describeCron(t(en), '30 7 * * 1-5')).toBe('Weekdays at 07:30');
    expect(describeCron(t(en), '0 */2 * * *')).toBe('0 */2 * * *');
  });
});
