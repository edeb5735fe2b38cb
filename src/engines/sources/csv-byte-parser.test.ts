import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Utf8CsvParser, spanText, type CsvSpans } from './csv-byte-parser';
import { CsvParser, type CsvRecord } from './csv-parser';

type Outcome = { records: CsvRecord[] } | { error: string };

function records(spans: CsvSpans): CsvRecord[] {
  const out: CsvRecord[] = [];
  for (let r = 0; r < spans.records; r++) {
    const fields: string[] = [];
    for (let f = spans.recordField[r]; f < spans.recordField[r + 1]; f++) fields.push(spanText(spans, f));
    out.push({ fields, line: spans.recordLine[r] });
  }
  return out;
}

function viaText(text: string, delimiter: string, cuts: number[]): Outcome {
  const parser = new CsvParser(delimiter, 'p.csv');
  const out: CsvRecord[] = [];
  try {
    let at = 0;
    for (const cut of [...cuts.map((c) => c % (text.length + 1)).sort((a, b) => a - b), text.length]) {
      out.push(...parser.push(text.slice(at, cut)));
      at = cut;
    }
    out.push(...parser.end());
    return { records: out };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

function viaBytes(text: string, delimiter: string, cuts: number[]): Outcome {
  const bytes = Buffer.from(text, 'utf8');
  const parser = new Utf8CsvParser(delimiter, 'p.csv');
  const out: CsvRecord[] = [];
  try {
    let at = 0;
    // Byte cuts land anywhere, also inside a multi-byte character.
    for (const cut of [...cuts.map((c) => c % (bytes.length + 1)).sort((a, b) => a - b), bytes.length]) {
      out.push(...records(parser.push(bytes.subarray(at, cut))));
      at = cut;
    }
    out.push(...records(parser.end()));
    return { records: out };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

const pieces = ['a', 'bc', ',', ',', '"', '""', '\n', '\r\n', '\r', ' ', '中', '文字', '😀', '\t', ';', '12" pipe', '\\', ''];
const csvText = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((p) => p.join(''));
// Mostly well-formed records too, so that long runs of valid rows are covered, not only errors.
const field = fc.oneof(
  fc.constantFrom('', 'x', '中文', ' 1 ', '😀'),
  fc.array(fc.constantFrom(...pieces), { maxLength: 6 }).map((p) => `"${p.join('').replace(/"/g, '""')}"`),
);
const wellFormed = fc
  .array(fc.tuple(fc.array(field, { minLength: 1, maxLength: 4 }), fc.constantFrom('\n', '\r\n', '\r', '\n\n')), { maxLength: 12 })
  .map((rows) => rows.map(([fields, end]) => fields.join(',') + end).join(''));

describe('Utf8CsvParser', () => {
  it('gives the same records, lines and errors as CsvParser on random text and random chunk cuts', () => {
    fc.assert(
      fc.property(
        fc.oneof(csvText, wellFormed),
        fc.constantFrom(',', '\t', ';'),
        fc.array(fc.nat(400), { maxLength: 5 }),
        (text, delimiter, cuts) => {
          expect(viaBytes(text, delimiter, cuts)).toEqual(viaText(text, delimiter, cuts));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('names line and column in characters for errors after CJK text and quoted newlines', () => {
    expect(viaBytes('名,值\n1,"中\n文"x', ',', [])).toEqual({
      error: expect.stringMatching(/p\.csv", line 3, column 3: unexpected character/),
    });
    expect(viaBytes('名,值\n中文,"open\nmore', ',', [3, 9])).toEqual({
      error: expect.stringMatching(/p\.csv", line 2, column 4: unterminated quoted field/),
    });
  });
});

describe('openCsvSource on UTF-8 files', () => {
  it('gives the same columns, rows and row numbers through the byte parser as through the text parser', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { openSource } = await import('./open-source');
    const dir = mkdtempSync(join(tmpdir(), 'golive-bytes-'));
    const read = async (byteParser: boolean) => {
      const source = await openSource(join(dir, 'f.csv'), { byteParser, batchSize: 3 });
      const out: unknown[] = [source.columns];
      try {
        for await (const batch of source.batches()) out.push(batch);
        return out;
      } catch (error) {
        return [...out.slice(0, 1), (error as Error).message];
      }
    };
    await fc.assert(
      fc.asyncProperty(fc.boolean(), wellFormed, async (bom, body) => {
        writeFileSync(join(dir, 'f.csv'), `${bom ? '\uFEFF' : ''}名称,b\n${body}`);
        expect(await read(true)).toEqual(await read(false));
      }),
      { numRuns: 200 },
    );
  });
});
