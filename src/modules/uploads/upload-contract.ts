import type { DbExecutor } from '../../db/connection';
import type { UploadTable } from '../../db/schema';
import { findLatestUploadIdRowByName, findUploadNameRow, insertUpload, listUploadNameRows } from './upload.repository';

// What other modules may ask about uploads. They reference uploads by id; only this module reads
// or writes the `upload` table (src/modules/module-boundaries.test.ts).

/** The original file name of a project's upload; undefined when there is no such upload. */
export async function findUploadName(db: DbExecutor, projectId: string, uploadId: string): Promise<string | undefined> {
  const row = await findUploadNameRow(db, projectId, uploadId);
  return row?.original_name;
}

/** Whether the project has an upload with this id. */
export async function uploadExists(db: DbExecutor, projectId: string, uploadId: string): Promise<boolean> {
  return (await findUploadName(db, projectId, uploadId)) !== undefined;
}

/** Every upload of a project as id → original file name. */
export async function uploadNamesById(db: DbExecutor, projectId: string): Promise<Map<string, string>> {
  const rows = await listUploadNameRows(db, projectId);
  return new Map(rows.map((r) => [r.id, r.original_name]));
}

/** The newest upload of a project with this original file name, if any. */
export async function findLatestUploadIdByName(db: DbExecutor, projectId: string, fileName: string): Promise<string | undefined> {
  const row = await findLatestUploadIdRowByName(db, projectId, fileName);
  return row?.id;
}

/**
 * Registers a file another module already wrote under the data directory (e.g. a cleansed copy of
 * a data asset) as an upload, inside the caller's transaction.
 */
export async function registerStoredUpload(tx: DbExecutor, row: UploadTable): Promise<void> {
  await insertUpload(tx, row);
}
