import type { DbExecutor } from '../../db/connection';
import type { BlueprintSignoffTable, BlueprintVersionTable } from '../../db/schema-blueprint';

/** A version of the project, if any. */
export async function findVersionRow(db: DbExecutor, projectId: string, versionId: string): Promise<BlueprintVersionTable | undefined> {
  return db.selectFrom('blueprint_version').selectAll().where('id', '=', versionId).where('project_id', '=', projectId).executeTakeFirst();
}

/** The project's versions, newest first. */
export async function listVersionRows(db: DbExecutor, projectId: string): Promise<BlueprintVersionTable[]> {
  return db.selectFrom('blueprint_version').selectAll().where('project_id', '=', projectId).orderBy('number', 'desc').execute();
}

/** The project's latest version, if any. */
export async function findLatestVersionRowOfProject(db: DbExecutor, projectId: string): Promise<BlueprintVersionTable | undefined> {
  return db
    .selectFrom('blueprint_version')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Inserts a version. */
export async function insertVersion(db: DbExecutor, row: BlueprintVersionTable): Promise<void> {
  await db.insertInto('blueprint_version').values(row).execute();
}

/** Sets a version's note. */
export async function updateVersionNoteById(db: DbExecutor, versionId: string, note: string): Promise<void> {
  await db.updateTable('blueprint_version').set({ note }).where('id', '=', versionId).execute();
}

/** Marks a version approved. */
export async function approveVersionById(db: DbExecutor, versionId: string, approvedAt: string | null): Promise<void> {
  await db.updateTable('blueprint_version').set({ status: 'approved', approved_at: approvedAt }).where('id', '=', versionId).execute();
}

/** Deletes a version (its sign-offs go with it by foreign key). */
export async function deleteVersionById(db: DbExecutor, versionId: string): Promise<void> {
  await db.deleteFrom('blueprint_version').where('id', '=', versionId).execute();
}

/** Every sign-off of the project's versions, in the order they were signed. */
export async function listSignoffRows(db: DbExecutor, projectId: string): Promise<BlueprintSignoffTable[]> {
  return db.selectFrom('blueprint_signoff').selectAll().where('project_id', '=', projectId).orderBy('signed_at').execute();
}

/** One side's sign-off of a version, if it signed. */
export async function findSignoffRow(db: DbExecutor, versionId: string, side: string): Promise<BlueprintSignoffTable | undefined> {
  return db.selectFrom('blueprint_signoff').selectAll().where('version_id', '=', versionId).where('side', '=', side).executeTakeFirst();
}

/** The sides that signed a version. */
export async function listSignoffSideRows(db: DbExecutor, versionId: string): Promise<{ side: string }[]> {
  return db.selectFrom('blueprint_signoff').select('side').where('version_id', '=', versionId).execute();
}

/** Inserts a sign-off. */
export async function insertSignoff(db: DbExecutor, row: BlueprintSignoffTable): Promise<void> {
  await db.insertInto('blueprint_signoff').values(row).execute();
}
