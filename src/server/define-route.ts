import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { AppError } from '../shared/app-error';
import { authorizeProjectAction, type Actor } from '../modules/access/access.service';
import type { Action, Resource } from '../modules/access/permission-matrix';
import { resolveApiToken, resolveSession } from '../modules/auth/auth.service';
import type { AppEnv } from './app-env';

/** Who may call a route. Checked server-side before the input is even validated. */
export type RouteAccess =
  { kind: 'public' } | { kind: 'user' } | { kind: 'admin' } | { kind: 'project'; resource: Resource; action: Action };

/** One entry of the route catalog, used by the route × role permission test and the docs. */
export interface CatalogEntry {
  method: string;
  path: string;
  access: RouteAccess;
  /** The request schemas (body, query, params): the label test walks them. */
  request?: RouteConfig['request'];
}

/** Every route defined through {@link defineRoute}, in definition order. */
export const ROUTE_CATALOG: CatalogEntry[] = [];

export const SESSION_COOKIE = 'golive_session';

/** Resolves the caller from the session cookie or a Bearer token; undefined when anonymous. */
export async function resolveActor(c: Parameters<MiddlewareHandler<AppEnv>>[0]): Promise<Actor | undefined> {
  const db = c.var.db;
  const header = c.req.header('authorization');
  if (header?.toLowerCase().startsWith('bearer ')) return resolveApiToken(db, header.slice(7).trim());
  const cookie = getCookie(c, SESSION_COOKIE);
  return cookie ? resolveSession(db, cookie) : undefined;
}

const requireActor: MiddlewareHandler<AppEnv> = async (c, next) => {
  const actor = await resolveActor(c);
  if (!actor) throw new AppError('UNAUTHENTICATED');
  c.set('actor', actor);
  await next();
};

const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.var.actor.isAdmin) throw new AppError('FORBIDDEN', { resource: 'platform', action: 'admin' });
  await next();
};

function requireProjectPermission(resource: Resource, action: Action): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const projectId = c.req.param('id');
    if (!projectId) throw new Error(`route ${c.req.path} has no {id} parameter`);
    c.set('projectRole', await authorizeProjectAction(c.var.db, c.var.actor, projectId, resource, action));
    await next();
  };
}

/**
 * Hands the route's request schemas to the validation hook (it only sees the issues), so a
 * message can name each field by the label on its schema. Runs before the validators.
 */
function rememberRequest(request: RouteConfig['request']): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('request', request);
    await next();
  };
}

function middlewareFor(access: RouteAccess): MiddlewareHandler<AppEnv>[] {
  switch (access.kind) {
    case 'public':
      return [];
    case 'user':
      return [requireActor];
    case 'admin':
      return [requireActor, requireAdmin];
    case 'project':
      return [requireActor, requireProjectPermission(access.resource, access.action)];
  }
}

/**
 * Declares a route: its OpenAPI description (the same zod schemas validate the request) and who
 * may call it. Project routes take the project id as the `{id}` path parameter.
 */
export function defineRoute<R extends Omit<RouteConfig, 'middleware'>>(
  access: RouteAccess,
  config: R,
): R & { middleware: MiddlewareHandler<AppEnv>[] } {
  ROUTE_CATALOG.push({ method: config.method.toUpperCase(), path: config.path, access, request: config.request });
  const description =
    access.kind === 'project'
      ? `Permission: \`${access.resource}:${access.action}\` in the project.`
      : access.kind === 'admin'
        ? 'Platform administrators only.'
        : access.kind === 'user'
          ? 'Any signed-in user.'
          : 'Public.';
  const security = access.kind === 'public' ? [] : [{ cookieAuth: [] }, { bearerAuth: [] }];
  return createRoute({
    ...config,
    description: config.description ? `${config.description}\n\n${description}` : description,
    security,
    middleware: [rememberRequest(config.request), ...middlewareFor(access)],
  }) as R & { middleware: MiddlewareHandler<AppEnv>[] };
}
