import type { DbExecutor } from '../../db/connection';
import type { ProcessBottleneckTable } from '../../db/schema-assessment';

/** Every bottleneck of the project, in the order they were marked. */
export async function listBottleneckRows(db: DbExecutor, projectId: string): Promise<ProcessBottleneckTable[]> {
  return db.selectFrom('process_bottleneck').selectAll().where('project_id', '=', projectId).orderBy('created_at').orderBy('id').execute();
}

/** The bottlenecks of one process, in the order they were marked. */
export async function listBottleneckRowsOfProcess(db: DbExecutor, processId: string): Promise<ProcessBottleneckTable[]> {
  return db.selectFrom('process_bottleneck').selectAll().where('process_id', '=', processId).orderBy('created_at').orderBy('id').execute();
}

/** A bottleneck of a process of the project, if any. */
export async function findBottleneckRow(
  db: DbExecutor,
  projectId: string,
  processId: string,
  bottleneckId: string,
): Promise<ProcessBottleneckTable | undefined> {
  return db
    .selectFrom('process_bottleneck')
    .selectAll()
    .where('id', '=', bottleneckId)
    .where('process_id', '=', processId)
    .where('project_id', '=', projectId)
    .executeTakeFirst();
}

/** The bottleneck marked on a diagram element of a process, if any. */
export async function findBottleneckIdRowByElement(
  db: DbExecutor,
  processId: string,
  elementId: string,
): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('process_bottleneck')
    .select('id')
    .where('process_id', '=', processId)
    .where('element_id', '=', elementId)
    .executeTakeFirst();
}

/** Inserts a bottleneck. */
export async function insertBottleneck(db: DbExecutor, row: ProcessBottleneckTable): Promise<void> {
  await db.insertInto('process_bottleneck').values(row).execute();
}

/** Updates a bottleneck's type, measurements and note. */
export async function updateBottleneckById(
  db: DbExecutor,
  bottleneckId: string,
  changes: Pick<ProcessBottleneckTable, 'type' | 'duration_hours' | 'volume_per_month' | 'note' | 'updated_at'>,
): Promise<void> {
  await db.updateTable('process_bottleneck').set(changes).where('id', '=', bottleneckId).execute();
}

/** Deletes a bottleneck. */
export async function deleteBottleneckById(db: DbExecutor, bottleneckId: string): Promise<void> {
  await db.deleteFrom('process_bottleneck').where('id', '=', bottleneckId).execute();
}

/** Deletes every bottleneck of a process. */
export async function deleteBottlenecksOfProcess(db: DbExecutor, processId: string): Promise<void> {
  await db.deleteFrom('process_bottleneck').where('process_id', '=', processId).execute();
}
