import { AppError } from '../../shared/app-error';
import type { ComparedColumn } from './plan-columns';
import type { ReconcileSpec, RowFilter } from './reconcile-spec';
import { decimalLiteral, quoteLiteral } from './sql-text';

/** Exact decimals for numeric rules: 20 integer and 18 fractional digits. */
export const DECIMAL_TYPE = 'DECIMAL(38,18)';

/** Text → exact decimal, empty → NULL; anything else unparsable is also NULL (checked separately). */
export function numericExpr(text: string, type = DECIMAL_TYPE): string {
  return `TRY_CAST(NULLIF(trim(${text}), '') AS ${type})`;
}

/** Digits after the point of a number's shortest decimal form (tolerances). */
function scaleOf(value: number): number {
  const text = value.toFixed(18).replace(/0+$/, '');
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * The narrowest exact decimal type for a column, from the widest integer part and fraction seen
 * on either side. DECIMAL(18,s) is a machine integer and many times faster to parse than the
 * 128-bit DECIMAL(38,18), which stays the fallback for wide values and exponent notation.
 */
export function chooseDecimalType(integerDigits: number, scale: number, hasExponent: boolean, rule: { tolerance?: number }): string {
  if (hasExponent) return DECIMAL_TYPE;
  const s = Math.max(scale, rule.tolerance !== undefined ? scaleOf(rule.tolerance) : 0);
  const width = Math.max(integerDigits, 1) + s;
  if (s > 18 || width > 38) return DECIMAL_TYPE;
  return `DECIMAL(${width <= 18 ? 18 : 38},${s})`;
}

const OFFSET_SUFFIX = String.raw`\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|z|[+-]\d{2}(:?\d{2})?)$`;

/**
 * Text → naive UTC timestamp truncated to `precision`. Values that carry an offset keep it;
 * naive values are read in `timeZone`.
 */
export function timestampExpr(text: string, timeZone: string, precision: string): string {
  const t = `NULLIF(trim(${text}), '')`;
  const instant =
    `CASE WHEN regexp_matches(${t}, ${quoteLiteral(OFFSET_SUFFIX)}) THEN TRY_CAST(${t} AS TIMESTAMPTZ) ` +
    `ELSE timezone(${quoteLiteral(timeZone)}, TRY_CAST(${t} AS TIMESTAMP)) END`;
  return `date_trunc(${quoteLiteral(precision)}, timezone('UTC', ${instant}))`;
}

/** The normalised form of one compared value on one side. */
export function normalizedExpr(column: ComparedColumn, side: 'left' | 'right', text: string): string {
  const { rule } = column;
  let e = text;
  if (rule.trim) e = `trim(${e})`;
  if (rule.caseInsensitive) e = `lower(${e})`;
  if (rule.nullEqualsEmpty) e = `NULLIF(${e}, '')`;
  if (column.numeric) {
    e = numericExpr(e, column.decimalType);
    if (rule.round !== undefined) e = `round(${e}, ${rule.round})`;
  } else if (rule.timestamp) {
    const ts = rule.timestamp;
    const zone = (side === 'left' ? ts.leftTimeZone : ts.rightTimeZone) ?? ts.timeZone ?? 'UTC';
    e = timestampExpr(e, zone, ts.precision);
  }
  return e;
}

/** True when the normalised values `l` and `r` differ under the column's rule. */
export function differsExpr(column: ComparedColumn, l: string, r: string): string {
  const { rule } = column;
  if (!column.numeric || (rule.tolerance === undefined && rule.relativeTolerance === undefined)) {
    return `(${l} IS DISTINCT FROM ${r})`;
  }
  const within: string[] = [];
  if (rule.tolerance !== undefined) within.push(`abs(${l} - ${r}) <= ${decimalLiteral(rule.tolerance, column.decimalType)}`);
  if (rule.relativeTolerance !== undefined) {
    // Relative tolerance is a ratio, so double precision is good enough here.
    within.push(`abs(${l}::DOUBLE - ${r}::DOUBLE) <= ${rule.relativeTolerance} * greatest(abs(${l}::DOUBLE), abs(${r}::DOUBLE))`);
  }
  return `(CASE WHEN ${l} IS NULL AND ${r} IS NULL THEN false WHEN ${l} IS NULL OR ${r} IS NULL THEN true ELSE NOT (${within.join(' OR ')}) END)`;
}

/** Key normalisation (trim, case, leading zeros); an empty key is a null key. */
export function keyExpr(spec: ReconcileSpec, text: string): string {
  const norm = spec.keyNormalize;
  let e = text;
  if (norm?.trim) e = `trim(${e})`;
  if (norm?.case === 'upper') e = `upper(${e})`;
  if (norm?.case === 'lower') e = `lower(${e})`;
  if (norm?.stripLeadingZeros) e = `CASE WHEN regexp_matches(${e}, '^0+$') THEN '0' ELSE ltrim(${e}, '0') END`;
  return `NULLIF(${e}, '')`;
}

function filterValueList(filter: RowFilter): (string | number)[] {
  if (filter.value === undefined) return [];
  return Array.isArray(filter.value) ? filter.value : [filter.value];
}

/** A filter as SQL over the side's raw text column `text`. Numbers compare numerically. */
export function filterExpr(filter: RowFilter, text: string, where: string): string {
  const values = filterValueList(filter);
  const one = (): string | number => {
    if (values.length !== 1) {
      throw new AppError('RECONCILE_FILTER_NEEDS_ONE_VALUE', { field: where, op: filter.op, column: filter.column }, [{ field: where }]);
    }
    return values[0];
  };
  const lit = (v: string | number): string => (typeof v === 'number' ? decimalLiteral(v) : quoteLiteral(v));
  const operand = (v: string | number): string => (typeof v === 'number' ? numericExpr(text) : text);
  switch (filter.op) {
    case 'is_null':
      return `(${text} IS NULL OR ${text} = '')`;
    case 'not_null':
      return `(${text} IS NOT NULL AND ${text} <> '')`;
    case 'eq':
      return `(${operand(one())} = ${lit(one())})`;
    case 'ne':
      return `(${operand(one())} IS DISTINCT FROM ${lit(one())})`;
    case 'gt':
      return `(${operand(one())} > ${lit(one())})`;
    case 'ge':
      return `(${operand(one())} >= ${lit(one())})`;
    case 'lt':
      return `(${operand(one())} < ${lit(one())})`;
    case 'le':
      return `(${operand(one())} <= ${lit(one())})`;
    case 'contains':
      return `contains(${text}, ${quoteLiteral(String(one()))})`;
    case 'starts_with':
      return `starts_with(${text}, ${quoteLiteral(String(one()))})`;
    case 'in':
    case 'not_in': {
      if (values.length === 0) {
        throw new AppError('RECONCILE_FILTER_NEEDS_VALUES', { field: where, op: filter.op, column: filter.column }, [{ field: where }]);
      }
      const list = values.map((v) => quoteLiteral(String(v))).join(', ');
      return filter.op === 'in' ? `(${text} IN (${list}))` : `(${text} IS NULL OR ${text} NOT IN (${list}))`;
    }
  }
}
