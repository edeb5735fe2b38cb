import { createHash, randomBytes } from 'node:crypto';
import type { Db, DbExecutor } from '../../db/connection';
import type { AppUserTable } from '../../db/schema';
import { AppError } from '../../shared/app-error';
import { newId, nowIso } from '../../shared/ids';
import type { Actor } from '../access/access.service';
import { recordAudit } from '../audit/audit.service';
import type { ApiTokenView, UserView } from './auth.schema';
import {
  deleteApiTokenOfUser,
  findApiTokenUserRow,
  insertApiToken,
  listApiTokenRows,
  updateApiTokenLastUsed,
} from './api-token.repository';
import { hashPassword, verifyPassword } from './password';
import { countLoginFailuresSince, deleteSessionById, findSessionUserRow, insertLoginAttempt, insertSession } from './session.repository';
import { findUserIdRowByEmail, findUserRowByEmail, getUserRowById, insertUser, listUserRows } from './user.repository';

/** Session lifetime; sessions live in the database so several server processes share them. */
export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;
/** Failed sign-ins per email (or per IP ×4) within the window before further tries are refused. */
export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

const TOKEN_PREFIX = 'glv_';

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Presents a user row without its hash. */
export function presentUser(row: AppUserTable): UserView {
  return { id: row.id, email: row.email, name: row.name, isAdmin: row.is_admin === 1, locale: row.locale };
}

/** Creates a user; USER_EXISTS (409) when the email is taken. */
export async function createUser(
  db: Db,
  input: { email: string; name: string; password: string; isAdmin?: boolean },
  actor: Actor | null = null,
): Promise<UserView> {
  const email = input.email.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  return db.kysely.transaction().execute(async (tx) => {
    const existing = await findUserIdRowByEmail(tx, email);
    if (existing) throw new AppError('USER_EXISTS', { email });
    const row: AppUserTable = {
      id: newId(),
      email,
      name: input.name.trim() || email,
      password_hash: passwordHash,
      is_admin: input.isAdmin ? 1 : 0,
      locale: 'zh-CN',
      created_at: nowIso(),
    };
    await insertUser(tx, row);
    await recordAudit(tx, actor, { projectId: null, entity: 'user', entityId: row.id, action: 'create', after: presentUser(row) });
    return presentUser(row);
  });
}

/** Finds a user by email. */
export async function findUserByEmail(db: DbExecutor, email: string): Promise<AppUserTable | undefined> {
  return findUserRowByEmail(db, email.trim().toLowerCase());
}

/** The signed-in user's own account (`GET /auth/me`); the session guarantees it exists. */
export async function getUserView(db: Db, userId: string): Promise<UserView> {
  return presentUser(await getUserRowById(db.kysely, userId));
}

/** Lists every user (platform admin screen and member linking). */
export async function listUsers(db: Db): Promise<UserView[]> {
  const rows = await listUserRows(db.kysely);
  return rows.map(presentUser);
}

async function countRecentFailures(db: Db, column: 'email' | 'ip', value: string): Promise<number> {
  const since = new Date(Date.now() - LOGIN_WINDOW_MS).toISOString();
  return countLoginFailuresSince(db.kysely, column, value, since);
}

/**
 * Checks credentials and opens a session. Failures are counted per email and per IP in the
 * database (so the limit holds across processes); past the limit the caller gets RATE_LIMITED
 * even with the right password, until the window passes.
 */
