import { z } from '@hono/zod-openapi';
import { pathIdSchema } from '../../server/common-schemas';

const idSchema = z.string().min(1).max(64);
export const projectIdParam = z.object({ id: pathIdSchema('id') });
export const objectParamsSchema = projectIdParam.extend({ objectId: pathIdSchema('objectId') });
export const runParamsSchema = projectIdParam.extend({ runId: pathIdSchema('runId') });
export const batchParamsSchema = projectIdParam.extend({ batchId: pathIdSchema('batchId') });
export const connectionParamsSchema = projectIdParam.extend({ connectionId: pathIdSchema('connectionId') });

/** Categories in load order: master data first, history last. */
export const MIGRATION_CATEGORIES = ['master', 'opening', 'open_transactions', 'history'] as const;
export type MigrationCategory = (typeof MIGRATION_CATEGORIES)[number];

/** Where an object's rows come from: a data asset (optionally after its cleansing recipe) or an upload. */
export const migrationSourceSchema = z
  .discriminatedUnion('type', [
    z
      .object({
        type: z.literal('asset'),
        assetId: idSchema,
        /** Use the asset after its cleansing recipe (materialized to a CSV at run time). */
        cleansed: z.boolean().default(false),
      })
      .strict(),
    z
      .object({
        type: z.literal('upload'),
        uploadId: idSchema,
        sheet: z.string().trim().min(1).max(100).optional(),
        encoding: z.string().trim().min(1).max(20).optional(),
      })
      .strict(),
  ])
  .openapi('MigrationSource');
export type MigrationSource = z.output<typeof migrationSourceSchema>;

const columnName = z.string().trim().min(1).max(128);

/** Where an object's rows go: a table of a saved PostgreSQL/SQLite connection, or an import template file. */
export const migrationTargetSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('connection'), connectionId: idSchema, table: z.string().trim().min(1).max(200) }).strict(),
    z
      .object({
        type: z.literal('file'),
        format: z.enum(['csv', 'xlsx']),
        /** The import template's columns, in its header order. */
        columns: z.array(columnName).min(1).max(500),
        /** Template columns that identify a row (the "new key"); default the first column. */
        keyColumns: z.array(columnName).max(10).default([]),
      })
      .strict(),
  ])
  .openapi('MigrationTarget');
export type MigrationTarget = z.output<typeof migrationTargetSchema>;

/** How one target column is filled. */
export const mappingEntrySchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('column'), target: columnName, source: columnName }).strict(),
    z.object({ kind: z.literal('constant'), target: columnName, value: z.string().max(4000) }).strict(),
    z
      .object({
        kind: z.literal('value_map'),
        target: columnName,
        source: columnName,
        /** Legacy value → new value; a value not in the map rejects the row. */
        values: z.record(z.string(), z.string()),
      })
      .strict(),
    z
      .object({
        kind: z.literal('key_map'),
        target: columnName,
        source: columnName,
        /** The object whose key map turns the legacy key into the new key (must be a dependency). */
        objectId: idSchema,
      })
      .strict(),
  ])
  .openapi('MigrationMappingEntry');
export type MappingEntry = z.output<typeof mappingEntrySchema>;

const objectFields = {
  name: z.string().trim().min(1).max(100),
  category: z.enum(MIGRATION_CATEGORIES),
  sortWeight: z.number().int().min(-1000).max(1000),
  description: z.string().trim().max(2000),
  dependsOn: z.array(idSchema).max(100),
  // Unions, not .nullable(): .nullable() on a named schema makes the named schema itself nullable in the document.
  source: z.union([migrationSourceSchema, z.null()]),
  target: z.union([migrationTargetSchema, z.null()]),
  mapping: z.array(mappingEntrySchema).max(500),
  keyColumns: z.array(columnName).max(10),
  sumColumns: z.array(columnName).max(20),
  onError: z.enum(['skip', 'stop']),
  batchSize: z.number().int().min(100).max(1_000_000),
};

export const createObjectBodySchema = z
  .object({
    name: objectFields.name,
    category: objectFields.category,
    sortWeight: objectFields.sortWeight.default(0),
    description: objectFields.description.default(''),
    dependsOn: objectFields.dependsOn.default([]),
    source: objectFields.source.default(null),
    target: objectFields.target.default(null),
    mapping: objectFields.mapping.default([]),
    keyColumns: objectFields.keyColumns.default([]),
    sumColumns: objectFields.sumColumns.default([]),
    onError: objectFields.onError.default('skip'),
    batchSize: objectFields.batchSize.default(50_000),
  })
  .strict()
  .openapi('CreateMigrationObject');
export type CreateObjectInput = z.output<typeof createObjectBodySchema>;

export const updateObjectBodySchema = z
  .object({
    name: objectFields.name.optional(),
    category: objectFields.category.optional(),
    sortWeight: objectFields.sortWeight.optional(),
    description: objectFields.description.optional(),
    dependsOn: objectFields.dependsOn.optional(),
    source: objectFields.source.optional(),
    target: objectFields.target.optional(),
    mapping: objectFields.mapping.optional(),
    keyColumns: objectFields.keyColumns.optional(),
    sumColumns: objectFields.sumColumns.optional(),
    onError: objectFields.onError.optional(),
    batchSize: objectFields.batchSize.optional(),
  })
  .strict()
  .openapi('UpdateMigrationObject');
