import type { DbExecutor } from '../../db/connection';
import type { PlanDependencyTable, PlanTaskTable } from '../../db/schema-rollout';

/** Every line of the project's plan, in no particular order (the service builds the tree). */
export async function listTaskRows(db: DbExecutor, projectId: string): Promise<PlanTaskTable[]> {
  return db.selectFrom('plan_task').selectAll().where('project_id', '=', projectId).orderBy('sort').orderBy('uid').execute();
}

/** One line of the plan, if any. */
export async function findTaskRow(db: DbExecutor, projectId: string, taskId: string): Promise<PlanTaskTable | undefined> {
  return db.selectFrom('plan_task').selectAll().where('project_id', '=', projectId).where('id', '=', taskId).executeTakeFirst();
}

/** The highest task number of the project (0 for an empty plan). */
export async function findMaxTaskUid(db: DbExecutor, projectId: string): Promise<number> {
  const row = await db
    .selectFrom('plan_task')
    .select((eb) => eb.fn.max('uid').as('max'))
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  return Number(row?.max ?? 0);
}

/** Inserts plan lines. */
export async function insertTasks(db: DbExecutor, rows: readonly PlanTaskTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('plan_task')
      .values(rows.slice(i, i + 200))
      .execute();
}

/** Applies changes to a plan line. */
export async function updateTaskRow(db: DbExecutor, taskId: string, changes: Partial<PlanTaskTable>): Promise<void> {
  await db.updateTable('plan_task').set(changes).where('id', '=', taskId).execute();
}

/** Deletes plan lines (their dependencies go with them). */
export async function deleteTaskRows(db: DbExecutor, projectId: string, taskIds: readonly string[]): Promise<void> {
  if (taskIds.length === 0) return;
  await db
    .deleteFrom('plan_task')
    .where('project_id', '=', projectId)
    .where('id', 'in', [...taskIds])
    .execute();
}

/** Unassigns the plan lines of a wave. */
export async function clearTaskWave(db: DbExecutor, projectId: string, waveId: string): Promise<void> {
  await db.updateTable('plan_task').set({ wave_id: null }).where('project_id', '=', projectId).where('wave_id', '=', waveId).execute();
}

/** Every dependency of the project's plan. */
export async function listDependencyRows(db: DbExecutor, projectId: string): Promise<PlanDependencyTable[]> {
  return db.selectFrom('plan_dependency').selectAll().where('project_id', '=', projectId).orderBy('created_at').orderBy('id').execute();
}

/** One dependency, if any. */
export async function findDependencyRow(db: DbExecutor, projectId: string, dependencyId: string): Promise<PlanDependencyTable | undefined> {
  return db.selectFrom('plan_dependency').selectAll().where('project_id', '=', projectId).where('id', '=', dependencyId).executeTakeFirst();
}

/** Inserts dependencies. */
export async function insertDependencies(db: DbExecutor, rows: readonly PlanDependencyTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('plan_dependency')
      .values(rows.slice(i, i + 200))
      .execute();
}

/** Deletes a dependency. */
export async function deleteDependencyRow(db: DbExecutor, dependencyId: string): Promise<void> {
  await db.deleteFrom('plan_dependency').where('id', '=', dependencyId).execute();
}
