import { createReadStream } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { AppError } from '../../shared/app-error';
import { Utf8CsvParser, type CsvSpans } from './csv-byte-parser';
import type { CsvLayout } from './source-types';

/** The records of one chunk that are data rows: `spans` records `from`…`to - 1`, the first being data row `firstRow`. */
export interface CsvSpanBatch {
  spans: CsvSpans;
  from: number;
  to: number;
  firstRow: number;
}

/** The error for a record whose field count differs from the header's. */
export function raggedRowError(description: string, columns: readonly string[], fieldCount: number, line: number): AppError {
  const details = [{ field: `line:${line}` }];
  if (fieldCount > columns.length) {
    return new AppError(
      'SOURCES_CSV_TOO_MANY_FIELDS',
      { file: description, line, fields: fieldCount, columns: columns.length, extra: columns.length + 1 },
      details,
    );
  }
  return new AppError(
    'SOURCES_CSV_MISSING_FIELDS',
    { file: description, line, fields: fieldCount, columns: columns.length, position: fieldCount + 1, column: columns[fieldCount] ?? '' },
    details,
  );
}

/** Whether the byte path can read this layout: UTF-8 and a one-byte delimiter. */
export function canReadUtf8Spans(layout: CsvLayout): boolean {
  return layout.encoding === 'utf-8' && layout.delimiter.length === 1 && layout.delimiter.charCodeAt(0) < 0x80;
}

/** Where the last character of `bytes` starts when it is cut off, else `bytes.length`. */
function completeUpTo(bytes: Buffer): number {
  const n = bytes.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const b = bytes[n - back];
    if ((b & 0xc0) === 0x80) continue;
    if (b < 0xc0) return n;
    const needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return needed > back ? n - back : n;
  }
  return n;
}

function invalidUtf8(description: string, offset: number): AppError {
  return new AppError('SOURCES_INVALID_UTF8', { file: description, offset }, [{ field: 'encoding' }]);
}

/**
 * Streams a UTF-8 CSV file as byte spans (see {@link Utf8CsvParser}): validates the UTF-8, drops a
 * BOM, skips the header record when the layout has one and refuses ragged rows, exactly as the text
 * path of `openCsvSource` does. Each batch is valid until the next one is requested.
 */
export async function* readUtf8CsvSpans(layout: CsvLayout, description: string, columns: readonly string[]): AsyncGenerator<CsvSpanBatch> {
  const parser = new Utf8CsvParser(layout.delimiter, description);
  const stream = createReadStream(layout.path, { highWaterMark: 1 << 20 });
  let skipHeader = layout.header;
  let dataRow = 0;
  let offset = 0;
  let carry: Buffer | undefined;
  let atStart = true;
  const width = columns.length;
  function* rows(spans: CsvSpans): Generator<CsvSpanBatch> {
    let from = 0;
    if (skipHeader && spans.records > 0) {
      skipHeader = false;
      from = 1;
    }
    for (let r = from; r < spans.records; r++) {
      const count = spans.recordField[r + 1] - spans.recordField[r];
      if (count !== width) throw raggedRowError(description, columns, count, spans.recordLine[r]);
    }
    if (from < spans.records) {
      const firstRow = dataRow + 1;
      dataRow += spans.records - from;
      yield { spans, from, to: spans.records, firstRow };
    }
  }
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let bytes = carry ? Buffer.concat([carry, chunk]) : chunk;
      if (atStart && bytes.length >= 3) {
        atStart = false;
        if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
      }
      if (atStart) {
        carry = bytes;
        offset += chunk.length;
        continue;
      }
      const end = completeUpTo(bytes);
      const whole = end === bytes.length ? bytes : bytes.subarray(0, end);
      if (!isUtf8(whole)) throw invalidUtf8(description, offset);
      carry = end === bytes.length ? undefined : Buffer.from(bytes.subarray(end));
      offset += chunk.length;
      yield* rows(parser.push(whole));
    }
    if (carry) {
      // Only a file shorter than a BOM, or one ending inside a character, gets here.
      if (atStart && carry[0] === 0xef && carry[1] === 0xbb && carry[2] === 0xbf) carry = carry.subarray(3);
      const end = completeUpTo(carry);
      if (end !== carry.length || !isUtf8(carry)) throw invalidUtf8(description, offset);
      yield* rows(parser.push(carry));
    }
    yield* rows(parser.end());
  } finally {
    stream.destroy();
  }
}
