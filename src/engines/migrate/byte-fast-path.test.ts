import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byteCheckFor, byteRewriteFor } from './byte-fast-path';
import { classifyColumnType, converterFor } from './column-types';

const TYPES = [
  'smallint',
  'integer',
  'bigint',
  'numeric(14,2)',
  'numeric(5,0)',
  'double precision',
  'boolean',
  'date',
  'timestamp',
  'timestamptz',
  'varchar(5)',
  'char(3)',
  'text',
];
const pieces = [
  '0',
  '1',
  '2',
  '3',
  '9',
  '-',
  '+',
  '.',
  ',',
  ' ',
  ':',
  'e',
  'T',
  't',
  'r',
  'u',
  'f',
  'a',
  'l',
  's',
  'N',
  'Y',
  '是',
  '否',
  '×',
  '年',
  '月',
  '日',
  '20',
  '2024',
  '12',
  '29',
  '31',
  '😀',
];
const value = fc.oneof(
  fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 12 }).map((p) => p.join('')),
  fc.constantFrom(
    '2024-02-28',
    '2024-13-01',
    '2024-00-10',
    '2024-01-05 23:59:59',
    '2024-01-05 24:00:00',
    '0000年1月1日',
    '2024年2月29日',
    '2023年12月28日',
    'TRUE',
    'YES',
    'true',
    'false',
    '-0',
    '00',
    '0.50',
    '-0.5',
    '123456789012.34',
  ),
);

describe('byte fast path', () => {
  it('copies only values the converter returns unchanged, and rewrites only to what the converter returns', () => {
    for (const declared of TYPES) {
      const type = classifyColumnType(declared, 'postgres');
      const convert = converterFor(type);
      const check = byteCheckFor(type);
      const rewrite = byteRewriteFor(type);
      fc.assert(
        fc.property(value, (text) => {
          const bytes = Buffer.from(`x${text}y`, 'utf8');
          const end = bytes.length - 1;
          if (check(bytes, 1, end)) expect(convert(text)).toBe(text);
          const rewritten = rewrite?.(bytes, 1, end);
          if (rewritten !== undefined) expect(convert(text)).toBe(rewritten);
        }),
        { numRuns: 2000 },
      );
    }
  });
});
