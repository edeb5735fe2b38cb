import type { OpenAPIHono } from '@hono/zod-openapi';
import { errorResponses, jsonBody, jsonResponse, okSchema, projectParamsSchema } from '../../server/common-schemas';
import type { AppEnv } from '../../server/app-env';
import { defineRoute } from '../../server/define-route';
import {
  baselineParamsSchema,
  baselineSummarySchema,
  baselineVarianceViewSchema,
  createBaselineBodySchema,
  createCalendarExceptionBodySchema,
  createDependencyBodySchema,
  createTaskBodySchema,
  dependencyParamsSchema,
  exceptionParamsSchema,
  planViewSchema,
  taskParamsSchema,
  updateSettingsBodySchema,
  updateTaskBodySchema,
} from './plan.schema';
import {
  createBaseline,
  createCalendarException,
  deleteBaseline,
  deleteCalendarException,
  getBaselineVariance,
  getPlan,
  updatePlanSettings,
} from './plan.service';
import { createDependency, createTask, deleteDependency, deleteTask, updateTask } from './plan-task.service';

const base = '/api/v1/projects/{id}/rollout/plan';
const tags = ['rollout'];
const planResponse = { 200: jsonResponse(planViewSchema), ...errorResponses };

const getRoute = defineRoute(
  { kind: 'project', resource: 'plan', action: 'read' },
  {
    method: 'get',
    path: base,
    tags,
    summary: 'The project plan scheduled now (critical path method on the working calendar)',
    description:
      'Every WBS line with early/late dates, total and free float (working days) and whether it is critical; summaries span their subtasks; baselines with the finish slip against each (the slip trend).',
    request: { params: projectParamsSchema },
    responses: planResponse,
  },
);

const settingsRoute = defineRoute(
  { kind: 'project', resource: 'plan', action: 'update' },
  {
    method: 'put',
    path: `${base}/settings`,
    tags,
    summary: "Set the plan's start date and working calendar (weekdays, hours, holidays, make-up days)",
    request: { params: projectParamsSchema, body: jsonBody(updateSettingsBodySchema) },
    responses: planResponse,
  },
);

const createTaskRoute = defineRoute(
  { kind: 'project', resource: 'plan', action: 'create' },
  {
    method: 'post',
    path: `${base}/tasks`,
    tags,
    summary: 'Add a task or milestone (at the end of its parent)',
    request: { params: projectParamsSchema, body: jsonBody(createTaskBodySchema) },
    responses: { 201: jsonResponse(planViewSchema), ...errorResponses },
  },
);

const patchTaskRoute = defineRoute(
  { kind: 'project', resource: 'plan', action: 'update' },
  {
    method: 'patch',
    path: `${base}/tasks/{taskId}`,
    tags,
    summary: 'Change a task; a new start (drag) is a start-no-earlier-than constraint and its successors follow',
    request: { params: taskParamsSchema, body: jsonBody(updateTaskBodySchema) },
    responses: planResponse,
  },
);

const deleteTaskRoute = defineRoute(
  { kind: 'project', resource: 'plan', action: 'delete' },
  {
    method: 'delete',
    path: `${base}/tasks/{taskId}`,
    tags,
    summary: 'Delete a task with its subtasks and their dependencies',
    request: { params: taskParamsSchema },
    responses: planResponse,
  },
);

const createDependencyRoute = defineRoute(
  { kind: 'project', resource: 'plan', action: 'create' },
  {
    method: 'post',
    path: `${base}/dependencies`,
    tags,
    summary: 'Link two tasks (FS, SS, FF, SF with lag or lead); a link that closes a cycle is refused naming it',
    request: { params: projectParamsSchema, body: jsonBody(createDependencyBodySchema) },
    responses: { 201: jsonResponse(planViewSchema), ...errorResponses },
  },
);

const deleteDependencyRoute = defineRoute(
  { kind: 'project', resource: 'plan', action: 'delete' },
  {
    method: 'delete',
    path: `${base}/dependencies/{dependencyId}`,
    tags,
    summary: 'Remove a dependency',
    request: { params: dependencyParamsSchema },
    responses: planResponse,
  },
);

