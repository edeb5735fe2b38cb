import type { DbExecutor } from '../../db/connection';

/** Replaces the stored matrix with the given rows (one transaction, caller's). */
export async function replacePermissions(db: DbExecutor, rows: { role: string; resource: string; action: string }[]): Promise<void> {
  await db.deleteFrom('role_permission').execute();
  // Chunked so large matrices stay under SQLite's bound-parameter limit.
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('role_permission')
      .values(rows.slice(i, i + 200))
      .execute();
  }
}

/** Every stored grant. */
export async function listPermissions(db: DbExecutor): Promise<{ role: string; resource: string; action: string }[]> {
  return db.selectFrom('role_permission').select(['role', 'resource', 'action']).execute();
}

/** The caller's role in a project, or undefined when not a member. */
export async function findProjectRole(db: DbExecutor, projectId: string, userId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('project_member')
    .select('project_role')
    .where('project_id', '=', projectId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.project_role;
}
