import type { DbExecutor } from '../../db/connection';
import type { SodMitigationTable, SodRuleTable } from '../../db/schema-erp-permissions';

/** The project's SoD rules in library order. */
export async function listSodRuleRows(db: DbExecutor, projectId: string): Promise<SodRuleTable[]> {
  return db.selectFrom('sod_rule').selectAll().where('project_id', '=', projectId).orderBy('sort').orderBy('code').execute();
}

/** One SoD rule of the project, if any. */
export async function findSodRuleRow(db: DbExecutor, projectId: string, ruleId: string): Promise<SodRuleTable | undefined> {
  return db.selectFrom('sod_rule').selectAll().where('id', '=', ruleId).where('project_id', '=', projectId).executeTakeFirst();
}

/** Whether another rule of the project (other than `exceptId`) already has this code. */
export async function sodRuleCodeTaken(db: DbExecutor, projectId: string, code: string, exceptId?: string): Promise<boolean> {
  let query = db.selectFrom('sod_rule').select('id').where('project_id', '=', projectId).where('code', '=', code);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** The highest sort position of the project's rule library (0 when it is empty). */
export async function findMaxSodRuleSort(db: DbExecutor, projectId: string): Promise<number> {
  const row = await db
    .selectFrom('sod_rule')
    .select((eb) => eb.fn.max('sort').as('max'))
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  return Number(row?.max ?? 0);
}

/** Inserts a SoD rule. */
export async function insertSodRule(db: DbExecutor, row: SodRuleTable): Promise<void> {
  await db.insertInto('sod_rule').values(row).execute();
}

/** Applies changes to a SoD rule. */
export async function updateSodRuleRow(db: DbExecutor, ruleId: string, changes: Partial<SodRuleTable>): Promise<void> {
  await db.updateTable('sod_rule').set(changes).where('id', '=', ruleId).execute();
}

/** Deletes a SoD rule (its mitigations cascade). */
export async function deleteSodRuleRow(db: DbExecutor, ruleId: string): Promise<void> {
  await db.deleteFrom('sod_rule').where('id', '=', ruleId).execute();
}

/** One recorded exception of the project, if any. */
export async function findSodMitigationRow(
  db: DbExecutor,
  projectId: string,
  mitigationId: string,
): Promise<SodMitigationTable | undefined> {
  return db.selectFrom('sod_mitigation').selectAll().where('id', '=', mitigationId).where('project_id', '=', projectId).executeTakeFirst();
}

/** Inserts a recorded exception. */
export async function insertSodMitigation(db: DbExecutor, row: SodMitigationTable): Promise<void> {
  await db.insertInto('sod_mitigation').values(row).execute();
}

/** Deletes a recorded exception. */
export async function deleteSodMitigationRow(db: DbExecutor, mitigationId: string): Promise<void> {
  await db.deleteFrom('sod_mitigation').where('id', '=', mitigationId).execute();
}

/** Deletes the exceptions recorded for one ERP role (person-level exceptions stay). */
export async function deleteRoleSodMitigations(db: DbExecutor, projectId: string, roleId: string): Promise<void> {
  await db
    .deleteFrom('sod_mitigation')
    .where('project_id', '=', projectId)
    .where('subject_kind', '=', 'role')
    .where('subject_id', '=', roleId)
    .execute();
}
