import { OpenAPIHono, z } from '@hono/zod-openapi';
import { attachmentHeader, errorResponses, fileResponse, jsonBody, jsonResponse, MEDIA_TYPE, okSchema } from '../../server/common-schemas';
import type { AppEnv } from '../../server/app-env';
import { defineRoute } from '../../server/define-route';
import { createConnection, deleteConnection, listConnections, testConnection, updateConnection } from './connection.service';
import { bindJobRuntime } from '../jobs/job-runtime';
import {
  connectionParamsSchema,
  connectionViewSchema,
  createConnectionBodySchema,
  createSpecBodySchema,
  differenceQuerySchema,
  differenceViewSchema,
  exitCriterionViewSchema,
  explainBodySchema,
  historyViewSchema,
  importSpecBodySchema,
  projectIdParam,
  resolvedItemViewSchema,
  runParamsSchema,
  runViewSchema,
  specParamsSchema,
  specViewSchema,
  startRunBodySchema,
  suggestMappingBodySchema,
  suggestMappingViewSchema,
  testWebhookBodySchema,
  updateConnectionBodySchema,
  updateSpecBodySchema,
  webhookResultSchema,
} from './cutover.schema';
import { exportDifferences } from './difference-export';
import {
  explainDifferences,
  getRun,
  getSpecRow,
  listDifferences,
  listResolved,
  listRuns,
  projectExitCriteria,
  specHistory,
} from './run-query.service';
import { cancelRun, startManualRun, testNotice } from './run.service';
import {
  createSpec,
  deleteSpec,
  exportSpecYaml,
  getSpec,
  importSpec,
  listSpecs,
  specWebhookUrl,
  suggestMapping,
  updateSpec,
} from './spec.service';
import { isUsableWebhookUrl, sendWebhook } from './webhook';
import { AppError } from '../../shared/app-error';
import type { WebhookFormat } from './cutover.schema';
import { fieldLabel as lbl, labelled } from '../../shared/validation/field-labels';

const base = '/api/v1/projects/{id}';
const tags = ['dual-run'];
const pageQuery = z.object({
  limit: labelled(z.coerce.number().int().min(1).max(200).default(50), lbl('每页条数', 'Page size')),
  offset: labelled(z.coerce.number().int().min(0).default(0), lbl('起始位置', 'Offset')),
});

// ---- connections ----

const listConnectionsRoute = defineRoute(
  { kind: 'project', resource: 'connection', action: 'read' },
  {
    method: 'get',
    path: `${base}/connections`,
    tags,
    summary: 'Saved database connections (passwords are never returned)',
    request: { params: projectIdParam },
    responses: { 200: jsonResponse(z.object({ items: z.array(connectionViewSchema) })), ...errorResponses },
  },
);

const createConnectionRoute = defineRoute(
  { kind: 'project', resource: 'connection', action: 'create' },
  {
    method: 'post',
    path: `${base}/connections`,
    tags,
    summary: 'Save a database connection (URL encrypted at rest with AES-256-GCM)',
    request: { params: projectIdParam, body: jsonBody(createConnectionBodySchema) },
    responses: { 201: jsonResponse(connectionViewSchema), ...errorResponses },
  },
);

const updateConnectionRoute = defineRoute(
  { kind: 'project', resource: 'connection', action: 'update' },
  {
    method: 'patch',
    path: `${base}/connections/{connectionId}`,
    tags,
    summary: 'Rename a connection or change its URL or password',
    request: { params: connectionParamsSchema, body: jsonBody(updateConnectionBodySchema) },
    responses: { 200: jsonResponse(connectionViewSchema), ...errorResponses },
  },
);

const deleteConnectionRoute = defineRoute(
  { kind: 'project', resource: 'connection', action: 'delete' },
  {
    method: 'delete',
    path: `${base}/connections/{connectionId}`,
    tags,
    summary: 'Delete a connection no spec uses',
    request: { params: connectionParamsSchema },
    responses: { 200: jsonResponse(okSchema), ...errorResponses },
  },
);

