import type { Kysely } from 'kysely';

// Frozen once landed: later changes go into a new migration file.
// Column types are chosen to mean the same on SQLite and PostgreSQL (see src/db/schema.ts).

/** Data migration (上线 → 数据迁移): migration objects, dependencies, field mappings, runs and batches. */
export async function up(db: Kysely<unknown>): Promise<void> {
  void db; // SCAFFOLD: tables are added by the module's owner before this lands
}
