/** Table types of the migration module (see the storage conventions in schema.ts). */

/** A migration object (会计科目, 客户, 期初余额, …): source, field mapping, target, dependencies. */
export interface MigrationObjectTable {
  id: string;
  project_id: string;
  /** Unique per project. */
  name: string;
  /** 'master' | 'opening' | 'open_transactions' | 'history' */
  category: string;
  /** Order within the category when dependencies allow (lower first). */
  sort_weight: number;
  description: string;
  /** JSON array of migration_object ids this object needs loaded first. */
  depends_on: string;
  /** JSON source reference (asset or upload), null = not configured. */
  source: string | null;
  /** JSON target (saved connection + table, or a CSV/XLSX template), null = not configured. */
  target: string | null;
  /** JSON array of field mapping entries (target column ← source column / constant / value map / key map). */
  mapping: string;
  /** JSON array of source columns forming the legacy key of the key map. */
  key_columns: string;
  /** JSON array of target columns summed by the after-load check. */
  sum_columns: string;
  /** 'skip' | 'stop' */
  on_error: string;
  batch_size: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A plan run (simulate or real) over the objects in load order, executed by the `migration.run` job. */
export interface MigrationRunTable {
  id: string;
  project_id: string;
  /** 1, 2, 3 … per project (typed to confirm a rollback of the run). */
  number: number;
  /** 'simulate' | 'real' */
  mode: string;
  /** 'queued' | 'running' | 'succeeded' | 'failed' | 'rolling_back' | 'rolled_back' */
  status: string;
  job_id: string | null;
  error: string | null;
  created_by: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  rolled_back_at: string | null;
}

/** One object of a run: one engine batch. */
export interface MigrationBatchTable {
  id: string;
  project_id: string;
  run_id: string;
  object_id: string | null;
  object_name: string;
  seq: number;
  /** The engine's batch id (golive_batch.id in the target); null for file targets and failures. */
  engine_batch_id: string | null;
  target_label: string;
  /** JSON copy of the object's target at run time (rollback uses it). */
  target: string | null;
  /** 'pending' | 'loaded' | 'simulated' | 'stopped' | 'failed' | 'skipped' | 'rolled_back' */
  status: string;
  source_rows: number | null;
  loaded: number | null;
  rejected: number | null;
  skipped_existing: number | null;
  rejects_path: string | null;
  output_path: string | null;
  message: string | null;
  /** JSON after-load check (counts and sums, source vs target). */
  check_result: string | null;
  started_at: string | null;
  finished_at: string | null;
  rolled_back_at: string | null;
  rolled_back_by: string | null;
}

/** Legacy key → new key of one accepted row of a batch. */
export interface MigrationKeyMapTable {
  id: string;
  project_id: string;
  object_id: string;
  batch_id: string;
  row_number: number;
  legacy_key: string;
  new_key: string;
}

/** A rollback of a run or of one batch, carried out by the `migration.rollback` job. */
export interface MigrationRollbackTable {
  id: string;
  project_id: string;
  run_id: string;
  /** Null = the whole run. */
  batch_id: string | null;
  job_id: string | null;
  /** 'queued' | 'running' | 'succeeded' | 'failed' */
  status: string;
  result: string | null;
  error: string | null;
  created_by: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface MigrationTables {
  migration_object: MigrationObjectTable;
  migration_run: MigrationRunTable;
  migration_batch: MigrationBatchTable;
  migration_key_map: MigrationKeyMapTable;
  migration_rollback: MigrationRollbackTable;
}
