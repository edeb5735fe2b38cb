import type { DbExecutor } from '../../db/connection';
import type { MigrationObjectTable } from '../../db/schema-migration';

/** Every migration object of a project, by name. */
export async function listMigrationObjectRows(db: DbExecutor, projectId: string): Promise<MigrationObjectTable[]> {
  return db.selectFrom('migration_object').selectAll().where('project_id', '=', projectId).orderBy('name').execute();
}

/** A migration object of the project, if any. */
export async function findMigrationObjectRow(
  db: DbExecutor,
  projectId: string,
  objectId: string,
): Promise<MigrationObjectTable | undefined> {
  return db.selectFrom('migration_object').selectAll().where('id', '=', objectId).where('project_id', '=', projectId).executeTakeFirst();
}

/** The id of any one migration object of the project (undefined when it has none). */
export async function findAnyMigrationObjectIdRow(db: DbExecutor, projectId: string): Promise<{ id: string } | undefined> {
  return db.selectFrom('migration_object').select('id').where('project_id', '=', projectId).limit(1).executeTakeFirst();
}

/** Inserts a migration object. */
export async function insertMigrationObject(db: DbExecutor, row: MigrationObjectTable): Promise<void> {
  await db.insertInto('migration_object').values(row).execute();
}

/** Updates a migration object's fields. */
export async function updateMigrationObjectById(db: DbExecutor, objectId: string, changes: Partial<MigrationObjectTable>): Promise<void> {
  await db.updateTable('migration_object').set(changes).where('id', '=', objectId).execute();
}

/** Deletes a migration object (its key map rows must be deleted first). */
export async function deleteMigrationObjectById(db: DbExecutor, objectId: string): Promise<void> {
  await db.deleteFrom('migration_object').where('id', '=', objectId).execute();
}
