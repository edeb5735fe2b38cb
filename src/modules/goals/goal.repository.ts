import type { DbExecutor } from '../../db/connection';
import type { GoalTable } from '../../db/schema';

/** A goal row joined with its owner's name and latest measurement. */
export type GoalRow = GoalTable & { owner_name: string | null; latest_value: number | null; latest_measured_on: string | null };

/** Goals of a project with owner names and each goal's latest KPI value. */
export async function listGoalRows(db: DbExecutor, projectId: string, goalId?: string): Promise<GoalRow[]> {
  let query = db
    .selectFrom('goal')
    .leftJoin('project_member', 'project_member.id', 'goal.owner_member_id')
    .selectAll('goal')
    .select('project_member.name as owner_name')
    .where('goal.project_id', '=', projectId);
  if (goalId) query = query.where('goal.id', '=', goalId);
  const goals = await query.orderBy('goal.created_at').execute();
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
