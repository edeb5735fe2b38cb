import type { Kysely } from 'kysely';

// Frozen once landed: later changes go into a new migration file.
// Column types are chosen to mean the same on SQLite and PostgreSQL (see src/db/schema.ts).

/** Dual-run reconciliation (上线 → 双轨运行): saved connections, specs, runs, differences, tracked items. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('data_connection')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('masked_url', 'text', (c) => c.notNull())
    .addColumn('url_encrypted', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('data_connection_name_uq', ['project_id', 'name'])
    .execute();

  await db.schema
    .createTable('reconcile_spec')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('left_source', 'text', (c) => c.notNull())
    .addColumn('right_source', 'text', (c) => c.notNull())
    .addColumn('comparison', 'text', (c) => c.notNull())
    .addColumn('schedule_cron', 'text', (c) => c.notNull())
    .addColumn('schedule_enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('schedule_anchor', 'text', (c) => c.notNull())
    .addColumn('exit_days', 'integer', (c) => c.notNull())
    .addColumn('webhook_format', 'text', (c) => c.notNull())
    .addColumn('webhook_url_encrypted', 'text')
    .addColumn('webhook_url_masked', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('reconcile_spec_name_uq', ['project_id', 'name'])
    .execute();

  await db.schema
    .createTable('reconcile_run')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('spec_id', 'text', (c) => c.notNull().references('reconcile_spec.id').onDelete('cascade'))
    .addColumn('job_id', 'text')
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('business_date', 'text', (c) => c.notNull())
    // Set for scheduled runs only; unique per spec so several schedulers enqueue a slot once.
    .addColumn('scheduled_for', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('differences_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status_counts', 'text')
    .addColumn('new_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('open_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('resolved_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .addColumn('webhook_status', 'text')
    .addColumn('webhook_error', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .addUniqueConstraint('reconcile_run_slot_uq', ['spec_id', 'scheduled_for'])
    .execute();
  await db.schema.createIndex('reconcile_run_spec_idx').on('reconcile_run').columns(['spec_id', 'created_at']).execute();

  // One row per difference of a run. `item_key` identifies the difference across runs
  // (status, column, key); `item_id` links it to its tracked lifecycle in reconcile_item.
  await db.schema
    .createTable('reconcile_difference')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('spec_id', 'text', (c) => c.notNull())
    .addColumn('run_id', 'text', (c) => c.notNull().references('reconcile_run.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text')
    .addColumn('track', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('column_name', 'text')
    .addColumn('key_text', 'text', (c) => c.notNull())
    .addColumn('key_json', 'text', (c) => c.notNull())
    .addColumn('left_value', 'text')
    .addColumn('right_value', 'text')
    .addColumn('delta', 'text')
    .addColumn('row_count', 'integer')
    .addColumn('row_number', 'integer')
    .execute();
  await db.schema.createIndex('reconcile_difference_run_idx').on('reconcile_difference').columns(['run_id', 'seq']).execute();
  await db.schema.createIndex('reconcile_difference_item_idx').on('reconcile_difference').columns(['run_id', 'item_key']).execute();
  await db.schema.createIndex('reconcile_difference_link_idx').on('reconcile_difference').columns(['item_id']).execute();

  // A difference's lifecycle: opened by the run that first saw it, resolved by the first run
  // without it. Explanations live here, so they carry over while the difference stays open.
  await db.schema
    .createTable('reconcile_item')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('spec_id', 'text', (c) => c.notNull().references('reconcile_spec.id').onDelete('cascade'))
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('column_name', 'text')
    .addColumn('key_text', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('first_run_id', 'text', (c) => c.notNull())
    .addColumn('first_business_date', 'text', (c) => c.notNull())
    .addColumn('resolved_run_id', 'text')
    .addColumn('explained', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('explanation', 'text')
    .addColumn('explained_by', 'text')
    .addColumn('explained_by_name', 'text')
    .addColumn('explained_at', 'text')
    .execute();
  await db.schema.createIndex('reconcile_item_open_idx').on('reconcile_item').columns(['spec_id', 'state', 'item_key']).execute();
  await db.schema.createIndex('reconcile_item_resolved_idx').on('reconcile_item').columns(['resolved_run_id']).execute();
}

/** Drops everything {@link up} created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['reconcile_item', 'reconcile_difference', 'reconcile_run', 'reconcile_spec', 'data_connection']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
