import type { DbExecutor } from '../../db/connection';
import type { AssessmentSettingsTable } from '../../db/schema-assessment';

/** The project's saved assessment settings, if any. */
export async function findAssessmentSettingsRow(db: DbExecutor, projectId: string): Promise<AssessmentSettingsTable | undefined> {
  return db.selectFrom('assessment_settings').selectAll().where('project_id', '=', projectId).executeTakeFirst();
}

/** Inserts or replaces the project's assessment settings. */
export async function saveAssessmentSettingsRow(
  db: DbExecutor,
  projectId: string,
  values: Omit<AssessmentSettingsTable, 'project_id'>,
): Promise<void> {
  await db
    .insertInto('assessment_settings')
    .values({ project_id: projectId, ...values })
    .onConflict((oc) => oc.column('project_id').doUpdateSet(values))
    .execute();
}
