import type { Db, DbExecutor } from '../../db/connection';
import { AppError } from '../../shared/app-error';
import { findProjectRole, listPermissions, replacePermissions } from './access.repository';
import {
  ACTIONS,
  PROJECT_ROLES,
  RESOURCES,
  listDefaultPermissions,
  type Action,
  type ProjectRole,
  type Resource,
} from './permission-matrix';

/** Who is calling: resolved from a session cookie or an API token. */
export interface Actor {
  userId: string;
  name: string;
  email: string;
  isAdmin: boolean;
}

/** Writes the default matrix into `role_permission` (run on every start; idempotent). */
export async function syncPermissionMatrix(db: Db): Promise<void> {
  await db.kysely.transaction().execute((tx) => replacePermissions(tx, listDefaultPermissions()));
  permissionCache.delete(db);
}

// The matrix changes only on start-up sync, so each process keeps one copy per database.
const permissionCache = new WeakMap<Db, Set<string>>();

async function loadGrantSet(db: Db): Promise<Set<string>> {
  let set = permissionCache.get(db);
  if (!set) {
    const rows = await listPermissions(db.kysely);
    set = new Set(rows.map((r) => `${r.role}:${r.resource}:${r.action}`));
    permissionCache.set(db, set);
  }
  return set;
}

/** True when the matrix grants `role` the `action` on `resource`. */
export async function isAllowed(db: Db, role: string, resource: Resource, action: Action): Promise<boolean> {
  return (await loadGrantSet(db)).has(`${role}:${resource}:${action}`);
}

/** The matrix as stored, in a shape the UI renders as a grid. */
export async function getPermissionMatrix(db: Db): Promise<{
  roles: readonly ProjectRole[];
  resources: readonly Resource[];
  actions: readonly Action[];
  grants: { role: string; resource: string; action: string }[];
}> {
  const grants = await listPermissions(db.kysely);
  return { roles: PROJECT_ROLES, resources: RESOURCES, actions: ACTIONS, grants };
}

/** The actor's project role; platform admins act as project managers everywhere. */
export async function getProjectRole(db: DbExecutor, projectId: string, actor: Actor): Promise<string | undefined> {
  const role = await findProjectRole(db, projectId, actor.userId);
  if (role) return role;
  return actor.isAdmin ? 'project_manager' : undefined;
}

/**
 * Throws unless the actor may do `action` on `resource` in the project. A non-member gets 404 rather
 * than 403 so project ids cannot be probed.
 */
export async function authorizeProjectAction(db: Db, actor: Actor, projectId: string, resource: Resource, action: Action): Promise<string> {
  if (actor.isAdmin) return (await findProjectRole(db.kysely, projectId, actor.userId)) ?? 'project_manager';
  const role = await findProjectRole(db.kysely, projectId, actor.userId);
  if (!role) throw new AppError('NOT_FOUND', { entity: 'project', id: projectId });
  if (!(await isAllowed(db, role, resource, action))) {
    throw new AppError('FORBIDDEN', { resource, action });
  }
  return role;
}
