import type { Kysely } from 'kysely';

// Frozen once landed: later changes go into a new migration file.
// Column types are chosen to mean the same on SQLite and PostgreSQL (see src/db/schema.ts).

/** assessment (调研): process maps, bottlenecks, user roles, environment, probes, report versions. */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Shared shape: the blueprint and report modules read process_map (as-is and to-be maps).
  await db.schema
    .createTable('process_map')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('bpmn_xml', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('process_map_name_uq', ['project_id', 'stage', 'department', 'name'])
    .execute();
  await db.schema.createIndex('process_map_project_idx').on('process_map').columns(['project_id', 'stage']).execute();

  await db.schema
    .createTable('process_bottleneck')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('process_id', 'text', (c) => c.notNull().references('process_map.id').onDelete('cascade'))
    .addColumn('element_id', 'text', (c) => c.notNull())
    .addColumn('step_name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('duration_hours', 'double precision', (c) => c.notNull())
    .addColumn('volume_per_month', 'double precision', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('process_bottleneck_element_uq', ['process_id', 'element_id'])
    .execute();

  await db.schema
    .createTable('assessment_settings')
    .addColumn('project_id', 'text', (c) => c.primaryKey().references('project.id').onDelete('cascade'))
    .addColumn('hourly_labour_cost', 'double precision', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // Shared shape: the permission-matrix and training work read assessment_role.
  await db.schema
    .createTable('assessment_role')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('headcount', 'integer', (c) => c.notNull())
    .addColumn('main_tasks', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('current_systems', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('assessment_role_name_uq', ['project_id', 'department', 'name'])
    .execute();

  await db.schema
    .createTable('env_requirement')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    // 'min' | 'max' | 'one_of' | 'min_version'
    .addColumn('operator', 'text', (c) => c.notNull())
    .addColumn('threshold', 'double precision')
    .addColumn('unit', 'text', (c) => c.notNull().defaultTo(''))
    // JSON array: allowed values (one_of) or product → minimum version (min_version, JSON object)
    .addColumn('allowed', 'text', (c) => c.notNull().defaultTo('[]'))
    // Warn band as a fraction of the threshold (0.2 = within 20 % below a minimum / above a maximum)
    .addColumn('warn_band', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('env_requirement_metric_uq', ['project_id', 'metric'])
    .execute();

  await db.schema
    .createTable('env_site')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('env_site_name_uq', ['project_id', 'name'])
    .execute();

  await db.schema
    .createTable('env_fact')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('site_id', 'text', (c) => c.notNull().references('env_site.id').onDelete('cascade'))
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('env_fact_metric_uq', ['site_id', 'metric'])
    .execute();

  await db.schema
    .createTable('env_probe_result')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('member_id', 'text')
    .addColumn('user_id', 'text')
    .addColumn('submitted_by', 'text', (c) => c.notNull())
    .addColumn('site_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('browser_name', 'text', (c) => c.notNull())
    .addColumn('browser_version', 'text', (c) => c.notNull())
    .addColumn('os_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('screen_width', 'integer', (c) => c.notNull())
    .addColumn('screen_height', 'integer', (c) => c.notNull())
    .addColumn('device_pixel_ratio', 'double precision', (c) => c.notNull())
    .addColumn('rtt_samples', 'text', (c) => c.notNull())
    .addColumn('rtt_median_ms', 'double precision', (c) => c.notNull())
    .addColumn('download_mbps', 'double precision')
    .addColumn('user_agent', 'text', (c) => c.notNull())
    .addColumn('measured_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('env_probe_project_idx').on('env_probe_result').columns(['project_id', 'measured_at']).execute();

  await db.schema
    .createTable('assessment_report_version')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('version_number', 'integer', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text')
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('assessment_report_version_uq', ['project_id', 'version_number'])
    .execute();
}
