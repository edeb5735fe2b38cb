import { describe, expect, it } from 'vitest';
import { inferColumnType } from './infer-type';
import { columnImportance, scoreColumn, scoreSource, type ColumnQualityInput } from './quality';

const base: ColumnQualityInput = {
  name: 'remark',
  rows: 100,
  type: 'text',
  typeRatio: 1,
  nulls: 0,
  empty: 0,
  blank: 0,
  padded: 0,
  present: 100,
  dateFormats: 0,
  legacyIdCards: 0,
  isKey: false,
  duplicateKeyRows: 0,
  duplicateKeyValues: 0,
};

describe('inferColumnType', () => {
  it('prefers the most specific dominant type, else the largest share, else text', () => {
    expect(inferColumnType({ mobile: 1, integer: 1, decimal: 1, amount: 1 })).toEqual({ type: 'mobile', ratio: 1 });
    expect(inferColumnType({ integer: 0.5, decimal: 1, amount: 1 })).toEqual({ type: 'decimal', ratio: 1 });
    expect(inferColumnType({ date: 0.6, cn_date: 0.9 })).toEqual({ type: 'cn_date', ratio: 0.9 });
    expect(inferColumnType({ integer: 0.6, decimal: 0.7 })).toEqual({ type: 'decimal', ratio: 0.7 });
    expect(inferColumnType({ integer: 0.3 })).toEqual({ type: 'text', ratio: 1 });
  });
});

type Case = [string, Partial<ColumnQualityInput>, number];

describe('scoreColumn: 100 × completeness × validity × uniqueness', () => {
  it.each<Case>([
    ['a clean column', {}, 100],
    // The reported case: 期初余额 missing in 34.8 % of rows may not score above ~65.
    [
      'an opening balance (amount) missing in 34.8 % of rows',
      { name: '期初余额', type: 'amount', nulls: 348, present: 652, rows: 1000 },
      65,
    ],
    [
      'an amount column by name, decimal values, 34.8 % missing',
      { name: '借方余额', type: 'decimal', nulls: 348, present: 652, rows: 1000 },
      65,
    ],
    ['the key missing in 34.8 % of rows', { name: 'kh', isKey: true, nulls: 348, present: 652, rows: 1000 }, 65],
    ['an identifier (客户编号) missing in 12 % of rows', { name: '客户编号', nulls: 12, present: 88 }, 88],
    ['an optional remark missing in 34.8 % of rows', { nulls: 348, present: 652, rows: 1000 }, 90],
    ['an optional remark half empty', { nulls: 50, present: 50 }, 85],
    [
      'an amount 34.8 % missing and 5 % of the rest not amounts',
      { name: '金额', type: 'amount', typeRatio: 0.95, nulls: 348, present: 652, rows: 1000 },
      62,
    ],
    ['95 % integers', { name: 'qty', type: 'integer', typeRatio: 0.95 }, 95],
    ['three date forms', { type: 'cn_date', dateFormats: 3 }, 90],
    ['60 % of rows under a repeated key', { isKey: true, duplicateKeyRows: 60, duplicateKeyValues: 30 }, 40],
    ['every value padded', { padded: 100 }, 90],
    ['no values at all', { nulls: 100, present: 0 }, 0],
  ])('%s → %i', (_name, change, expected) => {
    expect(scoreColumn({ ...base, ...change }).score).toBe(expected);
  });

  it('reports the points of each factor (they add up to the loss) and the factors themselves', () => {
    const balance = scoreColumn({ ...base, name: '期初余额', type: 'amount', typeRatio: 0.95, nulls: 348, present: 652, rows: 1000 });
    expect(balance.components).toEqual({ importance: 'amount', weight: 3, completeness: 0.652, validity: 0.95, uniqueness: 1 });
    expect(balance.reasons.map((r) => [r.code, r.penalty])).toEqual([
      ['missing', 34.8],
      ['mixed_types', 3.3],
    ]);
    expect(balance.reasons[0]!.zh).toBe('金额/数量列的空值率为 35%');
    const required = scoreColumn({ ...base, name: '客户编号', nulls: 12, present: 88 });
    expect(required.reasons).toEqual([
      { code: 'missing', penalty: 12, en: 'null ratio 12% on a required column (identifier)', zh: '必填列的空值率为 12%' },
    ]);
    expect(scoreColumn({ ...base, nulls: 85, present: 15 }).reasons).toEqual([
      { code: 'missing', penalty: 25.5, en: 'null ratio 85%', zh: '空值率为 85%' },
    ]);
  });

  it('classifies columns by importance', () => {
    expect(columnImportance({ name: 'x', isKey: true, type: 'text' })).toBe('key');
    expect(columnImportance({ name: '含税单价', isKey: false, type: 'decimal' })).toBe('amount');
    expect(columnImportance({ name: '备注', isKey: false, type: 'amount' })).toBe('amount');
    expect(columnImportance({ name: '供应商名称', isKey: false, type: 'text' })).toBe('identifier');
    expect(columnImportance({ name: '联系电话', isKey: false, type: 'mobile' })).toBe('identifier');
    expect(columnImportance({ name: '辅助核算', isKey: false, type: 'text' })).toBe('optional');
    // A date called 交货数量日期 is not an amount: only numeric or text columns are.
    expect(columnImportance({ name: '数量日期', isKey: false, type: 'date' })).toBe('optional');
  });
});

