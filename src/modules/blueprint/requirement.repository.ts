import type { DbExecutor } from '../../db/connection';
import type { RequirementTable } from '../../db/schema-blueprint';

/** The project's requirements (or one), unordered: callers sort codes naturally. */
export async function listRequirementRows(db: DbExecutor, projectId: string, requirementId?: string): Promise<RequirementTable[]> {
  let query = db.selectFrom('requirement').selectAll().where('project_id', '=', projectId);
  if (requirementId) query = query.where('id', '=', requirementId);
  return query.execute();
}

/** A requirement of the project, if any. */
export async function findRequirementRow(db: DbExecutor, projectId: string, requirementId: string): Promise<RequirementTable | undefined> {
  return db.selectFrom('requirement').selectAll().where('id', '=', requirementId).where('project_id', '=', projectId).executeTakeFirst();
}

/** The id of a requirement of the project, if it exists. */
export async function findRequirementIdRow(db: DbExecutor, projectId: string, requirementId: string): Promise<{ id: string } | undefined> {
  return db.selectFrom('requirement').select('id').where('id', '=', requirementId).where('project_id', '=', projectId).executeTakeFirst();
}

/** Every requirement code of the project. */
export async function listRequirementCodeRows(db: DbExecutor, projectId: string): Promise<{ code: string }[]> {
  return db.selectFrom('requirement').select('code').where('project_id', '=', projectId).execute();
}

/** The requirement of the project with this code (other than `exceptId`), if any. */
export async function findRequirementIdRowByCode(
  db: DbExecutor,
  projectId: string,
  code: string,
  exceptId: string | null,
): Promise<{ id: string } | undefined> {
  let query = db.selectFrom('requirement').select('id').where('project_id', '=', projectId).where('code', '=', code);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return query.executeTakeFirst();
}

/** Inserts a requirement. */
export async function insertRequirement(db: DbExecutor, row: RequirementTable): Promise<void> {
  await db.insertInto('requirement').values(row).execute();
}

/** Updates a requirement's editable columns. */
export async function updateRequirementById(
  db: DbExecutor,
  requirementId: string,
  changes: Omit<RequirementTable, 'id' | 'project_id' | 'created_at' | 'created_by'>,
): Promise<void> {
  await db.updateTable('requirement').set(changes).where('id', '=', requirementId).execute();
}

/** Deletes a requirement (its approvals go with it by foreign key). */
export async function deleteRequirementById(db: DbExecutor, requirementId: string): Promise<void> {
  await db.deleteFrom('requirement').where('id', '=', requirementId).execute();
}

/**
 * The id of a process map of the project, if it exists. A read of the assessment module's table,
 * still allowed in src/modules/module-boundaries.test.ts until assessment offers a contract function.
 */
export async function findProcessMapIdRow(db: DbExecutor, projectId: string, processMapId: string): Promise<{ id: string } | undefined> {
  return db.selectFrom('process_map').select('id').where('id', '=', processMapId).where('project_id', '=', projectId).executeTakeFirst();
}
