import type { DbExecutor } from '../../db/connection';
import type { BlueprintSettingsTable } from '../../db/schema-blueprint';

/** The project's saved customisation thresholds, if any. */
export async function findBlueprintSettingsRow(db: DbExecutor, projectId: string): Promise<BlueprintSettingsTable | undefined> {
  return db.selectFrom('blueprint_settings').selectAll().where('project_id', '=', projectId).executeTakeFirst();
}

/** Inserts or replaces the project's customisation thresholds. */
export async function saveBlueprintSettingsRow(
  db: DbExecutor,
  projectId: string,
  values: Omit<BlueprintSettingsTable, 'project_id'>,
): Promise<void> {
  await db
    .insertInto('blueprint_settings')
    .values({ project_id: projectId, ...values })
    .onConflict((oc) => oc.column('project_id').doUpdateSet(values))
    .execute();
}
