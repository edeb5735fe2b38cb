import { existsSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { Db, DbExecutor } from '../../db/connection';
import type { DataConnectionTable } from '../../db/schema';
import { openSource } from '../../engines/sources/open-source';
import { maskPasswords } from '../../engines/sources/parse-source-spec';
import { AppError, notFound, type Locale } from '../../shared/app-error';
import { newId, nowIso } from '../../shared/ids';
import type { Actor } from '../access/access.service';
import { recordAudit } from '../audit/audit.service';
import { getProjectRow } from '../projects/project.service';
import {
  connectionNameTaken,
  deleteConnectionRow,
  findConnectionRow,
  insertConnection,
  listConnectionRows,
  updateConnectionRow,
} from './connection.repository';
import type { ConnectionKind } from './cutover.schema';
import { decryptSecret, encryptSecret, loadSecretKey } from './secret-box';
import { listSpecSources } from './spec.repository';

/** A saved connection as the API presents it: never the password. */
export interface ConnectionView {
  id: string;
  projectId: string;
  name: string;
  kind: ConnectionKind;
  maskedUrl: string;
  usedBy: { id: string; name: string }[];
  createdAt: string;
  updatedAt: string;
}

const SECRET_QUERY_PARAMS = /^(password|pwd|passwd|secret|token|access_token|key|sslpassword)$/i;

/** A URL safe to show and audit: password and secret-looking query parameters replaced by ***. */
export function maskConnectionUrl(url: string): string {
  const masked = maskPasswords(url);
  const at = masked.indexOf('?');
  if (at < 0) return masked;
  const query = masked
    .slice(at + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      return eq > 0 && SECRET_QUERY_PARAMS.test(decodeURIComponent(pair.slice(0, eq))) ? `${pair.slice(0, eq)}=***` : pair;
    })
    .join('&');
  return `${masked.slice(0, at)}?${query}`;
}

/**
 * The folder SQLite source files must live in: GOLIVE_SQLITE_DIR, else `<data dir>/sqlite-sources`.
 * Without this fence a consultant could point a connection at any file the server can read,
 * golive's own database (password hashes, sessions) included.
 */
export function sqliteSourceRoot(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.GOLIVE_SQLITE_DIR ?? join(dataDir, 'sqlite-sources'));
}

/** Resolves a `sqlite:` URL to a file inside the allowed folder, or throws naming the folder. */
export function resolveSqliteConnectionPath(url: string, dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const root = sqliteSourceRoot(dataDir, env);
  const raw = url.replace(/^sqlite:(\/\/)?/i, '');
  if (!raw) throw new AppError('CUTOVER_CONNECTION_SQLITE_NO_FILE', {}, [{ field: 'url' }]);
  const lexical = resolve(root, raw);
  // Follow symlinks when the file exists, so a link inside the folder cannot lead out of it.
  const real = existsSync(lexical) ? realpathSync(lexical) : lexical;
  const realRoot = existsSync(root) ? realpathSync(root) : root;
  const inside = (path: string, base: string): boolean => {
    const rel = relative(base, path);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  };
  if (!inside(lexical, root) || !inside(real, realRoot)) {
    throw new AppError('CUTOVER_CONNECTION_SQLITE_OUTSIDE_FOLDER', { folder: root, setting: 'GOLIVE_SQLITE_DIR' }, [{ field: 'url' }]);
  }
  return real;
}

/** The URL shape each kind expects, shown when a URL has the wrong scheme. */
const URL_SHAPES: Record<ConnectionKind, { label: string; example: string }> = {
  sqlite: { label: 'SQLite', example: 'sqlite:legacy.db' },
  postgres: { label: 'PostgreSQL', example: 'postgres://user:password@host:5432/db' },
  mysql: { label: 'MySQL', example: 'mysql://user:password@host:3306/db' },
};

/**
 * Checks a URL against its kind and folds in a separately given password. The errors never carry
 * the URL: it may hold the password.
 */
