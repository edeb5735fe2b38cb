import type { Kysely } from 'kysely';

// Frozen once landed: later changes go into a new migration file.
// Column types are chosen to mean the same on SQLite and PostgreSQL (see src/db/schema.ts).

/**
 * Rollout (5. 实施): the waves (pilot first), the project plan (WBS tasks, dependencies, the working
 * calendar, per-member calendar exceptions) and its named baselines.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rollout_wave')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('departments', 'text', (c) => c.notNull())
    .addColumn('modules', 'text', (c) => c.notNull())
    .addColumn('sites', 'text', (c) => c.notNull())
    .addColumn('planned_start', 'text')
    .addColumn('go_live_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('plan_settings')
    .addColumn('project_id', 'text', (c) => c.primaryKey().references('project.id').onDelete('cascade'))
    .addColumn('start_date', 'text')
    .addColumn('calendar', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('plan_task')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('uid', 'integer', (c) => c.notNull())
    .addColumn('parent_id', 'text')
    .addColumn('wave_id', 'text', (c) => c.references('rollout_wave.id').onDelete('set null'))
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('owner_member_id', 'text', (c) => c.references('project_member.id').onDelete('set null'))
    .addColumn('duration_days', 'double precision', (c) => c.notNull())
    .addColumn('constraint_type', 'text')
    .addColumn('constraint_date', 'text')
    .addColumn('progress', 'integer', (c) => c.notNull())
    .addColumn('actual_start', 'text')
    .addColumn('actual_finish', 'text')
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_task_project_uid').on('plan_task').columns(['project_id', 'uid']).unique().execute();

  await db.schema
    .createTable('plan_dependency')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('predecessor_id', 'text', (c) => c.notNull().references('plan_task.id').onDelete('cascade'))
    .addColumn('successor_id', 'text', (c) => c.notNull().references('plan_task.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('lag_days', 'double precision', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_dependency_pair').on('plan_dependency').columns(['predecessor_id', 'successor_id']).unique().execute();

  await db.schema
    .createTable('plan_calendar_exception')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('project_member.id').onDelete('cascade'))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('working', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('plan_baseline')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('project_start', 'text', (c) => c.notNull())
    .addColumn('project_finish', 'text', (c) => c.notNull())
    .addColumn('tasks', 'text', (c) => c.notNull())
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_baseline_name').on('plan_baseline').columns(['project_id', 'name']).unique().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['plan_baseline', 'plan_calendar_exception', 'plan_dependency', 'plan_task', 'plan_settings', 'rollout_wave'])
    await db.schema.dropTable(table).execute();
}
