import { createReadStream } from 'node:fs';
import iconv from 'iconv-lite';
import { AppError } from '../../shared/app-error';
import { spanText } from './csv-byte-parser';
import { CsvParser } from './csv-parser';
import { sniffCsv } from './sniff-csv';
import type { CsvLayout, OpenSourceOptions, SourceRowBatch, SourceValue, TabularSource } from './source-types';
import { canReadUtf8Spans, raggedRowError, readUtf8CsvSpans } from './utf8-csv-reader';

/** Makes header names usable as columns: blanks get `columnN`, repeats get `_2`, `_3`… */
export function uniqueColumnNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((raw, index) => {
    const base = raw.trim() === '' ? `column${index + 1}` : raw.trim();
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count === 0 ? base : `${base}_${count + 1}`;
  });
}

/** Decodes a file as a stream of text chunks; invalid UTF-8 becomes SOURCES_INVALID_UTF8 with a hint. */
async function* readText(layout: CsvLayout, sourceName: string): AsyncGenerator<string> {
  const stream = createReadStream(layout.path, { highWaterMark: 1 << 20 });
  if (layout.encoding === 'utf-8') {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let offset = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        yield decoder.decode(chunk, { stream: true });
        offset += chunk.length;
      }
      yield decoder.decode();
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('SOURCES_INVALID_UTF8', { file: sourceName, offset }, [{ field: 'encoding' }]);
    }
    return;
  }
  const decoder = iconv.getDecoder(layout.encoding, { stripBOM: true });
  for await (const chunk of stream as AsyncIterable<Buffer>) yield decoder.write(chunk);
  const rest = decoder.end();
  if (rest) yield rest;
}

/** Opens a CSV/TSV file: sniffs it, reads the header, streams the rest in batches. */
export async function openCsvSource(path: string, description: string, options: OpenSourceOptions): Promise<TabularSource> {
  const { sampleText, ...layout } = await sniffCsv(path, description, options);
  const headerParser = new CsvParser(layout.delimiter, description);
  const firstRecords = headerParser.push(sampleText);
  const first = firstRecords[0] ?? headerParser.end()[0];
  const width = first ? first.fields.length : 0;
  const columns = layout.header ? uniqueColumnNames(first?.fields ?? []) : Array.from({ length: width }, (_, i) => `column${i + 1}`);
  const batchSize = options.batchSize ?? 8192;

  /** Plain UTF-8: the byte parser, which gives the same rows (see utf8-csv-reader.test.ts) at a fraction of the cost. */
  async function* utf8Batches(): AsyncGenerator<SourceRowBatch> {
    let rows: SourceValue[][] = [];
    let firstRow = 1;
    for await (const batch of readUtf8CsvSpans(layout, description, columns)) {
      const { spans } = batch;
      for (let r = batch.from; r < batch.to; r++) {
        if (rows.length === 0) firstRow = batch.firstRow + (r - batch.from);
        const row = new Array<SourceValue>(columns.length);
        for (let f = spans.recordField[r], c = 0; c < columns.length; f++, c++) {
          // CSV cannot tell an empty field from a missing value; both become null.
          row[c] = spans.fieldStart[f] === spans.fieldEnd[f] ? null : spanText(spans, f);
        }
        rows.push(row);
        if (rows.length >= batchSize) {
          yield { rows, firstRow };
          rows = [];
        }
      }
    }
    if (rows.length > 0) yield { rows, firstRow };
  }

  async function* batches(): AsyncGenerator<SourceRowBatch> {
    if (options.byteParser !== false && canReadUtf8Spans(layout)) {
      yield* utf8Batches();
      return;
    }
    const parser = new CsvParser(layout.delimiter, description);
    let skipHeader = layout.header;
    let dataRow = 0;
    let rows: SourceValue[][] = [];
    let firstRow = 1;
    const take = (fields: string[], line: number): void => {
      if (skipHeader) {
        skipHeader = false;
        return;
      }
      if (fields.length !== columns.length) throw raggedRowError(description, columns, fields.length, line);
      dataRow++;
      // CSV cannot tell an empty field from a missing value; both become null.
      rows.push(fields.map((f) => (f === '' ? null : f)));
    };
    for await (const text of readText(layout, description)) {
      for (const record of parser.push(text)) {
        take(record.fields, record.line);
        if (rows.length >= batchSize) {
          yield { rows, firstRow };
          firstRow = dataRow + 1;
          rows = [];
        }
      }
    }
    for (const record of parser.end()) take(record.fields, record.line);
    if (rows.length > 0) yield { rows, firstRow };
  }

  return {
    kind: 'csv',
    description,
    columns,
    csv: layout,
    batches,
    close: async () => {},
  };
}
