import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openSource } from '../sources/open-source';
import { formatSourceValue } from '../sources/format-source-value';
import { encodeCsvCell, encodeCsvRow, type ExportCell } from './csv-encode';
import { CsvWriter } from './csv-writer';

const dir = mkdtempSync(join(tmpdir(), 'golive-export-csv-'));
let fileNo = 0;

async function readBack(path: string, byteParser: boolean): Promise<{ columns: readonly string[]; rows: (string | null)[][] }> {
  const source = await openSource(path, { delimiter: ',', header: true, byteParser });
  const rows: (string | null)[][] = [];
  for await (const batch of source.batches()) rows.push(...batch.rows.map((r) => r.map(formatSourceValue)));
  await source.close();
  return { columns: source.columns, rows };
}

/** What a reader sees of a cell: CSV has no null, so empty text and null both read back as null. */
function asRead(cell: ExportCell): string | null {
  if (cell === null || cell === '') return null;
  return String(cell);
}

/** Characters that CSV has to quote or that break naive writers, mixed with plain and Chinese text. */
const tricky = fc.constantFrom(
  '"',
  ',',
  '\r',
  '\n',
  '\r\n',
  ' ',
  '\t',
  '　',
  'a',
  'Z',
  '1',
  '中',
  '文',
  '，',
  '“',
  '”',
  '\uFEFF',
  ';',
  "'",
  '😀',
);
const cell: fc.Arbitrary<ExportCell> = fc.oneof(
  fc.constant(null),
  fc.constant(''),
  fc.string({ unit: tricky, maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

describe('encodeCsvCell', () => {
  it('quotes what needs quotes and nothing else', () => {
    expect(encodeCsvCell(null)).toBe('');
    expect(encodeCsvCell('')).toBe('');
    expect(encodeCsvCell('北京')).toBe('北京');
    expect(encodeCsvCell(12.5)).toBe('12.5');
    expect(encodeCsvCell('a,b')).toBe('"a,b"');
    expect(encodeCsvCell('12" pipe')).toBe('"12"" pipe"');
    expect(encodeCsvCell('a\r\nb')).toBe('"a\r\nb"');
    expect(encodeCsvCell(' lead')).toBe('" lead"');
    expect(encodeCsvCell('trail ')).toBe('"trail "');
  });

  it('keeps a row of one empty cell from becoming an empty (skipped) line', () => {
    expect(encodeCsvRow([null])).toBe('""');
    expect(encodeCsvRow([null, null])).toBe(',');
  });
});

describe('CsvWriter', () => {
  it('writes what the csv source reads back identically (both parsers, with and without BOM)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 1, max: 4 })
          .chain((width) =>
            fc.tuple(fc.constant(width), fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 20 }), fc.boolean()),
          ),
        async ([width, rows, bom]) => {
          const path = join(dir, `p${++fileNo}.csv`);
          const header = Array.from({ length: width }, (_, i) => `列${i + 1}`);
          const writer = CsvWriter.toFile(path, header, { bom });
          // Split into uneven batches so batch boundaries do not matter.
          await writer.writeRows(rows.slice(0, 3));
          for (const row of rows.slice(3)) await writer.writeRow(row);
          await writer.close();
          expect(writer.rows).toBe(rows.length);
          const bytes = readFileSync(path);
          expect(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf).toBe(bom);
          const expected = { columns: header, rows: rows.map((r) => r.map(asRead)) };
          expect(await readBack(path, true)).toEqual(expected);
          expect(await readBack(path, false)).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('waits for drain when the stream is full', async () => {
    const chunks: string[] = [];
    let release: (() => void) | undefined;
    const slow = new Writable({
      highWaterMark: 16,
      write(chunk: Buffer, _enc, done) {
        chunks.push(chunk.toString('utf8'));
        release = done;
      },
    });
    const writer = CsvWriter.toStream(slow, ['a', 'b']);
    release?.();
    let resolved = false;
    const pending = writer.writeRows([['x'.repeat(40), '1']]).then(() => (resolved = true));
    await new Promise((r) => setImmediate(r));
    expect(resolved).toBe(false);
    release?.();
    await pending;
    expect(resolved).toBe(true);
    expect(chunks.join('')).toBe(`a,b\r\n${'x'.repeat(40)},1\r\n`);
  });

  it('reports a stream error from close instead of crashing the process', async () => {
    const writer = CsvWriter.toFile(join(dir, 'missing-dir', 'x.csv'), ['a']);
    await expect(writer.close()).rejects.toThrow(/ENOENT/);
  });
});
