import type { DbExecutor } from '../../db/connection';
import type { ErpRoleGrantTable, ErpRoleMemberTable, ErpRoleTable } from '../../db/schema-erp-permissions';

/** One ERP role of the project, if any. */
export async function findErpRoleRow(db: DbExecutor, projectId: string, roleId: string): Promise<ErpRoleTable | undefined> {
  return db.selectFrom('erp_role').selectAll().where('id', '=', roleId).where('project_id', '=', projectId).executeTakeFirst();
}

/** Whether another ERP role of the project (other than `exceptId`) already has this name. */
export async function erpRoleNameTaken(db: DbExecutor, projectId: string, name: string, exceptId?: string): Promise<boolean> {
  let query = db.selectFrom('erp_role').select('id').where('project_id', '=', projectId).where('name', '=', name);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** The name and assessment link of every ERP role of the project. */
export async function listErpRoleNames(db: DbExecutor, projectId: string): Promise<{ name: string; assessment_role_id: string | null }[]> {
  return db.selectFrom('erp_role').select(['name', 'assessment_role_id']).where('project_id', '=', projectId).execute();
}

/** The highest sort position of the project's ERP roles (0 when there are none). */
export async function findMaxErpRoleSort(db: DbExecutor, projectId: string): Promise<number> {
  const row = await db
    .selectFrom('erp_role')
    .select((eb) => eb.fn.max('sort').as('max'))
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  return Number(row?.max ?? 0);
}

/** Inserts an ERP role. */
export async function insertErpRole(db: DbExecutor, row: ErpRoleTable): Promise<void> {
  await db.insertInto('erp_role').values(row).execute();
}

/** Applies changes to an ERP role. */
export async function updateErpRoleRow(db: DbExecutor, roleId: string, changes: Partial<ErpRoleTable>): Promise<void> {
  await db.updateTable('erp_role').set(changes).where('id', '=', roleId).execute();
}

/** Deletes an ERP role (its grants and member assignments cascade). */
export async function deleteErpRoleRow(db: DbExecutor, roleId: string): Promise<void> {
  await db.deleteFrom('erp_role').where('id', '=', roleId).execute();
}

/** The grants of a role (function and scope). */
export async function listRoleGrants(db: DbExecutor, roleId: string): Promise<{ function_id: string; scope: string }[]> {
  return db.selectFrom('erp_role_grant').select(['function_id', 'scope']).where('role_id', '=', roleId).execute();
}

/** The grant of one function to a role, if any. */
export async function findRoleGrant(db: DbExecutor, roleId: string, functionId: string): Promise<{ scope: string } | undefined> {
  return db
    .selectFrom('erp_role_grant')
    .select('scope')
    .where('role_id', '=', roleId)
    .where('function_id', '=', functionId)
    .executeTakeFirst();
}

/** Replaces every grant of a role with the given rows. */
export async function replaceRoleGrants(db: DbExecutor, roleId: string, rows: ErpRoleGrantTable[]): Promise<void> {
  await db.deleteFrom('erp_role_grant').where('role_id', '=', roleId).execute();
  if (rows.length > 0) await db.insertInto('erp_role_grant').values(rows).execute();
}

/** Inserts or replaces the grant of one function to a role. */
export async function saveRoleGrant(db: DbExecutor, row: ErpRoleGrantTable): Promise<void> {
  const values = { scope: row.scope, updated_at: row.updated_at };
  await db
    .insertInto('erp_role_grant')
    .values(row)
    .onConflict((oc) => oc.columns(['role_id', 'function_id']).doUpdateSet(values))
    .execute();
}

/** Removes the grant of one function to a role. */
export async function deleteRoleGrant(db: DbExecutor, roleId: string, functionId: string): Promise<void> {
  await db.deleteFrom('erp_role_grant').where('role_id', '=', roleId).where('function_id', '=', functionId).execute();
}

/** The member ids assigned to a role. */
export async function listRoleMemberIds(db: DbExecutor, roleId: string): Promise<string[]> {
  const rows = await db.selectFrom('erp_role_member').select('member_id').where('role_id', '=', roleId).execute();
  return rows.map((r) => r.member_id);
}

/** Replaces the members assigned to a role with the given rows. */
export async function replaceRoleMembers(db: DbExecutor, roleId: string, rows: ErpRoleMemberTable[]): Promise<void> {
  await db.deleteFrom('erp_role_member').where('role_id', '=', roleId).execute();
  if (rows.length > 0) await db.insertInto('erp_role_member').values(rows).execute();
}
