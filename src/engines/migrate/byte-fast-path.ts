/**
 * Byte-level checks for the values a converter would return unchanged. Each check accepts a subset
 * of what its converter's own fast path accepts (so the loader may copy the source bytes straight
 * into the COPY text); anything else goes through the converter as text. A property test checks the
 * subset rule against the converters in column-types.ts.
 */
import type { ColumnType } from './column-types';

/** True when `bytes[start, end)` is a value the column's converter returns exactly as written. */
export type ByteCheck = (bytes: Buffer, start: number, end: number) => boolean;

const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const SPACE = 32;
const COLON = 58;

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

/** `-?[1-9]\d{0,max-1}` or `0`. */
function integerCheck(maxDigits: number): ByteCheck {
  return (b, s, e) => {
    let i = s;
    if (b[i] === MINUS) i++;
    const digits = e - i;
    if (digits < 1 || digits > maxDigits) return false;
    if (b[i] === ZERO) return digits === 1 && i === s;
    for (; i < e; i++) if (!isDigit(b[i])) return false;
    return true;
  };
}

/** `-?(0|[1-9]\d{0,p-s-1})(\.\d{1,s})?`, the numeric converter's canonical form. */
function numericCheck(precision: number, scale: number): ByteCheck {
  const intMax = precision - scale;
  return (b, s, e) => {
    let i = s;
    if (b[i] === MINUS) i++;
    const intStart = i;
    while (i < e && isDigit(b[i])) i++;
    const intDigits = i - intStart;
    if (intDigits < 1 || intDigits > intMax || (intDigits > 1 && b[intStart] === ZERO)) return false;
    if (i === e) return true;
    if (scale === 0 || b[i] !== DOT) return false;
    const fracStart = ++i;
    while (i < e && isDigit(b[i])) i++;
    return i === e && i - fracStart >= 1 && i - fracStart <= scale;
  };
}

/** `-?\d{1,15}(\.\d{1,15})?`: finite, no sign to drop, nothing to ungroup. */
const floatCheck: ByteCheck = (b, s, e) => {
  let i = s;
  if (b[i] === MINUS) i++;
  const intStart = i;
  while (i < e && isDigit(b[i])) i++;
  if (i === intStart || i - intStart > 15) return false;
  if (i === e) return true;
  if (b[i] !== DOT) return false;
  const fracStart = ++i;
  while (i < e && isDigit(b[i])) i++;
  return i === e && i > fracStart && i - fracStart <= 15;
};

/** `YYYY-MM-DD` with month 1–12 and day 1–28 (later days go to the converter's calendar check). */
function isoDateAt(b: Buffer, s: number): boolean {
  if (b[s + 4] !== MINUS || b[s + 7] !== MINUS) return false;
  for (const k of [0, 1, 2, 3, 5, 6, 8, 9]) if (!isDigit(b[s + k])) return false;
  const month = (b[s + 5] - ZERO) * 10 + b[s + 6] - ZERO;
  const day = (b[s + 8] - ZERO) * 10 + b[s + 9] - ZERO;
  return month >= 1 && month <= 12 && day >= 1 && day <= 28;
}

const dateCheck: ByteCheck = (b, s, e) => e - s === 10 && isoDateAt(b, s);

/** `YYYY-MM-DD HH:MM:SS` with hour 00–23, minute and second 00–59. */
const timestampCheck: ByteCheck = (b, s, e) => {
  if (e - s !== 19 || b[s + 10] !== SPACE || b[s + 13] !== COLON || b[s + 16] !== COLON || !isoDateAt(b, s)) return false;
  for (const k of [11, 12, 14, 15, 17, 18]) if (!isDigit(b[s + k])) return false;
  const hour = (b[s + 11] - ZERO) * 10 + b[s + 12] - ZERO;
  return hour <= 23 && b[s + 14] <= ZERO + 5 && b[s + 17] <= ZERO + 5;
};

/** `true` or `false`. */
const booleanCheck: ByteCheck = (b, s, e) =>
  e - s === 4
    ? b[s] === 116 && b[s + 1] === 114 && b[s + 2] === 117 && b[s + 3] === 101
    : e - s === 5 && b[s] === 102 && b[s + 1] === 97 && b[s + 2] === 108 && b[s + 3] === 115 && b[s + 4] === 101;

