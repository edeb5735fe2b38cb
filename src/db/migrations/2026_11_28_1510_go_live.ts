import type { Kysely } from 'kysely';

// Frozen once landed: later changes go into a new migration file.
// Column types are chosen to mean the same on SQLite and PostgreSQL (see src/db/schema.ts).

/** Go/no-go (上线 → 上线决策): the go-live checklist and the recorded decisions. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('go_live_check')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('owner_member_id', 'text', (c) => c.references('project_member.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by_name', 'text')
    .execute();

  await db.schema
    .createTable('go_live_decision')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('conditions', 'text', (c) => c.notNull())
    .addColumn('go_live_date', 'text')
    .addColumn('criteria', 'text', (c) => c.notNull())
    .addColumn('ready', 'integer', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_by_name', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .execute();
}
