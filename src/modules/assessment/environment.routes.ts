import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  errorResponses,
  fileResponse,
  jsonBody,
  jsonResponse,
  okSchema,
  pathIdSchema,
  projectParamsSchema,
} from '../../server/common-schemas';
import type { AppEnv } from '../../server/app-env';
import { defineRoute } from '../../server/define-route';
import {
  createSite,
  deleteProbe,
  deleteSite,
  environmentViewSchema,
  getEnvironment,
  listProbes,
  probeBodySchema,
  probeViewSchema,
  profileBodySchema,
  resetRequirementProfile,
  saveRequirementProfile,
  siteBodySchema,
  siteViewSchema,
  submitProbe,
  updateSite,
  updateSiteBodySchema,
} from './environment.service';

const base = '/api/v1/projects/{id}';
const tags = ['assessment'];
/** Size of the throughput test payload: big enough to measure, small enough for a slow site. */
export const PROBE_PAYLOAD_BYTES = 1536 * 1024;

// ---------- environment ----------

const siteParamsSchema = projectParamsSchema.extend({ siteId: pathIdSchema('siteId') });

const getEnvironmentRoute = defineRoute(
  { kind: 'project', resource: 'assessment', action: 'read' },
  {
    method: 'get',
    path: `${base}/assessment/environment`,
    tags,
    summary: 'Requirement profile and sites with their facts evaluated (pass / warn / fail)',
    request: { params: projectParamsSchema },
    responses: { 200: jsonResponse(environmentViewSchema), ...errorResponses },
  },
);

const putProfileRoute = defineRoute(
  { kind: 'project', resource: 'assessment', action: 'update' },
  {
    method: 'put',
    path: `${base}/assessment/environment/profile`,
    tags,
    summary: "Replace the project's ERP requirement profile",
    request: { params: projectParamsSchema, body: jsonBody(profileBodySchema) },
    responses: { 200: jsonResponse(environmentViewSchema), ...errorResponses },
  },
);

const resetProfileRoute = defineRoute(
  { kind: 'project', resource: 'assessment', action: 'update' },
  {
    method: 'delete',
    path: `${base}/assessment/environment/profile`,
    tags,
    summary: 'Go back to the default 金昌 ERP requirement profile',
    request: { params: projectParamsSchema },
    responses: { 200: jsonResponse(environmentViewSchema), ...errorResponses },
  },
);

const createSiteRoute = defineRoute(
  { kind: 'project', resource: 'assessment', action: 'create' },
  {
    method: 'post',
    path: `${base}/assessment/environment/sites`,
    tags,
    summary: 'Add a site with its recorded facts',
    request: { params: projectParamsSchema, body: jsonBody(siteBodySchema) },
    responses: { 201: jsonResponse(siteViewSchema), ...errorResponses },
  },
);

const updateSiteRoute = defineRoute(
  { kind: 'project', resource: 'assessment', action: 'update' },
  {
    method: 'patch',
    path: `${base}/assessment/environment/sites/{siteId}`,
    tags,
    summary: 'Update a site (facts are replaced as a whole)',
    request: { params: siteParamsSchema, body: jsonBody(updateSiteBodySchema) },
    responses: { 200: jsonResponse(siteViewSchema), ...errorResponses },
  },
);

const deleteSiteRoute = defineRoute(
  { kind: 'project', resource: 'assessment', action: 'delete' },
  {
    method: 'delete',
    path: `${base}/assessment/environment/sites/{siteId}`,
    tags,
    summary: 'Delete a site',
    request: { params: siteParamsSchema },
    responses: { 200: jsonResponse(okSchema), ...errorResponses },
  },
);

// ---------- probe ----------

const probeParamsSchema = projectParamsSchema.extend({ probeId: pathIdSchema('probeId') });

const pingRoute = defineRoute(
  { kind: 'project', resource: 'probe', action: 'create' },
  {
    method: 'get',
    path: `${base}/assessment/probe/ping`,
    tags,
    summary: 'Tiny uncached answer the probe page times for round trips',
    request: { params: projectParamsSchema },
    responses: { 200: jsonResponse(z.object({ t: z.number() })), ...errorResponses },
  },
);

