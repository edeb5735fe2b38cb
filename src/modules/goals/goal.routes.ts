import { OpenAPIHono, z } from '@hono/zod-openapi';
import { errorResponses, jsonBody, jsonResponse, okSchema, projectParamsSchema } from '../../server/common-schemas';
import type { AppEnv } from '../../server/app-env';
import { defineRoute } from '../../server/define-route';
import {
  createGoalBodySchema,
  goalParamsSchema,
  goalViewSchema,
  measurementBodySchema,
  measurementParamsSchema,
  measurementViewSchema,
  roiItemBodySchema,
  roiItemParamsSchema,
  roiSettingsBodySchema,
  roiViewSchema,
  updateGoalBodySchema,
} from './goal.schema';
import {
  addRoiItem,
  createGoal,
  deleteGoal,
  deleteMeasurement,
  deleteRoiItem,
  getGoal,
  getRoi,
  listGoals,
  listMeasurements,
  recordMeasurement,
  updateGoal,
  updateRoiSettings,
} from './goal.service';

const base = '/api/v1/projects/{id}';

const listGoalsRoute = defineRoute(
  { kind: 'project', resource: 'goal', action: 'read' },
  {
    method: 'get',
    path: `${base}/goals`,
    tags: ['goals'],
    summary: 'Goals with SMART check and KPI progress',
    request: { params: projectParamsSchema },
    responses: { 200: jsonResponse(z.object({ items: z.array(goalViewSchema) })), ...errorResponses },
  },
);

const createGoalRoute = defineRoute(
  { kind: 'project', resource: 'goal', action: 'create' },
  {
    method: 'post',
    path: `${base}/goals`,
    tags: ['goals'],
    summary: 'Create a goal',
    request: { params: projectParamsSchema, body: jsonBody(createGoalBodySchema) },
    responses: { 201: jsonResponse(goalViewSchema), ...errorResponses },
  },
);

const getGoalRoute = defineRoute(
  { kind: 'project', resource: 'goal', action: 'read' },
  {
    method: 'get',
    path: `${base}/goals/{goalId}`,
    tags: ['goals'],
    summary: 'One goal',
    request: { params: goalParamsSchema },
    responses: { 200: jsonResponse(goalViewSchema), ...errorResponses },
  },
);

const patchGoalRoute = defineRoute(
  { kind: 'project', resource: 'goal', action: 'update' },
  {
    method: 'patch',
    path: `${base}/goals/{goalId}`,
    tags: ['goals'],
    summary: 'Update a goal',
    request: { params: goalParamsSchema, body: jsonBody(updateGoalBodySchema) },
    responses: { 200: jsonResponse(goalViewSchema), ...errorResponses },
  },
);

const deleteGoalRoute = defineRoute(
  { kind: 'project', resource: 'goal', action: 'delete' },
  {
    method: 'delete',
    path: `${base}/goals/{goalId}`,
    tags: ['goals'],
    summary: 'Delete a goal',
    request: { params: goalParamsSchema },
    responses: { 200: jsonResponse(okSchema), ...errorResponses },
  },
);

const listMeasurementsRoute = defineRoute(
  { kind: 'project', resource: 'kpi', action: 'read' },
  {
    method: 'get',
    path: `${base}/goals/{goalId}/measurements`,
    tags: ['goals'],
    summary: 'KPI actuals of a goal, oldest first',
    request: { params: goalParamsSchema },
    responses: { 200: jsonResponse(z.object({ items: z.array(measurementViewSchema) })), ...errorResponses },
  },
);

const createMeasurementRoute = defineRoute(
  { kind: 'project', resource: 'kpi', action: 'create' },
  {
    method: 'post',
    path: `${base}/goals/{goalId}/measurements`,
    tags: ['goals'],
    summary: 'Record a KPI actual',
    request: { params: goalParamsSchema, body: jsonBody(measurementBodySchema) },
    responses: { 201: jsonResponse(measurementViewSchema), ...errorResponses },
  },
);

