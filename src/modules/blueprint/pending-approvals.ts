import type { DbExecutor } from '../../db/connection';
import { listApprovalWithRequirementRows } from './approval.repository';

// CONTRACT (owner: blueprint module). The early warnings read the steering committee's backlog here.

/** A custom-development requirement whose current approval request still waits for the steering committee. */
export interface PendingCustomApproval {
  requirementId: string;
  code: string;
  title: string;
  /** The day the current request was made (YYYY-MM-DD). */
  requestedOn: string;
}

/**
 * Custom-development requirements (not "won't have") whose latest approval request is pending, in the
 * order of their first request. Only the latest request of a requirement counts: an earlier pending one was
 * superseded by the decision or the new request that followed it.
 */
export async function listPendingCustomApprovals(db: DbExecutor, projectId: string): Promise<PendingCustomApproval[]> {
  const rows = await listApprovalWithRequirementRows(db, projectId);
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) latest.set(r.requirement_id, r);
  return [...latest.values()]
    .filter((a) => a.status === 'pending' && a.resolution === 'custom_development' && a.priority !== 'wont')
    .map((a) => ({ requirementId: a.requirement_id, code: a.code, title: a.title, requestedOn: a.requested_at.slice(0, 10) }));
}
