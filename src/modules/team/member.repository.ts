import type { DbExecutor } from '../../db/connection';
import type { ProjectMemberTable } from '../../db/schema';

/** A member row with the e-mail of the linked account (null when none is linked). */
export type MemberRow = ProjectMemberTable & { account_email: string | null };

/** The columns other modules get of a member. */
export type MemberRefRow = Pick<ProjectMemberTable, 'id' | 'name' | 'user_id' | 'project_role' | 'tier' | 'department'>;

const REF_COLUMNS = ['id', 'name', 'user_id', 'project_role', 'tier', 'department'] as const;

function selectMemberRows(db: DbExecutor, projectId: string) {
  return db
    .selectFrom('project_member')
    .leftJoin('app_user', 'app_user.id', 'project_member.user_id')
    .selectAll('project_member')
    .select('app_user.email as account_email')
    .where('project_member.project_id', '=', projectId);
}

/** Members of a project with their account e-mails, in the order they joined. */
export async function listMemberRows(db: DbExecutor, projectId: string): Promise<MemberRow[]> {
  return selectMemberRows(db, projectId).orderBy('project_member.created_at').execute();
}

/** One member of a project with the account e-mail, if any. */
export async function findMemberRow(db: DbExecutor, projectId: string, memberId: string): Promise<MemberRow | undefined> {
  return selectMemberRows(db, projectId).where('project_member.id', '=', memberId).executeTakeFirst();
}

/** The member with this id in the project, if any (id only: an existence check). */
export async function findMemberIdRow(db: DbExecutor, projectId: string, memberId: string): Promise<{ id: string } | undefined> {
  return db.selectFrom('project_member').select('id').where('id', '=', memberId).where('project_id', '=', projectId).executeTakeFirst();
}

/** The member (other than `exceptMemberId`) linked to this account in the project, if any. */
export async function findMemberIdRowByUser(
  db: DbExecutor,
  projectId: string,
  userId: string,
  exceptMemberId?: string,
): Promise<{ id: string } | undefined> {
  let query = db.selectFrom('project_member').select('id').where('project_id', '=', projectId).where('user_id', '=', userId);
  if (exceptMemberId) query = query.where('id', '!=', exceptMemberId);
  return query.executeTakeFirst();
}

/** A project manager of the project linked to an account, if there is one. */
export async function findSignedInProjectManagerRow(db: DbExecutor, projectId: string): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('project_member')
    .select('id')
    .where('project_id', '=', projectId)
    .where('project_role', '=', 'project_manager')
    .where('user_id', 'is not', null)
    .executeTakeFirst();
}

/** The name of a member by id; throws Kysely's NoResultError when there is none. */
export async function getMemberNameRowById(db: DbExecutor, memberId: string): Promise<{ name: string }> {
  return db.selectFrom('project_member').select('name').where('id', '=', memberId).executeTakeFirstOrThrow();
}

/** Inserts a member. */
export async function insertMember(db: DbExecutor, row: ProjectMemberTable): Promise<void> {
  await db.insertInto('project_member').values(row).execute();
}

/** Updates a member's columns. */
export async function updateMemberById(
  db: DbExecutor,
  memberId: string,
  changes: Partial<Omit<ProjectMemberTable, 'id' | 'project_id' | 'created_at'>>,
): Promise<void> {
  await db.updateTable('project_member').set(changes).where('id', '=', memberId).execute();
}

/** Deletes a member (the RACI cells go with it by foreign key). */
export async function deleteMemberById(db: DbExecutor, memberId: string): Promise<void> {
  await db.deleteFrom('project_member').where('id', '=', memberId).execute();
}

/** The members of a project as other modules see them, in the order they joined then by name, optionally of one role. */
export async function listMemberRefRows(db: DbExecutor, projectId: string, projectRole?: string): Promise<MemberRefRow[]> {
  let query = db.selectFrom('project_member').select(REF_COLUMNS).where('project_id', '=', projectId);
  if (projectRole) query = query.where('project_role', '=', projectRole);
  return query.orderBy('created_at').orderBy('name').execute();
}

/** The member a signed-in user is in the project, if any. */
export async function findMemberRefRowByUser(db: DbExecutor, projectId: string, userId: string): Promise<MemberRefRow | undefined> {
  return db
    .selectFrom('project_member')
    .select(REF_COLUMNS)
    .where('project_id', '=', projectId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** Ids and names of a project's members. */
export async function listMemberNameRows(db: DbExecutor, projectId: string): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('project_member').select(['id', 'name']).where('project_id', '=', projectId).execute();
}

/** Of the given ids, the rows of those that are members of the project. */
export async function listMemberIdRowsIn(db: DbExecutor, projectId: string, memberIds: readonly string[]): Promise<{ id: string }[]> {
  return db
    .selectFrom('project_member')
    .select('id')
    .where('project_id', '=', projectId)
    .where('id', 'in', [...memberIds])
    .execute();
}

/** The members shown as RACI columns, in the order they joined. */
export async function listRaciMemberRows(
  db: DbExecutor,
  projectId: string,
): Promise<Pick<ProjectMemberTable, 'id' | 'name' | 'tier' | 'department'>[]> {
  return db
    .selectFrom('project_member')
    .select(['id', 'name', 'tier', 'department'])
    .where('project_id', '=', projectId)
    .orderBy('created_at')
    .execute();
}
