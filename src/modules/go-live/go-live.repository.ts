import type { DbExecutor } from '../../db/connection';
import type { GoLiveCheckTable, GoLiveDecisionTable } from '../../db/schema-go-live';
import { memberNamesById } from '../team/team-contract';

/** A checklist row with its owner's name. */
export type CheckRow = GoLiveCheckTable & { owner_name: string | null };

/** Checklist rows of a project (or one), in checklist order, with owner names. */
export async function listCheckRows(db: DbExecutor, projectId: string, checkId?: string): Promise<CheckRow[]> {
  let query = db.selectFrom('go_live_check').selectAll().where('project_id', '=', projectId);
  if (checkId) query = query.where('id', '=', checkId);
  const [rows, names] = await Promise.all([query.orderBy('sort').orderBy('created_at').execute(), memberNamesById(db, projectId)]);
  return rows.map((r) => ({ ...r, owner_name: r.owner_member_id ? (names.get(r.owner_member_id) ?? null) : null }));
}

/** One checklist row of the project (without the owner's name), if any. */
export async function findCheckRow(db: DbExecutor, projectId: string, checkId: string): Promise<GoLiveCheckTable | undefined> {
  return db.selectFrom('go_live_check').selectAll().where('id', '=', checkId).where('project_id', '=', projectId).executeTakeFirst();
}

/** The titles of the project's checklist items. */
export async function listCheckTitles(db: DbExecutor, projectId: string): Promise<string[]> {
  const rows = await db.selectFrom('go_live_check').select('title').where('project_id', '=', projectId).execute();
  return rows.map((r) => r.title);
}

/** The highest sort position of the project's checklist (0 when it is empty). */
export async function findMaxCheckSort(db: DbExecutor, projectId: string): Promise<number> {
  const row = await db
    .selectFrom('go_live_check')
    .select((eb) => eb.fn.max('sort').as('max'))
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  return Number(row?.max ?? 0);
}

/** Inserts a checklist item. */
export async function insertCheck(db: DbExecutor, row: GoLiveCheckTable): Promise<void> {
  await db.insertInto('go_live_check').values(row).execute();
}

/** Applies changes to a checklist item. */
export async function updateCheckRow(db: DbExecutor, checkId: string, changes: Partial<GoLiveCheckTable>): Promise<void> {
  await db.updateTable('go_live_check').set(changes).where('id', '=', checkId).execute();
}

/** Deletes a checklist item. */
export async function deleteCheckRow(db: DbExecutor, checkId: string): Promise<void> {
  await db.deleteFrom('go_live_check').where('id', '=', checkId).execute();
}

/** The project's go/no-go decisions, newest first. */
export async function listDecisionRows(db: DbExecutor, projectId: string): Promise<GoLiveDecisionTable[]> {
  return db.selectFrom('go_live_decision').selectAll().where('project_id', '=', projectId).orderBy('decided_at', 'desc').execute();
}

/** Inserts a go/no-go decision. */
export async function insertDecision(db: DbExecutor, row: GoLiveDecisionTable): Promise<void> {
  await db.insertInto('go_live_decision').values(row).execute();
}