const testConnectionRoute = defineRoute(
  { kind: 'project', resource: 'connection', action: 'read' },
  {
    method: 'post',
    path: `${base}/connections/{connectionId}/test`,
    tags,
    summary: 'Try to connect (runs SELECT 1)',
    request: { params: connectionParamsSchema },
    responses: { 200: jsonResponse(z.object({ ok: z.boolean(), error: z.string().nullable() })), ...errorResponses },
  },
);

// ---- specs ----

const listSpecsRoute = defineRoute(
  { kind: 'project', resource: 'reconcile', action: 'read' },
  {
    method: 'get',
    path: `${base}/reconcile/specs`,
    tags,
    summary: 'Reconciliation specs with their last run and exit criterion',
    request: { params: projectIdParam },
    responses: { 200: jsonResponse(z.object({ items: z.array(specViewSchema) })), ...errorResponses },
  },
);

const createSpecRoute = defineRoute(
  { kind: 'project', resource: 'reconcile', action: 'create' },
  {
    method: 'post',
    path: `${base}/reconcile/specs`,
    tags,
    summary: 'Create a spec (sources and every named column are checked)',
    request: { params: projectIdParam, body: jsonBody(createSpecBodySchema) },
    responses: { 201: jsonResponse(specViewSchema), ...errorResponses },
  },
);

const importSpecRoute = defineRoute(
  { kind: 'project', resource: 'reconcile', action: 'create' },
  {
    method: 'post',
    path: `${base}/reconcile/specs/import`,
    tags,
    summary: 'Create a spec from a `golive reconcile --spec` YAML file',
    description: 'File sources are matched to uploads by file name, database URLs to saved connections; `left`/`right` override.',
    request: { params: projectIdParam, body: jsonBody(importSpecBodySchema) },
    responses: { 201: jsonResponse(specViewSchema), ...errorResponses },
  },
);

const suggestMappingRoute = defineRoute(
  { kind: 'project', resource: 'reconcile', action: 'create' },
  {
    method: 'post',
    path: `${base}/reconcile/suggest-mapping`,
    tags,
    summary: "Read both sources' headers and suggest the column mapping and key",
    request: { params: projectIdParam, body: jsonBody(suggestMappingBodySchema) },
    responses: { 200: jsonResponse(suggestMappingViewSchema), ...errorResponses },
  },
);

const getSpecRoute = defineRoute(
  { kind: 'project', resource: 'reconcile', action: 'read' },
  {
    method: 'get',
    path: `${base}/reconcile/specs/{specId}`,
    tags,
    summary: 'One spec; ?format=yaml exports it as a CLI spec file',
    request: {
      params: specParamsSchema,
      query: z.object({ format: labelled(z.enum(['json', 'yaml']).default('json'), lbl('格式', 'Format')) }),
    },
    responses: {
      200: {
        description: 'The spec (JSON) or the spec file (YAML)',
        content: { 'application/json': { schema: specViewSchema }, 'application/yaml': { schema: z.string() } },
      },
      ...errorResponses,
    },
  },
);

const updateSpecRoute = defineRoute(
  { kind: 'project', resource: 'reconcile', action: 'update' },
  {
    method: 'patch',
    path: `${base}/reconcile/specs/{specId}`,
    tags,
    summary: 'Update a spec',
    request: { params: specParamsSchema, body: jsonBody(updateSpecBodySchema) },
    responses: { 200: jsonResponse(specViewSchema), ...errorResponses },
  },
);

const deleteSpecRoute = defineRoute(
  { kind: 'project', resource: 'reconcile', action: 'delete' },
  {
    method: 'delete',
    path: `${base}/reconcile/specs/{specId}`,
    tags,
    summary: 'Delete a spec with its runs and differences',
    request: { params: specParamsSchema },
    responses: { 200: jsonResponse(okSchema), ...errorResponses },
  },
);

