import type { DbExecutor } from '../../db/connection';
import type { GoalTable } from '../../db/schema';

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
