/**
 * Shared result shape of the Chinese business validators: a pure function per rule that either
 * returns the normalised value (plus rule-specific facts) or a reason a person can act on.
 */

/** Stable failure codes, so callers can group failures without parsing messages. */
export type ValidationCode = 'EMPTY' | 'LENGTH' | 'CHARACTERS' | 'FORMAT' | 'CHECK_DIGIT' | 'REGION' | 'DATE' | 'PREFIX' | 'GROUPING';

/** A value that passed: `value` is its normalised form. */
export type ValidationSuccess<T, Extra = object> = { ok: true; value: T } & Extra;

/** A value that failed, with the reason in English and Chinese. */
export interface ValidationFailure {
  ok: false;
  code: ValidationCode;
  reason: string;
  reasonZh: string;
}

export type ValidationResult<T, Extra = object> = ValidationSuccess<T, Extra> | ValidationFailure;

/** Builds a failure. */
export function fail(code: ValidationCode, reason: string, reasonZh: string): ValidationFailure {
  return { ok: false, code, reason, reasonZh };
}

/**
 * Whitespace the validators and the profiler agree on: ASCII whitespace, NBSP, the ideographic
 * space U+3000 (common in Chinese input) and a stray BOM. Listed once so the SQL side (RE2) and
 * the JS side trim identically.
 */
export const WHITESPACE_CODE_POINTS: readonly number[] = [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x3000, 0xfeff];

const WS_CLASS_JS = `[${WHITESPACE_CODE_POINTS.map((c) => `\\u${c.toString(16).padStart(4, '0')}`).join('')}]`;
const TRIM_RE = new RegExp(`^${WS_CLASS_JS}+|${WS_CLASS_JS}+$`, 'g');

/** The whitespace class in RE2 syntax (DuckDB regexp functions). */
export const WHITESPACE_CLASS_RE2 = `[${WHITESPACE_CODE_POINTS.map((c) => `\\x{${c.toString(16)}}`).join('')}]`;

/** Trims the agreed whitespace from both ends. */
export function trimText(text: string): string {
  return text.replace(TRIM_RE, '');
}

/**
 * Full-width ASCII forms (U+FF01–U+FF5E, e.g. `１２３`, `，`, `（`) to their half-width
 * counterparts, the ideographic space to a space, `￥` to `¥` and the minus sign U+2212 to `-`.
 */
export function toHalfWidth(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else if (c === 0xffe5) out += '¥';
    else if (c === 0x2212) out += '-';
    else out += text[i];
  }
  return out;
}

/** The `from`/`to` strings of DuckDB's `translate()` doing what {@link toHalfWidth} does. */
export function halfWidthTranslation(): { from: string; to: string } {
  let from = '';
  let to = '';
  for (let c = 0xff01; c <= 0xff5e; c++) {
    from += String.fromCharCode(c);
    to += String.fromCharCode(c - 0xfee0);
  }
  return { from: `${from}\u3000\uffe5\u2212`, to: `${to} ¥-` };
}

/** Normalises input the way every validator starts: half-width, then trimmed. */
export function normalizeInput(text: string): string {
  return trimText(toHalfWidth(text));
}