/**
 * Rewrites a value on its bytes when the converter would turn it into a known canonical text:
 * returns that text, or undefined to leave the value to the converter.
 */
export type ByteRewrite = (bytes: Buffer, start: number, end: number) => string | undefined;

const BOOLEAN_WORDS: [string, string][] = [
  ...['true', 't', 'yes', 'y', '1', 'on', '是', '真', '对', '√'].map((w): [string, string] => [w, 'true']),
  ...['false', 'f', 'no', 'n', '0', 'off', '否', '假', '错', '×'].map((w): [string, string] => [w, 'false']),
];

/** The boolean converter's words as written, and in capitals (it lower-cases before looking up). */
function booleanRewrite(): ByteRewrite {
  const words = new Map<string, string>();
  for (const [word, value] of BOOLEAN_WORDS) {
    words.set(word, value);
    words.set(word.toUpperCase(), value);
  }
  const byBytes = [...words].map(([word, value]) => [Buffer.from(word, 'utf8'), value] as const);
  return (b, s, e) => {
    const n = e - s;
    for (const [word, value] of byBytes) {
      if (word.length !== n) continue;
      let k = 0;
      while (k < n && word[k] === b[s + k]) k++;
      if (k === n) return value;
    }
    return undefined;
  };
}

const NIAN = Buffer.from('年', 'utf8');
const YUE = Buffer.from('月', 'utf8');
const RI = Buffer.from('日', 'utf8');

function matchAt(b: Buffer, i: number, e: number, word: Buffer): boolean {
  if (i + word.length > e) return false;
  for (let k = 0; k < word.length; k++) if (b[i + k] !== word[k]) return false;
  return true;
}

/** `YYYY年M月D日` (month 1–12, day 1–28) → `YYYY-MM-DD`, as the date converter writes it. */
const chineseDateRewrite: ByteRewrite = (b, s, e) => {
  for (let k = 0; k < 4; k++) if (!isDigit(b[s + k])) return undefined;
  let i = s + 4;
  if (!matchAt(b, i, e, NIAN)) return undefined;
  i += NIAN.length;
  let month = 0;
  const monthStart = i;
  while (i < e && isDigit(b[i]) && i - monthStart < 2) month = month * 10 + b[i++] - ZERO;
  if (i === monthStart || !matchAt(b, i, e, YUE)) return undefined;
  i += YUE.length;
  let day = 0;
  const dayStart = i;
  while (i < e && isDigit(b[i]) && i - dayStart < 2) day = day * 10 + b[i++] - ZERO;
  if (i === dayStart || !matchAt(b, i, e, RI) || i + RI.length !== e) return undefined;
  const year = (b[s] - ZERO) * 1000 + (b[s + 1] - ZERO) * 100 + (b[s + 2] - ZERO) * 10 + b[s + 3] - ZERO;
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > 28) return undefined;
  return `${b.toString('latin1', s, s + 4)}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
};

/** The byte rewrite for a column type, if it has one. */
export function byteRewriteFor(type: ColumnType): ByteRewrite | undefined {
  if (type.kind === 'boolean') return booleanRewrite();
  if (type.kind === 'date') return chineseDateRewrite;
  return undefined;
}

/**
 * Text fits when its byte length is within the limit: a character takes at least as many UTF-8
 * bytes as UTF-16 units, so the converter's own `text.length <= max` holds too.
 */
function textCheck(max: number | undefined): ByteCheck {
  if (max === undefined) return () => true;
  return (_b, s, e) => e - s <= max;
}

const never: ByteCheck = () => false;

/** The byte check for a column type; `never` for kinds that always go through their converter. */
export function byteCheckFor(type: ColumnType): ByteCheck {
  switch (type.kind) {
    case 'smallint':
      return integerCheck(4);
    case 'integer':
      return integerCheck(9);
    case 'bigint':
      return integerCheck(18);
    case 'numeric':
      return type.precision !== undefined && type.scale !== undefined && type.precision > type.scale
        ? numericCheck(type.precision, type.scale)
        : never;
    case 'double':
      return floatCheck;
    case 'boolean':
      return booleanCheck;
    case 'date':
      return dateCheck;
    case 'timestamp':
    case 'timestamptz':
      return timestampCheck;
    case 'text':
      return textCheck(type.length);
    default:
      return never;
  }
}
