import type { Kysely } from 'kysely';

// Frozen once landed: later changes go into a new migration file.

/**
 * The project's time zone (IANA name): the zone its business dates are counted in and every time
 * is shown in, whatever zone the viewer's browser runs in. Existing projects are Chinese rollouts,
 * hence the default.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('project')
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('Asia/Shanghai'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('project').dropColumn('time_zone').execute();
}
