import { OpenAPIHono, z } from '@hono/zod-openapi';
import { renderDocx } from '../../documents/render-docx';
import { renderHtml } from '../../documents/render-html';
import {
  attachmentHeader,
  errorResponses,
  fileResponse,
  jsonBody,
  jsonResponse,
  MEDIA_TYPE,
  okSchema,
  pathIdSchema,
  projectParamsSchema,
} from '../../server/common-schemas';
import type { AppEnv } from '../../server/app-env';
import { defineRoute } from '../../server/define-route';
import { AppError } from '../../shared/app-error';
import { buildCurrentStateReport } from './current-state-report';
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
import {
  BPMN_MAX_BYTES,
  bottleneckBodySchema,
  bottleneckParamsSchema,
  bottleneckViewSchema,
  createProcessBodySchema,
  importQuerySchema,
  processListQuerySchema,
  processParamsSchema,
  processSummarySchema,
  processViewSchema,
  settingsSchema,
  updateBottleneckBodySchema,
  updateProcessBodySchema,
} from './process.schema';
import {
  createBottleneck,
  createProcess,
  deleteBottleneck,
  deleteProcess,
  exportProcessXml,
  getAssessmentSettings,
  getProcess,
  listProcesses,
  updateAssessmentSettings,
  updateBottleneck,
  updateProcess,
} from './process.service';
import {
  createReportVersion,
  createReportVersionBodySchema,
  getReportVersionDocument,
  listReportVersions,
  reportVersionViewSchema,
} from './report-version.service';
import { createRole, deleteRole, listRoles, roleBodySchema, roleViewSchema, updateRole, updateRoleBodySchema } from './role.service';

const base = '/api/v1/projects/{id}';
const tags = ['assessment'];
/** Size of the throughput test payload: big enough to measure, small enough for a slow site. */
export const PROBE_PAYLOAD_BYTES = 1536 * 1024;

// ---------- processes ----------

const listProcessesRoute = defineRoute(
  { kind: 'project', resource: 'process', action: 'read' },
  {
    method: 'get',
    path: `${base}/processes`,
    tags,
    summary: 'Process maps (as-is / to-be) with their steps, without the XML',
    request: { params: projectParamsSchema, query: processListQuerySchema },
    responses: { 200: jsonResponse(z.object({ items: z.array(processSummarySchema) })), ...errorResponses },
  },
);

const createProcessRoute = defineRoute(
  { kind: 'project', resource: 'process', action: 'create' },
  {
    method: 'post',
    path: `${base}/processes`,
    tags,
    summary: 'Create a process map: from BPMN XML, from a step list (auto layout) or blank',
    request: { params: projectParamsSchema, body: jsonBody(createProcessBodySchema) },
    responses: { 201: jsonResponse(processViewSchema), ...errorResponses },
  },
);

const importProcessRoute = defineRoute(
  { kind: 'project', resource: 'process', action: 'create' },
  {
    method: 'put',
    path: `${base}/processes/uploads`,
    tags,
    summary: 'Import a .bpmn file (raw request body, at most 2 MB) as a new process map',
    request: {
      params: projectParamsSchema,
      query: importQuerySchema,
      body: { content: { 'application/xml': { schema: z.string().openapi({ format: 'binary' }) } } },
    },
    responses: { 201: jsonResponse(processViewSchema), ...errorResponses, 413: { description: 'Too large' } },
  },
);

const getProcessRoute = defineRoute(
  { kind: 'project', resource: 'process', action: 'read' },
  {
    method: 'get',
    path: `${base}/processes/{processId}`,
    tags,
    summary: 'One process map with its BPMN XML, steps and bottlenecks',
    request: { params: processParamsSchema },
    responses: { 200: jsonResponse(processViewSchema), ...errorResponses },
  },
);

const updateProcessRoute = defineRoute(
  { kind: 'project', resource: 'process', action: 'update' },
  {
    method: 'patch',
    path: `${base}/processes/{processId}`,
    tags,
    summary: 'Update a process map (fields or diagram; bottlenecks of removed steps are kept as orphaned)',
    request: { params: processParamsSchema, body: jsonBody(updateProcessBodySchema) },
    responses: { 200: jsonResponse(processViewSchema), ...errorResponses },
  },
);

const deleteProcessRoute = defineRoute(
  { kind: 'project', resource: 'process', action: 'delete' },
  {
    method: 'delete',
    path: `${base}/processes/{processId}`,
    tags,
    summary: 'Delete a process map and its bottlenecks',
    request: { params: processParamsSchema },
    responses: { 200: jsonResponse(okSchema), ...errorResponses },
  },
);