export async function login(
  db: Db,
  input: { email: string; password: string; ip: string },
): Promise<{ token: string; user: UserView; expiresAt: string }> {
  const email = input.email.trim().toLowerCase();
  const [byEmail, byIp] = await Promise.all([countRecentFailures(db, 'email', email), countRecentFailures(db, 'ip', input.ip)]);
  if (byEmail >= LOGIN_MAX_FAILURES || byIp >= LOGIN_MAX_FAILURES * 4) {
    throw new AppError('RATE_LIMITED', { retryAfter: Math.ceil(LOGIN_WINDOW_MS / 1000) });
  }
  const user = await findUserByEmail(db.kysely, email);
  // Verify against a dummy hash for unknown emails so timing does not reveal which emails exist.
  const ok = user
    ? await verifyPassword(user.password_hash, input.password)
    : (await verifyPassword(await getDummyHash(), input.password), false);
  await insertLoginAttempt(db.kysely, { id: newId(), email, ip: input.ip, at: nowIso(), success: ok ? 1 : 0 });
  if (!user || !ok) throw new AppError('INVALID_CREDENTIALS');
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS).toISOString();
  await insertSession(db.kysely, { id: sha256(token), user_id: user.id, created_at: nowIso(), expires_at: expiresAt });
  return { token, user: presentUser(user), expiresAt };
}

let dummyHash: Promise<string> | undefined;
function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
}

/** Ends a session (logout). */
export async function logout(db: Db, token: string): Promise<void> {
  await deleteSessionById(db.kysely, sha256(token));
}

function toActor(row: Pick<AppUserTable, 'id' | 'name' | 'email' | 'is_admin'>): Actor {
  return { userId: row.id, name: row.name, email: row.email, isAdmin: row.is_admin === 1 };
}

/** Resolves a session cookie to its user; undefined when unknown or expired. */
export async function resolveSession(db: Db, token: string): Promise<Actor | undefined> {
  const row = await findSessionUserRow(db.kysely, sha256(token));
  if (!row || row.expires_at < nowIso()) return undefined;
  return toActor(row);
}

/** Resolves a personal API token (`Authorization: Bearer glv_…`). */
export async function resolveApiToken(db: Db, token: string): Promise<Actor | undefined> {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const row = await findApiTokenUserRow(db.kysely, sha256(token));
  if (!row || (row.expires_at && row.expires_at < nowIso())) return undefined;
  // Touch at most once a minute: a busy script must not turn every read into a write.
  const now = nowIso();
  if (!row.last_used_at || Date.parse(now) - Date.parse(row.last_used_at) > 60_000) {
    await updateApiTokenLastUsed(db.kysely, row.token_id, now);
  }
  return toActor(row);
}

/** Issues a personal API token; the secret is returned once and only its hash is stored. */
export async function createApiToken(
  db: Db,
  actor: Actor,
  input: { name: string; expiresInDays?: number },
): Promise<{ token: string; view: ApiTokenView }> {
  const secret = TOKEN_PREFIX + randomBytes(24).toString('base64url');
  const row = {
    id: newId(),
    user_id: actor.userId,
    name: input.name,
    token_hash: sha256(secret),
    prefix: secret.slice(0, 8),
    created_at: nowIso(),
    last_used_at: null,
    expires_at: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000).toISOString() : null,
  };
  await db.kysely.transaction().execute(async (tx) => {
    await insertApiToken(tx, row);
    await recordAudit(tx, actor, {
      projectId: null,
      entity: 'api_token',
      entityId: row.id,
      action: 'create',
      after: { name: row.name, prefix: row.prefix },
    });
  });
  return { token: secret, view: presentToken(row) };
}

function presentToken(row: {
  id: string;
  name: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
}): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    expiresAt: row.expires_at,
  };
}

/** The caller's tokens (never the secrets). */
export async function listApiTokens(db: Db, actor: Actor): Promise<ApiTokenView[]> {
  const rows = await listApiTokenRows(db.kysely, actor.userId);
  return rows.map(presentToken);
}

/** Revokes one of the caller's tokens. */
export async function revokeApiToken(db: Db, actor: Actor, tokenId: string): Promise<void> {
  const deleted = await deleteApiTokenOfUser(db.kysely, tokenId, actor.userId);
  if (deleted === 0) throw new AppError('NOT_FOUND', { entity: 'api_token', id: tokenId });
}
