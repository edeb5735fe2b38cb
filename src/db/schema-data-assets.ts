/** Table types of the data-assets module (see the storage conventions in schema.ts). */

/** A registered data asset (调研 → 数据资产): an uploaded file or a saved connection's table/query. */
export interface DataAssetTable {
  id: string;
  project_id: string;
  /** Unique per project. */
  name: string;
  /** Free text or a project_member id. */
  business_owner: string;
  system_of_origin: string;
  /** 'local' | 'cloud' */
  storage: string;
  /** csv, xlsx, table, query, … */
  format: string;
  notes: string;
  /** 'upload' | 'connection' */
  source_kind: string;
  upload_id: string | null;
  connection_id: string | null;
  table_name: string | null;
  query: string | null;
  /** CSV encoding override (utf-8, gbk, …); null = sniffed. */
  encoding: string | null;
  sheet: string | null;
  /** JSON array of column names. */
  key_columns: string;
  /** The asset this one was cleaned from (derived assets only). */
  derived_from: string | null;
  /** JSON rule set (see src/engines/quality/rule-set.ts); null = none. */
  rule_set: string | null;
  /** JSON cleansing recipe (see src/engines/quality/recipe.ts); null = none. */
  recipe: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** One profile of an asset (kept per run, so the score trend is visible). */
export interface DataAssetProfileRunTable {
  id: string;
  project_id: string;
  asset_id: string;
  /** 'queued' | 'running' | 'succeeded' | 'failed' */
  status: string;
  job_id: string | null;
  rows: number | null;
  columns: number | null;
  quality_score: number | null;
  /** Share of null / empty / blank cells over all cells. */
  missing_ratio: number | null;
  /** The engine's full SourceProfile as JSON. */
  result: string | null;
  error: string | null;
  created_by: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

/** One run of an asset's rule set. */
export interface DataAssetRuleRunTable {
  id: string;
  project_id: string;
  asset_id: string;
  /** 'queued' | 'running' | 'succeeded' | 'failed' */
  status: string;
  job_id: string | null;
  rows: number | null;
  failures_total: number;
  /** JSON: per rule { ruleId, kind, column, label, failing }. */
  summary: string;
  /** The rule set that ran (JSON snapshot). */
  rule_set: string;
  error: string | null;
  created_by: string | null;
  created_at: string;
  finished_at: string | null;
}

/** Every failing row of a rule run (no cap). */
export interface DataAssetRuleFailureTable {
  run_id: string;
  seq: number;
  rule_id: string;
  row_number: number;
  key_text: string;
  column_name: string;
  value: string | null;
  reason: string;
}

export interface DataAssetTables {
  data_asset: DataAssetTable;
  data_asset_profile_run: DataAssetProfileRunTable;
  data_asset_rule_run: DataAssetRuleRunTable;
  data_asset_rule_failure: DataAssetRuleFailureTable;
}
