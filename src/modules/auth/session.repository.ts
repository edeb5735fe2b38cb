import type { DbExecutor } from '../../db/connection';
import type { AppUserTable, LoginAttemptTable, SessionTable } from '../../db/schema';

/** Failed sign-ins with this email (or from this IP) since an instant. */
export async function countLoginFailuresSince(db: DbExecutor, column: 'email' | 'ip', value: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('login_attempt')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(column, '=', value)
    .where('success', '=', 0)
    .where('at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Records one sign-in attempt. */
export async function insertLoginAttempt(db: DbExecutor, row: LoginAttemptTable): Promise<void> {
  await db.insertInto('login_attempt').values(row).execute();
}

/** Opens a session. */
export async function insertSession(db: DbExecutor, row: SessionTable): Promise<void> {
  await db.insertInto('session').values(row).execute();
}

/** Ends a session. */
export async function deleteSessionById(db: DbExecutor, sessionId: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', sessionId).execute();
}

/** A session's user and expiry, if the session exists. */
export async function findSessionUserRow(
  db: DbExecutor,
  sessionId: string,
): Promise<(Pick<AppUserTable, 'id' | 'name' | 'email' | 'is_admin'> & { expires_at: string }) | undefined> {
  return db
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .select(['app_user.id', 'app_user.name', 'app_user.email', 'app_user.is_admin', 'session.expires_at'])
    .where('session.id', '=', sessionId)
    .executeTakeFirst();
}