function normalizeUrl(kind: ConnectionKind, url: string, password: string | undefined, dataDir: string): string {
  const onUrl = [{ field: 'url' }];
  const kindMismatch = (): AppError =>
    new AppError('CUTOVER_CONNECTION_URL_KIND_MISMATCH', { kind: URL_SHAPES[kind].label, example: URL_SHAPES[kind].example }, onUrl);
  if (url.includes('#')) throw new AppError('CUTOVER_CONNECTION_URL_HAS_FRAGMENT', {}, onUrl);
  if (kind === 'sqlite') {
    if (!/^sqlite:/i.test(url)) throw kindMismatch();
    if (password !== undefined) throw new AppError('CUTOVER_CONNECTION_SQLITE_NO_PASSWORD', {}, [{ field: 'password' }]);
    resolveSqliteConnectionPath(url, dataDir);
    return url;
  }
  const scheme = kind === 'postgres' ? /^postgres(ql)?:\/\//i : /^mysql:\/\//i;
  if (!scheme.test(url)) throw kindMismatch();
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppError('CUTOVER_CONNECTION_URL_INVALID', {}, onUrl);
  }
  if (!parsed.hostname) throw new AppError('CUTOVER_CONNECTION_URL_NO_HOST', {}, onUrl);
  if (password !== undefined) {
    if (!parsed.username) throw new AppError('CUTOVER_CONNECTION_PASSWORD_WITHOUT_USER', {}, [{ field: 'password' }]);
    parsed.password = encodeURIComponent(password);
    return parsed.toString();
  }
  return url;
}

async function usedBy(db: DbExecutor, projectId: string): Promise<Map<string, { id: string; name: string }[]>> {
  const specs = await listSpecSources(db, projectId);
  const map = new Map<string, { id: string; name: string }[]>();
  for (const spec of specs) {
    const ids = new Set<string>();
    for (const text of [spec.left_source, spec.right_source]) {
      const ref = JSON.parse(text) as { type: string; connectionId?: string };
      if (ref.type === 'connection' && ref.connectionId) ids.add(ref.connectionId);
    }
    for (const id of ids) map.set(id, [...(map.get(id) ?? []), { id: spec.id, name: spec.name }]);
  }
  return map;
}

