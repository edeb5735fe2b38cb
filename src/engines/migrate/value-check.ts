import { BadValue, type Converter } from './column-types';
import { NumberMap } from './number-map';
import type { TargetColumn } from './target-db';

/** How one target column is filled from the source. */
export interface ColumnPlan {
  target: TargetColumn;
  sourceIndex: number;
  sourceName: string;
  convert: Converter;
  /** Whitespace-only text is null (all kinds but the text-like ones). */
  trim: boolean;
}

/** Why a value was refused, as the rejects file shows it. */
export class Refusal {
  constructor(readonly reason: string) {}
}

/**
 * Checks and converts one cell's text (null when empty): canonical text, null, or the refusal.
 * Shared by the row path and the byte path of the loader so both refuse with the same words.
 */
export function checkValue(plan: ColumnPlan, text: string | null, tableName: string): string | null | Refusal {
  if (text !== null && plan.trim && text.trim() === '') text = null;
  if (text === null) {
    return plan.target.notNull ? new Refusal(`${plan.sourceName}: 不能为空（${tableName}.${plan.target.name} 为 NOT NULL）`) : null;
  }
  const value = plan.convert(text);
  if (value instanceof BadValue) {
    const declared = plan.target.type.declared;
    return new Refusal(`${plan.sourceName}: ${value.reason}${value.reason.includes(declared) ? '' : `（目标 ${declared}）`}`);
  }
  return value;
}

/** Remembers the keys seen in this load, so a repeated key is refused naming the first row. */
export class KeyTracker {
  private readonly seen = new Map<string, number>();
  private readonly seenNumbers = new NumberMap();
  /** Integer keys are kept as numbers: far cheaper than strings for a million rows. */
  readonly numeric: boolean;

  constructor(
    private readonly columns: readonly ColumnPlan[],
    private readonly keyPositions: readonly number[],
  ) {
    this.numeric = keyPositions.length === 1 && ['smallint', 'integer', 'bigint'].includes(columns[keyPositions[0]].target.type.kind);
  }

  /** The map key of a row's canonical values. */
  keyOf(values: readonly (string | null)[]): string | number {
    const first = values[this.keyPositions[0]] as string;
    if (this.keyPositions.length > 1) return this.keyPositions.map((p) => values[p]).join('\u0000');
    return this.numeric && first.length < 16 ? Number(first) : first;
  }

  /** Records the key for `rowNumber`, or returns the refusal when an earlier row had it. */
  check(key: string | number, rowNumber: number, values: () => readonly (string | null)[]): Refusal | undefined {
    const earlier = typeof key === 'number' ? this.seenNumbers.get(key) : this.seen.get(key);
    if (earlier === undefined) {
      if (typeof key === 'number') this.seenNumbers.add(key, rowNumber);
      else this.seen.set(key, rowNumber);
      return undefined;
    }
    const v = values();
    const shown = this.keyPositions.map((p) => `${this.columns[p].target.name}=${v[p]}`).join(', ');
    return new Refusal(`主键重复（${shown}）：与源第 ${earlier} 行相同`);
  }

  /** The source columns to name when a key repeats. */
  get sourceNames(): string[] {
    return this.keyPositions.map((p) => this.columns[p].sourceName);
  }
}
