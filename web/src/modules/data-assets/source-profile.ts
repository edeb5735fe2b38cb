/**
 * The engine's profile of a source (`golive profile --json`, src/engines/profile/profile-types.ts):
 * the fields the data-asset pages show.
 *
 * Still hand-written: the OpenAPI document types a profile run's `profile` as unknown (the server
 * stores the engine's JSON as it is), so there is no generated type to alias. Keep it in step with
 * profile-types.ts.
 */

/** One reason a score is below 100, with the points it cost. */
export interface QualityReason {
  code: string;
  penalty: number;
  column?: string;
  en: string;
  zh: string;
}
/** The factors of a column score (profiles stored before they were recorded lack them). */
export interface QualityComponents {
  importance: 'key' | 'amount' | 'identifier' | 'optional';
  weight: number;
  completeness: number;
  validity: number;
  uniqueness: number;
}
export interface ColumnQuality {
  score: number;
  reasons: QualityReason[];
  components?: QualityComponents;
}
export interface SourceQuality {
  score: number;
  reasons: QualityReason[];
  breakdown?: { weightedMean: number; cappedBy: { column: string; score: number } | null };
}
export interface ColumnProfile {
  name: string;
  type: string;
  type_ratio: number;
  type_shares: Record<string, number>;
  nulls: number;
  null_ratio: number;
  empty: number;
  empty_ratio: number;
  blank: number;
  blank_ratio: number;
  padded: number;
  distinct: number;
  min: number | string | null;
  max: number | string | null;
  length: { min: number; max: number; avg: number } | null;
  top: { value: string; count: number }[];
  patterns: { pattern: string; count: number }[];
  pattern_count: number;
  date_formats?: Record<string, number>;
  quality: ColumnQuality;
}
export interface SourceProfile {
  source: string;
  kind: string;
  rows: number;
  columns: ColumnProfile[];
  key?: {
    columns: string[];
    null_keys: number;
    duplicate_values: number;
    duplicate_rows: number;
    examples: { key: (string | null)[]; count: number; rows: number[] }[];
  };
  quality: SourceQuality;
}
