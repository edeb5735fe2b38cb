/**
 * Exact sums of decimal texts (the loader's canonical numeric text, e.g. "-1234.50"), so the
 * after-load check shows the source total without binary floating point error.
 */
export class DecimalSum {
  private units = 0n;
  private scale = 0;
  /** Values that were not plain decimals (counted, not summed). */
  invalid = 0;

  add(text: string | null): void {
    if (text === null) return;
    const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
    if (!match || (match[2] === '' && (match[3] ?? '') === '')) {
      this.invalid++;
      return;
    }
    let digits = match[2] + (match[3] ?? '');
    let scale = (match[3] ?? '').length - Number(match[4] ?? 0);
    if (scale < 0) {
      digits += '0'.repeat(-scale);
      scale = 0;
    }
    this.rescale(scale);
    const value = BigInt(digits || '0') * 10n ** BigInt(this.scale - scale);
    this.units += match[1] === '-' ? -value : value;
  }

  private rescale(scale: number): void {
    if (scale <= this.scale) return;
    this.units *= 10n ** BigInt(scale - this.scale);
    this.scale = scale;
  }

  /** The sum as plain decimal text without trailing fraction zeros ("12.5", "0", "-3"). */
  toString(): string {
    const negative = this.units < 0n;
    const abs = (negative ? -this.units : this.units).toString().padStart(this.scale + 1, '0');
    const whole = abs.slice(0, abs.length - this.scale);
    const fraction = abs.slice(abs.length - this.scale).replace(/0+$/, '');
    const text = fraction ? `${whole}.${fraction}` : whole;
    return negative && text !== '0' ? `-${text}` : text;
  }
}

/** Plain decimal text of a number or numeric text as a database returned it (null → "0"). */
export function decimalText(value: unknown): string {
  if (value === null || value === undefined) return '0';
  const sum = new DecimalSum();
  // Floating point sums (SQLite REAL) are shown to 8 decimals, not as 0.30000000000000004.
  sum.add(typeof value === 'number' ? value.toFixed(8) : String(value));
  return sum.invalid ? String(value) : sum.toString();
}