const exportProcessRoute = defineRoute(
  { kind: 'project', resource: 'process', action: 'export' },
  {
    method: 'get',
    path: `${base}/processes/{processId}/bpmn`,
    tags,
    summary: 'Download the stored diagram as a .bpmn file',
    request: { params: processParamsSchema },
    responses: { 200: fileResponse('application/xml', 'BPMN 2.0 XML'), ...errorResponses },
  },
);

const createBottleneckRoute = defineRoute(
  { kind: 'project', resource: 'process', action: 'update' },
  {
    method: 'post',
    path: `${base}/processes/{processId}/bottlenecks`,
    tags,
    summary: 'Mark a step of the diagram as a bottleneck',
    request: { params: processParamsSchema, body: jsonBody(bottleneckBodySchema) },
    responses: { 201: jsonResponse(bottleneckViewSchema), ...errorResponses },
  },
);

const updateBottleneckRoute = defineRoute(
  { kind: 'project', resource: 'process', action: 'update' },
  {
    method: 'patch',
    path: `${base}/processes/{processId}/bottlenecks/{bottleneckId}`,
    tags,
    summary: "Update a bottleneck's type, measurements or note",
    request: { params: bottleneckParamsSchema, body: jsonBody(updateBottleneckBodySchema) },
    responses: { 200: jsonResponse(bottleneckViewSchema), ...errorResponses },
  },
);

const deleteBottleneckRoute = defineRoute(
  { kind: 'project', resource: 'process', action: 'update' },
  {
    method: 'delete',
    path: `${base}/processes/{processId}/bottlenecks/{bottleneckId}`,
    tags,
    summary: 'Remove a bottleneck mark',
    request: { params: bottleneckParamsSchema },
    responses: { 200: jsonResponse(okSchema), ...errorResponses },
  },
);

const getSettingsRoute = defineRoute(
  { kind: 'project', resource: 'process', action: 'read' },
  {
    method: 'get',
    path: `${base}/assessment/settings`,
    tags,
    summary: 'Assessment settings: the hourly labour cost that prices bottlenecks',
    request: { params: projectParamsSchema },
    responses: { 200: jsonResponse(settingsSchema), ...errorResponses },
  },
);

const putSettingsRoute = defineRoute(
  { kind: 'project', resource: 'process', action: 'update' },
  {
    method: 'put',
    path: `${base}/assessment/settings`,
    tags,
    summary: 'Save the hourly labour cost (bottleneck cost = hours × cases per month × this rate)',
    request: { params: projectParamsSchema, body: jsonBody(settingsSchema) },
    responses: { 200: jsonResponse(settingsSchema), ...errorResponses },
  },
);

// ---------- user roles ----------

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

// ---------- current-state report ----------

const versionParamsSchema = projectParamsSchema.extend({ versionId: pathIdSchema('versionId') });

const listReportsRoute = defineRoute(
  { kind: 'project', resource: 'assessment', action: 'read' },
  {
    method: 'get',
    path: `${base}/assessment/reports`,
    tags,
    summary: 'Versions of the Current State Analysis Report (现状分析报告), newest first',
    request: { params: projectParamsSchema },
    responses: { 200: jsonResponse(z.object({ items: z.array(reportVersionViewSchema) })), ...errorResponses },
  },
);

const createReportRoute = defineRoute(
  { kind: 'project', resource: 'assessment', action: 'create' },
  {
    method: 'post',
    path: `${base}/assessment/reports`,
    tags,
    summary: "Create the next report version from this moment's data (in the caller's language)",
    request: { params: projectParamsSchema, body: jsonBody(createReportVersionBodySchema) },
    responses: { 201: jsonResponse(reportVersionViewSchema), ...errorResponses },
  },
);

const reportDocxRoute = defineRoute(
  { kind: 'project', resource: 'assessment', action: 'export' },
  {
    method: 'get',
    path: `${base}/assessment/reports/{versionId}/docx`,
    tags,
    summary: 'Download a report version as DOCX',
    request: { params: versionParamsSchema },
    responses: {
      200: fileResponse(MEDIA_TYPE.docx, 'DOCX'),
      ...errorResponses,
    },
  },
);

const reportHtmlRoute = defineRoute(
  { kind: 'project', resource: 'assessment', action: 'read' },
  {
    method: 'get',
    path: `${base}/assessment/reports/{versionId}/html`,
    tags,
    summary: 'Preview a report version as a printable HTML page',
    request: { params: versionParamsSchema },
    responses: { 200: fileResponse('text/html', 'HTML page'), ...errorResponses },
  },
);

const draftHtmlRoute = defineRoute(
  { kind: 'project', resource: 'assessment', action: 'read' },
  {
    method: 'get',
    path: `${base}/assessment/report-draft/html`,
    tags,
    summary: 'Preview the report from the current data, before creating a version',
    request: { params: projectParamsSchema },
    responses: { 200: fileResponse('text/html', 'HTML page'), ...errorResponses },
  },
);

