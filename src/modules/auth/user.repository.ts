import type { DbExecutor } from '../../db/connection';
import type { AppUserTable } from '../../db/schema';

/** The account with this (already normalised, lower-case) e-mail, if any. */
export async function findUserRowByEmail(db: DbExecutor, email: string): Promise<AppUserTable | undefined> {
  return db.selectFrom('app_user').selectAll().where('email', '=', email).executeTakeFirst();
}

/** The id of the account with this (already normalised) e-mail, if any. */
export async function findUserIdRowByEmail(db: DbExecutor, email: string): Promise<{ id: string } | undefined> {
  return db.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirst();
}

/** The account with this id; throws Kysely's NoResultError when there is none. */
export async function getUserRowById(db: DbExecutor, userId: string): Promise<AppUserTable> {
  return db.selectFrom('app_user').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
}

/** Every account, by e-mail. */
export async function listUserRows(db: DbExecutor): Promise<AppUserTable[]> {
  return db.selectFrom('app_user').selectAll().orderBy('email').execute();
}

/** Ids and display names of the given accounts (unknown ids are absent). */
export async function listUserNameRows(db: DbExecutor, userIds: readonly string[]): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('app_user')
    .select(['id', 'name'])
    .where('id', 'in', [...userIds])
    .execute();
}

/** Ids and sign-in e-mails of the given accounts (unknown ids are absent). */
export async function listUserEmailRows(db: DbExecutor, userIds: readonly string[]): Promise<{ id: string; email: string }[]> {
  return db
    .selectFrom('app_user')
    .select(['id', 'email'])
    .where('id', 'in', [...userIds])
    .execute();
}

/** Inserts an account. */
export async function insertUser(db: DbExecutor, row: AppUserTable): Promise<void> {
  await db.insertInto('app_user').values(row).execute();
}
