import type { DbExecutor } from '../../db/connection';

/** A saved data connection as other modules see it: never its URL or secret. */
export interface ConnectionRef {
  id: string;
  name: string;
  kind: string;
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
