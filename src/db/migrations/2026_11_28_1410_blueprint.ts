import type { Kysely } from 'kysely';

// Frozen once landed: later changes go into a new migration file.
// Column types are chosen to mean the same on SQLite and PostgreSQL (see src/db/schema.ts).

/** blueprint (蓝图): requirements (fit-gap), custom-development approvals, prototypes, thresholds, versions and sign-off. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('requirement')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('module', 'text', (c) => c.notNull())
    .addColumn('department', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('process_map_id', 'text')
    .addColumn('process_element_id', 'text')
    .addColumn('process_step_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('resolution', 'text', (c) => c.notNull())
    .addColumn('config_kind', 'text')
    .addColumn('process_change_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('gap_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('justification', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('effort_days', 'double precision')
    .addColumn('upgrade_impact', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('created_by', 'text', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('requirement_code_uq', ['project_id', 'code'])
    .execute();

  await db.schema
    .createTable('requirement_approval')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('requirement_id', 'text', (c) => c.notNull().references('requirement.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('requested_by_name', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('decided_by_name', 'text')
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema
    .createIndex('requirement_approval_req_idx')
    .on('requirement_approval')
    .columns(['requirement_id', 'requested_at'])
    .execute();

  // No foreign key to requirement: prototypes outlive their requirement for the versions that show them.
  await db.schema
    .createTable('requirement_prototype')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('requirement_id', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('width_px', 'integer', (c) => c.notNull())
    .addColumn('height_px', 'integer', (c) => c.notNull())
    .addColumn('caption', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('content_base64', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema
    .createIndex('requirement_prototype_req_idx')
    .on('requirement_prototype')
    .columns(['project_id', 'requirement_id'])
    .execute();

  await db.schema
    .createTable('blueprint_settings')
    .addColumn('project_id', 'text', (c) => c.primaryKey().references('project.id').onDelete('cascade'))
    .addColumn('max_custom_share', 'double precision', (c) => c.notNull())
    .addColumn('max_custom_effort_days', 'double precision', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('blueprint_version')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('snapshot_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('approved_at', 'text')
    .addUniqueConstraint('blueprint_version_number_uq', ['project_id', 'number'])
    .execute();

  await db.schema
    .createTable('blueprint_signoff')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('version_id', 'text', (c) => c.notNull().references('blueprint_version.id').onDelete('cascade'))
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('signer_name', 'text', (c) => c.notNull())
    .addColumn('member_role', 'text')
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('blueprint_signoff_side_uq', ['version_id', 'side'])
    .execute();
}
