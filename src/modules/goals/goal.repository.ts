import type { DbExecutor } from '../../db/connection';
import type { GoalTable, KpiMeasurementTable } from '../../db/schema';

/** A goal row with its latest measurement (owner names come from the team module). */
export type GoalRow = GoalTable & { latest_value: number | null; latest_measured_on: string | null };

/** Goals of a project with each goal's latest KPI value. */
export async function listGoalRows(db: DbExecutor, projectId: string, goalId?: string): Promise<GoalRow[]> {
  let query = db.selectFrom('goal').selectAll().where('project_id', '=', projectId);
  if (goalId) query = query.where('id', '=', goalId);
  const goals = await query.orderBy('created_at').execute();
  if (goals.length === 0) return [];
  let mq = db.selectFrom('kpi_measurement').select(['goal_id', 'value', 'measured_on', 'created_at']).where('project_id', '=', projectId);
  if (goalId) mq = mq.where('goal_id', '=', goalId);
  const measurements = await mq.orderBy('measured_on').orderBy('created_at').execute();
  const latest = new Map<string, { value: number; measured_on: string }>();
  for (const m of measurements) latest.set(m.goal_id, m);
  return goals.map((g) => ({
    ...g,
    latest_value: latest.get(g.id)?.value ?? null,
    latest_measured_on: latest.get(g.id)?.measured_on ?? null,
  }));
}

/** One goal row of the project, if any. */
export async function findGoalRow(db: DbExecutor, projectId: string, goalId: string): Promise<GoalTable | undefined> {
  return db.selectFrom('goal').selectAll().where('id', '=', goalId).where('project_id', '=', projectId).executeTakeFirst();
}

/** Inserts a goal. */
export async function insertGoal(db: DbExecutor, row: GoalTable): Promise<void> {
  await db.insertInto('goal').values(row).execute();
}

/** Applies changes to a goal. */
export async function updateGoalRow(db: DbExecutor, goalId: string, changes: Partial<GoalTable>): Promise<void> {
  await db.updateTable('goal').set(changes).where('id', '=', goalId).execute();
}

/** Deletes a goal (its measurements cascade). */
export async function deleteGoalRow(db: DbExecutor, goalId: string): Promise<void> {
  await db.deleteFrom('goal').where('id', '=', goalId).execute();
}

/** A goal's KPI measurements, oldest first. */
export async function listMeasurementRows(db: DbExecutor, goalId: string): Promise<KpiMeasurementTable[]> {
  return db.selectFrom('kpi_measurement').selectAll().where('goal_id', '=', goalId).orderBy('measured_on').orderBy('created_at').execute();
}

/** One KPI measurement of the project's goal, if any. */
export async function findMeasurementRow(
  db: DbExecutor,
  projectId: string,
  goalId: string,
  measurementId: string,
): Promise<KpiMeasurementTable | undefined> {
  return db
    .selectFrom('kpi_measurement')
    .selectAll()
    .where('id', '=', measurementId)
    .where('goal_id', '=', goalId)
    .where('project_id', '=', projectId)
    .executeTakeFirst();
}

/** Inserts a KPI measurement. */
export async function insertMeasurement(db: DbExecutor, row: KpiMeasurementTable): Promise<void> {
  await db.insertInto('kpi_measurement').values(row).execute();
}

/** Deletes a KPI measurement. */
export async function deleteMeasurementRow(db: DbExecutor, measurementId: string): Promise<void> {
  await db.deleteFrom('kpi_measurement').where('id', '=', measurementId).execute();
}
