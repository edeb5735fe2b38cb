import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import iconv from 'iconv-lite';
import { AppError } from '../../shared/app-error';
import { CsvParser, type CsvRecord } from './csv-parser';
import type { CsvLayout } from './source-types';

const SAMPLE_BYTES = 256 * 1024;
const DELIMITER_CANDIDATES = [',', '\t', ';', '|'];

/** Canonical encoding name, or SOURCES_UNKNOWN_ENCODING naming the unknown one. */
export function normalizeEncoding(encoding: string): string {
  const lower = encoding.trim().toLowerCase();
  if (lower === 'utf8' || lower === 'utf-8' || lower === 'utf-8-sig') return 'utf-8';
  if (!iconv.encodingExists(lower)) throw new AppError('SOURCES_UNKNOWN_ENCODING', { encoding }, [{ field: 'encoding' }]);
  return lower;
}

/** True when the bytes are valid UTF-8, ignoring a multi-byte sequence cut off at the end. */
function isValidUtf8(bytes: Buffer, complete: boolean): boolean {
  let end = bytes.length;
  if (!complete) {
    // Back off to the start of the last (possibly truncated) character.
    let back = 0;
    while (back < 4 && end - back - 1 >= 0 && (bytes[end - back - 1] & 0xc0) === 0x80) back++;
    if (end - back - 1 >= 0 && bytes[end - back - 1] >= 0xc0) end = end - back - 1;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/**
 * Picks the encoding: a BOM wins, then valid UTF-8, else GB18030 (a superset of GBK and GB2312,
 * which is what Chinese legacy systems export).
 */
export function detectEncoding(sample: Buffer, complete: boolean): { encoding: string; hasBom: boolean } {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', hasBom: true };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', hasBom: true };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', hasBom: true };
  if (isValidUtf8(sample, complete)) return { encoding: 'utf-8', hasBom: false };
  return { encoding: 'gb18030', hasBom: false };
}

function sampleRecords(text: string, delimiter: string, complete: boolean): CsvRecord[] | null {
  const parser = new CsvParser(delimiter, 'sample');
  try {
    const records = parser.push(text);
    if (complete) records.push(...parser.end());
    return records.slice(0, 200);
  } catch {
    return null;
  }
}

/** The delimiter whose records have the most, most consistent fields. */
export function detectDelimiter(text: string, complete: boolean, fallback = ','): string {
  let best = fallback;
  let bestScore = 0;
  for (const delimiter of DELIMITER_CANDIDATES) {
    const records = sampleRecords(text, delimiter, complete);
    if (!records || records.length === 0) continue;
    const width = records[0].fields.length;
    if (width < 2) continue;
    const consistent = records.filter((r) => r.fields.length === width).length / records.length;
    const score = consistent * 1000 + width;
    if (score > bestScore) {
      bestScore = score;
      best = delimiter;
    }
  }
  return best;
}

const NUMBER_OR_DATE = /^\s*([-+]?\d[\d,]*(\.\d+)?([eE][-+]?\d+)?|\d{4}[-/]\d{1,2}[-/]\d{1,2}.*)\s*$/;

/**
 * Guesses whether the first record is a header: all names present, distinct, and none of them
 * a number or date. Data rows of an all-text table look like a header too, so pass `header`
 * explicitly for headerless files.
 */
export function detectHeader(records: CsvRecord[]): boolean {
  if (records.length === 0) return true;
  const first = records[0].fields;
  const names = first.map((f) => f.trim());
  if (names.some((n) => n === '')) return false;
  if (new Set(names).size !== names.length) return false;
  return !names.some((n) => NUMBER_OR_DATE.test(n));
}

/** Reads the head of a CSV file and settles encoding, delimiter and header. */
export async function sniffCsv(
  path: string,
  sourceName: string,
  options: { encoding?: string; delimiter?: string; header?: boolean },
): Promise<CsvLayout & { sampleText: string }> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw code === 'ENOENT'
      ? new AppError('SOURCES_FILE_NOT_FOUND', { file: sourceName })
      : new AppError('SOURCES_FILE_UNREADABLE', { file: sourceName, reason: code ?? 'error' });
  }
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    const sample = buffer.subarray(0, bytesRead);
    const complete = bytesRead < SAMPLE_BYTES;
    const detected = detectEncoding(sample, complete);
    const encoding = options.encoding ? normalizeEncoding(options.encoding) : detected.encoding;
    const hasBom = encoding === detected.encoding && detected.hasBom;
    const sampleText = iconv.decode(sample, encoding, { stripBOM: true });
    const delimiter = options.delimiter ?? (extname(path).toLowerCase() === '.tsv' ? '\t' : detectDelimiter(sampleText, complete));
    const header = options.header ?? detectHeader(sampleRecords(sampleText, delimiter, complete) ?? []);
    return { path, encoding, hasBom, delimiter, header, sampleText };
  } finally {
    await handle.close();
  }
}
