import type { OpenAPIHono } from '@hono/zod-openapi';
import { errorResponses, jsonBody, jsonResponse, okSchema, projectParamsSchema } from '../../server/common-schemas';
import type { AppEnv } from '../../server/app-env';
import { defineRoute } from '../../server/define-route';
import {
  checkParamsSchema,
  checkViewSchema,
  createCheckBodySchema,
  decisionBodySchema,
  decisionViewSchema,
  goLiveViewSchema,
  updateCheckBodySchema,
} from './go-live.schema';
import { addDefaultChecks, createCheck, deleteCheck, getGoLive, recordDecision, updateCheck } from './go-live.service';

const base = '/api/v1/projects/{id}/go-live';

const getGoLiveRoute = defineRoute(
  { kind: 'project', resource: 'go_live', action: 'read' },
  {
    method: 'get',
    path: base,
    tags: ['go-live'],
    summary: 'Go/no-go: readiness criteria evaluated now, the go-live checklist and the decision history',
    request: { params: projectParamsSchema },
    responses: { 200: jsonResponse(goLiveViewSchema), ...errorResponses },
  },
);

const createCheckRoute = defineRoute(
  { kind: 'project', resource: 'go_live', action: 'create' },
  {
    method: 'post',
    path: `${base}/checks`,
    tags: ['go-live'],
    summary: 'Add a go-live checklist item',
    request: { params: projectParamsSchema, body: jsonBody(createCheckBodySchema) },
    responses: { 201: jsonResponse(checkViewSchema), ...errorResponses },
  },
);

const templateRoute = defineRoute(
  { kind: 'project', resource: 'go_live', action: 'create' },
  {
    method: 'post',
    path: `${base}/checks/template`,
    tags: ['go-live'],
    summary:
      'Add the default checklist items that are missing (training exams, permissions, rollback, 24-hour support, on-site support, notice)',
    request: { params: projectParamsSchema },
    responses: { 200: jsonResponse(goLiveViewSchema), ...errorResponses },
  },
);

const patchCheckRoute = defineRoute(
  { kind: 'project', resource: 'go_live', action: 'update' },
  {
    method: 'patch',
    path: `${base}/checks/{checkId}`,
    tags: ['go-live'],
    summary: 'Update a checklist item (status pending / pass / fail / na, owner, note)',
    request: { params: checkParamsSchema, body: jsonBody(updateCheckBodySchema) },
    responses: { 200: jsonResponse(checkViewSchema), ...errorResponses },
  },
);

const deleteCheckRoute = defineRoute(
  { kind: 'project', resource: 'go_live', action: 'delete' },
  {
    method: 'delete',
    path: `${base}/checks/{checkId}`,
    tags: ['go-live'],
    summary: 'Delete a checklist item',
    request: { params: checkParamsSchema },
    responses: { 200: jsonResponse(okSchema), ...errorResponses },
  },
);

const decisionRoute = defineRoute(
  { kind: 'project', resource: 'go_live', action: 'approve' },
  {
    method: 'post',
    path: `${base}/decisions`,
    tags: ['go-live'],
    summary: 'Record the go/no-go decision (steering committee)',
    description:
      'A plain `go` is refused with 409 while any readiness criterion fails (details name them); `conditional_go` and `no_go` need `conditions`; `go` and `conditional_go` need `goLiveDate`, which becomes the planned go-live date.',
    request: { params: projectParamsSchema, body: jsonBody(decisionBodySchema) },
    responses: { 201: jsonResponse(decisionViewSchema), ...errorResponses },
  },
);

/** Go/no-go readiness, checklist and decisions (上线 → 上线决策). */
export function registerGoLiveRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getGoLiveRoute, async (c) => c.json(await getGoLive(c.var.db, c.req.valid('param').id, c.var.locale), 200));
  app.openapi(templateRoute, async (c) =>
    c.json(await addDefaultChecks(c.var.db, c.var.actor, c.req.valid('param').id, c.var.locale), 200),
  );
  app.openapi(createCheckRoute, async (c) =>
    c.json(await createCheck(c.var.db, c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.locale), 201),
  );
  app.openapi(patchCheckRoute, async (c) => {
    const { id, checkId } = c.req.valid('param');
    return c.json(await updateCheck(c.var.db, c.var.actor, id, checkId, c.req.valid('json'), c.var.locale), 200);
  });
  app.openapi(deleteCheckRoute, async (c) => {
    const { id, checkId } = c.req.valid('param');
    await deleteCheck(c.var.db, c.var.actor, id, checkId);
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(decisionRoute, async (c) =>
    c.json(await recordDecision(c.var.db, c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.locale), 201),
  );
}
