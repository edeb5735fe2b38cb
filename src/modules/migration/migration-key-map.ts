/** The key map (legacy key → new key per loaded row): stored by runs, read by later objects' lookups, listed and exported. */
import type { Db, DbExecutor } from '../../db/connection';
import type { MigrationBatchTable } from '../../db/schema-migration';
import { newId } from '../../shared/ids';
import type { KeyPair } from './migration-load';
import { countLiveKeyMapRows, insertKeyMapRows, listLiveKeyMapPage, listLiveKeyMapRows } from './migration-key-map.repository';
import { getObjectRow } from './migration-object.service';

/** Rows per key-map INSERT (7 columns: far below both dialects' parameter limits). */
const KEY_MAP_CHUNK = 500;

/** Live (loaded, not rolled back) key maps of objects, latest batch winning per legacy key. */
export async function loadKeyLookups(db: DbExecutor, objectIds: string[]): Promise<Map<string, Map<string, string>>> {
  const lookups = new Map<string, Map<string, string>>();
  if (objectIds.length === 0) return lookups;
  for (const r of await listLiveKeyMapRows(db, objectIds)) {
    const map = lookups.get(r.object_id) ?? new Map<string, string>();
    map.set(r.legacy_key, r.new_key);
    lookups.set(r.object_id, map);
  }
  return lookups;
}

/** Stores a batch's key pairs in chunks (inside the caller's transaction). */
export async function storeKeyPairs(tx: DbExecutor, batch: MigrationBatchTable, pairs: KeyPair[]): Promise<void> {
  for (let i = 0; i < pairs.length; i += KEY_MAP_CHUNK) {
    await insertKeyMapRows(
      tx,
      pairs.slice(i, i + KEY_MAP_CHUNK).map((p) => ({
        id: newId(),
        project_id: batch.project_id,
        object_id: batch.object_id!,
        batch_id: batch.id,
        row_number: p.row,
        legacy_key: p.legacy,
        new_key: p.next,
      })),
    );
  }
}

/** The key map of an object's live batches (filter by legacy or new key). */
export async function listKeyMap(
  db: Db,
  projectId: string,
  objectId: string,
  query: { q?: string; limit: number; offset: number },
): Promise<{ total: number; items: { legacyKey: string; newKey: string; batchId: string; runNumber: number; rowNumber: number }[] }> {
  await getObjectRow(db.kysely, projectId, objectId);
  const total = await countLiveKeyMapRows(db.kysely, objectId, query.q);
  const rows = await listLiveKeyMapPage(db.kysely, objectId, query);
  return {
    total,
    items: rows.map((r) => ({
      legacyKey: r.legacy_key,
      newKey: r.new_key,
      batchId: r.batch_id,
      runNumber: Number(r.number),
      rowNumber: Number(r.row_number),
    })),
  };
}

/** The key map as CSV (UTF-8 with BOM, Chinese headers). */
export async function exportKeyMapCsv(db: Db, projectId: string, objectId: string): Promise<{ name: string; body: string }> {
  const object = await getObjectRow(db.kysely, projectId, objectId);
  const all = await listKeyMap(db, projectId, objectId, { limit: 1_000_000, offset: 0 });
  const cell = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [
    '旧系统键,新系统键,迁移编号,源行号',
    ...all.items.map((i) => [i.legacyKey, i.newKey, String(i.runNumber), String(i.rowNumber)].map(cell).join(',')),
  ];
  return { name: `${object.row.name}-键映射.csv`, body: `\uFEFF${lines.join('\r\n')}\r\n` };
}
