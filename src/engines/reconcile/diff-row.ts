/** Why a row (or key) shows up in the differences. */
export type DiffStatus = 'changed' | 'only_left' | 'only_right' | 'duplicate_left' | 'duplicate_right' | 'null_key_left' | 'null_key_right';

/**
 * One difference. `changed` gives one row per differing column with both raw values and, when
 * both are numbers, `delta` = right − left (exact). Duplicate keys carry `count` (rows sharing
 * the key); null keys carry `row` (the 1-based data row on that side).
 */
export interface DiffRow {
  key: (string | null)[];
  status: DiffStatus;
  column: string | null;
  left: string | null;
  right: string | null;
  delta: string | null;
  count?: number;
  row?: number;
}

const DECIMAL = /^\s*([-+]?)(\d*)(?:\.(\d*))?\s*$/;

/** right − left computed exactly on decimal text; null when either is not a plain decimal. */
export function decimalDelta(left: string | null, right: string | null): string | null {
  if (left === null || right === null) return null;
  const a = DECIMAL.exec(left);
  const b = DECIMAL.exec(right);
  if (!a || !b || (a[2] === '' && !a[3]) || (b[2] === '' && !b[3])) return null;
  const scale = Math.max(a[3]?.length ?? 0, b[3]?.length ?? 0);
  const toBig = (m: RegExpExecArray): bigint => {
    const digits = (m[2] || '0') + (m[3] ?? '').padEnd(scale, '0');
    const value = BigInt(digits);
    return m[1] === '-' ? -value : value;
  };
  const diff = toBig(b) - toBig(a);
  const negative = diff < 0n;
  const digits = (negative ? -diff : diff).toString().padStart(scale + 1, '0');
  let text = scale > 0 ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  if (scale > 0) text = text.replace(/0+$/, '').replace(/\.$/, '');
  return negative ? `-${text}` : text;
}
