import type { DbExecutor } from '../../db/connection';
import type { ErpFunctionTable } from '../../db/schema-erp-permissions';

/** One catalogue function of the project, if any. */
export async function findErpFunctionRow(db: DbExecutor, projectId: string, functionId: string): Promise<ErpFunctionTable | undefined> {
  return db.selectFrom('erp_function').selectAll().where('id', '=', functionId).where('project_id', '=', projectId).executeTakeFirst();
}

/** The ids of every catalogue function of the project. */
export async function listErpFunctionIds(db: DbExecutor, projectId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('erp_function').select('id').where('project_id', '=', projectId).execute();
  return new Set(rows.map((r) => r.id));
}

/** Whether another function of the project (other than `exceptId`) already is this module · menu · action. */
export async function erpFunctionTaken(
  db: DbExecutor,
  projectId: string,
  fn: { module: string; menu: string; action: string },
  exceptId?: string,
): Promise<boolean> {
  let query = db
    .selectFrom('erp_function')
    .select('id')
    .where('project_id', '=', projectId)
    .where('module', '=', fn.module)
    .where('menu', '=', fn.menu)
    .where('action', '=', fn.action);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** The highest sort position of the project's catalogue (0 when it is empty). */
export async function findMaxErpFunctionSort(db: DbExecutor, projectId: string): Promise<number> {
  const row = await db
    .selectFrom('erp_function')
    .select((eb) => eb.fn.max('sort').as('max'))
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  return Number(row?.max ?? 0);
}

/** Inserts a catalogue function. */
export async function insertErpFunction(db: DbExecutor, row: ErpFunctionTable): Promise<void> {
  await db.insertInto('erp_function').values(row).execute();
}

/** Applies changes to a catalogue function. */
export async function updateErpFunctionRow(db: DbExecutor, functionId: string, changes: Partial<ErpFunctionTable>): Promise<void> {
  await db.updateTable('erp_function').set(changes).where('id', '=', functionId).execute();
}

/** Deletes a catalogue function (its grants cascade). */
export async function deleteErpFunctionRow(db: DbExecutor, functionId: string): Promise<void> {
  await db.deleteFrom('erp_function').where('id', '=', functionId).execute();
}
