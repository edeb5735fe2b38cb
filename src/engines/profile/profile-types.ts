/**
 * The shape of a profile, as the CLI prints it in JSON (snake_case, stable field names).
 * Counts are exact. Ratios are fractions of the source's row count unless stated otherwise.
 */

/** Plain types recognised in SQL. */
export type BaseType = 'integer' | 'decimal' | 'date' | 'datetime' | 'boolean' | 'text';

/** Chinese business types recognised with the validators in `src/engines/validators`. */
export type SemanticType = 'uscc' | 'id_card' | 'mobile' | 'bank_card' | 'cn_date' | 'amount';

export type ColumnType = BaseType | SemanticType;

/** One reason a score is below 100, with the points it cost. */
export interface QualityReason {
  /**
   * Stable code: `missing`, `mixed_types`, `date_formats`, `padding`, `legacy_id`, `duplicate_keys`,
   * `no_values`, `no_rows`; on source scores also `capped` (the weakest important column caps the score).
   */
  code: string;
  /** Points subtracted from 100 (rounded to one decimal). */
  penalty: number;
  /** The column the reason is about (source-level reasons only). */
  column?: string;
  en: string;
  zh: string;
}

/**
 * How important a column is to the score: `key` (the asset's key), `amount` (money and quantities),
 * `identifier` (codes, numbers, names, USCC / ID / bank card / mobile), else `optional`.
 */
export type ColumnImportance = 'key' | 'amount' | 'identifier' | 'optional';

/** The factors of a column score (`score = 100 × completeness × validity × uniqueness`), each 0–1. */
export interface QualityComponents {
  importance: ColumnImportance;
  /** Weight in the source's weighted mean: 3 for key, amount and identifier columns, 1 otherwise. */
  weight: number;
  completeness: number;
  validity: number;
  uniqueness: number;
}

/** How a source score was reached: `score = min(weighted mean (one decimal), weakest important column)`. */
export interface QualityBreakdown {
  /** Weighted mean of the column scores, one decimal. */
  weightedMean: number;
  /** The important column with the lowest score, when it is below the weighted mean (it caps the score). */
  cappedBy: { column: string; score: number } | null;
}

export interface Quality {
  /** 0–100. */
  score: number;
  reasons: QualityReason[];
  /** Column scores: the formula's factors (profiles stored before they were recorded lack them). */
  components?: QualityComponents;
  /** Source scores: the weighted mean and the capping column (absent in older stored profiles). */
  breakdown?: QualityBreakdown;
}

export interface ValueCount {
  value: string;
  count: number;
}

export interface PatternCount {
  /** The value with digits → 9, letters → A, CJK ideographs → 汉, everything else kept. */
  pattern: string;
  count: number;
}

export interface LengthStats {
  min: number;
  max: number;
  avg: number;
}

export interface ColumnProfile {
  name: string;
  /** The inferred type (see `inferColumnType`). */
  type: ColumnType;
  /** Share of present values (non-null, non-blank) that fit `type`; 1 for text with values. */
  type_ratio: number;
  /** Share of present values fitting each type that any value fits (types at 0 left out). */
  type_shares: Partial<Record<ColumnType, number>>;
  /** SQL NULLs; an empty CSV field is a NULL. */
  nulls: number;
  null_ratio: number;
  /** Empty strings (only database and XLSX sources can have them). */
  empty: number;
  empty_ratio: number;
  /** Non-empty values made only of whitespace (incl. U+3000 and NBSP). */
  blank: number;
  blank_ratio: number;
  /** Present values with leading or trailing whitespace. */
  padded: number;
  /** Exact number of distinct non-null values (empty and blank strings included). */
  distinct: number;
  /**
   * Smallest/largest present value: numeric (a JSON number) for integer, decimal and amount
   * columns, ISO text for date, datetime and cn_date columns (chronological), otherwise the raw
   * text in byte order. Only values that fit the type count for typed columns.
   */
  min: number | string | null;
  max: number | string | null;
  /** Length in characters (code points) of present values. */
  length: LengthStats | null;
  /** Ten most frequent non-null values (ties by value). */
  top: ValueCount[];
  /** Ten most frequent value patterns of present values. */
  patterns: PatternCount[];
  /** How many distinct patterns there are. */
  pattern_count: number;
  /** Date columns: how many present values use each written form (`YYYY-MM-DD`, `YYYY/M/D`, …). */
  date_formats?: Record<string, number>;
  /** id_card columns: how many values are the legacy 15-digit form. */
  legacy_id_cards?: number;
  quality: Quality;
}

export interface DuplicateKeyExample {
  key: (string | null)[];
  count: number;
  /** 1-based ordinals of the first (up to five) data rows with this key, header excluded. */
  rows: number[];
}

export interface KeyProfile {
  columns: string[];
  /** Rows where a key column is null. */
  null_keys: number;
  /** Distinct key values that occur more than once. */
  duplicate_values: number;
  /** Rows carrying such a key value. */
  duplicate_rows: number;
  /** Up to ten duplicated keys, most frequent first. */
  examples: DuplicateKeyExample[];
}

export interface SourceProfile {
  source: string;
  kind: string;
  rows: number;
  columns: ColumnProfile[];
  key?: KeyProfile;
  quality: Quality;
}
