import type { DbExecutor } from '../../db/connection';
import type { PlanCalendarExceptionTable, PlanSettingsTable } from '../../db/schema-rollout';

/** The plan's start date and calendar, if they were ever saved. */
export async function findSettingsRow(db: DbExecutor, projectId: string): Promise<PlanSettingsTable | undefined> {
  return db.selectFrom('plan_settings').selectAll().where('project_id', '=', projectId).executeTakeFirst();
}

/** Inserts or replaces the plan's settings. */
export async function upsertSettingsRow(db: DbExecutor, row: PlanSettingsTable): Promise<void> {
  await db
    .insertInto('plan_settings')
    .values(row)
    .onConflict((oc) =>
      oc.column('project_id').doUpdateSet({ start_date: row.start_date, calendar: row.calendar, updated_at: row.updated_at }),
    )
    .execute();
}

/** The members' calendar exceptions, by start date. */
export async function listExceptionRows(db: DbExecutor, projectId: string): Promise<PlanCalendarExceptionTable[]> {
  return db
    .selectFrom('plan_calendar_exception')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('start_date')
    .orderBy('id')
    .execute();
}

/** One calendar exception, if any. */
export async function findExceptionRow(
  db: DbExecutor,
  projectId: string,
  exceptionId: string,
): Promise<PlanCalendarExceptionTable | undefined> {
  return db
    .selectFrom('plan_calendar_exception')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('id', '=', exceptionId)
    .executeTakeFirst();
}

/** Inserts a calendar exception. */
export async function insertException(db: DbExecutor, row: PlanCalendarExceptionTable): Promise<void> {
  await db.insertInto('plan_calendar_exception').values(row).execute();
}

/** Deletes a calendar exception. */
export async function deleteExceptionRow(db: DbExecutor, exceptionId: string): Promise<void> {
  await db.deleteFrom('plan_calendar_exception').where('id', '=', exceptionId).execute();
}
