import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BadValue, classifyColumnType, converterFor } from './column-types';

function convert(declared: string, text: string, dialect: 'postgres' | 'sqlite' = 'postgres'): string {
  const result = converterFor(classifyColumnType(declared, dialect))(text);
  return result instanceof BadValue ? `BAD: ${result.reason}` : result;
}

describe('classifyColumnType', () => {
  it('reads PostgreSQL and SQLite declarations', () => {
    expect(classifyColumnType('numeric(12,2)', 'postgres')).toMatchObject({ kind: 'numeric', precision: 12, scale: 2 });
    expect(classifyColumnType('DECIMAL(10)', 'sqlite')).toMatchObject({ kind: 'numeric', precision: 10, scale: 0 });
    expect(classifyColumnType('character varying(20)', 'postgres')).toMatchObject({ kind: 'text', length: 20 });
    expect(classifyColumnType('INTEGER', 'sqlite').kind).toBe('bigint');
    expect(classifyColumnType('integer', 'postgres').kind).toBe('integer');
    expect(classifyColumnType('timestamp(3) without time zone', 'postgres').kind).toBe('timestamp');
    expect(classifyColumnType('timestamp with time zone', 'postgres').kind).toBe('timestamptz');
    expect(classifyColumnType('double precision', 'postgres').kind).toBe('double');
    expect(classifyColumnType('tsvector', 'postgres').kind).toBe('other');
  });
});

describe('value conversion', () => {
  it.each([
    ['integer', '42', '42'],
    ['integer', ' -7 ', '-7'],
    ['integer', '007', '7'],
    ['integer', '1,234', '1234'],
    ['integer', '12.00', '12'],
    ['integer', '2147483647', '2147483647'],
    ['smallint', '32767', '32767'],
    ['bigint', '9223372036854775807', '9223372036854775807'],
    ['numeric(10,2)', '12.5', '12.5'],
    ['numeric(10,2)', '1,234.56', '1234.56'],
    ['numeric(10,2)', '12.500', '12.50'],
    ['numeric(10,2)', '-0.01', '-0.01'],
    ['numeric(10,2)', '.5', '0.5'],
    ['numeric(10,2)', '1.5e3', '1500'],
    ['numeric', '123456789012345678901234.5', '123456789012345678901234.5'],
    ['real', '1.5', '1.5'],
    ['double precision', '-2.5e10', '-2.5e10'],
    ['boolean', '是', 'true'],
    ['boolean', '否', 'false'],
    ['boolean', 'Y', 'true'],
    ['boolean', 'n', 'false'],
    ['boolean', 'TRUE', 'true'],
    ['boolean', '0', 'false'],
    ['boolean', '1', 'true'],
    ['date', '2024-01-05', '2024-01-05'],
    ['date', '2024年1月5日', '2024-01-05'],
    ['date', '2024/1/5', '2024-01-05'],
    ['date', '20240105', '2024-01-05'],
    ['date', '2024.12.31', '2024-12-31'],
    ['date', '2024-02-29', '2024-02-29'],
    ['date', '2024-01-05 00:00:00', '2024-01-05'],
    ['timestamp', '2024-01-05 10:30:00', '2024-01-05 10:30:00'],
    ['timestamp', '2024-01-05T10:30', '2024-01-05 10:30:00'],
    ['timestamp', '2024年1月5日 9:05:01.250', '2024-01-05 09:05:01.250'],
    ['timestamp', '20240105', '2024-01-05 00:00:00'],
    ['timestamp with time zone', '2024-01-05 10:30:00+08:00', '2024-01-05 10:30:00+08:00'],
    ['character varying(5)', '上海市浦东', '上海市浦东'],
    ['character(3)', 'ab   ', 'ab'],
    ['text', '  keep spaces  ', '  keep spaces  '],
    ['uuid', '6f1c3b52-8f0e-4f5e-9a55-0a5d3c2b1e00', '6f1c3b52-8f0e-4f5e-9a55-0a5d3c2b1e00'],
    ['jsonb', '{"a":1}', '{"a":1}'],
  ])('%s accepts %j as %j', (declared, text, expected) => {
    expect(convert(declared, text)).toBe(expected);
  });

  it.each([
    ['integer', 'abc', '不是整数'],
    ['integer', '12.5', '不是整数'],
    ['integer', '2147483648', '超出 integer 范围'],
    ['smallint', '40000', '超出 smallint 范围'],
    ['bigint', '9223372036854775808', '超出 bigint 范围'],
    ['numeric(10,2)', 'abc', '不是数字'],
    ['numeric(10,2)', '1.234', '小数位数超过 2 位'],
    ['numeric(5,2)', '1234.5', '整数部分最多 3 位'],
    ['numeric(10,2)', '1.2.3', '不是数字'],
    ['double precision', 'NaN', '不是数字'],
    ['double precision', '0x10', '不是数字'],
    ['real', '1e39', '超出 real 范围'],
    ['boolean', 'maybe', '不是布尔值'],
    ['date', '2024-02-30', '2024 年 2 月没有 30 日'],
    ['date', '2023-02-29', '2023 年 2 月没有 29 日'],
    ['date', '2024-13-01', '不是有效日期'],
    ['date', '05/01/2024', '无法识别的日期格式'],
    ['date', '2024-01-05 10:30', '带有时间部分'],
    ['timestamp', '2024-01-05 25:00', '不是有效时间'],
    ['timestamp', '2024-01-05 10:30+08:00', '带有时区'],
    ['character varying(5)', '上海市浦东新区', '长度 7 超过 character varying(5) 的上限 5'],
    ['uuid', 'not-a-uuid', '不是 UUID'],
    ['json', '{a:1}', '不是合法 JSON'],
  ])('%s rejects %j (%s)', (declared, text, reason) => {
    expect(convert(declared, text)).toContain(reason);
  });

  it('round-trips every integer in range and rejects every one outside', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 40n), max: 2n ** 40n }), (n) => {
        const out = convert('integer', n.toString());
        if (n >= -2147483648n && n <= 2147483647n) expect(out).toBe(n.toString());
        else expect(out).toMatch(/^BAD/);
      }),
    );
  });

  it('accepts every real calendar date in every supported spelling, and no impossible one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const probe = new Date(Date.UTC(2000, m - 1, d));
        probe.setUTCFullYear(y, m - 1, d);
        const valid = probe.getUTCDate() === d;
        const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        for (const text of [
          iso,
          `${String(y).padStart(4, '0')}年${m}月${d}日`,
          `${String(y).padStart(4, '0')}/${m}/${d}`,
          iso.replace(/-/g, ''),
        ]) {
          expect(convert('date', text)).toEqual(valid ? iso : expect.stringMatching(/^BAD/));
        }
      }),
    );
  });
});
