import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/app-error';
import { CsvParser } from './csv-parser';

function parseAll(text: string, chunkSize = text.length, delimiter = ','): { fields: string[]; line: number }[] {
  const parser = new CsvParser(delimiter, 'test.csv');
  const out = [];
  for (let i = 0; i < text.length; i += chunkSize) out.push(...parser.push(text.slice(i, i + chunkSize)));
  out.push(...parser.end());
  return out;
}

describe('CsvParser', () => {
  const tricky = 'id,note,amt\r\n1,"a, b",10\n2,"multi\nline ""quoted""",\n\n3,12" pipe,  x  \n4,,';

  it('handles quotes, embedded delimiters and newlines, blank lines, CRLF', () => {
    expect(parseAll(tricky)).toEqual([
      { fields: ['id', 'note', 'amt'], line: 1 },
      { fields: ['1', 'a, b', '10'], line: 2 },
      { fields: ['2', 'multi\nline "quoted"', ''], line: 3 },
      { fields: ['3', '12" pipe', '  x  '], line: 6 },
      { fields: ['4', '', ''], line: 7 },
    ]);
  });

  it('gives the same records whatever the chunk size', () => {
    const whole = parseAll(tricky);
    for (const size of [1, 2, 3, 5, 7]) expect(parseAll(tricky, size)).toEqual(whole);
  });

  it('names line and column of an unterminated quote', () => {
    const error = (() => {
      try {
        parseAll('a,b\n1,2\n3,"open\nmore');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/test\.csv", line 3, column 3: unterminated quoted field/);
    expect(error).toMatchObject({ code: 'SOURCES_CSV_UNTERMINATED_QUOTE', details: [{ field: 'line:3' }] });
    expect((error as AppError).localizedMessage('zh-CN')).toBe('文件“test.csv”第 3 行第 3 个字符：引号开始的字段没有结束（缺少右引号）');
  });

  it('rejects text after a closing quote with line and column', () => {
    expect(() => parseAll('a,b\n"x"y,2')).toThrow(/test\.csv", line 2, column 4/);
  });

  it('supports other delimiters', () => {
    expect(parseAll('a\tb\n1\t"x\ty"', undefined, '\t')).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['1', 'x\ty'], line: 2 },
    ]);
  });
});
