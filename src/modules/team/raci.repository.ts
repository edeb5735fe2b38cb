import type { DbExecutor } from '../../db/connection';
import type { DeliverableTable, RaciAssignmentTable } from '../../db/schema';

/** A RACI cell as stored. */
export type RaciCellRow = Pick<RaciAssignmentTable, 'deliverable_id' | 'member_id' | 'letter'>;

/** A project's deliverables in their order. */
export async function listDeliverableRows(db: DbExecutor, projectId: string): Promise<Omit<DeliverableTable, 'project_id'>[]> {
  return db.selectFrom('deliverable').select(['id', 'phase', 'name', 'sort']).where('project_id', '=', projectId).orderBy('sort').execute();
}

/** The ids of a project's deliverables. */
export async function listDeliverableIdRows(db: DbExecutor, projectId: string): Promise<{ id: string }[]> {
  return db.selectFrom('deliverable').select('id').where('project_id', '=', projectId).execute();
}

/** A deliverable of the project, if any. */
export async function findDeliverableRow(db: DbExecutor, projectId: string, deliverableId: string): Promise<DeliverableTable | undefined> {
  return db.selectFrom('deliverable').selectAll().where('id', '=', deliverableId).where('project_id', '=', projectId).executeTakeFirst();
}

/** The highest sort position of the project's deliverables (null when it has none). */
export async function findMaxDeliverableSort(db: DbExecutor, projectId: string): Promise<number | null> {
  const row = await db
    .selectFrom('deliverable')
    .select((eb) => eb.fn.max<number>('sort').as('max'))
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  return row?.max ?? null;
}

/** Inserts a deliverable. */
export async function insertDeliverable(db: DbExecutor, row: DeliverableTable): Promise<void> {
  await db.insertInto('deliverable').values(row).execute();
}

/** Deletes a deliverable (its RACI cells go with it by foreign key). */
export async function deleteDeliverableById(db: DbExecutor, deliverableId: string): Promise<void> {
  await db.deleteFrom('deliverable').where('id', '=', deliverableId).execute();
}

/** Every RACI cell of a project. */
export async function listRaciCellRows(db: DbExecutor, projectId: string): Promise<RaciCellRow[]> {
  return db.selectFrom('raci_assignment').select(['deliverable_id', 'member_id', 'letter']).where('project_id', '=', projectId).execute();
}

/** The distinct deliverables of a project that have someone accountable (an A cell). */
export async function listAccountableDeliverableIdRows(db: DbExecutor, projectId: string): Promise<{ deliverable_id: string }[]> {
  return db
    .selectFrom('raci_assignment')
    .select('deliverable_id')
    .distinct()
    .where('project_id', '=', projectId)
    .where('letter', '=', 'A')
    .execute();
}

/** The RACI cells of one deliverable. */
export async function listRaciCellRowsOfDeliverable(db: DbExecutor, deliverableId: string): Promise<RaciCellRow[]> {
  return db
    .selectFrom('raci_assignment')
    .select(['deliverable_id', 'member_id', 'letter'])
    .where('deliverable_id', '=', deliverableId)
    .execute();
}

/** Clears one member's cell of a deliverable. */
export async function deleteRaciCell(db: DbExecutor, deliverableId: string, memberId: string): Promise<void> {
  await db.deleteFrom('raci_assignment').where('deliverable_id', '=', deliverableId).where('member_id', '=', memberId).execute();
}

/** Inserts one RACI cell. */
export async function insertRaciCell(db: DbExecutor, row: RaciAssignmentTable): Promise<void> {
  await db.insertInto('raci_assignment').values(row).execute();
}
