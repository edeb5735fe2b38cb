/** API shapes of the data-assets module (mirrors src/modules/data-assets/data-asset.schema.ts). */

export type RuleValidator = 'uscc' | 'id_card' | 'mobile' | 'bank_card' | 'cn_date' | 'amount';

export type QualityRule =
  | { id: string; kind: 'required'; column: string }
  | { id: string; kind: 'regex'; column: string; pattern: string }
  | { id: string; kind: 'range'; column: string; mode: 'number' | 'date'; min?: number | string | null; max?: number | string | null }
  | { id: string; kind: 'allowed'; column: string; values: string[]; ignoreCase?: boolean }
  | { id: string; kind: 'unique'; columns: string[] }
  | { id: string; kind: 'reference'; column: string; datasetId: string; datasetColumn: string }
  | { id: string; kind: 'validator'; column: string; validator: RuleValidator };
export type RuleKind = QualityRule['kind'];
export interface RuleSet {
  rules: QualityRule[];
}

export type CleanseStep =
  | { kind: 'trim'; columns: string[] }
  | { kind: 'half_width'; columns: string[] }
  | { kind: 'case'; columns: string[]; to: 'upper' | 'lower' }
  | { kind: 'date'; columns: string[] }
  | {
      kind: 'map';
      column: string;
      pairs: { from: string; to: string }[];
      dataset?: { datasetId: string; fromColumn: string; toColumn: string };
    }
  | { kind: 'dedupe'; keyColumns: string[]; survivor: 'first' | 'last' | 'most_complete' | 'latest'; orderColumn?: string };
export type StepKind = CleanseStep['kind'];
export interface CleanseRecipe {
  steps: CleanseStep[];
}

export type ProfileStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface ProfileRun {
  id: string;
  assetId: string;
  status: ProfileStatus;
  jobId: string | null;
  progress: number | null;
  rows: number | null;
  columns: number | null;
  qualityScore: number | null;
  missingRatio: number | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface DataAsset {
  id: string;
  projectId: string;
  name: string;
  businessOwner: string;
  businessOwnerName: string;
  systemOfOrigin: string;
  storage: 'local' | 'cloud';
  format: string;
  notes: string;
  source: {
    kind: 'upload' | 'connection';
    uploadId: string | null;
    fileName: string | null;
    connectionId: string | null;
    connectionName: string | null;
    table: string | null;
    query: string | null;
  };
  encoding: string | null;
  sheet: string | null;
  keyColumns: string[];
  derivedFrom: string | null;
  ruleSet: RuleSet;
  recipe: CleanseRecipe;
  latestRun: ProfileRun | null;
  createdAt: string;
  updatedAt: string;
}

export interface CreateAssetInput {
  name: string;
  businessOwner?: string;
  systemOfOrigin?: string;
  storage?: 'local' | 'cloud';
  notes?: string;
  source: { kind: 'upload'; uploadId: string } | { kind: 'connection'; connectionId: string; table?: string; query?: string };
  encoding?: 'utf-8' | 'gbk' | 'gb18030' | null;
  keyColumns?: string[];
  profile?: boolean;
}

/** The engine's profile (see `golive profile --json`), the fields the page shows. */
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
export interface ProfileRunDetail extends ProfileRun {
  profile: SourceProfile | null;
}

export interface RuleOutcome {
  ruleId: string;
  kind: string;
  column: string;
  label: string;
  failing: number;
}
export interface RuleRun {
  id: string;
  assetId: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  jobId: string | null;
  rows: number | null;
  failuresTotal: number;
  rules: RuleOutcome[];
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}
export interface RuleFailure {
  seq: number;
  ruleId: string;
  row: number;
  key: string;
  column: string;
  value: string | null;
  reason: string;
}

export interface CleansePreview {
  columns: string[];
  rowsBefore: number;
  rowsAfter: number;
  duplicatesRemoved: number;
  changedCells: { column: string; changed: number }[];
  samples: { row: number; before: (string | null)[]; after: (string | null)[] | null }[];
}
