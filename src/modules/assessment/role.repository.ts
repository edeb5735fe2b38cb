import type { DbExecutor } from '../../db/connection';
import type { AssessmentRoleTable } from '../../db/schema-assessment';

/** The project's user roles, by department then name. */
export async function listRoleRows(db: DbExecutor, projectId: string): Promise<AssessmentRoleTable[]> {
  return db.selectFrom('assessment_role').selectAll().where('project_id', '=', projectId).orderBy('department').orderBy('name').execute();
}

/** The columns of the project's user roles the ERP role design imports, by department then name. */
export async function listRoleRefRows(
  db: DbExecutor,
  projectId: string,
): Promise<Pick<AssessmentRoleTable, 'id' | 'department' | 'name' | 'main_tasks'>[]> {
  return db
    .selectFrom('assessment_role')
    .select(['id', 'department', 'name', 'main_tasks'])
    .where('project_id', '=', projectId)
    .orderBy('department')
    .orderBy('name')
    .execute();
}

/** A user role of the project, if any. */
export async function findRoleRow(db: DbExecutor, projectId: string, roleId: string): Promise<AssessmentRoleTable | undefined> {
  return db.selectFrom('assessment_role').selectAll().where('id', '=', roleId).where('project_id', '=', projectId).executeTakeFirst();
}

/** The id of a user role of the project, if it exists. */
export async function findRoleIdRow(db: DbExecutor, projectId: string, roleId: string): Promise<{ id: string } | undefined> {
  return db.selectFrom('assessment_role').select('id').where('id', '=', roleId).where('project_id', '=', projectId).executeTakeFirst();
}

/** A user role with this department and name (other than `exceptId`), if any. */
export async function findRoleIdRowByName(
  db: DbExecutor,
  projectId: string,
  department: string,
  name: string,
  exceptId?: string,
): Promise<{ id: string } | undefined> {
  let query = db
    .selectFrom('assessment_role')
    .select('id')
    .where('project_id', '=', projectId)
    .where('department', '=', department)
    .where('name', '=', name);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return query.executeTakeFirst();
}

/** Inserts a user role. */
export async function insertRole(db: DbExecutor, row: AssessmentRoleTable): Promise<void> {
  await db.insertInto('assessment_role').values(row).execute();
}

/** Updates a user role's editable columns. */
export async function updateRoleById(
  db: DbExecutor,
  roleId: string,
  changes: Omit<AssessmentRoleTable, 'id' | 'project_id' | 'created_at'>,
): Promise<void> {
  await db.updateTable('assessment_role').set(changes).where('id', '=', roleId).execute();
}

/** Deletes a user role. */
export async function deleteRoleById(db: DbExecutor, roleId: string): Promise<void> {
  await db.deleteFrom('assessment_role').where('id', '=', roleId).execute();
}