const startRunRoute = defineRoute(
  { kind: 'project', resource: 'reconcile', action: 'create' },
  {
    method: 'post',
    path: `${base}/reconcile/specs/{specId}/run`,
    tags,
    summary: 'Run a spec now (background job reconcile.run)',
    request: { params: specParamsSchema, body: jsonBody(startRunBodySchema) },
    responses: {
      202: jsonResponse(z.object({ run: runViewSchema, jobId: z.string() }), 'Queued'),
      ...errorResponses,
    },
  },
);

const listRunsRoute = defineRoute(
  { kind: 'project', resource: 'reconcile', action: 'read' },
  {
    method: 'get',
    path: `${base}/reconcile/specs/{specId}/runs`,
    tags,
    summary: "A spec's runs with summaries, newest first",
    request: { params: specParamsSchema, query: pageQuery },
    responses: { 200: jsonResponse(z.object({ total: z.number(), items: z.array(runViewSchema) })), ...errorResponses },
  },
);

const historyRoute = defineRoute(
  { kind: 'project', resource: 'reconcile', action: 'read' },
  {
    method: 'get',
    path: `${base}/reconcile/specs/{specId}/history`,
    tags,
    summary: 'Trend per business date and the exit criterion',
    request: { params: specParamsSchema },
    responses: { 200: jsonResponse(historyViewSchema), ...errorResponses },
  },
);

const explainRoute = defineRoute(
  { kind: 'project', resource: 'reconcile', action: 'update' },
  {
    method: 'post',
    path: `${base}/reconcile/specs/{specId}/explanations`,
    tags,
    summary: 'Mark differences explained (or not); carries over while the key stays open',
    request: { params: specParamsSchema, body: jsonBody(explainBodySchema) },
    responses: { 200: jsonResponse(z.object({ items: z.number() })), ...errorResponses },
  },
);

const testWebhookRoute = defineRoute(
  { kind: 'project', resource: 'reconcile', action: 'update' },
  {
    method: 'post',
    path: `${base}/reconcile/specs/{specId}/test-webhook`,
    tags,
    summary: "Send the spec's webhook now about its latest run (or a given URL/format)",
    request: { params: specParamsSchema, body: jsonBody(testWebhookBodySchema) },
    responses: { 200: jsonResponse(webhookResultSchema), ...errorResponses },
  },
);

// ---- runs ----

const getRunRoute = defineRoute(
  { kind: 'project', resource: 'reconcile', action: 'read' },
  {
    method: 'get',
    path: `${base}/reconcile/runs/{runId}`,
    tags,
    summary: 'One run with its summary',
    request: { params: runParamsSchema },
    responses: { 200: jsonResponse(runViewSchema), ...errorResponses },
  },
);

const cancelRunRoute = defineRoute(
  { kind: 'project', resource: 'reconcile', action: 'create' },
  {
    method: 'post',
    path: `${base}/reconcile/runs/{runId}/cancel`,
    tags,
    summary: 'Cancel a queued or running run',
    request: { params: runParamsSchema },
    responses: { 200: jsonResponse(runViewSchema), ...errorResponses },
  },
);

const differencesRoute = defineRoute(
  { kind: 'project', resource: 'reconcile', action: 'read' },
  {
    method: 'get',
    path: `${base}/reconcile/runs/{runId}/differences`,
    tags,
    summary: "A page of a run's differences (filters: status, column, key contains, explained, track)",
    request: { params: runParamsSchema, query: differenceQuerySchema },
    responses: { 200: jsonResponse(z.object({ total: z.number(), items: z.array(differenceViewSchema) })), ...errorResponses },
  },
);

const resolvedRoute = defineRoute(
  { kind: 'project', resource: 'reconcile', action: 'read' },
  {
    method: 'get',
    path: `${base}/reconcile/runs/{runId}/resolved`,
    tags,
    summary: 'Differences open in the previous run and gone in this one',
    request: { params: runParamsSchema },
    responses: { 200: jsonResponse(z.object({ items: z.array(resolvedItemViewSchema) })), ...errorResponses },
  },
);