describe('scoreSource: min(weighted mean, weakest important column)', () => {
  const col = (name: string, change: Partial<ColumnQualityInput>) => ({ name, quality: scoreColumn({ ...base, name, ...change }) });

  it.each<[string, { name: string; quality: ReturnType<typeof scoreColumn> }[], number, string | null]>([
    ['all clean', [col('科目编码', { isKey: true }), col('科目名称', {})], 100, null],
    // Weighted mean (3·100 + 3·100 + 3·65 + 1·100) / 10 = 89.5 would hide the balance column: it caps the score.
    [
      'a balance table missing 34.8 % of its opening balances',
      [
        col('科目编码', { isKey: true }),
        col('科目名称', {}),
        col('期初余额', { type: 'amount', nulls: 348, present: 652, rows: 1000 }),
        col('备注', {}),
      ],
      65,
      '期初余额',
    ],
    // Optional columns only move the mean: (3·100 + 1·75) / 4 = 93.75.
    ['a clean key and a mostly empty remark', [col('编码', { isKey: true }), col('备注', { nulls: 85, present: 15 })], 93.8, null],
    // One decimal: a nearly clean table is not a perfect 100.
    [
      'a clean key and a remark 2 % empty',
      [col('编码', { isKey: true }), col('备注', { nulls: 2, present: 98 }), col('x', {})],
      99.8,
      null,
    ],
  ])('%s → %d', (_name, columns, expected, cappedBy) => {
    const quality = scoreSource(1000, columns);
    expect(quality.score).toBe(expected);
    expect(quality.breakdown?.cappedBy?.column ?? null).toBe(cappedBy);
  });

  it('explains a capped score first and names columns in its reasons', () => {
    const quality = scoreSource(1000, [
      col('科目编码', { isKey: true }),
      col('期初余额', { type: 'amount', nulls: 348, present: 652, rows: 1000 }),
    ]);
    expect(quality.breakdown).toEqual({ weightedMean: 82.5, cappedBy: { column: '期初余额', score: 65 } });
    expect(quality.reasons[0]).toMatchObject({ code: 'capped', column: '期初余额', penalty: 17.5 });
    expect(quality.reasons[1]).toMatchObject({ code: 'missing', column: '期初余额', zh: '期初余额：金额/数量列的空值率为 35%' });
    expect(scoreSource(0, [col('a', {})]).score).toBe(0);
  });
});
