import type { DbExecutor } from '../../db/connection';
import type { RiskTable } from '../../db/schema-risks';
import { memberNamesById } from '../team/team-contract';

/** A register row with its owner's name. */
export type RiskRow = RiskTable & { owner_name: string | null };

/** Register rows of a project (or one), by code. */
export async function listRiskRows(db: DbExecutor, projectId: string, riskId?: string): Promise<RiskRow[]> {
  let query = db.selectFrom('risk').selectAll().where('project_id', '=', projectId);
  if (riskId) query = query.where('id', '=', riskId);
  const [rows, names] = await Promise.all([query.orderBy('code').execute(), memberNamesById(db, projectId)]);
  return rows.map((r) => ({ ...r, owner_name: r.owner_member_id ? (names.get(r.owner_member_id) ?? null) : null }));
}

/** One register row of the project (without the owner's name), if any. */
export async function findRiskRow(db: DbExecutor, projectId: string, riskId: string): Promise<RiskTable | undefined> {
  return db.selectFrom('risk').selectAll().where('id', '=', riskId).where('project_id', '=', projectId).executeTakeFirst();
}

/** The codes of every register line of the project. */
export async function listRiskCodes(db: DbExecutor, projectId: string): Promise<string[]> {
  const rows = await db.selectFrom('risk').select('code').where('project_id', '=', projectId).execute();
  return rows.map((r) => r.code);
}

/** Inserts a register line. */
export async function insertRisk(db: DbExecutor, row: RiskTable): Promise<void> {
  await db.insertInto('risk').values(row).execute();
}

/** Applies changes to a register line. */
export async function updateRiskRow(db: DbExecutor, riskId: string, changes: Partial<RiskTable>): Promise<void> {
  await db.updateTable('risk').set(changes).where('id', '=', riskId).execute();
}

/** Deletes a register line. */
export async function deleteRiskRow(db: DbExecutor, riskId: string): Promise<void> {
  await db.deleteFrom('risk').where('id', '=', riskId).execute();
}

/** The project's saved early-warning settings (JSON), if any. */
export async function findRiskSettingsJson(db: DbExecutor, projectId: string): Promise<string | undefined> {
  const row = await db.selectFrom('risk_settings').select('settings').where('project_id', '=', projectId).executeTakeFirst();
  return row?.settings;
}

/** Inserts or replaces the project's early-warning settings. */
export async function saveRiskSettingsJson(db: DbExecutor, projectId: string, settings: string, updatedAt: string): Promise<void> {
  const values = { settings, updated_at: updatedAt };
  await db
    .insertInto('risk_settings')
    .values({ project_id: projectId, ...values })
    .onConflict((oc) => oc.column('project_id').doUpdateSet(values))
    .execute();
}

/** The alerts (JSON array of indicator codes) of the latest snapshot before a day. */
export async function findPreviousAlertsJson(db: DbExecutor, projectId: string, beforeDay: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('risk_health_snapshot')
    .select('alerts')
    .where('project_id', '=', projectId)
    .where('day', '<', beforeDay)
    .orderBy('day', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.alerts;
}

/** Records the day's health snapshot (the last evaluation of a day wins). */
export async function saveHealthSnapshot(
  db: DbExecutor,
  projectId: string,
  day: string,
  snapshot: { score: number | null; dimensions: string; alerts: string; created_at: string },
): Promise<void> {
  await db
    .insertInto('risk_health_snapshot')
    .values({ project_id: projectId, day, ...snapshot })
    .onConflict((oc) => oc.columns(['project_id', 'day']).doUpdateSet(snapshot))
    .execute();
}

/** The latest days of health scores, oldest first. */
export async function listHealthHistory(db: DbExecutor, projectId: string, days: number): Promise<{ day: string; score: number | null }[]> {
  const rows = await db
    .selectFrom('risk_health_snapshot')
    .select(['day', 'score'])
    .where('project_id', '=', projectId)
    .orderBy('day', 'desc')
    .limit(days)
    .execute();
  return rows.reverse().map((h) => ({ day: h.day, score: h.score === null ? null : Number(h.score) }));
}

/** The projects (by id) that already have a health snapshot for the day. */
export async function listProjectIdsWithSnapshotOn(db: DbExecutor, day: string): Promise<Set<string>> {
  const rows = await db.selectFrom('risk_health_snapshot').select('project_id').where('day', '=', day).execute();
  return new Set(rows.map((r) => r.project_id));
}
