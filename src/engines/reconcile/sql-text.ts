import { quoteLiteral } from '../duckdb/sql-text';

export { quoteIdent, quoteLiteral } from '../duckdb/sql-text';

/** An exact decimal literal for a JS number (tolerances), never in exponent form. */
export function decimalLiteral(value: number, type = 'DECIMAL(38,18)'): string {
  const text = value.toFixed(18).replace(/0+$/, '').replace(/\.$/, '');
  return `CAST(${quoteLiteral(text)} AS ${type})`;
}
