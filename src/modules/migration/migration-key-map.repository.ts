import type { DbExecutor } from '../../db/connection';
import type { MigrationKeyMapTable } from '../../db/schema-migration';

/** The key pairs of the given objects' loaded batches, oldest run first (so a later pair wins). */
export async function listLiveKeyMapRows(
  db: DbExecutor,
  objectIds: readonly string[],
): Promise<Pick<MigrationKeyMapTable, 'object_id' | 'legacy_key' | 'new_key'>[]> {
  return db
    .selectFrom('migration_key_map')
    .innerJoin('migration_batch', 'migration_batch.id', 'migration_key_map.batch_id')
    .innerJoin('migration_run', 'migration_run.id', 'migration_batch.run_id')
    .select(['migration_key_map.object_id', 'migration_key_map.legacy_key', 'migration_key_map.new_key'])
    .where('migration_key_map.object_id', 'in', [...objectIds])
    .where('migration_batch.status', '=', 'loaded')
    .orderBy('migration_run.number', 'asc')
    .execute();
}

/** A key pair of an object's loaded batch with the number of the run that loaded it. */
export type KeyMapPageRow = Pick<MigrationKeyMapTable, 'legacy_key' | 'new_key' | 'batch_id' | 'row_number'> & { number: number };

/** The key pairs of an object's loaded batches, optionally only those whose legacy or new key contains `q`. */
function liveKeyMapOfObject(db: DbExecutor, objectId: string, q?: string) {
  let query = db
    .selectFrom('migration_key_map')
    .innerJoin('migration_batch', 'migration_batch.id', 'migration_key_map.batch_id')
    .innerJoin('migration_run', 'migration_run.id', 'migration_batch.run_id')
    .where('migration_key_map.object_id', '=', objectId)
    .where('migration_batch.status', '=', 'loaded');
  if (q) {
    const like = `%${q}%`;
    query = query.where((eb) => eb.or([eb('migration_key_map.legacy_key', 'like', like), eb('migration_key_map.new_key', 'like', like)]));
  }
  return query;
}

/** How many key pairs `listLiveKeyMapPage` pages through. */
export async function countLiveKeyMapRows(db: DbExecutor, objectId: string, q?: string): Promise<number> {
  const row = await liveKeyMapOfObject(db, objectId, q)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One page of an object's live key pairs (filtered by `q`), newest run first, then by source row. */
export async function listLiveKeyMapPage(
  db: DbExecutor,
  objectId: string,
  page: { q?: string; limit: number; offset: number },
): Promise<KeyMapPageRow[]> {
  return liveKeyMapOfObject(db, objectId, page.q)
    .select([
      'migration_key_map.legacy_key',
      'migration_key_map.new_key',
      'migration_key_map.batch_id',
      'migration_key_map.row_number',
      'migration_run.number',
    ])
    .orderBy('migration_run.number', 'desc')
    .orderBy('migration_key_map.row_number')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

/** Inserts key pairs (the caller keeps each call below the dialects' parameter limits). */
export async function insertKeyMapRows(db: DbExecutor, rows: MigrationKeyMapTable[]): Promise<void> {
  await db.insertInto('migration_key_map').values(rows).execute();
}

/** Deletes the key pairs a batch stored. */
export async function deleteKeyMapRowsOfBatch(db: DbExecutor, batchId: string): Promise<void> {
  await db.deleteFrom('migration_key_map').where('batch_id', '=', batchId).execute();
}

/** Deletes every key pair of an object. */
export async function deleteKeyMapRowsOfObject(db: DbExecutor, objectId: string): Promise<void> {
  await db.deleteFrom('migration_key_map').where('object_id', '=', objectId).execute();
}