const payloadRoute = defineRoute(
  { kind: 'project', resource: 'probe', action: 'create' },
  {
    method: 'get',
    path: `${base}/assessment/probe/payload`,
    tags,
    summary: 'A 1.5 MB uncached, incompressible payload the probe page times for throughput',
    request: { params: projectParamsSchema },
    responses: { 200: fileResponse('application/octet-stream', 'Random bytes'), ...errorResponses },
  },
);

const submitProbeRoute = defineRoute(
  { kind: 'project', resource: 'probe', action: 'create' },
  {
    method: 'post',
    path: `${base}/assessment/probes`,
    tags,
    summary: "Submit what the probe page measured in the caller's browser",
    request: { params: projectParamsSchema, body: jsonBody(probeBodySchema) },
    responses: { 201: jsonResponse(probeViewSchema), ...errorResponses },
  },
);

const listProbesRoute = defineRoute(
  { kind: 'project', resource: 'probe', action: 'read' },
  {
    method: 'get',
    path: `${base}/assessment/probes`,
    tags,
    summary: 'Probe results evaluated against the browser, bandwidth and latency requirements',
    request: { params: projectParamsSchema },
    responses: { 200: jsonResponse(z.object({ items: z.array(probeViewSchema) })), ...errorResponses },
  },
);

const deleteProbeRoute = defineRoute(
  { kind: 'project', resource: 'probe', action: 'delete' },
  {
    method: 'delete',
    path: `${base}/assessment/probes/{probeId}`,
    tags,
    summary: 'Delete a probe result',
    request: { params: probeParamsSchema },
    responses: { 200: jsonResponse(okSchema), ...errorResponses },
  },
);

/** Environment requirement profile, sites, and the browser/network probe that measures them. */
export function registerEnvironmentRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getEnvironmentRoute, async (c) => c.json(await getEnvironment(c.var.db.kysely, c.req.valid('param').id, c.var.locale), 200));
  app.openapi(putProfileRoute, async (c) =>
    c.json(await saveRequirementProfile(c.var.db, c.var.actor, c.req.valid('param').id, c.req.valid('json').items, c.var.locale), 200),
  );
  app.openapi(resetProfileRoute, async (c) =>
    c.json(await resetRequirementProfile(c.var.db, c.var.actor, c.req.valid('param').id, c.var.locale), 200),
  );
  app.openapi(createSiteRoute, async (c) =>
    c.json(await createSite(c.var.db, c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.locale), 201),
  );
  app.openapi(updateSiteRoute, async (c) => {
    const { id, siteId } = c.req.valid('param');
    return c.json(await updateSite(c.var.db, c.var.actor, id, siteId, c.req.valid('json'), c.var.locale), 200);
  });
  app.openapi(deleteSiteRoute, async (c) => {
    const { id, siteId } = c.req.valid('param');
    await deleteSite(c.var.db, c.var.actor, id, siteId);
    return c.json({ ok: true as const }, 200);
  });

  app.openapi(pingRoute, async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ t: Date.now() }, 200);
  });
  app.openapi(payloadRoute, async (c) => {
    // Random bytes: a compressing proxy cannot shrink them, so the measured rate is the line's.
    const { randomBytes } = await import('node:crypto');
    return c.body(new Uint8Array(randomBytes(PROBE_PAYLOAD_BYTES)), 200, {
      'Content-Type': 'application/octet-stream',
      'Cache-Control': 'no-store',
    });
  });
  app.openapi(submitProbeRoute, async (c) =>
    c.json(await submitProbe(c.var.db, c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.locale), 201),
  );
  app.openapi(listProbesRoute, async (c) =>
    c.json({ items: await listProbes(c.var.db.kysely, c.req.valid('param').id, c.var.locale) }, 200),
  );
  app.openapi(deleteProbeRoute, async (c) => {
    const { id, probeId } = c.req.valid('param');
    await deleteProbe(c.var.db, c.var.actor, id, probeId);
    return c.json({ ok: true as const }, 200);
  });
}
