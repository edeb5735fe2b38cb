import { createReadStream, existsSync } from 'node:fs';
import { Readable } from 'node:stream';
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { attachmentHeader, errorResponses, fileResponse, jsonBody, jsonResponse, MEDIA_TYPE, okSchema } from '../../server/common-schemas';
import type { AppEnv } from '../../server/app-env';
import { defineRoute } from '../../server/define-route';
import { AppError } from '../../shared/app-error';
import { bindJobRuntime } from '../jobs/job-runtime';
import { createObject, deleteObject, getObject, getPlan, listObjects, updateObject } from './migration-object.service';
import { exportKeyMapCsv, listKeyMap } from './migration-key-map';
import { startRollback } from './migration-rollback-start';
import { startRun } from './migration-run-start';
import { getBatchRow, getRun, listRuns } from './migration-run-view';
import { listTargetColumns, listTargetTables, readSourceColumns } from './migration-schema-info';
import {
  batchParamsSchema,
  connectionParamsSchema,
  createObjectBodySchema,
  keyMapViewSchema,
  migrationSourceSchema,
  objectParamsSchema,
  objectViewSchema,
  planViewSchema,
  projectIdParam,
  rollbackBodySchema,
  runParamsSchema,
  runViewSchema,
  startRunBodySchema,
  targetColumnViewSchema,
  updateObjectBodySchema,
} from './migration.schema';

const base = '/api/v1/projects/{id}/migration';
const tags = ['migration'];
const listObjectsRoute = defineRoute(
  { kind: 'project', resource: 'migration', action: 'read' },
  {
    method: 'get',
    path: `${base}/objects`,
    tags,
    summary: 'Migration objects (会计科目, 客户, 物料, 期初余额, …) with their source, target and mapping',
    request: { params: projectIdParam },
    responses: { 200: jsonResponse(z.object({ items: z.array(objectViewSchema) })), ...errorResponses },
  },
);

const createObjectRoute = defineRoute(
  { kind: 'project', resource: 'migration', action: 'create' },
  {
    method: 'post',
    path: `${base}/objects`,
    tags,
    summary: 'Create a migration object (409 on a dependency cycle, naming it)',
    request: { params: projectIdParam, body: jsonBody(createObjectBodySchema) },
    responses: { 201: jsonResponse(objectViewSchema), ...errorResponses },
  },
);

const getObjectRoute = defineRoute(
  { kind: 'project', resource: 'migration', action: 'read' },
  {
    method: 'get',
    path: `${base}/objects/{objectId}`,
    tags,
    summary: 'One migration object',
    request: { params: objectParamsSchema },
    responses: { 200: jsonResponse(objectViewSchema), ...errorResponses },
  },
);

const updateObjectRoute = defineRoute(
  { kind: 'project', resource: 'migration', action: 'update' },
  {
    method: 'patch',
    path: `${base}/objects/{objectId}`,
    tags,
    summary: 'Change a migration object (409 on a dependency cycle, naming it)',
    request: { params: objectParamsSchema, body: jsonBody(updateObjectBodySchema) },
    responses: { 200: jsonResponse(objectViewSchema), ...errorResponses },
  },
);

const deleteObjectRoute = defineRoute(
  { kind: 'project', resource: 'migration', action: 'delete' },
  {
    method: 'delete',
    path: `${base}/objects/{objectId}`,
    tags,
    summary: 'Delete a migration object no other object depends on',
    request: { params: objectParamsSchema },
    responses: { 200: jsonResponse(okSchema), ...errorResponses },
  },
);

const keyMapRoute = defineRoute(
  { kind: 'project', resource: 'migration', action: 'read' },
  {
    method: 'get',
    path: `${base}/objects/{objectId}/key-map`,
    tags,
    summary: "An object's legacy → new key map (rows of its loaded batches)",
    request: {
      params: objectParamsSchema,
      query: z.object({
        q: z.string().max(200).optional(),
        limit: z.coerce.number().int().min(1).max(500).default(50),
        offset: z.coerce.number().int().min(0).default(0),
      }),
    },
    responses: { 200: jsonResponse(keyMapViewSchema), ...errorResponses },
  },
);

const keyMapExportRoute = defineRoute(
  { kind: 'project', resource: 'migration', action: 'export' },
  {
    method: 'get',
    path: `${base}/objects/{objectId}/key-map/export`,
    tags,
    summary: "An object's key map as CSV",
    request: { params: objectParamsSchema },
    responses: { 200: fileResponse('text/csv'), ...errorResponses },
  },
);

const planRoute = defineRoute(
  { kind: 'project', resource: 'migration', action: 'read' },
  {
    method: 'get',
    path: `${base}/plan`,
    tags,
    summary: 'The load order derived from dependencies and categories, with the dependency edges',
    request: { params: projectIdParam },
    responses: { 200: jsonResponse(planViewSchema), ...errorResponses },
  },
);

