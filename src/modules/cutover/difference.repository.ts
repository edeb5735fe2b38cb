import { sql } from 'kysely';
import type { DbExecutor } from '../../db/connection';
import type { ReconcileDifferenceTable, ReconcileItemTable, ReconcileRunTable } from '../../db/schema';
import type { DifferenceQuery } from './cutover.schema';

/** Filters of a difference listing (everything of the query but the page). */
export type DifferenceFilter = Omit<DifferenceQuery, 'limit' | 'offset'>;

/** Unexplained differences per run: differences whose tracked item carries no explanation. */
export async function countUnexplainedByRun(db: DbExecutor, runIds: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (let i = 0; i < runIds.length; i += 500) {
    const chunk = runIds.slice(i, i + 500);
    const rows = await db
      .selectFrom('reconcile_difference as d')
      .innerJoin('reconcile_item as i', 'i.id', 'd.item_id')
      .select(['d.run_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('d.run_id', 'in', chunk)
      .where('i.explained', '=', 0)
      .groupBy('d.run_id')
      .execute();
    for (const row of rows) counts.set(row.run_id, Number(row.n));
  }
  return counts;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function filteredDifferences(db: DbExecutor, runId: string, filter: DifferenceFilter) {
  let query = db.selectFrom('reconcile_difference as d').leftJoin('reconcile_item as i', 'i.id', 'd.item_id').where('d.run_id', '=', runId);
  if (filter.status) query = query.where('d.status', '=', filter.status);
  if (filter.column) query = query.where('d.column_name', '=', filter.column);
  if (filter.track) query = query.where('d.track', '=', filter.track);
  if (filter.key) {
    const pattern = `%${escapeLike(filter.key.toLowerCase())}%`;
    query = query.where(sql<boolean>`lower(d.key_text) like ${pattern} escape '\\'`);
  }
  if (filter.explained === 'yes') query = query.where('i.explained', '=', 1);
  if (filter.explained === 'no') query = query.where((eb) => eb.or([eb('i.explained', '=', 0), eb('i.explained', 'is', null)]));
  return query;
}

/** The columns a difference view needs. */
function differenceColumns<T extends ReturnType<typeof filteredDifferences>>(query: T) {
  return query.select([
    'd.id',
    'd.seq',
    'd.item_id',
    'd.key_json',
    'd.key_text',
    'd.status',
    'd.column_name',
    'd.left_value',
    'd.right_value',
    'd.delta',
    'd.row_count',
    'd.row_number',
    'd.track',
    'i.first_business_date',
    'i.explained',
    'i.explanation',
    'i.explained_by_name',
    'i.explained_at',
  ]);
}

/** A difference with what its tracked item says (first seen, explanation). */
export type DifferenceRow = Awaited<ReturnType<ReturnType<typeof differenceColumns>['execute']>>[number];

/** How many differences of a run match the filter. */
export async function countDifferences(db: DbExecutor, runId: string, filter: DifferenceFilter): Promise<number> {
  const { total } = await filteredDifferences(db, runId, filter)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  return Number(total);
}

/** One page of a run's (filtered) differences in engine order. */
export async function listDifferencePage(
  db: DbExecutor,
  runId: string,
  filter: DifferenceFilter,
  page: { limit: number; offset: number },
): Promise<DifferenceRow[]> {
  return differenceColumns(filteredDifferences(db, runId, filter))
    .orderBy('d.seq')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

/** The next (filtered) differences of a run after a sequence number (keyset paging for exports). */
export async function listDifferencesAfter(
  db: DbExecutor,
  runId: string,
  filter: DifferenceFilter,
  afterSeq: number,
  limit: number,
): Promise<DifferenceRow[]> {
  return differenceColumns(filteredDifferences(db, runId, filter))
    .where('d.seq', '>', afterSeq)
    .orderBy('d.seq')
    .limit(limit)
    .execute();
}

/** Stores a batch of differences (the caller keeps batches under the bound-parameter limits). */
export async function insertDifferences(db: DbExecutor, rows: ReconcileDifferenceTable[]): Promise<void> {
  await db.insertInto('reconcile_difference').values(rows).execute();
}

/**
 * Tracks a run's stored differences against the spec's open items, in the caller's transaction: a
 * difference open before is linked to its item ('open'), open items missing now are resolved by
 * this run, the rest open new items ('new').
 */
export async function trackRunDifferences(tx: DbExecutor, run: ReconcileRunTable): Promise<void> {
  await sql`
    UPDATE reconcile_difference SET track = 'open', item_id = (
      SELECT i.id FROM reconcile_item i
      WHERE i.spec_id = ${run.spec_id} AND i.state = 'open' AND i.item_key = reconcile_difference.item_key)
    WHERE run_id = ${run.id} AND EXISTS (
      SELECT 1 FROM reconcile_item i
      WHERE i.spec_id = ${run.spec_id} AND i.state = 'open' AND i.item_key = reconcile_difference.item_key)`.execute(tx);
  await sql`
    UPDATE reconcile_item SET state = 'resolved', resolved_run_id = ${run.id}
    WHERE spec_id = ${run.spec_id} AND state = 'open' AND NOT EXISTS (
      SELECT 1 FROM reconcile_difference d WHERE d.run_id = ${run.id} AND d.item_key = reconcile_item.item_key)`.execute(tx);
  await sql`
    INSERT INTO reconcile_item (id, project_id, spec_id, item_key, status, column_name, key_text, state,
      first_run_id, first_business_date, resolved_run_id, explained, explanation, explained_by, explained_by_name, explained_at)
    SELECT d.id, d.project_id, d.spec_id, d.item_key, d.status, d.column_name, d.key_text, 'open',
      d.run_id, CAST(${run.business_date} AS TEXT), NULL, 0, NULL, NULL, NULL, NULL
    FROM reconcile_difference d WHERE d.run_id = ${run.id} AND d.item_id IS NULL`.execute(tx);
  await sql`UPDATE reconcile_difference SET item_id = id, track = 'new' WHERE run_id = ${run.id} AND item_id IS NULL`.execute(tx);
}

/** A run's differences per track ('new' | 'open'). */
export async function countDifferencesByTrack(db: DbExecutor, runId: string): Promise<Map<string, number>> {
  const counts = await db
    .selectFrom('reconcile_difference')
    .select(['track', (eb) => eb.fn.countAll<number>().as('n')])
    .where('run_id', '=', runId)
    .groupBy('track')
    .execute();
  return new Map(counts.map((c) => [c.track, Number(c.n)]));
}

/** How many tracked items a run resolved. */
export async function countItemsResolvedBy(db: DbExecutor, runId: string): Promise<number> {
  const resolved = await db
    .selectFrom('reconcile_item')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('resolved_run_id', '=', runId)
    .executeTakeFirstOrThrow();
  return Number(resolved.n);
}

/** The tracked items a run resolved, by key then column. */
export async function listItemsResolvedBy(db: DbExecutor, runId: string): Promise<ReconcileItemTable[]> {
  return db
    .selectFrom('reconcile_item')
    .selectAll()
    .where('resolved_run_id', '=', runId)
    .orderBy('key_text')
    .orderBy('column_name')
    .execute();
}

/** Of the given differences, those of the project's spec, with their tracked item. */
export async function findSpecDifferenceItems(
  db: DbExecutor,
  projectId: string,
  specId: string,
  differenceIds: readonly string[],
): Promise<{ id: string; item_id: string | null }[]> {
  return db
    .selectFrom('reconcile_difference')
    .select(['id', 'item_id'])
    .where('id', 'in', [...differenceIds])
    .where('spec_id', '=', specId)
    .where('project_id', '=', projectId)
    .execute();
}

/** The tracked items with these ids. */
export async function listItemRows(db: DbExecutor, itemIds: readonly string[]): Promise<ReconcileItemTable[]> {
  return db
    .selectFrom('reconcile_item')
    .selectAll()
    .where('id', 'in', [...itemIds])
    .execute();
}

/** Applies the same change (an explanation, or its removal) to the given tracked items. */
export async function updateItems(db: DbExecutor, itemIds: readonly string[], changes: Partial<ReconcileItemTable>): Promise<void> {
  await db
    .updateTable('reconcile_item')
    .set(changes)
    .where('id', 'in', [...itemIds])
    .execute();
}
