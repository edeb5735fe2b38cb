import type { Db, DbExecutor } from '../../db/connection';
import type { ProjectMemberTable } from '../../db/schema';
import { AppError } from '../../shared/app-error';
import { newId, nowIso } from '../../shared/ids';
import type { Actor } from '../access/access.service';
import { recordAudit } from '../audit/audit.service';
import { findUserByEmail } from '../auth/auth.service';
import { getProjectRow } from '../projects/project.service';
import {
  deleteMemberById,
  findMemberIdRowByUser,
  findMemberRow,
  findSignedInProjectManagerRow,
  insertMember,
  listMemberRows,
  type MemberRow,
  updateMemberById,
} from './member.repository';
import type { CreateMemberInput, MemberView, UpdateMemberInput } from './team.schema';

function presentMember(row: MemberRow): MemberView {
  return {
    id: row.id,
    name: row.name,
    department: row.department,
    title: row.title,
    phone: row.phone,
    email: row.email,
    projectRole: row.project_role,
    tier: row.tier,
    organization: row.organization,
    allocationPct: row.allocation_pct,
    accountEmail: row.account_email,
  };
}

/** Members of a project, by tier order of creation. */
export async function listMembers(db: Db, projectId: string): Promise<MemberView[]> {
  await getProjectRow(db.kysely, projectId);
  const rows = await listMemberRows(db.kysely, projectId);
  return rows.map(presentMember);
}

async function getMemberRow(db: DbExecutor, projectId: string, memberId: string): Promise<MemberRow> {
  const row = await findMemberRow(db, projectId, memberId);
  if (!row) throw new AppError('NOT_FOUND', { entity: 'member', id: memberId });
  return row;
}

/** Resolves the account to link; a linked account must exist and not already be in the project. */
async function resolveAccount(db: DbExecutor, projectId: string, email: string, exceptMemberId?: string): Promise<string> {
  const user = await findUserByEmail(db, email);
  if (!user) {
    throw new AppError('TEAM_ACCOUNT_EMAIL_UNKNOWN', { email }, [{ field: 'accountEmail' }]);
  }
  if (await findMemberIdRowByUser(db, projectId, user.id, exceptMemberId)) throw new AppError('MEMBER_USER_TAKEN', { email });
  return user.id;
}

/**
 * Keeps at least one signed-in project manager: otherwise nobody could manage the team any more.
 * Checked after the change, inside its transaction.
 */
async function assertProjectStillManaged(db: DbExecutor, projectId: string): Promise<void> {
  const manager = await findSignedInProjectManagerRow(db, projectId);
  if (!manager) {
    throw new AppError('TEAM_LAST_PROJECT_MANAGER');
  }
}

/** Adds a member; with `accountEmail` the account gets the member's project role. */
export async function createMember(db: Db, actor: Actor, projectId: string, input: CreateMemberInput): Promise<MemberView> {
  return db.kysely.transaction().execute(async (tx) => {
    await getProjectRow(tx, projectId);
    const userId = input.accountEmail ? await resolveAccount(tx, projectId, input.accountEmail) : null;
    const now = nowIso();
    const row: ProjectMemberTable = {
      id: newId(),
      project_id: projectId,
      user_id: userId,
      name: input.name,
      department: input.department,
      title: input.title,
      phone: input.phone,
      email: input.email,
      project_role: input.projectRole,
      tier: input.tier,
      organization: input.organization,
      allocation_pct: input.allocationPct,
      created_at: now,
      updated_at: now,
    };
    await insertMember(tx, row);
    const view = presentMember(await getMemberRow(tx, projectId, row.id));
    await recordAudit(tx, actor, { projectId, entity: 'member', entityId: row.id, action: 'create', after: view });
    return view;
  });
}

/** Updates a member (including the linked account and project role). */
export async function updateMember(
  db: Db,
  actor: Actor,
  projectId: string,
  memberId: string,
  input: UpdateMemberInput,
): Promise<MemberView> {
  return db.kysely.transaction().execute(async (tx) => {
    const before = await getMemberRow(tx, projectId, memberId);
    let userId = before.user_id;
    if (input.accountEmail !== undefined) {
      userId = input.accountEmail ? await resolveAccount(tx, projectId, input.accountEmail, memberId) : null;
    }
    const changes = {
      name: input.name ?? before.name,
      department: input.department ?? before.department,
      title: input.title ?? before.title,
      phone: input.phone ?? before.phone,
      email: input.email ?? before.email,
      project_role: input.projectRole ?? before.project_role,
      tier: input.tier ?? before.tier,
      organization: input.organization ?? before.organization,
      allocation_pct: input.allocationPct ?? before.allocation_pct,
      user_id: userId,
      updated_at: nowIso(),
    };
    await updateMemberById(tx, memberId, changes);
    await assertProjectStillManaged(tx, projectId);
    const view = presentMember(await getMemberRow(tx, projectId, memberId));
    await recordAudit(tx, actor, {
      projectId,
      entity: 'member',
      entityId: memberId,
      action: 'update',
      before: presentMember(before),
      after: view,
    });
    return view;
  });
}

/** Removes a member (and their RACI cells). */
export async function deleteMember(db: Db, actor: Actor, projectId: string, memberId: string): Promise<void> {
  await db.kysely.transaction().execute(async (tx) => {
    const before = await getMemberRow(tx, projectId, memberId);
    await deleteMemberById(tx, memberId);
    await assertProjectStillManaged(tx, projectId);
    await recordAudit(tx, actor, { projectId, entity: 'member', entityId: memberId, action: 'delete', before: presentMember(before) });
  });
}
