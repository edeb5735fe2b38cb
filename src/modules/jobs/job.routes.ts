import { OpenAPIHono, z } from '@hono/zod-openapi';
import { errorResponses, jsonResponse, projectParamsSchema } from '../../server/common-schemas';
import type { AppEnv } from '../../server/app-env';
import { defineRoute } from '../../server/define-route';

const jobViewSchema = z
  .object({
    id: z.string(),
    projectId: z.string().nullable(),
    type: z.string(),
    status: z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']),
    progress: z.number(),
    message: z.string(),
    attempts: z.number(),
    maxAttempts: z.number(),
    result: z.unknown(),
    error: z.string().nullable(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .openapi('Job');

const jobParams = projectParamsSchema.extend({ jobId: z.string().min(1).max(64) });

const listRoute = defineRoute(
  { kind: 'project', resource: 'job', action: 'read' },
  {
    method: 'get',
    path: '/api/v1/projects/{id}/jobs',
    tags: ['jobs'],
    summary: "The project's background jobs, newest first",
    request: { params: projectParamsSchema },
    responses: { 200: jsonResponse(z.object({ items: z.array(jobViewSchema) })), ...errorResponses },
  },
);

const getRoute = defineRoute(
  { kind: 'project', resource: 'job', action: 'read' },
  {
    method: 'get',
    path: '/api/v1/projects/{id}/jobs/{jobId}',
    tags: ['jobs'],
    summary: 'One job with progress',
    request: { params: jobParams },
    responses: { 200: jsonResponse(jobViewSchema), ...errorResponses },
  },
);

const cancelRoute = defineRoute(
  { kind: 'project', resource: 'job', action: 'update' },
  {
    method: 'post',
    path: '/api/v1/projects/{id}/jobs/{jobId}/cancel',
    tags: ['jobs'],
    summary: 'Cancel a queued or running job',
    request: { params: jobParams },
    responses: { 200: jsonResponse(jobViewSchema), ...errorResponses },
  },
);

/** Background job status and cancellation. */
export function registerJobRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => c.json({ items: await c.var.jobs.listJobs(c.req.valid('param').id) }, 200));
  app.openapi(getRoute, async (c) => {
    const { id, jobId } = c.req.valid('param');
    return c.json(await c.var.jobs.getJob(jobId, id), 200);
  });
  app.openapi(cancelRoute, async (c) => {
    const { id, jobId } = c.req.valid('param');
    return c.json(await c.var.jobs.cancel(jobId, id), 200);
  });
}
