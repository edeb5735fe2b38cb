import type { DbExecutor } from '../../db/connection';
import type { PlanBaselineTable } from '../../db/schema-rollout';

/** The project's baselines, oldest first. */
export async function listBaselineRows(db: DbExecutor, projectId: string): Promise<PlanBaselineTable[]> {
  return db.selectFrom('plan_baseline').selectAll().where('project_id', '=', projectId).orderBy('created_at').orderBy('id').execute();
}

/** One baseline, if any. */
export async function findBaselineRow(db: DbExecutor, projectId: string, baselineId: string): Promise<PlanBaselineTable | undefined> {
  return db.selectFrom('plan_baseline').selectAll().where('project_id', '=', projectId).where('id', '=', baselineId).executeTakeFirst();
}

/** Whether the project has a baseline of that name. */
export async function baselineNameExists(db: DbExecutor, projectId: string, name: string): Promise<boolean> {
  const row = await db
    .selectFrom('plan_baseline')
    .select('id')
    .where('project_id', '=', projectId)
    .where('name', '=', name)
    .executeTakeFirst();
  return row !== undefined;
}

/** Inserts a baseline (baselines are never updated). */
export async function insertBaseline(db: DbExecutor, row: PlanBaselineTable): Promise<void> {
  await db.insertInto('plan_baseline').values(row).execute();
}

/** Deletes a baseline. */
export async function deleteBaselineRow(db: DbExecutor, baselineId: string): Promise<void> {
  await db.deleteFrom('plan_baseline').where('id', '=', baselineId).execute();
}
