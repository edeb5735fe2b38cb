import type { DbExecutor } from '../../db/connection';
import type { StakeholderAssessmentTable, StakeholderTable } from '../../db/schema';

/** A project's stakeholders (or one), in the order they were added. */
export async function listStakeholderRows(db: DbExecutor, projectId: string, stakeholderId?: string): Promise<StakeholderTable[]> {
  let query = db.selectFrom('stakeholder').selectAll().where('project_id', '=', projectId);
  if (stakeholderId) query = query.where('id', '=', stakeholderId);
  return query.orderBy('created_at').execute();
}

/** A project's support assessments (or one stakeholder's), in the order they were made. */
export async function listStakeholderAssessmentRows(
  db: DbExecutor,
  projectId: string,
  stakeholderId?: string,
): Promise<StakeholderAssessmentTable[]> {
  let query = db.selectFrom('stakeholder_assessment').selectAll().where('project_id', '=', projectId);
  if (stakeholderId) query = query.where('stakeholder_id', '=', stakeholderId);
  return query.orderBy('assessed_on').orderBy('created_at').execute();
}

/** Inserts a stakeholder. */
export async function insertStakeholder(db: DbExecutor, row: StakeholderTable): Promise<void> {
  await db.insertInto('stakeholder').values(row).execute();
}

/** Inserts a support assessment. */
export async function insertStakeholderAssessment(db: DbExecutor, row: StakeholderAssessmentTable): Promise<void> {
  await db.insertInto('stakeholder_assessment').values(row).execute();
}

/** Updates a stakeholder's editable columns. */
export async function updateStakeholderById(
  db: DbExecutor,
  stakeholderId: string,
  changes: Pick<StakeholderTable, 'name' | 'organization' | 'influence' | 'note' | 'member_id'>,
): Promise<void> {
  await db.updateTable('stakeholder').set(changes).where('id', '=', stakeholderId).execute();
}

/** Deletes a stakeholder (the assessments go with it by foreign key). */
export async function deleteStakeholderById(db: DbExecutor, stakeholderId: string): Promise<void> {
  await db.deleteFrom('stakeholder').where('id', '=', stakeholderId).execute();
}

/** A stakeholder-per-assessment row (assessment columns null for a stakeholder never assessed). */
export type StakeholderSupportRow = Pick<StakeholderTable, 'id' | 'name' | 'influence'> & {
  support: number | null;
  assessed_on: string | null;
};

/** The project's stakeholders by name joined with their assessments in the order they were made. */
export async function listStakeholderSupportRows(db: DbExecutor, projectId: string): Promise<StakeholderSupportRow[]> {
  return db
    .selectFrom('stakeholder')
    .leftJoin('stakeholder_assessment', 'stakeholder_assessment.stakeholder_id', 'stakeholder.id')
    .select(['stakeholder.id', 'stakeholder.name', 'stakeholder.influence'])
    .select(['stakeholder_assessment.support', 'stakeholder_assessment.assessed_on'])
    .where('stakeholder.project_id', '=', projectId)
    .orderBy('stakeholder.name')
    .orderBy('stakeholder_assessment.assessed_on')
    .orderBy('stakeholder_assessment.created_at')
    .execute();
}
