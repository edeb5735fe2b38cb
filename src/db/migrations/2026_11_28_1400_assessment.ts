import type { Kysely } from 'kysely';

// Frozen once landed: later changes go into a new migration file.
// Column types are chosen to mean the same on SQLite and PostgreSQL (see src/db/schema.ts).

/** assessment (调研): process maps, bottlenecks, user roles, environment, probes, report versions. */
export async function up(db: Kysely<unknown>): Promise<void> {
  void db; // SCAFFOLD: tables are added by the module's owner before this lands
}
