import type { DbExecutor } from '../../db/connection';
import type { UploadTable } from '../../db/schema';

/** A project's upload by id, if any. */
export async function findUploadRow(db: DbExecutor, projectId: string, uploadId: string): Promise<UploadTable | undefined> {
  return db.selectFrom('upload').selectAll().where('id', '=', uploadId).where('project_id', '=', projectId).executeTakeFirst();
}

/** The original file name of a project's upload, if there is such an upload. */
export async function findUploadNameRow(
  db: DbExecutor,
  projectId: string,
  uploadId: string,
): Promise<{ original_name: string } | undefined> {
  return db.selectFrom('upload').select('original_name').where('id', '=', uploadId).where('project_id', '=', projectId).executeTakeFirst();
}

/** A project's uploads, newest first. */
export async function listUploadRows(db: DbExecutor, projectId: string): Promise<UploadTable[]> {
  return db.selectFrom('upload').selectAll().where('project_id', '=', projectId).orderBy('created_at', 'desc').execute();
}

/** Ids and original file names of a project's uploads. */
export async function listUploadNameRows(db: DbExecutor, projectId: string): Promise<{ id: string; original_name: string }[]> {
  return db.selectFrom('upload').select(['id', 'original_name']).where('project_id', '=', projectId).execute();
}

/** The newest upload of a project with this original file name, if any. */
export async function findLatestUploadIdRowByName(
  db: DbExecutor,
  projectId: string,
  fileName: string,
): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('upload')
    .select('id')
    .where('project_id', '=', projectId)
    .where('original_name', '=', fileName)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

/** Inserts an upload record. */
export async function insertUpload(db: DbExecutor, row: UploadTable): Promise<void> {
  await db.insertInto('upload').values(row).execute();
}

/** Deletes an upload record (not its file). */
export async function deleteUploadById(db: DbExecutor, uploadId: string): Promise<void> {
  await db.deleteFrom('upload').where('id', '=', uploadId).execute();
}
