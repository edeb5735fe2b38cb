import { OpenAPIHono, z } from '@hono/zod-openapi';
import { errorResponses, jsonBody, jsonResponse, okSchema, pathIdSchema, projectParamsSchema } from '../../server/common-schemas';
import type { AppEnv } from '../../server/app-env';
import { defineRoute } from '../../server/define-route';
import { createRole, deleteRole, listRoles, roleBodySchema, roleViewSchema, updateRole, updateRoleBodySchema } from './role.service';

const base = '/api/v1/projects/{id}';
const tags = ['assessment'];

const roleParamsSchema = projectParamsSchema.extend({ roleId: pathIdSchema('roleId') });

const listRolesRoute = defineRoute(
  { kind: 'project', resource: 'assessment', action: 'read' },
  {
    method: 'get',
    path: `${base}/assessment/roles`,
    tags,
    summary: 'User roles per department (headcount, tasks, systems used today)',
    request: { params: projectParamsSchema },
    responses: { 200: jsonResponse(z.object({ items: z.array(roleViewSchema) })), ...errorResponses },
  },
);

const createRoleRoute = defineRoute(
  { kind: 'project', resource: 'assessment', action: 'create' },
  {
    method: 'post',
    path: `${base}/assessment/roles`,
    tags,
    summary: 'Add a user role',
    request: { params: projectParamsSchema, body: jsonBody(roleBodySchema) },
    responses: { 201: jsonResponse(roleViewSchema), ...errorResponses },
  },
);

const updateRoleRoute = defineRoute(
  { kind: 'project', resource: 'assessment', action: 'update' },
  {
    method: 'patch',
    path: `${base}/assessment/roles/{roleId}`,
    tags,
    summary: 'Update a user role',
    request: { params: roleParamsSchema, body: jsonBody(updateRoleBodySchema) },
    responses: { 200: jsonResponse(roleViewSchema), ...errorResponses },
  },
);

const deleteRoleRoute = defineRoute(
  { kind: 'project', resource: 'assessment', action: 'delete' },
  {
    method: 'delete',
    path: `${base}/assessment/roles/{roleId}`,
    tags,
    summary: 'Delete a user role',
    request: { params: roleParamsSchema },
    responses: { 200: jsonResponse(okSchema), ...errorResponses },
  },
);

/** The user roles found during the assessment. */
export function registerRoleRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRolesRoute, async (c) => c.json({ items: await listRoles(c.var.db.kysely, c.req.valid('param').id) }, 200));
  app.openapi(createRoleRoute, async (c) =>
    c.json(await createRole(c.var.db, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 201),
  );
  app.openapi(updateRoleRoute, async (c) => {
    const { id, roleId } = c.req.valid('param');
    return c.json(await updateRole(c.var.db, c.var.actor, id, roleId, c.req.valid('json')), 200);
  });
  app.openapi(deleteRoleRoute, async (c) => {
    const { id, roleId } = c.req.valid('param');
    await deleteRole(c.var.db, c.var.actor, id, roleId);
    return c.json({ ok: true as const }, 200);
  });
}
