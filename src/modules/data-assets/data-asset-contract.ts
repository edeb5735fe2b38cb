import type { DbExecutor } from '../../db/connection';

/** Every data asset of a project as id → name (migration objects name their source asset). */
export async function dataAssetNamesById(db: DbExecutor, projectId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('data_asset').select(['id', 'name']).where('project_id', '=', projectId).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
