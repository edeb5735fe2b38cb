import type { Kysely } from 'kysely';

// Frozen once landed: later changes go into a new migration file.
// Column types are chosen to mean the same on SQLite and PostgreSQL (see src/db/schema.ts).

/** Blueprint permission matrix (蓝图 → 权限矩阵): ERP roles, functions, grants with data scope, SoD rules. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('permission_matrix_setup')
    .addColumn('project_id', 'text', (c) => c.primaryKey().references('project.id').onDelete('cascade'))
    .addColumn('seeded_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('erp_role')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    // No foreign key: assessment_role belongs to the assessment module and may be deleted independently.
    .addColumn('assessment_role_id', 'text')
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('erp_role_name_uq', ['project_id', 'name'])
    .execute();

  await db.schema
    .createTable('erp_function')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('module', 'text', (c) => c.notNull())
    .addColumn('menu', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('erp_function_uq', ['project_id', 'module', 'menu', 'action'])
    .execute();

  await db.schema
    .createTable('erp_role_grant')
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('role_id', 'text', (c) => c.notNull().references('erp_role.id').onDelete('cascade'))
    .addColumn('function_id', 'text', (c) => c.notNull().references('erp_function.id').onDelete('cascade'))
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('erp_role_grant_pk', ['role_id', 'function_id'])
    .execute();
  await db.schema.createIndex('erp_role_grant_project_idx').on('erp_role_grant').column('project_id').execute();

  await db.schema
    .createTable('erp_role_member')
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('role_id', 'text', (c) => c.notNull().references('erp_role.id').onDelete('cascade'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('project_member.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('erp_role_member_pk', ['role_id', 'member_id'])
    .execute();

  await db.schema
    .createTable('sod_rule')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('side_a', 'text', (c) => c.notNull())
    .addColumn('side_b', 'text', (c) => c.notNull())
    .addColumn('risk_level', 'text', (c) => c.notNull())
    .addColumn('risk_description', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('sod_rule_code_uq', ['project_id', 'code'])
    .execute();

  await db.schema
    .createTable('sod_mitigation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('rule_id', 'text', (c) => c.notNull().references('sod_rule.id').onDelete('cascade'))
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('compensating_control', 'text', (c) => c.notNull())
    .addColumn('approver', 'text', (c) => c.notNull())
    .addColumn('approved_on', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('sod_mitigation_uq', ['rule_id', 'subject_kind', 'subject_id'])
    .execute();
}
