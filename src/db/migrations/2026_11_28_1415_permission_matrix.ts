import type { Kysely } from 'kysely';

// Frozen once landed: later changes go into a new migration file.
// Column types are chosen to mean the same on SQLite and PostgreSQL (see src/db/schema.ts).

/** Blueprint permission matrix (蓝图 → 权限矩阵): ERP roles, functions, grants with data scope, SoD rules. */
export async function up(db: Kysely<unknown>): Promise<void> {
  void db; // SCAFFOLD: tables are added by the module's owner before this lands
}
