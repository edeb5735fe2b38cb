import { fail, normalizeInput, trimText, type ValidationResult } from './validation-result';

/** Facts about a parsed amount. */
export interface AmountInfo {
  /** Exact decimal text of the amount, e.g. `-1234.50` (digits as written, no separators). */
  decimal: string;
  /** Whether the input carried a currency mark (¥, ￥, RMB, CNY, 元 …). */
  currency: boolean;
}

const NUMBER = /^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?$/;
const CURRENCY_PREFIX = /^(¥|RMB|CNY|\$)[ \t]*/i;
const CURRENCY_SUFFIX = /[ \t]*(元|圆|RMB|CNY)$/i;

/**
 * Parses an amount as written in Chinese business documents: thousands separators (`1,234.5`,
 * groups of exactly three), full-width digits and punctuation (`１２３,４５６.７８`), a currency
 * mark before (`￥1,234.50`, `¥`, `RMB`, `CNY`, `$`) or after (`1,234.5元`), a leading `+`/`-`
 * or accounting parentheses for negatives (`(1,234.00)`, `（1,234.00）`). Returns the number and
 * its exact decimal text.
 */
export function parseAmount(text: string): ValidationResult<number, AmountInfo> {
  let s = normalizeInput(text);
  if (s === '') return fail('EMPTY', 'empty', '为空');
  let negative = false;
  let signs = 0;
  let currency = false;
  const unwrapParens = (): void => {
    if (s.startsWith('(') && s.endsWith(')')) {
      s = trimText(s.slice(1, -1));
      negative = true;
      signs++;
    }
  };
  const takeSign = (): void => {
    if (s.startsWith('-') || s.startsWith('+')) {
      if (s[0] === '-') negative = true;
      signs++;
      s = trimText(s.slice(1));
    }
  };
  const takeCurrency = (): void => {
    const before = s;
    s = s.replace(CURRENCY_PREFIX, '').replace(CURRENCY_SUFFIX, '');
    if (s !== before) currency = true;
  };
  unwrapParens();
  takeSign();
  takeCurrency();
  takeSign();
  unwrapParens();
  if (signs > 1) return fail('FORMAT', 'more than one sign', '含多个正负号');
  const m = NUMBER.exec(s);
  if (!m || (m[1] === undefined && m[2] === undefined)) {
    if (/^[\d,]+(\.\d+)?$/.test(s)) {
      return fail('GROUPING', `"${s}" has misplaced thousands separators`, `“${s}”的千分位分隔符位置不对`);
    }
    return fail('FORMAT', `"${normalizeInput(text)}" is not an amount`, `“${normalizeInput(text)}”不是金额`);
  }
  const integer = (m[1] ?? '0').replace(/,/g, '');
  const decimal = `${negative ? '-' : ''}${integer}${m[2] !== undefined ? `.${m[2]}` : ''}`;
  const value = Number(decimal);
  return { ok: true, value: Object.is(value, -0) ? 0 : value, decimal, currency };
}