export type UpdateObjectInput = z.output<typeof updateObjectBodySchema>;

export const objectViewSchema = z
  .object({
    id: z.string(),
    projectId: z.string(),
    name: z.string(),
    category: z.enum(MIGRATION_CATEGORIES),
    sortWeight: z.number(),
    description: z.string(),
    dependsOn: z.array(z.object({ id: z.string(), name: z.string() })),
    source: z.union([migrationSourceSchema, z.null()]),
    sourceLabel: z.string().nullable(),
    target: z.union([migrationTargetSchema, z.null()]),
    targetLabel: z.string().nullable(),
    mapping: z.array(mappingEntrySchema),
    keyColumns: z.array(z.string()),
    sumColumns: z.array(z.string()),
    onError: z.enum(['skip', 'stop']),
    batchSize: z.number(),
    /** Problems that keep the object from running (no source, no target, no mapping). */
    issues: z.array(z.string()),
    lastBatch: z
      .object({ id: z.string(), runId: z.string(), status: z.string(), loaded: z.number().nullable(), finishedAt: z.string().nullable() })
      .nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('MigrationObject');
export type ObjectView = z.infer<typeof objectViewSchema>;

export const planViewSchema = z
  .object({
    /** Objects in load order. */
    order: z.array(
      z.object({
        seq: z.number(),
        id: z.string(),
        name: z.string(),
        category: z.enum(MIGRATION_CATEGORIES),
        /** Longest chain of dependencies below the object (0 = depends on nothing). */
        level: z.number(),
        dependsOn: z.array(z.string()),
        ready: z.boolean(),
      }),
    ),
    edges: z.array(z.object({ from: z.string(), to: z.string() })),
  })
  .openapi('MigrationPlan');
export type PlanView = z.infer<typeof planViewSchema>;

/** The after-load check of one batch: source (after mapping) vs the target rows golive loaded for the object. */
export const checkResultSchema = z
  .object({
    ok: z.boolean(),
    sourceRows: z.number(),
    targetRows: z.number(),
    missingInTarget: z.number(),
    extraInTarget: z.number(),
    sums: z.array(z.object({ column: z.string(), source: z.string(), target: z.string(), ok: z.boolean() })),
    message: z.string().nullable(),
  })
  .openapi('MigrationCheck');
export type CheckResult = z.infer<typeof checkResultSchema>;

export const batchViewSchema = z
  .object({
    id: z.string(),
    runId: z.string(),
    objectId: z.string().nullable(),
    objectName: z.string(),
    seq: z.number(),
    engineBatchId: z.string().nullable(),
    targetLabel: z.string(),
    status: z.string(),
    sourceRows: z.number().nullable(),
    loaded: z.number().nullable(),
    rejected: z.number().nullable(),
    skippedExisting: z.number().nullable(),
    hasRejects: z.boolean(),
    hasOutput: z.boolean(),
    message: z.string().nullable(),
    check: z.union([checkResultSchema, z.null()]),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    rolledBackAt: z.string().nullable(),
  })
  .openapi('MigrationBatch');
export type BatchView = z.infer<typeof batchViewSchema>;

export const rollbackViewSchema = z
  .object({
    id: z.string(),
    runId: z.string(),
    batchId: z.string().nullable(),
    jobId: z.string().nullable(),
    status: z.string(),
    error: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi('MigrationRollback');
export type RollbackView = z.infer<typeof rollbackViewSchema>;

export const runViewSchema = z
  .object({
    id: z.string(),
    number: z.number(),
    mode: z.enum(['simulate', 'real']),
    status: z.string(),
    jobId: z.string().nullable(),
    error: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    rolledBackAt: z.string().nullable(),
    batches: z.array(batchViewSchema),
    rollbacks: z.array(rollbackViewSchema),
  })
  .openapi('MigrationRun');
export type RunView = z.infer<typeof runViewSchema>;

export const startRunBodySchema = z
  .object({
    mode: z.enum(['simulate', 'real']),
    /** Objects to run (their dependencies must be loaded already or included); default all. */
    objectIds: z.array(idSchema).max(200).optional(),
  })
  .strict()
  .openapi('StartMigrationRun');

export const rollbackBodySchema = z
  .object({
    /** For a run: its number; for a batch: the object's name — typed to confirm. */
    confirm: z.string().trim().min(1).max(100),
  })
  .strict()
  .openapi('MigrationRollbackRequest');

export const targetColumnViewSchema = z
  .object({ name: z.string(), type: z.string(), notNull: z.boolean(), hasDefault: z.boolean(), primaryKey: z.boolean() })
  .openapi('MigrationTargetColumn');

export const keyMapViewSchema = z
  .object({
    total: z.number(),
    items: z.array(
      z.object({ legacyKey: z.string(), newKey: z.string(), batchId: z.string(), runNumber: z.number(), rowNumber: z.number() }),
    ),
  })
  .openapi('MigrationKeyMapPage');