const sourceColumnsRoute = defineRoute(
  { kind: 'project', resource: 'migration', action: 'read' },
  {
    method: 'post',
    path: `${base}/source-columns`,
    tags,
    summary: 'The column names of a source (upload or data asset)',
    request: { params: projectIdParam, body: jsonBody(z.object({ source: migrationSourceSchema })) },
    responses: { 200: jsonResponse(z.object({ columns: z.array(z.string()) })), ...errorResponses },
  },
);

const targetTablesRoute = defineRoute(
  { kind: 'project', resource: 'migration', action: 'read' },
  {
    method: 'get',
    path: `${base}/connections/{connectionId}/tables`,
    tags,
    summary: 'The tables of a target connection',
    request: { params: connectionParamsSchema },
    responses: { 200: jsonResponse(z.object({ tables: z.array(z.string()) })), ...errorResponses },
  },
);

const targetColumnsRoute = defineRoute(
  { kind: 'project', resource: 'migration', action: 'read' },
  {
    method: 'get',
    path: `${base}/connections/{connectionId}/columns`,
    tags,
    summary: 'The columns of a target table (type, NOT NULL, default, primary key)',
    request: { params: connectionParamsSchema, query: z.object({ table: z.string().min(1).max(200) }) },
    responses: { 200: jsonResponse(z.object({ columns: z.array(targetColumnViewSchema) })), ...errorResponses },
  },
);

const startRunRoute = defineRoute(
  { kind: 'project', resource: 'migration', action: 'create' },
  {
    method: 'post',
    path: `${base}/runs`,
    tags,
    summary: 'Start a simulated or real migration of the objects in load order (a background job)',
    request: { params: projectIdParam, body: jsonBody(startRunBodySchema) },
    responses: { 202: jsonResponse(z.object({ run: runViewSchema, jobId: z.string() })), ...errorResponses },
  },
);

const listRunsRoute = defineRoute(
  { kind: 'project', resource: 'migration', action: 'read' },
  {
    method: 'get',
    path: `${base}/runs`,
    tags,
    summary: 'Migration runs with their batches (counts, rejects, after-load check), newest first',
    request: { params: projectIdParam },
    responses: { 200: jsonResponse(z.object({ items: z.array(runViewSchema) })), ...errorResponses },
  },
);

const getRunRoute = defineRoute(
  { kind: 'project', resource: 'migration', action: 'read' },
  {
    method: 'get',
    path: `${base}/runs/{runId}`,
    tags,
    summary: 'One migration run',
    request: { params: runParamsSchema },
    responses: { 200: jsonResponse(runViewSchema), ...errorResponses },
  },
);

const rollbackRunRoute = defineRoute(
  { kind: 'project', resource: 'migration', action: 'update' },
  {
    method: 'post',
    path: `${base}/runs/{runId}/rollback`,
    tags,
    summary: 'Roll back a real run (its batches in reverse load order); confirm with the run number',
    request: { params: runParamsSchema, body: jsonBody(rollbackBodySchema) },
    responses: { 202: jsonResponse(z.object({ run: runViewSchema, jobId: z.string() })), ...errorResponses },
  },
);

const rollbackBatchRoute = defineRoute(
  { kind: 'project', resource: 'migration', action: 'update' },
  {
    method: 'post',
    path: `${base}/batches/{batchId}/rollback`,
    tags,
    summary: "Roll back one batch; confirm with the object's name",
    request: { params: batchParamsSchema, body: jsonBody(rollbackBodySchema) },
    responses: { 202: jsonResponse(z.object({ run: runViewSchema, jobId: z.string() })), ...errorResponses },
  },
);

const rejectsRoute = defineRoute(
  { kind: 'project', resource: 'migration', action: 'export' },
  {
    method: 'get',
    path: `${base}/batches/{batchId}/rejects`,
    tags,
    summary: "A batch's rejected rows as CSV (行号, 列, 原因, then the row)",
    request: { params: batchParamsSchema },
    responses: { 200: fileResponse('text/csv'), ...errorResponses },
  },
);

const outputRoute = defineRoute(
  { kind: 'project', resource: 'migration', action: 'export' },
  {
    method: 'get',
    path: `${base}/batches/{batchId}/output`,
    tags,
    summary: 'The import file a batch wrote (file targets)',
    request: { params: batchParamsSchema },
    responses: { 200: fileResponse('application/octet-stream'), ...errorResponses },
  },
);

function streamFile(path: string | null): ReadableStream {
  if (!path || !existsSync(path)) throw new AppError('NOT_FOUND', { entity: 'file', id: 'the file is no longer there' });
  return Readable.toWeb(createReadStream(path)) as ReadableStream;
}

