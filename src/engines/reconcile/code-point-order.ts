import { createHash } from 'node:crypto';
import { formatSourceValue } from '../sources/format-source-value';
import type { SourceValue } from '../sources/source-types';

/**
 * Compares two strings by Unicode code point, which is the byte order of their UTF-8 form: the
 * order of PostgreSQL's `COLLATE "C"`, SQLite's BINARY and DuckDB's VARCHAR. Plain `<` on JS
 * strings compares UTF-16 code units, which puts U+E000…U+FFFF after astral characters; the fix-up
 * at the first differing unit restores code point order.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x - y;
  }
  return a.length - b.length;
}

/** How many of the sorted `thresholds` are ≤ `value`: PostgreSQL's `width_bucket(value, thresholds)`. */
export function bucketOf(value: string, thresholds: readonly string[]): number {
  let lo = 0;
  let hi = thresholds.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareCodePoints(thresholds[mid], value) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of code points (PostgreSQL's char_length), not UTF-16 units. */
function codePointLength(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00) n--;
  }
  return n;
}

/**
 * The canonical text of one cell inside a row checksum: `N` for null, else `V<length>:<text>` with
 * the text as golive's sources render it (formatSourceValue). The length prefix makes the row text
 * unambiguous whatever the values contain. The SQL dialects build the same string.
 */
export function canonicalCell(text: string | null): string {
  return text === null ? 'N' : `V${codePointLength(text)}:${text}`;
}

/** The two 32-bit halves of md5(canonical row text) that the segment checksums add up. */
export function rowHashParts(values: readonly SourceValue[]): [number, number] {
  const text = values.map((v) => canonicalCell(formatSourceValue(v))).join('|');
  const digest = createHash('md5').update(text, 'utf8').digest();
  return [digest.readUInt32BE(0), digest.readUInt32BE(4)];
}