const exportRoute = defineRoute(
  { kind: 'project', resource: 'reconcile', action: 'export' },
  {
    method: 'get',
    path: `${base}/reconcile/runs/{runId}/export`,
    tags,
    summary: "A run's differences as XLSX or CSV (Chinese headers; same filters as the list)",
    request: {
      params: runParamsSchema,
      query: differenceQuerySchema
        .omit({ limit: true, offset: true })
        .extend({ format: labelled(z.enum(['xlsx', 'csv']).default('xlsx'), lbl('导出格式', 'Format')) }),
    },
    responses: {
      200: fileResponse([MEDIA_TYPE.xlsx, MEDIA_TYPE.csv]),
      ...errorResponses,
    },
  },
);

const exitCriteriaRoute = defineRoute(
  { kind: 'project', resource: 'reconcile', action: 'read' },
  {
    method: 'get',
    path: `${base}/reconcile/exit-criteria`,
    tags,
    summary: "Every spec's dual-run exit criterion (for go/no-go)",
    request: { params: projectIdParam },
    responses: {
      200: jsonResponse(
        z.object({
          allMet: z.boolean(),
          items: z.array(
            z.object({
              specId: z.string(),
              specName: z.string(),
              exitCriterion: exitCriterionViewSchema,
              lastRun: z.union([runViewSchema, z.null()]),
            }),
          ),
        }),
      ),
      ...errorResponses,
    },
  },
);