/** Reads a raw request body up to `limit` bytes, refusing larger bodies with 413 without buffering them. */
async function readBodyText(body: ReadableStream<Uint8Array> | null, limit: number): Promise<string> {
  if (!body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new AppError('PAYLOAD_TOO_LARGE', { limit: `${limit / 1024 / 1024} MB` });
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Process maps, bottlenecks, user roles, environment check, probe and the current-state report. */
export function registerAssessmentRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listProcessesRoute, async (c) =>
    c.json({ items: await listProcesses(c.var.db.kysely, c.req.valid('param').id, c.req.valid('query').stage) }, 200),
  );
  app.openapi(createProcessRoute, async (c) =>
    c.json(await createProcess(c.var.db, c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.locale), 201),
  );
  app.openapi(importProcessRoute, async (c) => {
    const query = c.req.valid('query');
    const declared = Number(c.req.header('content-length') ?? '0');
    if (declared > BPMN_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', { limit: '2 MB' });
    const xml = await readBodyText(c.req.raw.body, BPMN_MAX_BYTES);
    const view = await createProcess(
      c.var.db,
      c.var.actor,
      c.req.valid('param').id,
      { stage: query.stage, department: query.department, name: query.name, description: '', bpmnXml: xml },
      c.var.locale,
    );
    return c.json(view, 201);
  });
  app.openapi(getProcessRoute, async (c) => {
    const { id, processId } = c.req.valid('param');
    return c.json(await getProcess(c.var.db.kysely, id, processId), 200);
  });
  app.openapi(updateProcessRoute, async (c) => {
    const { id, processId } = c.req.valid('param');
    return c.json(await updateProcess(c.var.db, c.var.actor, id, processId, c.req.valid('json')), 200);
  });
  app.openapi(deleteProcessRoute, async (c) => {
    const { id, processId } = c.req.valid('param');
    await deleteProcess(c.var.db, c.var.actor, id, processId);
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(exportProcessRoute, async (c) => {
    const { id, processId } = c.req.valid('param');
    const { fileName, xml } = await exportProcessXml(c.var.db.kysely, id, processId);
    return c.body(xml, 200, {
      'Content-Type': 'application/xml; charset=utf-8',
      'Content-Disposition': attachmentHeader(fileName, 'process.bpmn'),
    });
  });
  app.openapi(createBottleneckRoute, async (c) => {
    const { id, processId } = c.req.valid('param');
    return c.json(await createBottleneck(c.var.db, c.var.actor, id, processId, c.req.valid('json')), 201);
  });
  app.openapi(updateBottleneckRoute, async (c) => {
    const { id, processId, bottleneckId } = c.req.valid('param');
    return c.json(await updateBottleneck(c.var.db, c.var.actor, id, processId, bottleneckId, c.req.valid('json')), 200);
  });
  app.openapi(deleteBottleneckRoute, async (c) => {
    const { id, processId, bottleneckId } = c.req.valid('param');
    await deleteBottleneck(c.var.db, c.var.actor, id, processId, bottleneckId);
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(getSettingsRoute, async (c) => c.json(await getAssessmentSettings(c.var.db.kysely, c.req.valid('param').id), 200));
  app.openapi(putSettingsRoute, async (c) =>
    c.json(await updateAssessmentSettings(c.var.db, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 200),
  );

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

  app.openapi(listReportsRoute, async (c) => c.json({ items: await listReportVersions(c.var.db.kysely, c.req.valid('param').id) }, 200));
  app.openapi(createReportRoute, async (c) =>
    c.json(await createReportVersion(c.var.db, c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.locale), 201),
  );
  app.openapi(reportDocxRoute, async (c) => {
    const { id, versionId } = c.req.valid('param');
    const { doc, fileName } = await getReportVersionDocument(c.var.db.kysely, id, versionId);
    const buffer = await renderDocx(doc);
    return c.body(new Uint8Array(buffer), 200, {
      'Content-Type': MEDIA_TYPE.docx,
      'Content-Disposition': attachmentHeader(fileName, 'current-state-report.docx'),
    });
  });
  app.openapi(reportHtmlRoute, async (c) => {
    const { id, versionId } = c.req.valid('param');
    const { doc } = await getReportVersionDocument(c.var.db.kysely, id, versionId);
    return c.body(renderHtml(doc), 200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  });
  app.openapi(draftHtmlRoute, async (c) => {
    const doc = await buildCurrentStateReport(c.var.db, c.req.valid('param').id, { locale: c.var.locale, author: c.var.actor.name });
    return c.body(renderHtml(doc), 200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  });
}
