import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  attachmentHeader,
  errorResponses,
  fileResponse,
  jsonBody,
  jsonResponse,
  okSchema,
  projectParamsSchema,
} from '../../server/common-schemas';
import type { AppEnv } from '../../server/app-env';
import { defineRoute } from '../../server/define-route';
import { AppError } from '../../shared/app-error';
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

const base = '/api/v1/projects/{id}';
const tags = ['assessment'];

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

/** Process maps, their bottlenecks and the assessment settings (the labour cost that prices bottlenecks). */
export function registerProcessRoutes(app: OpenAPIHono<AppEnv>): void {
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
}