/** Data migration (上线 → 数据迁移): objects, plan, runs, batches, rollback, key maps. */
export function registerMigrationRoutes(app: OpenAPIHono<AppEnv>): void {
  // The migration jobs find their database and data directory through the cutover runtime binding.
  app.use('/api/v1/projects/*', async (c, next) => {
    bindJobRuntime(c.var.db, c.var.config.dataDir);
    await next();
  });

  app.openapi(listObjectsRoute, async (c) => c.json({ items: await listObjects(c.var.db, c.req.valid('param').id, c.var.locale) }, 200));
  app.openapi(createObjectRoute, async (c) =>
    c.json(await createObject(c.var.db, c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.locale), 201),
  );
  app.openapi(getObjectRoute, async (c) => {
    const { id, objectId } = c.req.valid('param');
    return c.json(await getObject(c.var.db.kysely, id, objectId, c.var.locale), 200);
  });
  app.openapi(updateObjectRoute, async (c) => {
    const { id, objectId } = c.req.valid('param');
    return c.json(await updateObject(c.var.db, c.var.actor, id, objectId, c.req.valid('json'), c.var.locale), 200);
  });
  app.openapi(deleteObjectRoute, async (c) => {
    const { id, objectId } = c.req.valid('param');
    await deleteObject(c.var.db, c.var.actor, id, objectId, c.var.locale);
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(keyMapRoute, async (c) => {
    const { id, objectId } = c.req.valid('param');
    return c.json(await listKeyMap(c.var.db, id, objectId, c.req.valid('query')), 200);
  });
  app.openapi(keyMapExportRoute, async (c) => {
    const { id, objectId } = c.req.valid('param');
    const file = await exportKeyMapCsv(c.var.db, id, objectId);
    return c.body(file.body, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': attachmentHeader(file.name, 'key-map.csv'),
    });
  });
  app.openapi(planRoute, async (c) => c.json(await getPlan(c.var.db, c.req.valid('param').id, c.var.locale), 200));
  app.openapi(sourceColumnsRoute, async (c) =>
    c.json({ columns: await readSourceColumns(c.var.db, c.req.valid('param').id, c.var.config.dataDir, c.req.valid('json').source) }, 200),
  );
  app.openapi(targetTablesRoute, async (c) => {
    const { id, connectionId } = c.req.valid('param');
    return c.json({ tables: await listTargetTables(c.var.db, id, c.var.config.dataDir, connectionId) }, 200);
  });
  app.openapi(targetColumnsRoute, async (c) => {
    const { id, connectionId } = c.req.valid('param');
    return c.json({ columns: await listTargetColumns(c.var.db, id, c.var.config.dataDir, connectionId, c.req.valid('query').table) }, 200);
  });
  app.openapi(startRunRoute, async (c) =>
    c.json(await startRun(c.var.db, c.var.jobs, c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.locale), 202),
  );
  app.openapi(listRunsRoute, async (c) => c.json({ items: await listRuns(c.var.db, c.req.valid('param').id) }, 200));
  app.openapi(getRunRoute, async (c) => {
    const { id, runId } = c.req.valid('param');
    return c.json(await getRun(c.var.db, id, runId), 200);
  });
  app.openapi(rollbackRunRoute, async (c) => {
    const { id, runId } = c.req.valid('param');
    return c.json(await startRollback(c.var.db, c.var.jobs, c.var.actor, id, { runId }, c.req.valid('json').confirm, c.var.locale), 202);
  });
  app.openapi(rollbackBatchRoute, async (c) => {
    const { id, batchId } = c.req.valid('param');
    return c.json(await startRollback(c.var.db, c.var.jobs, c.var.actor, id, { batchId }, c.req.valid('json').confirm, c.var.locale), 202);
  });
  app.openapi(rejectsRoute, async (c) => {
    const { id, batchId } = c.req.valid('param');
    const batch = await getBatchRow(c.var.db.kysely, id, batchId);
    const body = streamFile(batch.rejects_path);
    return c.body(body, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': attachmentHeader(`${batch.object_name}-拒绝记录.csv`, 'rejects.csv'),
    });
  });
  app.openapi(outputRoute, async (c) => {
    const { id, batchId } = c.req.valid('param');
    const batch = await getBatchRow(c.var.db.kysely, id, batchId);
    if (batch.status !== 'loaded') throw new AppError('NOT_FOUND', { entity: 'file', id: batchId });
    const ext = batch.output_path?.endsWith('.xlsx') ? 'xlsx' : 'csv';
    const body = streamFile(batch.output_path);
    return c.body(body, 200, {
      'Content-Type': ext === 'xlsx' ? MEDIA_TYPE.xlsx : 'text/csv; charset=utf-8',
      'Content-Disposition': attachmentHeader(`${batch.object_name}.${ext}`, `output.${ext}`),
    });
  });
}
