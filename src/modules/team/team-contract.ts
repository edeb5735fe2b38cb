import type { DbExecutor } from '../../db/connection';
import { findMemberRefRowByUser, listMemberIdRowsIn, listMemberNameRows, listMemberRefRows } from './member.repository';
import { listAccountableDeliverableIdRows, listDeliverableIdRows } from './raci.repository';
import { listStakeholderSupportRows } from './stakeholder.repository';

// CONTRACT (owner: team module). Other modules read project members and stakeholders only through
// these functions, never the project_member / stakeholder tables themselves.

/** A project member as other modules need it (names for owners, roles for sign-off and sponsors). */
export interface ProjectMemberRef {
  id: string;
  name: string;
  userId: string | null;
  projectRole: string;
  tier: string;
  department: string;
}

function toRef(m: {
  id: string;
  name: string;
  user_id: string | null;
  project_role: string;
  tier: string;
  department: string;
}): ProjectMemberRef {
  return { id: m.id, name: m.name, userId: m.user_id, projectRole: m.project_role, tier: m.tier, department: m.department };
}

/** Every member of the project, in the order they joined (then by name), optionally only those of one project role. */
export async function listProjectMembers(db: DbExecutor, projectId: string, projectRole?: string): Promise<ProjectMemberRef[]> {
  return (await listMemberRefRows(db, projectId, projectRole)).map(toRef);
}

/** Member id → name for the project: how owner columns of other modules get their names. */
export async function memberNamesById(db: DbExecutor, projectId: string): Promise<Map<string, string>> {
  const rows = await listMemberNameRows(db, projectId);
  return new Map(rows.map((m) => [m.id, m.name]));
}

/** The member a signed-in user is in the project, if any. */
export async function findMemberByUser(db: DbExecutor, projectId: string, userId: string): Promise<ProjectMemberRef | undefined> {
  const row = await findMemberRefRowByUser(db, projectId, userId);
  return row ? toRef(row) : undefined;
}

/** Of the given member ids, those that are not members of the project (empty when all are). */
export async function findUnknownMemberIds(db: DbExecutor, projectId: string, memberIds: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(memberIds)];
  if (unique.length === 0) return new Set();
  const rows = await listMemberIdRowsIn(db, projectId, unique);
  const known = new Set(rows.map((r) => r.id));
  return new Set(unique.filter((id) => !known.has(id)));
}

/** A stakeholder with their assessments, oldest first: the last one is current (null support = never assessed). */
export interface StakeholderSupportHistory {
  id: string;
  name: string;
  influence: number;
  assessments: { support: number; assessedOn: string }[];
}

/** Every stakeholder of the project by name, with the support assessments in the order they were made. */
export async function listStakeholderSupport(db: DbExecutor, projectId: string): Promise<StakeholderSupportHistory[]> {
  const rows = await listStakeholderSupportRows(db, projectId);
  const out = new Map<string, StakeholderSupportHistory>();
  for (const r of rows) {
    let s = out.get(r.id);
    if (!s) out.set(r.id, (s = { id: r.id, name: r.name, influence: r.influence, assessments: [] }));
    if (r.support !== null && r.assessed_on !== null) s.assessments.push({ support: r.support, assessedOn: r.assessed_on });
  }
  return [...out.values()];
}

/** How far the project's RACI matrix is filled: its deliverables, and how many have no one accountable (A). */
export interface RaciCoverage {
  deliverables: number;
  withoutAccountable: number;
}

/** The RACI coverage of the project, as the project dashboard shows it. */
export async function getRaciCoverage(db: DbExecutor, projectId: string): Promise<RaciCoverage> {
  const [deliverables, accountable] = await Promise.all([
    listDeliverableIdRows(db, projectId),
    listAccountableDeliverableIdRows(db, projectId),
  ]);
  return { deliverables: deliverables.length, withoutAccountable: deliverables.length - accountable.length };
}
