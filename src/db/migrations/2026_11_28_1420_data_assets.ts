import type { Kysely } from 'kysely';

// Frozen once landed: later changes go into a new migration file.
// Column types are chosen to mean the same on SQLite and PostgreSQL (see src/db/schema.ts).

/** data assets (调研 → 数据资产): inventory, profile runs, rule runs with every failing row; rules and recipes live on the asset. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('data_asset')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('business_owner', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('system_of_origin', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('storage', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('upload_id', 'text')
    .addColumn('connection_id', 'text')
    .addColumn('table_name', 'text')
    .addColumn('query', 'text')
    .addColumn('encoding', 'text')
    .addColumn('sheet', 'text')
    .addColumn('key_columns', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('derived_from', 'text')
    .addColumn('rule_set', 'text')
    .addColumn('recipe', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('data_asset_name_uq', ['project_id', 'name'])
    .execute();

  await db.schema
    .createTable('data_asset_profile_run')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('asset_id', 'text', (c) => c.notNull().references('data_asset.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('job_id', 'text')
    .addColumn('rows', 'integer')
    .addColumn('columns', 'integer')
    .addColumn('quality_score', 'double precision')
    .addColumn('missing_ratio', 'double precision')
    .addColumn('result', 'text')
    .addColumn('error', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema
    .createIndex('data_asset_profile_run_asset_idx')
    .on('data_asset_profile_run')
    .columns(['asset_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('data_asset_rule_run')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('asset_id', 'text', (c) => c.notNull().references('data_asset.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('job_id', 'text')
    .addColumn('rows', 'integer')
    .addColumn('failures_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('rule_set', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('data_asset_rule_run_asset_idx').on('data_asset_rule_run').columns(['asset_id', 'created_at']).execute();

  await db.schema
    .createTable('data_asset_rule_failure')
    .addColumn('run_id', 'text', (c) => c.notNull().references('data_asset_rule_run.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('row_number', 'integer', (c) => c.notNull())
    .addColumn('key_text', 'text', (c) => c.notNull())
    .addColumn('column_name', 'text', (c) => c.notNull())
    .addColumn('value', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('data_asset_rule_failure_pk', ['run_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('data_asset_rule_failure_rule_idx')
    .on('data_asset_rule_failure')
    .columns(['run_id', 'rule_id', 'seq'])
    .execute();
}
