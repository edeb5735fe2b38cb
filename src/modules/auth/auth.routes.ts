import { OpenAPIHono, z } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { AppError } from '../../shared/app-error';
import { errorResponses, jsonBody, jsonResponse, okSchema } from '../../server/common-schemas';
import type { AppEnv } from '../../server/app-env';
import { defineRoute, SESSION_COOKIE } from '../../server/define-route';
import { getPermissionMatrix } from '../access/access.service';
import { apiTokenViewSchema, createTokenBodySchema, createUserBodySchema, loginBodySchema, userViewSchema } from './auth.schema';
import {
  createApiToken,
  createUser,
  getUserView,
  listApiTokens,
  listUsers,
  login,
  logout,
  revokeApiToken,
  SESSION_TTL_MS,
} from './auth.service';

const loginRoute = defineRoute(
  { kind: 'public' },
  {
    method: 'post',
    path: '/api/v1/auth/login',
    tags: ['auth'],
    summary: 'Sign in and receive a session cookie',
    request: { body: jsonBody(loginBodySchema) },
    responses: {
      200: jsonResponse(z.object({ user: userViewSchema })),
      ...errorResponses,
      429: { description: 'Too many failed attempts' },
    },
  },
);

const logoutRoute = defineRoute(
  { kind: 'public' },
  {
    method: 'post',
    path: '/api/v1/auth/logout',
    tags: ['auth'],
    summary: 'End the session',
    responses: { 200: jsonResponse(okSchema) },
  },
);

const meRoute = defineRoute(
  { kind: 'user' },
  {
    method: 'get',
    path: '/api/v1/auth/me',
    tags: ['auth'],
    summary: 'The signed-in user',
    responses: { 200: jsonResponse(userViewSchema), ...errorResponses },
  },
);

const listTokensRoute = defineRoute(
  { kind: 'user' },
  {
    method: 'get',
    path: '/api/v1/auth/tokens',
    tags: ['auth'],
    summary: "The caller's personal API tokens",
    responses: { 200: jsonResponse(z.object({ items: z.array(apiTokenViewSchema) })), ...errorResponses },
  },
);

const createTokenRoute = defineRoute(
  { kind: 'user' },
  {
    method: 'post',
    path: '/api/v1/auth/tokens',
    tags: ['auth'],
    summary: 'Create a personal API token (the secret is shown once)',
    request: { body: jsonBody(createTokenBodySchema) },
    responses: { 201: jsonResponse(z.object({ token: z.string(), item: apiTokenViewSchema })), ...errorResponses },
  },
);

const revokeTokenRoute = defineRoute(
  { kind: 'user' },
  {
    method: 'delete',
    path: '/api/v1/auth/tokens/{tokenId}',
    tags: ['auth'],
    summary: 'Revoke a personal API token',
    request: { params: z.object({ tokenId: z.string().min(1).max(64) }) },
    responses: { 200: jsonResponse(okSchema), ...errorResponses },
  },
);

const listUsersRoute = defineRoute(
  { kind: 'admin' },
  {
    method: 'get',
    path: '/api/v1/users',
    tags: ['users'],
    summary: 'All users',
    responses: { 200: jsonResponse(z.object({ items: z.array(userViewSchema) })), ...errorResponses },
  },
);

const createUserRoute = defineRoute(
  { kind: 'admin' },
  {
    method: 'post',
    path: '/api/v1/users',
    tags: ['users'],
    summary: 'Create a user',
    request: { body: jsonBody(createUserBodySchema) },
    responses: { 201: jsonResponse(userViewSchema), ...errorResponses },
  },
);

const permissionsRoute = defineRoute(
  { kind: 'user' },
  {
    method: 'get',
    path: '/api/v1/permissions',
    tags: ['access'],
    summary: 'The permission matrix (role × resource × action)',
    responses: {
      200: jsonResponse(
        z.object({
          roles: z.array(z.string()),
          resources: z.array(z.string()),
          actions: z.array(z.string()),
          grants: z.array(z.object({ role: z.string(), resource: z.string(), action: z.string() })),
        }),
      ),
      ...errorResponses,
    },
  },
);

function clientIp(c: { req: { header(name: string): string | undefined }; env: unknown }): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}

/** Sign-in, sessions, API tokens, users and the permission matrix. */
export function registerAuthRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(loginRoute, async (c) => {
    const body = c.req.valid('json');
    try {
      const session = await login(c.var.db, { ...body, ip: clientIp(c) });
      setCookie(c, SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'Strict',
        secure: c.var.config.secureCookies,
        path: '/',
        maxAge: Math.floor(SESSION_TTL_MS / 1000),
      });
      return c.json({ user: session.user }, 200);
    } catch (error) {
      if (error instanceof AppError && error.code === 'RATE_LIMITED') c.header('Retry-After', String(error.params.retryAfter));
      throw error;
    }
  });

  app.openapi(logoutRoute, async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await logout(c.var.db, token);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true as const }, 200);
  });

  app.openapi(meRoute, async (c) => {
    return c.json(await getUserView(c.var.db, c.var.actor.userId), 200);
  });

  app.openapi(listTokensRoute, async (c) => c.json({ items: await listApiTokens(c.var.db, c.var.actor) }, 200));

  app.openapi(createTokenRoute, async (c) => {
    const { token, view } = await createApiToken(c.var.db, c.var.actor, c.req.valid('json'));
    return c.json({ token, item: view }, 201);
  });

  app.openapi(revokeTokenRoute, async (c) => {
    await revokeApiToken(c.var.db, c.var.actor, c.req.valid('param').tokenId);
    return c.json({ ok: true as const }, 200);
  });

  app.openapi(listUsersRoute, async (c) => c.json({ items: await listUsers(c.var.db) }, 200));

  app.openapi(createUserRoute, async (c) => c.json(await createUser(c.var.db, c.req.valid('json'), c.var.actor), 201));

  app.openapi(permissionsRoute, async (c) => {
    const matrix = await getPermissionMatrix(c.var.db);
    return c.json({ ...matrix, roles: [...matrix.roles], resources: [...matrix.resources], actions: [...matrix.actions] }, 200);
  });
}
