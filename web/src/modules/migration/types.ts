/** API types of 上线 → 数据迁移 (mirrors src/modules/migration/migration.schema.ts). */

export const MIGRATION_CATEGORIES = ['master', 'opening', 'open_transactions', 'history'] as const;
export type MigrationCategory = (typeof MIGRATION_CATEGORIES)[number];

export type MigrationSource =
  { type: 'asset'; assetId: string; cleansed: boolean } | { type: 'upload'; uploadId: string; sheet?: string; encoding?: string };

export type MigrationTarget =
  | { type: 'connection'; connectionId: string; table: string }
  | { type: 'file'; format: 'csv' | 'xlsx'; columns: string[]; keyColumns: string[] };

export type MappingEntry =
  | { kind: 'column'; target: string; source: string }
  | { kind: 'constant'; target: string; value: string }
  | { kind: 'value_map'; target: string; source: string; values: Record<string, string> }
  | { kind: 'key_map'; target: string; source: string; objectId: string };

export interface MigrationObjectInput {
  name: string;
  category: MigrationCategory;
  sortWeight: number;
  description: string;
  dependsOn: string[];
  source: MigrationSource | null;
  target: MigrationTarget | null;
  mapping: MappingEntry[];
  keyColumns: string[];
  sumColumns: string[];
  onError: 'skip' | 'stop';
  batchSize: number;
}

export interface MigrationObject extends Omit<MigrationObjectInput, 'dependsOn'> {
  id: string;
  projectId: string;
  dependsOn: { id: string; name: string }[];
  sourceLabel: string | null;
  targetLabel: string | null;
  issues: string[];
  lastBatch: { id: string; runId: string; status: string; loaded: number | null; finishedAt: string | null } | null;
  createdAt: string;
  updatedAt: string;
}

export interface MigrationPlan {
  order: { seq: number; id: string; name: string; category: MigrationCategory; level: number; dependsOn: string[]; ready: boolean }[];
  edges: { from: string; to: string }[];
}

export interface MigrationCheck {
  ok: boolean;
  sourceRows: number;
  targetRows: number;
  missingInTarget: number;
  extraInTarget: number;
  sums: { column: string; source: string; target: string; ok: boolean }[];
  message: string | null;
}

export interface MigrationBatch {
  id: string;
  runId: string;
  objectId: string | null;
  objectName: string;
  seq: number;
  engineBatchId: string | null;
  targetLabel: string;
  status: string;
  sourceRows: number | null;
  loaded: number | null;
  rejected: number | null;
  skippedExisting: number | null;
  hasRejects: boolean;
  hasOutput: boolean;
  message: string | null;
  check: MigrationCheck | null;
  startedAt: string | null;
  finishedAt: string | null;
  rolledBackAt: string | null;
}

export interface MigrationRollback {
  id: string;
  runId: string;
  batchId: string | null;
  jobId: string | null;
  status: string;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface MigrationRun {
  id: string;
  number: number;
  mode: 'simulate' | 'real';
  status: string;
  jobId: string | null;
  error: string | null;
  createdBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  rolledBackAt: string | null;
  batches: MigrationBatch[];
  rollbacks: MigrationRollback[];
}

export interface TargetColumn {
  name: string;
  type: string;
  notNull: boolean;
  hasDefault: boolean;
  primaryKey: boolean;
}

export interface KeyMapPage {
  total: number;
  items: { legacyKey: string; newKey: string; batchId: string; runNumber: number; rowNumber: number }[];
}

/** A data asset as the picker needs it (the data-assets module's list). */
export interface AssetOption {
  id: string;
  name: string;
}
