import type { Kysely } from 'kysely';

// Frozen once landed: later changes go into a new migration file.
// Column types are chosen to mean the same on SQLite and PostgreSQL (see src/db/schema.ts).

/** Data migration (上线 → 数据迁移): migration objects, dependencies, field mappings, runs and batches. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('migration_object')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('sort_weight', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('depends_on', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('target', 'text')
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('key_columns', 'text', (c) => c.notNull())
    .addColumn('sum_columns', 'text', (c) => c.notNull())
    .addColumn('on_error', 'text', (c) => c.notNull())
    .addColumn('batch_size', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('migration_object_name_uq', ['project_id', 'name'])
    .execute();

  await db.schema
    .createTable('migration_run')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('job_id', 'text')
    .addColumn('error', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('rolled_back_at', 'text')
    .addUniqueConstraint('migration_run_number_uq', ['project_id', 'number'])
    .execute();

  // One row per object of a run: the engine's batch (its id is recorded in the target's golive_batch).
  await db.schema
    .createTable('migration_batch')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('run_id', 'text', (c) => c.notNull().references('migration_run.id').onDelete('cascade'))
    .addColumn('object_id', 'text', (c) => c.references('migration_object.id').onDelete('set null'))
    .addColumn('object_name', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('engine_batch_id', 'text')
    .addColumn('target_label', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('target', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source_rows', 'integer')
    .addColumn('loaded', 'integer')
    .addColumn('rejected', 'integer')
    .addColumn('skipped_existing', 'integer')
    .addColumn('rejects_path', 'text')
    .addColumn('output_path', 'text')
    .addColumn('message', 'text')
    .addColumn('check_result', 'text')
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('rolled_back_at', 'text')
    .addColumn('rolled_back_by', 'text')
    .execute();
  await db.schema.createIndex('migration_batch_run_idx').on('migration_batch').columns(['run_id', 'seq']).execute();
  await db.schema.createIndex('migration_batch_object_idx').on('migration_batch').columns(['object_id', 'status']).execute();

  // Legacy key → new key of every accepted row of a batch, for later objects' lookups.
  await db.schema
    .createTable('migration_key_map')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('object_id', 'text', (c) => c.notNull())
    .addColumn('batch_id', 'text', (c) => c.notNull().references('migration_batch.id').onDelete('cascade'))
    .addColumn('row_number', 'integer', (c) => c.notNull())
    .addColumn('legacy_key', 'text', (c) => c.notNull())
    .addColumn('new_key', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('migration_key_map_lookup_idx').on('migration_key_map').columns(['object_id', 'legacy_key']).execute();
  await db.schema.createIndex('migration_key_map_batch_idx').on('migration_key_map').columns(['batch_id']).execute();

  // A rollback request (of a whole run or one batch), carried out by a job.
  await db.schema
    .createTable('migration_rollback')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('run_id', 'text', (c) => c.notNull().references('migration_run.id').onDelete('cascade'))
    .addColumn('batch_id', 'text')
    .addColumn('job_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('result', 'text')
    .addColumn('error', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
}
