import type { DbExecutor } from '../../db/connection';
import type { DataAssetTable } from '../../db/schema-data-assets';

/** One asset of the project, if any. */
export async function findAssetRow(db: DbExecutor, projectId: string, assetId: string): Promise<DataAssetTable | undefined> {
  return db.selectFrom('data_asset').selectAll().where('id', '=', assetId).where('project_id', '=', projectId).executeTakeFirst();
}

/** The asset of the project with this name, if any. */
export async function findAssetRowByName(db: DbExecutor, projectId: string, name: string): Promise<DataAssetTable | undefined> {
  return db.selectFrom('data_asset').selectAll().where('project_id', '=', projectId).where('name', '=', name).executeTakeFirst();
}

/** Every asset of the project, by name. */
export async function listAssetRows(db: DbExecutor, projectId: string): Promise<DataAssetTable[]> {
  return db.selectFrom('data_asset').selectAll().where('project_id', '=', projectId).orderBy('name').execute();
}

/** Whether another asset of the project (other than `exceptId`) already has this name. */
export async function assetNameTaken(db: DbExecutor, projectId: string, name: string, exceptId?: string): Promise<boolean> {
  let query = db.selectFrom('data_asset').select('id').where('project_id', '=', projectId).where('name', '=', name);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** Whether the project has an asset with this id. */
export async function assetExists(db: DbExecutor, projectId: string, assetId: string): Promise<boolean> {
  const row = await db
    .selectFrom('data_asset')
    .select('id')
    .where('id', '=', assetId)
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Inserts an asset. */
export async function insertAsset(db: DbExecutor, row: DataAssetTable): Promise<void> {
  await db.insertInto('data_asset').values(row).execute();
}

/** Applies changes to an asset. */
export async function updateAssetRow(db: DbExecutor, assetId: string, changes: Partial<DataAssetTable>): Promise<void> {
  await db.updateTable('data_asset').set(changes).where('id', '=', assetId).execute();
}

/** Deletes an asset, first unlinking the assets cleaned from it (they stay, as raw assets). */
export async function deleteAssetRow(db: DbExecutor, assetId: string): Promise<void> {
  await db.updateTable('data_asset').set({ derived_from: null }).where('derived_from', '=', assetId).execute();
  await db.deleteFrom('data_asset').where('id', '=', assetId).execute();
}

/** Every data asset of a project as id → name (migration objects name their source asset). */
export async function dataAssetNamesById(db: DbExecutor, projectId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('data_asset').select(['id', 'name']).where('project_id', '=', projectId).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Every data asset of the project with the asset it was cleaned from (null for a raw asset). */
export async function listDataAssetLineage(db: DbExecutor, projectId: string): Promise<{ id: string; derivedFrom: string | null }[]> {
  const rows = await db.selectFrom('data_asset').select(['id', 'derived_from']).where('project_id', '=', projectId).execute();
  return rows.map((r) => ({ id: r.id, derivedFrom: r.derived_from }));
}
