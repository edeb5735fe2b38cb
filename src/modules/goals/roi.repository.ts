import type { DbExecutor } from '../../db/connection';
import type { RoiItemTable, RoiSettingsTable } from '../../db/schema';

/** The project's ROI settings row, if saved. */
export async function findRoiSettings(db: DbExecutor, projectId: string): Promise<RoiSettingsTable | undefined> {
  return db.selectFrom('roi_settings').selectAll().where('project_id', '=', projectId).executeTakeFirst();
}

/** Inserts or replaces the project's ROI settings. */
export async function saveRoiSettings(db: DbExecutor, projectId: string, values: Omit<RoiSettingsTable, 'project_id'>): Promise<void> {
  await db
    .insertInto('roi_settings')
    .values({ project_id: projectId, ...values })
    .onConflict((oc) => oc.column('project_id').doUpdateSet(values))
    .execute();
}

/** The project's cost and benefit items, oldest first. */
export async function listRoiItemRows(db: DbExecutor, projectId: string): Promise<RoiItemTable[]> {
  return db.selectFrom('roi_item').selectAll().where('project_id', '=', projectId).orderBy('created_at').execute();
}

/** One cost or benefit item of the project, if any. */
export async function findRoiItemRow(db: DbExecutor, projectId: string, itemId: string): Promise<RoiItemTable | undefined> {
  return db.selectFrom('roi_item').selectAll().where('id', '=', itemId).where('project_id', '=', projectId).executeTakeFirst();
}

/** Inserts a cost or benefit item. */
export async function insertRoiItem(db: DbExecutor, row: RoiItemTable): Promise<void> {
  await db.insertInto('roi_item').values(row).execute();
}

/** Deletes a cost or benefit item. */
export async function deleteRoiItemRow(db: DbExecutor, itemId: string): Promise<void> {
  await db.deleteFrom('roi_item').where('id', '=', itemId).execute();
}