const deleteMeasurementRoute = defineRoute(
  { kind: 'project', resource: 'kpi', action: 'delete' },
  {
    method: 'delete',
    path: `${base}/goals/{goalId}/measurements/{measurementId}`,
    tags: ['goals'],
    summary: 'Delete a KPI actual',
    request: { params: measurementParamsSchema },
    responses: { 200: jsonResponse(okSchema), ...errorResponses },
  },
);

const getRoiRoute = defineRoute(
  { kind: 'project', resource: 'roi', action: 'read' },
  {
    method: 'get',
    path: `${base}/roi`,
    tags: ['goals'],
    summary: 'ROI: payback period, ROI %, NPV',
    request: { params: projectParamsSchema },
    responses: { 200: jsonResponse(roiViewSchema), ...errorResponses },
  },
);

const putRoiSettingsRoute = defineRoute(
  { kind: 'project', resource: 'roi', action: 'update' },
  {
    method: 'put',
    path: `${base}/roi/settings`,
    tags: ['goals'],
    summary: 'Set the ROI horizon, discount rate and currency',
    request: { params: projectParamsSchema, body: jsonBody(roiSettingsBodySchema) },
    responses: { 200: jsonResponse(roiViewSchema), ...errorResponses },
  },
);

const addRoiItemRoute = defineRoute(
  { kind: 'project', resource: 'roi', action: 'update' },
  {
    method: 'post',
    path: `${base}/roi/items`,
    tags: ['goals'],
    summary: 'Add a cost or benefit item',
    request: { params: projectParamsSchema, body: jsonBody(roiItemBodySchema) },
    responses: { 201: jsonResponse(roiViewSchema), ...errorResponses },
  },
);

const deleteRoiItemRoute = defineRoute(
  { kind: 'project', resource: 'roi', action: 'update' },
  {
    method: 'delete',
    path: `${base}/roi/items/{itemId}`,
    tags: ['goals'],
    summary: 'Remove a cost or benefit item',
    request: { params: roiItemParamsSchema },
    responses: { 200: jsonResponse(roiViewSchema), ...errorResponses },
  },
);

/** Goals, KPI measurements and ROI. */
export function registerGoalRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listGoalsRoute, async (c) => c.json({ items: await listGoals(c.var.db, c.req.valid('param').id, c.var.locale) }, 200));
  app.openapi(createGoalRoute, async (c) =>
    c.json(await createGoal(c.var.db, c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.locale), 201),
  );
  app.openapi(getGoalRoute, async (c) => {
    const { id, goalId } = c.req.valid('param');
    return c.json(await getGoal(c.var.db.kysely, id, goalId, c.var.locale), 200);
  });
  app.openapi(patchGoalRoute, async (c) => {
    const { id, goalId } = c.req.valid('param');
    return c.json(await updateGoal(c.var.db, c.var.actor, id, goalId, c.req.valid('json'), c.var.locale), 200);
  });
  app.openapi(deleteGoalRoute, async (c) => {
    const { id, goalId } = c.req.valid('param');
    await deleteGoal(c.var.db, c.var.actor, id, goalId);
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(listMeasurementsRoute, async (c) => {
    const { id, goalId } = c.req.valid('param');
    return c.json({ items: await listMeasurements(c.var.db, id, goalId) }, 200);
  });
  app.openapi(createMeasurementRoute, async (c) => {
    const { id, goalId } = c.req.valid('param');
    return c.json(await recordMeasurement(c.var.db, c.var.actor, id, goalId, c.req.valid('json')), 201);
  });
  app.openapi(deleteMeasurementRoute, async (c) => {
    const { id, goalId, measurementId } = c.req.valid('param');
    await deleteMeasurement(c.var.db, c.var.actor, id, goalId, measurementId);
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(getRoiRoute, async (c) => c.json(await getRoi(c.var.db.kysely, c.req.valid('param').id), 200));
  app.openapi(putRoiSettingsRoute, async (c) =>
    c.json(await updateRoiSettings(c.var.db, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(addRoiItemRoute, async (c) =>
    c.json(await addRoiItem(c.var.db, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 201),
  );
  app.openapi(deleteRoiItemRoute, async (c) => {
    const { id, itemId } = c.req.valid('param');
    return c.json(await deleteRoiItem(c.var.db, c.var.actor, id, itemId), 200);
  });
}
