import type { DbExecutor } from '../../db/connection';
import { findUserIdRowByEmail, listUserEmailRows, listUserNameRows } from './user.repository';

/** Display names of the given accounts, by id; unknown ids are absent. */
export async function userNamesById(db: DbExecutor, userIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(userIds.filter(Boolean))];
  if (ids.length === 0) return new Map();
  const rows = await listUserNameRows(db, ids);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The account with this e-mail (compared case-insensitively as stored: lower case), if any. */
export async function findUserIdByEmail(db: DbExecutor, email: string): Promise<string | undefined> {
  const row = await findUserIdRowByEmail(db, email.trim().toLowerCase());
  return row?.id;
}

/** Sign-in e-mails of the given accounts, by id, in one query; unknown ids are absent. */
export async function userEmailsById(db: DbExecutor, userIds: readonly (string | null)[]): Promise<Map<string, string>> {
  const ids = [...new Set(userIds.filter((id): id is string => Boolean(id)))];
  if (ids.length === 0) return new Map();
  const rows = await listUserEmailRows(db, ids);
  return new Map(rows.map((r) => [r.id, r.email]));
}