const createExceptionRoute = defineRoute(
  { kind: 'project', resource: 'plan', action: 'update' },
  {
    method: 'post',
    path: `${base}/calendar-exceptions`,
    tags,
    summary: "Record a member's leave or extra working days (tasks they own during it are flagged)",
    request: { params: projectParamsSchema, body: jsonBody(createCalendarExceptionBodySchema) },
    responses: { 201: jsonResponse(planViewSchema), ...errorResponses },
  },
);

const deleteExceptionRoute = defineRoute(
  { kind: 'project', resource: 'plan', action: 'update' },
  {
    method: 'delete',
    path: `${base}/calendar-exceptions/{exceptionId}`,
    tags,
    summary: "Remove a member's calendar exception",
    request: { params: exceptionParamsSchema },
    responses: planResponse,
  },
);

const createBaselineRoute = defineRoute(
  { kind: 'project', resource: 'plan', action: 'create' },
  {
    method: 'post',
    path: `${base}/baselines`,
    tags,
    summary: 'Save the current schedule as a named, immutable baseline',
    request: { params: projectParamsSchema, body: jsonBody(createBaselineBodySchema) },
    responses: { 201: jsonResponse(baselineSummarySchema), ...errorResponses },
  },
);

const varianceRoute = defineRoute(
  { kind: 'project', resource: 'plan', action: 'read' },
  {
    method: 'get',
    path: `${base}/baselines/{baselineId}`,
    tags,
    summary: "Every task's start/finish slip and duration change against a baseline (working days)",
    request: { params: baselineParamsSchema },
    responses: { 200: jsonResponse(baselineVarianceViewSchema), ...errorResponses },
  },
);

const deleteBaselineRoute = defineRoute(
  { kind: 'project', resource: 'plan', action: 'delete' },
  {
    method: 'delete',
    path: `${base}/baselines/{baselineId}`,
    tags,
    summary: 'Delete a baseline (baselines are never edited)',
    request: { params: baselineParamsSchema },
    responses: { 200: jsonResponse(okSchema), ...errorResponses },
  },
);

/** The project plan (5. 实施 → 项目计划). */
export function registerPlanRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getRoute, async (c) => c.json(await getPlan(c.var.db, c.req.valid('param').id), 200));
  app.openapi(settingsRoute, async (c) =>
    c.json(await updatePlanSettings(c.var.db, c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.locale), 200),
  );
  app.openapi(createTaskRoute, async (c) =>
    c.json(await createTask(c.var.db, c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.locale), 201),
  );
  app.openapi(patchTaskRoute, async (c) => {
    const { id, taskId } = c.req.valid('param');
    return c.json(await updateTask(c.var.db, c.var.actor, id, taskId, c.req.valid('json'), c.var.locale), 200);
  });
  app.openapi(deleteTaskRoute, async (c) => {
    const { id, taskId } = c.req.valid('param');
    return c.json(await deleteTask(c.var.db, c.var.actor, id, taskId), 200);
  });
  app.openapi(createDependencyRoute, async (c) =>
    c.json(await createDependency(c.var.db, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 201),
  );
  app.openapi(deleteDependencyRoute, async (c) => {
    const { id, dependencyId } = c.req.valid('param');
    return c.json(await deleteDependency(c.var.db, c.var.actor, id, dependencyId), 200);
  });
  app.openapi(createExceptionRoute, async (c) =>
    c.json(await createCalendarException(c.var.db, c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.locale), 201),
  );
  app.openapi(deleteExceptionRoute, async (c) => {
    const { id, exceptionId } = c.req.valid('param');
    return c.json(await deleteCalendarException(c.var.db, c.var.actor, id, exceptionId), 200);
  });
  app.openapi(createBaselineRoute, async (c) =>
    c.json(await createBaseline(c.var.db, c.var.actor, c.req.valid('param').id, c.req.valid('json').name), 201),
  );
  app.openapi(varianceRoute, async (c) => {
    const { id, baselineId } = c.req.valid('param');
    return c.json(await getBaselineVariance(c.var.db, id, baselineId), 200);
  });
  app.openapi(deleteBaselineRoute, async (c) => {
    const { id, baselineId } = c.req.valid('param');
    await deleteBaseline(c.var.db, c.var.actor, id, baselineId);
    return c.json({ ok: true as const }, 200);
  });
}
