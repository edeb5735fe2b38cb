import type { DbExecutor } from '../../db/connection';
import type { RiskTable } from '../../db/schema-risks';

/** A register row with its owner's name. */
export type RiskRow = RiskTable & { owner_name: string | null };

/** Register rows of a project (or one), by code. */
export async function listRiskRows(db: DbExecutor, projectId: string, riskId?: string): Promise<RiskRow[]> {
  let query = db
    .selectFrom('risk')
    .leftJoin('project_member', 'project_member.id', 'risk.owner_member_id')
    .selectAll('risk')
    .select('project_member.name as owner_name')
    .where('risk.project_id', '=', projectId);
  if (riskId) query = query.where('risk.id', '=', riskId);
  return query.orderBy('risk.code').execute();
}

/** Sponsors of the project with the day of their latest recorded action in golive (audit trail). */
export async function listSponsorActivity(
  db: DbExecutor,
  projectId: string,
): Promise<{ name: string; user_id: string | null; last_at: string | null }[]> {
  return db
    .selectFrom('project_member')
    .leftJoin('audit_log', (join) =>
      join.onRef('audit_log.actor_id', '=', 'project_member.user_id').on('audit_log.project_id', '=', projectId),
    )
    .select(['project_member.name', 'project_member.user_id'])
    .select((eb) => eb.fn.max('audit_log.at').as('last_at'))
    .where('project_member.project_id', '=', projectId)
    .where('project_member.project_role', '=', 'sponsor')
    .groupBy(['project_member.id', 'project_member.name', 'project_member.user_id'])
    .orderBy('project_member.name')
    .execute();
}

/** Stakeholders with their assessments, oldest assessment first (the last one is current). */
export async function listStakeholderSupport(
  db: DbExecutor,
  projectId: string,
): Promise<{ id: string; name: string; influence: number; support: number | null; assessed_on: string | null }[]> {
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

/** Every steering-committee approval request of custom development, oldest first (the last per requirement is current). */
export async function listApprovalRequests(
  db: DbExecutor,
  projectId: string,
): Promise<
  { requirement_id: string; code: string; title: string; resolution: string; priority: string; status: string; requested_at: string }[]
> {
  return db
    .selectFrom('requirement_approval')
    .innerJoin('requirement', 'requirement.id', 'requirement_approval.requirement_id')
    .select(['requirement_approval.requirement_id', 'requirement.code', 'requirement.title', 'requirement.resolution'])
    .select(['requirement.priority', 'requirement_approval.status', 'requirement_approval.requested_at'])
    .where('requirement_approval.project_id', '=', projectId)
    .orderBy('requirement_approval.requested_at')
    .orderBy('requirement_approval.id')
    .execute();
}

/** Rows and rejects of the latest real migration run that finished and was not rolled back. */
export async function findLatestRealMigrationRun(
  db: DbExecutor,
  projectId: string,
): Promise<{ number: number; source_rows: number; rejected: number } | null> {
  const run = await db
    .selectFrom('migration_run')
    .select(['id', 'number'])
    .where('project_id', '=', projectId)
    .where('mode', '=', 'real')
    .where('status', 'in', ['succeeded', 'failed'])
    .where('rolled_back_at', 'is', null)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!run) return null;
  const totals = await db
    .selectFrom('migration_batch')
    .select((eb) => [
      eb.fn.sum<number | string | null>('source_rows').as('source_rows'),
      eb.fn.sum<number | string | null>('rejected').as('rejected'),
    ])
    .where('run_id', '=', run.id)
    .executeTakeFirstOrThrow();
  return { number: run.number, source_rows: Number(totals.source_rows ?? 0), rejected: Number(totals.rejected ?? 0) };
}

/** Data assets with the asset each was cleaned from. */
export async function listAssetLineage(db: DbExecutor, projectId: string): Promise<{ id: string; derived_from: string | null }[]> {
  return db.selectFrom('data_asset').select(['id', 'derived_from']).where('project_id', '=', projectId).execute();
}
