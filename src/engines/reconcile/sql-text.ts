/** A DuckDB identifier in double quotes. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A DuckDB string literal; standard SQL strings have no backslash escapes, only doubled quotes. */
export function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** An exact decimal literal for a JS number (tolerances), never in exponent form. */
export function decimalLiteral(value: number, type = 'DECIMAL(38,18)'): string {
  const text = value.toFixed(18).replace(/0+$/, '').replace(/\.$/, '');
  return `CAST(${quoteLiteral(text)} AS ${type})`;
}
