import type { DbExecutor } from '../../db/connection';
import type { RequirementApprovalTable, RequirementTable } from '../../db/schema-blueprint';

/** Every approval request of the project, in the order they were made. */
export async function listApprovalRows(db: DbExecutor, projectId: string): Promise<RequirementApprovalTable[]> {
  return db
    .selectFrom('requirement_approval')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('requested_at')
    .orderBy('id')
    .execute();
}

/** The approval requests of one requirement, oldest first. */
export async function listApprovalRowsOfRequirement(db: DbExecutor, requirementId: string): Promise<RequirementApprovalTable[]> {
  return db.selectFrom('requirement_approval').selectAll().where('requirement_id', '=', requirementId).orderBy('requested_at').execute();
}

/** The time of a requirement's latest approval request (undefined or null when there is none). */
export async function findLatestApprovalRequestedAt(db: DbExecutor, requirementId: string): Promise<string | null | undefined> {
  const row = await db
    .selectFrom('requirement_approval')
    .select((eb) => eb.fn.max('requested_at').as('at'))
    .where('requirement_id', '=', requirementId)
    .executeTakeFirst();
  return row?.at;
}

/** Inserts an approval request. */
export async function insertApproval(db: DbExecutor, row: RequirementApprovalTable): Promise<void> {
  await db.insertInto('requirement_approval').values(row).execute();
}

/** Records the steering committee's decision on an approval request. */
export async function updateApprovalDecision(
  db: DbExecutor,
  approvalId: string,
  decision: Pick<RequirementApprovalTable, 'status' | 'decided_by' | 'decided_by_name' | 'comment' | 'decided_at'>,
): Promise<void> {
  await db.updateTable('requirement_approval').set(decision).where('id', '=', approvalId).execute();
}

/** An approval request joined with what the early warnings need of its requirement. */
export type ApprovalWithRequirementRow = Pick<RequirementApprovalTable, 'requirement_id' | 'status' | 'requested_at'> &
  Pick<RequirementTable, 'code' | 'title' | 'resolution' | 'priority'>;

/** Every approval request of the project with its requirement, in the order they were made. */
export async function listApprovalWithRequirementRows(db: DbExecutor, projectId: string): Promise<ApprovalWithRequirementRow[]> {
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