/** Dual-run reconciliation (上线 → 双轨运行): connections, specs, runs, differences, history. */
export function registerCutoverRoutes(app: OpenAPIHono<AppEnv>): void {
  // The reconcile.run job handler finds its database and data directory through this binding.
  app.use('/api/v1/projects/*', async (c, next) => {
    bindJobRuntime(c.var.db, c.var.config.dataDir);
    await next();
  });

  app.openapi(listConnectionsRoute, async (c) => c.json({ items: await listConnections(c.var.db, c.req.valid('param').id) }, 200));
  app.openapi(createConnectionRoute, async (c) =>
    c.json(await createConnection(c.var.db, c.var.actor, c.req.valid('param').id, c.var.config.dataDir, c.req.valid('json')), 201),
  );
  app.openapi(updateConnectionRoute, async (c) => {
    const { id, connectionId } = c.req.valid('param');
    return c.json(await updateConnection(c.var.db, c.var.actor, id, connectionId, c.var.config.dataDir, c.req.valid('json')), 200);
  });
  app.openapi(deleteConnectionRoute, async (c) => {
    const { id, connectionId } = c.req.valid('param');
    await deleteConnection(c.var.db, c.var.actor, id, connectionId, c.var.locale);
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(testConnectionRoute, async (c) => {
    const { id, connectionId } = c.req.valid('param');
    return c.json(await testConnection(c.var.db, id, connectionId, c.var.config.dataDir), 200);
  });

  app.openapi(listSpecsRoute, async (c) => c.json({ items: await listSpecs(c.var.db, c.req.valid('param').id, c.var.locale) }, 200));
  app.openapi(createSpecRoute, async (c) =>
    c.json(await createSpec(c.var.db, c.var.actor, c.req.valid('param').id, c.var.config.dataDir, c.req.valid('json'), c.var.locale), 201),
  );
  app.openapi(importSpecRoute, async (c) =>
    c.json(await importSpec(c.var.db, c.var.actor, c.req.valid('param').id, c.var.config.dataDir, c.req.valid('json'), c.var.locale), 201),
  );
  app.openapi(suggestMappingRoute, async (c) => {
    const { left, right } = c.req.valid('json');
    return c.json(await suggestMapping(c.var.db, c.req.valid('param').id, c.var.config.dataDir, left, right), 200);
  });
  app.openapi(getSpecRoute, async (c) => {
    const { id, specId } = c.req.valid('param');
    if (c.req.valid('query').format === 'yaml') {
      const { name, yaml } = await exportSpecYaml(c.var.db, id, specId);
      return c.body(yaml, 200, {
        'Content-Type': 'application/yaml; charset=utf-8',
        'Content-Disposition': attachmentHeader(`${name}.yaml`, 'reconcile-spec.yaml'),
      });
    }
    return c.json(await getSpec(c.var.db.kysely, id, specId, c.var.locale), 200);
  });
  app.openapi(updateSpecRoute, async (c) => {
    const { id, specId } = c.req.valid('param');
    return c.json(await updateSpec(c.var.db, c.var.actor, id, specId, c.var.config.dataDir, c.req.valid('json'), c.var.locale), 200);
  });
  app.openapi(deleteSpecRoute, async (c) => {
    const { id, specId } = c.req.valid('param');
    await deleteSpec(c.var.db, c.var.actor, id, specId);
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(startRunRoute, async (c) => {
    const { id, specId } = c.req.valid('param');
    const { run, job } = await startManualRun(c.var.db, c.var.jobs, c.var.actor, id, specId, c.req.valid('json').businessDate);
    return c.json({ run, jobId: job.id }, 202);
  });
  app.openapi(listRunsRoute, async (c) => {
    const { id, specId } = c.req.valid('param');
    return c.json(await listRuns(c.var.db, id, specId, c.req.valid('query')), 200);
  });
  app.openapi(historyRoute, async (c) => {
    const { id, specId } = c.req.valid('param');
    return c.json(await specHistory(c.var.db, id, specId, c.var.locale), 200);
  });
  app.openapi(explainRoute, async (c) => {
    const { id, specId } = c.req.valid('param');
    return c.json(await explainDifferences(c.var.db, c.var.actor, id, specId, c.req.valid('json')), 200);
  });
  app.openapi(testWebhookRoute, async (c) => {
    const { id, specId } = c.req.valid('param');
    const body = c.req.valid('json');
    const spec = await getSpecRow(c.var.db.kysely, id, specId);
    const format = (body.format ?? spec.webhook_format) as WebhookFormat;
    const url = body.url ?? specWebhookUrl(spec, c.var.config.dataDir);
    if (format === 'none') throw new AppError('CUTOVER_WEBHOOK_FORMAT_NONE', {}, [{ field: 'format' }]);
    if (!url) throw new AppError('CUTOVER_WEBHOOK_URL_MISSING', {}, [{ field: 'url' }]);
    if (!isUsableWebhookUrl(url)) throw new AppError('CUTOVER_WEBHOOK_URL_INVALID', {}, [{ field: 'url' }]);
    const notice = await testNotice(c.var.db, spec, c.var.locale);
    const result = await sendWebhook(url, format, notice);
    return c.json({ ok: result.status === 'sent', status: result.status, error: result.error }, 200);
  });

  app.openapi(getRunRoute, async (c) => {
    const { id, runId } = c.req.valid('param');
    return c.json(await getRun(c.var.db.kysely, id, runId), 200);
  });
  app.openapi(cancelRunRoute, async (c) => {
    const { id, runId } = c.req.valid('param');
    return c.json(await cancelRun(c.var.db, c.var.jobs, c.var.actor, id, runId), 200);
  });
  app.openapi(differencesRoute, async (c) => {
    const { id, runId } = c.req.valid('param');
    return c.json(await listDifferences(c.var.db, id, runId, c.req.valid('query')), 200);
  });
  app.openapi(resolvedRoute, async (c) => {
    const { id, runId } = c.req.valid('param');
    return c.json({ items: await listResolved(c.var.db, id, runId) }, 200);
  });
  app.openapi(exportRoute, async (c) => {
    const { id, runId } = c.req.valid('param');
    const { format, ...filter } = c.req.valid('query');
    const file = await exportDifferences(c.var.db, id, runId, format, filter);
    return c.body(file.body, 200, {
      'Content-Type': file.contentType,
      'Content-Disposition': attachmentHeader(file.fileName, `differences.${format}`),
    });
  });
  app.openapi(exitCriteriaRoute, async (c) => c.json(await projectExitCriteria(c.var.db, c.req.valid('param').id, c.var.locale), 200));
}
