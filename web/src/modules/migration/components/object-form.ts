import type { MappingEntry, MigrationCategory, MigrationObject, MigrationObjectInput, MigrationSource, MigrationTarget } from '../types';

/** The values of the object editor's form. */
export interface ObjectFormValues {
  name: string;
  category: MigrationCategory;
  sortWeight: number;
  description: string;
  dependsOn: string[];
  sourceType: 'none' | 'asset' | 'upload';
  assetId?: string;
  cleansed: boolean;
  uploadId?: string;
  targetType: 'none' | 'connection' | 'file';
  connectionId?: string;
  table?: string;
  fileFormat: 'csv' | 'xlsx';
  fileColumns: string;
  fileKeyColumns: string[];
  keyColumns: string[];
  sumColumns: string[];
  onError: 'skip' | 'stop';
  batchSize: number;
}

/** The form values for an object, or a new one's defaults. */
export function initialValues(object: MigrationObject | null): ObjectFormValues {
  const source = object?.source ?? null;
  const target = object?.target ?? null;
  return {
    name: object?.name ?? '',
    category: object?.category ?? 'master',
    sortWeight: object?.sortWeight ?? 0,
    description: object?.description ?? '',
    dependsOn: object?.dependsOn.map((d) => d.id) ?? [],
    sourceType: source?.type ?? 'none',
    assetId: source?.type === 'asset' ? source.assetId : undefined,
    // The document marks `cleansed` and `keyColumns` optional (server defaults false and []).
    cleansed: source?.type === 'asset' ? (source.cleansed ?? false) : false,
    uploadId: source?.type === 'upload' ? source.uploadId : undefined,
    targetType: target?.type ?? 'none',
    connectionId: target?.type === 'connection' ? target.connectionId : undefined,
    table: target?.type === 'connection' ? target.table : undefined,
    fileFormat: target?.type === 'file' ? target.format : 'csv',
    fileColumns: target?.type === 'file' ? target.columns.join(', ') : '',
    fileKeyColumns: target?.type === 'file' ? (target.keyColumns ?? []) : [],
    keyColumns: object?.keyColumns ?? [],
    sumColumns: object?.sumColumns ?? [],
    onError: object?.onError ?? 'skip',
    batchSize: object?.batchSize ?? 50000,
  };
}

/** Column names typed as a comma (or newline) separated list. */
export const splitColumns = (text: string): string[] =>
  text
    .split(/[,，\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** The object the form describes, with the mapping entries the table holds. */
export function toObjectInput(v: ObjectFormValues, mapping: MappingEntry[]): MigrationObjectInput {
  const source: MigrationSource | null =
    v.sourceType === 'upload' && v.uploadId
      ? { type: 'upload', uploadId: v.uploadId }
      : v.sourceType === 'asset' && v.assetId
        ? { type: 'asset', assetId: v.assetId, cleansed: v.cleansed }
        : null;
  const target: MigrationTarget | null =
    v.targetType === 'connection' && v.connectionId && v.table
      ? { type: 'connection', connectionId: v.connectionId, table: v.table }
      : v.targetType === 'file'
        ? { type: 'file', format: v.fileFormat, columns: splitColumns(v.fileColumns), keyColumns: v.fileKeyColumns ?? [] }
        : null;
  return {
    name: v.name,
    category: v.category,
    sortWeight: v.sortWeight ?? 0,
    description: v.description ?? '',
    dependsOn: v.dependsOn ?? [],
    source,
    target,
    mapping,
    keyColumns: v.keyColumns ?? [],
    sumColumns: v.sumColumns ?? [],
    onError: v.onError,
    batchSize: v.batchSize,
  };
}
