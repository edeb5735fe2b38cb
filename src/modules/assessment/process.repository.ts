import type { DbExecutor } from '../../db/connection';
import type { ProcessMapTable } from '../../db/schema-assessment';

/** The project's process maps (optionally of one stage), by department then name. */
export async function listProcessRows(db: DbExecutor, projectId: string, stage?: string): Promise<ProcessMapTable[]> {
  let query = db.selectFrom('process_map').selectAll().where('project_id', '=', projectId);
  if (stage) query = query.where('stage', '=', stage);
  return query.orderBy('department').orderBy('name').execute();
}

/** A process map of the project, if any. */
export async function findProcessRow(db: DbExecutor, projectId: string, processId: string): Promise<ProcessMapTable | undefined> {
  return db.selectFrom('process_map').selectAll().where('id', '=', processId).where('project_id', '=', projectId).executeTakeFirst();
}

/** The id of a process map of the project, if there is one with this id. */
export async function findProcessIdRow(db: DbExecutor, projectId: string, processId: string): Promise<{ id: string } | undefined> {
  return db.selectFrom('process_map').select('id').where('id', '=', processId).where('project_id', '=', projectId).executeTakeFirst();
}

/** A process map with this stage, department and name (other than `exceptId`), if any. */
export async function findProcessIdRowByName(
  db: DbExecutor,
  projectId: string,
  key: { stage: string; department: string; name: string },
  exceptId?: string,
): Promise<{ id: string } | undefined> {
  let query = db
    .selectFrom('process_map')
    .select('id')
    .where('project_id', '=', projectId)
    .where('stage', '=', key.stage)
    .where('department', '=', key.department)
    .where('name', '=', key.name);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return query.executeTakeFirst();
}

/** Inserts a process map. */
export async function insertProcess(db: DbExecutor, row: ProcessMapTable): Promise<void> {
  await db.insertInto('process_map').values(row).execute();
}

/** Updates a process map's fields and diagram. */
export async function updateProcessById(
  db: DbExecutor,
  processId: string,
  changes: Pick<ProcessMapTable, 'department' | 'name' | 'description' | 'bpmn_xml' | 'updated_at'>,
): Promise<void> {
  await db.updateTable('process_map').set(changes).where('id', '=', processId).execute();
}

/** Deletes a process map (its bottlenecks must be deleted first). */
export async function deleteProcessById(db: DbExecutor, processId: string): Promise<void> {
  await db.deleteFrom('process_map').where('id', '=', processId).execute();
}
