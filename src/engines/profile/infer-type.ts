import type { ColumnType } from './profile-types';

/** Types in order of preference: the more specific a type, the earlier it is tried. */
export const TYPE_PREFERENCE: readonly Exclude<ColumnType, 'text'>[] = [
  'uscc',
  'id_card',
  'bank_card',
  'mobile',
  'boolean',
  'integer',
  'decimal',
  'date',
  'datetime',
  'cn_date',
  'amount',
];

/** A share at or above which the most specific fitting type wins. */
export const DOMINANT_SHARE = 0.8;
/** Below this, no type is claimed and the column is text. */
export const MINIMUM_SHARE = 0.5;

/**
 * Picks a column's type from the share of present values fitting each type: the first type in
 * {@link TYPE_PREFERENCE} with a share ≥ {@link DOMINANT_SHARE}; otherwise the type with the
 * largest share if it is ≥ {@link MINIMUM_SHARE} (ties go to the more specific); otherwise text.
 * A share below 1 on the chosen type is what the quality score calls mixed types.
 */
export function inferColumnType(shares: Partial<Record<ColumnType, number>>): { type: ColumnType; ratio: number } {
  for (const type of TYPE_PREFERENCE) {
    const share = shares[type] ?? 0;
    if (share >= DOMINANT_SHARE) return { type, ratio: share };
  }
  let best: { type: ColumnType; ratio: number } = { type: 'text', ratio: 0 };
  for (const type of TYPE_PREFERENCE) {
    const share = shares[type] ?? 0;
    if (share > best.ratio) best = { type, ratio: share };
  }
  return best.ratio >= MINIMUM_SHARE ? best : { type: 'text', ratio: 1 };
}

/** Types whose min/max are numbers. */
export function isNumericType(type: ColumnType): boolean {
  return type === 'integer' || type === 'decimal' || type === 'amount';
}

/** Types whose values are dates or date-times. */
export function isDateType(type: ColumnType): boolean {
  return type === 'date' || type === 'datetime' || type === 'cn_date';
}
