import { OpenAPIHono, z } from '@hono/zod-openapi';
import { errorResponses, jsonBody, jsonResponse, okSchema, projectParamsSchema } from '../../server/common-schemas';
import type { AppEnv } from '../../server/app-env';
import { defineRoute } from '../../server/define-route';
import { listAuditRecords } from '../audit/audit.service';
import { summarizeGoals } from '../goals/goal.service';
import {
  createProjectBodySchema,
  dashboardSchema,
  projectAccessSchema,
  projectViewSchema,
  updateProjectBodySchema,
} from './project.schema';
import {
  createProject,
  deleteProject,
  getProject,
  getProjectAccess,
  getProjectDashboard,
  listProjects,
  updateProject,
} from './project.service';
import { fieldLabel as lbl, labelled } from '../../shared/validation/field-labels';

const listRoute = defineRoute(
  { kind: 'user' },
  {
    method: 'get',
    path: '/api/v1/projects',
    tags: ['projects'],
    summary: 'Projects the caller is a member of (all, for admins)',
    responses: { 200: jsonResponse(z.object({ items: z.array(projectViewSchema) })), ...errorResponses },
  },
);

const createRouteDef = defineRoute(
  { kind: 'user' },
  {
    method: 'post',
    path: '/api/v1/projects',
    tags: ['projects'],
    summary: 'Create a project; the caller becomes its project manager',
    request: { body: jsonBody(createProjectBodySchema) },
    responses: { 201: jsonResponse(projectViewSchema), ...errorResponses },
  },
);

const getRouteDef = defineRoute(
  { kind: 'project', resource: 'project', action: 'read' },
  {
    method: 'get',
    path: '/api/v1/projects/{id}',
    tags: ['projects'],
    summary: 'One project',
    request: { params: projectParamsSchema },
    responses: { 200: jsonResponse(projectViewSchema), ...errorResponses },
  },
);

const patchRoute = defineRoute(
  { kind: 'project', resource: 'project', action: 'update' },
  {
    method: 'patch',
    path: '/api/v1/projects/{id}',
    tags: ['projects'],
    summary: 'Update project fields',
    request: { params: projectParamsSchema, body: jsonBody(updateProjectBodySchema) },
    responses: { 200: jsonResponse(projectViewSchema), ...errorResponses },
  },
);

const deleteRouteDef = defineRoute(
  { kind: 'project', resource: 'project', action: 'delete' },
  {
    method: 'delete',
    path: '/api/v1/projects/{id}',
    tags: ['projects'],
    summary: 'Delete a project and everything in it',
    request: { params: projectParamsSchema },
    responses: { 200: jsonResponse(okSchema), ...errorResponses },
  },
);

const accessRoute = defineRoute(
  { kind: 'project', resource: 'project', action: 'read' },
  {
    method: 'get',
    path: '/api/v1/projects/{id}/access',
    tags: ['projects'],
    summary: "The caller's role and allowed actions in the project",
    request: { params: projectParamsSchema },
    responses: { 200: jsonResponse(projectAccessSchema), ...errorResponses },
  },
);

const dashboardRoute = defineRoute(
  { kind: 'project', resource: 'project', action: 'read' },
  {
    method: 'get',
    path: '/api/v1/projects/{id}/dashboard',
    tags: ['projects'],
    summary: 'Project overview figures',
    request: { params: projectParamsSchema },
    responses: { 200: jsonResponse(dashboardSchema), ...errorResponses },
  },
);

const auditRoute = defineRoute(
  { kind: 'project', resource: 'audit', action: 'read' },
  {
    method: 'get',
    path: '/api/v1/projects/{id}/audit',
    tags: ['audit'],
    summary: "The project's audit trail, newest first",
    request: {
      params: projectParamsSchema,
      query: z.object({
        limit: labelled(z.coerce.number().int().min(1).max(500).default(50), lbl('每页条数', 'Page size')),
        offset: labelled(z.coerce.number().int().min(0).default(0), lbl('起始位置', 'Offset')),
        entity: labelled(z.string().max(50).optional(), lbl('对象', 'Object')),
      }),
    },
    responses: {
      200: jsonResponse(
        z.object({
          total: z.number(),
          items: z.array(
            z.object({
              id: z.string(),
              at: z.string(),
              actorName: z.string(),
              entity: z.string(),
              entityId: z.string(),
              action: z.string(),
              before: z.unknown(),
              after: z.unknown(),
            }),
          ),
        }),
      ),
      ...errorResponses,
    },
  },
);

/** Project CRUD, access, dashboard and audit trail. */
export function registerProjectRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => c.json({ items: await listProjects(c.var.db, c.var.actor) }, 200));
  app.openapi(createRouteDef, async (c) => c.json(await createProject(c.var.db, c.var.actor, c.req.valid('json')), 201));
  app.openapi(getRouteDef, async (c) => c.json(await getProject(c.var.db, c.var.actor, c.req.valid('param').id), 200));
  app.openapi(patchRoute, async (c) =>
    c.json(await updateProject(c.var.db, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(deleteRouteDef, async (c) => {
    await deleteProject(c.var.db, c.var.actor, c.req.valid('param').id);
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(accessRoute, async (c) => c.json(await getProjectAccess(c.var.db, c.var.actor, c.req.valid('param').id), 200));
  app.openapi(dashboardRoute, async (c) =>
    c.json(await getProjectDashboard(c.var.db, c.req.valid('param').id, c.var.projectRole, summarizeGoals), 200),
  );
  app.openapi(auditRoute, async (c) => {
    const query = c.req.valid('query');
    return c.json(await listAuditRecords(c.var.db.kysely, c.req.valid('param').id, query), 200);
  });
}
