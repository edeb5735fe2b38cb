import type { DbExecutor } from '../../db/connection';
import type { DataConnectionTable } from '../../db/schema';

/** A saved data connection as other modules see it: never its URL or secret. */
export interface ConnectionRef {
  id: string;
  name: string;
  kind: string;
}

/** A project's connections, by name. */
export async function listConnectionRows(db: DbExecutor, projectId: string): Promise<DataConnectionTable[]> {
  return db.selectFrom('data_connection').selectAll().where('project_id', '=', projectId).orderBy('name').execute();
}

/** One connection of the project, if any. */
export async function findConnectionRow(db: DbExecutor, projectId: string, connectionId: string): Promise<DataConnectionTable | undefined> {
  return db.selectFrom('data_connection').selectAll().where('id', '=', connectionId).where('project_id', '=', projectId).executeTakeFirst();
}

/** Whether another connection of the project (other than `exceptId`) already has this name. */
export async function connectionNameTaken(db: DbExecutor, projectId: string, name: string, exceptId?: string): Promise<boolean> {
  let query = db.selectFrom('data_connection').select('id').where('project_id', '=', projectId).where('name', '=', name);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** The masked URL of every connection of the project (how a YAML source finds its connection). */
export async function listConnectionMaskedUrls(db: DbExecutor, projectId: string): Promise<{ id: string; masked_url: string }[]> {
  return db.selectFrom('data_connection').select(['id', 'masked_url']).where('project_id', '=', projectId).execute();
}

/** Inserts a connection. */
export async function insertConnection(db: DbExecutor, row: DataConnectionTable): Promise<void> {
  await db.insertInto('data_connection').values(row).execute();
}

/** Applies changes to a connection. */
export async function updateConnectionRow(db: DbExecutor, connectionId: string, changes: Partial<DataConnectionTable>): Promise<void> {
  await db.updateTable('data_connection').set(changes).where('id', '=', connectionId).execute();
}

/** Deletes a connection. */
export async function deleteConnectionRow(db: DbExecutor, connectionId: string): Promise<void> {
  await db.deleteFrom('data_connection').where('id', '=', connectionId).execute();
}

/** A project's connection by id (name and kind only), or undefined. */
export async function findConnectionRef(db: DbExecutor, projectId: string, connectionId: string): Promise<ConnectionRef | undefined> {
  return db
    .selectFrom('data_connection')
    .select(['id', 'name', 'kind'])
    .where('id', '=', connectionId)
    .where('project_id', '=', projectId)
    .executeTakeFirst();
}

/** Every connection of a project as id → name. */
export async function connectionNamesById(db: DbExecutor, projectId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('data_connection').select(['id', 'name']).where('project_id', '=', projectId).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