function present(row: DataConnectionTable, users: { id: string; name: string }[] = []): ConnectionView {
  return {
    id: row.id,
    projectId: row.project_id,
    name: row.name,
    kind: row.kind as ConnectionKind,
    maskedUrl: row.masked_url,
    usedBy: users,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** What the audit trail may see of a connection. */
function auditable(row: DataConnectionTable): Record<string, unknown> {
  return { id: row.id, name: row.name, kind: row.kind, maskedUrl: row.masked_url };
}

/** A project's connections, by name. */
export async function listConnections(db: Db, projectId: string): Promise<ConnectionView[]> {
  const rows = await listConnectionRows(db.kysely, projectId);
  const users = await usedBy(db.kysely, projectId);
  return rows.map((r) => present(r, users.get(r.id)));
}

/** One connection row or NOT_FOUND. */
export async function getConnectionRow(db: DbExecutor, projectId: string, connectionId: string): Promise<DataConnectionTable> {
  const row = await findConnectionRow(db, projectId, connectionId);
  if (!row) throw notFound('data_connection', connectionId);
  return row;
}

async function assertNameFree(db: DbExecutor, projectId: string, name: string, exceptId?: string): Promise<void> {
  if (await connectionNameTaken(db, projectId, name, exceptId)) {
    throw new AppError('CUTOVER_CONNECTION_NAME_TAKEN', { name }, [{ field: 'name' }]);
  }
}

/** Saves a connection; the URL is encrypted with the server's secret key. */
export async function createConnection(
  db: Db,
  actor: Actor,
  projectId: string,
  dataDir: string,
  input: { name: string; kind: ConnectionKind; url: string; password?: string },
): Promise<ConnectionView> {
  const url = normalizeUrl(input.kind, input.url, input.password, dataDir);
  const key = loadSecretKey(dataDir);
  return db.kysely.transaction().execute(async (tx) => {
    await getProjectRow(tx, projectId);
    await assertNameFree(tx, projectId, input.name);
    const now = nowIso();
    const row: DataConnectionTable = {
      id: newId(),
      project_id: projectId,
      name: input.name,
      kind: input.kind,
      masked_url: maskConnectionUrl(url),
      url_encrypted: encryptSecret(url, key),
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    };
    await insertConnection(tx, row);
    await recordAudit(tx, actor, { projectId, entity: 'data_connection', entityId: row.id, action: 'create', after: auditable(row) });
    return present(row);
  });
}

/** Renames a connection or changes its URL / password. A URL showing *** keeps the stored password. */
export async function updateConnection(
  db: Db,
  actor: Actor,
  projectId: string,
  connectionId: string,
  dataDir: string,
  input: { name?: string; url?: string; password?: string },
): Promise<ConnectionView> {
  const key = loadSecretKey(dataDir);
  return db.kysely.transaction().execute(async (tx) => {
    const before = await getConnectionRow(tx, projectId, connectionId);
    const after: DataConnectionTable = { ...before, updated_at: nowIso() };
    if (input.name !== undefined && input.name !== before.name) {
      await assertNameFree(tx, projectId, input.name, connectionId);
      after.name = input.name;
    }
    if (input.url !== undefined || input.password !== undefined) {
      const kind = before.kind as ConnectionKind;
      let url = input.url ?? decryptSecret(before.url_encrypted, key);
      let password = input.password;
      if (password === undefined && input.url !== undefined && kind !== 'sqlite' && /:\/\/[^:/@]*:\*\*\*@/.test(url)) {
        // The client sent the masked URL back: keep the stored password.
        const stored = new URL(decryptSecret(before.url_encrypted, key));
        password = decodeURIComponent(stored.password);
        url = url.replace(/(:\/\/[^:/@]*:)\*\*\*@/, '$1x@');
      }
      const normalized = normalizeUrl(kind, url, password, dataDir);
      after.url_encrypted = encryptSecret(normalized, key);
      after.masked_url = maskConnectionUrl(normalized);
    }
    const { id: _id, project_id: _p, created_at: _c, created_by: _b, ...changes } = after;
    await updateConnectionRow(tx, connectionId, changes);
    await recordAudit(tx, actor, {
      projectId,
      entity: 'data_connection',
      entityId: connectionId,
      action: 'update',
      before: auditable(before),
      after: auditable(after),
    });
    const users = await usedBy(tx, projectId);
    return present(after, users.get(connectionId));
  });
}

/** Deletes a connection no spec uses (409 naming the specs, in the caller's language, otherwise). */
export async function deleteConnection(db: Db, actor: Actor, projectId: string, connectionId: string, locale: Locale): Promise<void> {
  await db.kysely.transaction().execute(async (tx) => {
    const before = await getConnectionRow(tx, projectId, connectionId);
    const users = (await usedBy(tx, projectId)).get(connectionId) ?? [];
    if (users.length > 0) {
      const specs = users.map((u) => (locale === 'zh-CN' ? `“${u.name}”` : `"${u.name}"`)).join(locale === 'zh-CN' ? '、' : ', ');
      throw new AppError('CUTOVER_CONNECTION_IN_USE', { name: before.name, specs });
    }
    await deleteConnectionRow(tx, connectionId);
    await recordAudit(tx, actor, {
      projectId,
      entity: 'data_connection',
      entityId: connectionId,
      action: 'delete',
      before: auditable(before),
    });
  });
}

/** The decrypted URL of a connection, for the engine only: never log or return it. */
export function connectionUrl(row: DataConnectionTable, dataDir: string): string {
  const url = decryptSecret(row.url_encrypted, loadSecretKey(dataDir));
  // Checked again at use: the allowed folder may have changed since the connection was saved.
  return row.kind === 'sqlite' ? `sqlite:${resolveSqliteConnectionPath(url, dataDir)}` : url;
}

/** Opens the connection with a trivial query; the error (password masked) when it fails. */
export async function testConnection(
  db: Db,
  projectId: string,
  connectionId: string,
  dataDir: string,
): Promise<{ ok: boolean; error: string | null }> {
  const row = await getConnectionRow(db.kysely, projectId, connectionId);
  try {
    const source = await openSource(connectionUrl(row, dataDir), { query: 'SELECT 1 AS ok' });
    await source.close();
    return { ok: true, error: null };
  } catch (error) {
    return { ok: false, error: maskPasswords(error instanceof Error ? error.message : String(error)) };
  }
}
