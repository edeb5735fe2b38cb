import { describe, expect, it } from 'vitest';
import { inferColumnType } from './infer-type';
import { looksRequired, scoreColumn, scoreSource, type ColumnQualityInput } from './quality';

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

describe('scoreColumn / scoreSource', () => {
  it('applies the documented penalties with reasons', () => {
    expect(scoreColumn(base)).toEqual({ score: 100, reasons: [] });
    const required = scoreColumn({ ...base, name: '客户编号', nulls: 12, present: 88 });
    expect(required).toEqual({
      score: 93,
      reasons: [{ code: 'missing', penalty: 7.2, en: 'null ratio 12% on a required-looking column', zh: '疑似必填列的空值率为 12%' }],
    });
    // 85% missing on an optional-looking column: 20 × 0.85 = 17.
    expect(scoreColumn({ ...base, nulls: 85, present: 15 }).score).toBe(83);
    const mixed = scoreColumn({ ...base, name: 'qty', type: 'integer', typeRatio: 0.95 });
    expect(mixed.reasons[0]).toMatchObject({ code: 'mixed_types', penalty: 2.5, en: 'mixed types: 95% integer' });
    const dates = scoreColumn({ ...base, type: 'cn_date', dateFormats: 3 });
    expect(dates).toMatchObject({ score: 90, reasons: [{ code: 'date_formats', en: '3 distinct formats of dates' }] });
    const key = scoreColumn({ ...base, isKey: true, duplicateKeyRows: 60, duplicateKeyValues: 30 });
    expect(key).toMatchObject({ score: 60, reasons: [{ code: 'duplicate_keys', penalty: 40 }] });
    expect(scoreColumn({ ...base, nulls: 100, present: 0 }).score).toBe(0);
    expect(looksRequired({ ...base, nulls: 40 })).toBe(true);
    expect(looksRequired({ ...base, nulls: 60 })).toBe(false);
  });

  it('averages column scores for the source and names columns in its reasons', () => {
    const a = { name: 'a', quality: scoreColumn(base) };
    const b = { name: 'b', quality: scoreColumn({ ...base, name: 'b', type: 'integer', typeRatio: 0.8 }) };
    expect(scoreSource(100, [a, b])).toEqual({
      score: 95,
      reasons: [{ code: 'mixed_types', penalty: 10, column: 'b', en: 'b: mixed types: 80% integer', zh: 'b：类型不一致：80% 为 integer' }],
    });
    expect(scoreSource(0, [a]).score).toBe(0);
  });
});
