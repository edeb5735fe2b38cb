import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import {
  attachmentHeader,
  errorResponses,
  fileResponse,
  jsonBody,
  jsonResponse,
  MEDIA_TYPE,
  okSchema,
  projectParamsSchema,
} from '../../server/common-schemas';
import type { AppEnv } from '../../server/app-env';
import { defineRoute } from '../../server/define-route';
import { bindJobRuntime } from '../jobs/job-runtime';
import {
  assetParamsSchema,
  assetViewSchema,
  cleansePreviewSchema,
  cleanseRecipeSchema,
  createAssetBodySchema,
  failureQuerySchema,
  failureViewSchema,
  profileRunDetailSchema,
  profileRunParamsSchema,
  profileRunViewSchema,
  ruleRunViewSchema,
  ruleSetSchema,
  updateAssetBodySchema,
} from './data-asset.schema';
import {
  exportFailures,
  listFailures,
  listRuleRuns,
  previewAssetCleansing,
  produceCleanedAsset,
  getRuleRun,
  startRuleRun,
} from './data-asset-quality.service';
import {
  createAsset,
  deleteAsset,
  getAsset,
  getProfileRun,
  listAssets,
  listProfileRuns,
  readAssetColumns,
  saveRecipe,
  saveRuleSet,
  startProfileRun,
  updateAsset,
} from './data-asset.service';
import { fieldLabel as lbl, labelled } from '../../shared/validation/field-labels';

const base = '/api/v1/projects/{id}/data-assets';
const tags = ['data-assets'];

const listRoute = defineRoute(
  { kind: 'project', resource: 'data_asset', action: 'read' },
  {
    method: 'get',
    path: base,
    tags,
    summary: 'Data asset inventory with each latest profile run',
    request: { params: projectParamsSchema },
    responses: { 200: jsonResponse(z.object({ items: z.array(assetViewSchema) })), ...errorResponses },
  },
);

const createRoute = defineRoute(
  { kind: 'project', resource: 'data_asset', action: 'create' },
  {
    method: 'post',
    path: base,
    tags,
    summary: 'Register a data asset (uploaded file or saved connection + table/query); files are profiled right away',
    request: { params: projectParamsSchema, body: jsonBody(createAssetBodySchema) },
    responses: {
      201: jsonResponse(z.object({ asset: assetViewSchema, profileRun: z.union([profileRunViewSchema, z.null()]) })),
      ...errorResponses,
    },
  },
);

const getRoute = defineRoute(
  { kind: 'project', resource: 'data_asset', action: 'read' },
  {
    method: 'get',
    path: `${base}/{assetId}`,
    tags,
    summary: 'One data asset',
    request: { params: assetParamsSchema },
    responses: { 200: jsonResponse(assetViewSchema), ...errorResponses },
  },
);

const patchRoute = defineRoute(
  { kind: 'project', resource: 'data_asset', action: 'update' },
  {
    method: 'patch',
    path: `${base}/{assetId}`,
    tags,
    summary: "Change a data asset's description, encoding, sheet or key columns",
    request: { params: assetParamsSchema, body: jsonBody(updateAssetBodySchema) },
    responses: { 200: jsonResponse(assetViewSchema), ...errorResponses },
  },
);

const deleteRoute = defineRoute(
  { kind: 'project', resource: 'data_asset', action: 'delete' },
  {
    method: 'delete',
    path: `${base}/{assetId}`,
    tags,
    summary: 'Delete a data asset with its profile and rule runs',
    request: { params: assetParamsSchema },
    responses: { 200: jsonResponse(okSchema), ...errorResponses },
  },
);

const columnsRoute = defineRoute(
  { kind: 'project', resource: 'data_asset', action: 'read' },
  {
    method: 'get',
    path: `${base}/{assetId}/columns`,
    tags,
    summary: "The asset's column names (reads the header only)",
    request: { params: assetParamsSchema },
    responses: { 200: jsonResponse(z.object({ columns: z.array(z.string()) })), ...errorResponses },
  },
);

const startProfileRoute = defineRoute(
  { kind: 'project', resource: 'data_asset', action: 'update' },
  {
    method: 'post',
    path: `${base}/{assetId}/profile-runs`,
    tags,
    summary: 'Profile the asset now (a background job; poll the run)',
    request: { params: assetParamsSchema },
    responses: { 202: jsonResponse(z.object({ run: profileRunViewSchema, jobId: z.string() })), ...errorResponses },
  },
);

const listProfileRunsRoute = defineRoute(
  { kind: 'project', resource: 'data_asset', action: 'read' },
  {
    method: 'get',
    path: `${base}/{assetId}/profile-runs`,
    tags,
    summary: "The asset's profile runs, newest first (score trend)",
    request: { params: assetParamsSchema },
    responses: { 200: jsonResponse(z.object({ items: z.array(profileRunViewSchema) })), ...errorResponses },
  },
);

const getProfileRunRoute = defineRoute(
  { kind: 'project', resource: 'data_asset', action: 'read' },
  {
    method: 'get',
    path: `${base}/{assetId}/profile-runs/{runId}`,
    tags,
    summary: 'One profile run with the full profile (per-column statistics, patterns, quality reasons)',
    request: { params: profileRunParamsSchema },
    responses: { 200: jsonResponse(profileRunDetailSchema), ...errorResponses },
  },
);

const putRulesRoute = defineRoute(
  { kind: 'project', resource: 'data_asset', action: 'update' },
  {
    method: 'put',
    path: `${base}/{assetId}/rules`,
    tags,
    summary: "Replace the asset's quality rule set",
    request: { params: assetParamsSchema, body: jsonBody(ruleSetSchema) },
    responses: { 200: jsonResponse(assetViewSchema), ...errorResponses },
  },
);

const runRulesRoute = defineRoute(
  { kind: 'project', resource: 'data_asset', action: 'update' },
  {
    method: 'post',
    path: `${base}/{assetId}/rule-runs`,
    tags,
    summary: 'Run the rule set (a background job; poll the run); every failing row is stored',
    request: { params: assetParamsSchema },
    responses: { 202: jsonResponse(z.object({ run: ruleRunViewSchema, jobId: z.string() })), ...errorResponses },
  },
);

const getRuleRunRoute = defineRoute(
  { kind: 'project', resource: 'data_asset', action: 'read' },
  {
    method: 'get',
    path: `${base}/{assetId}/rule-runs/{runId}`,
    tags,
    summary: 'One rule run with its per-rule failing counts',
    request: { params: profileRunParamsSchema },
    responses: { 200: jsonResponse(ruleRunViewSchema), ...errorResponses },
  },
);

const listRuleRunsRoute = defineRoute(
  { kind: 'project', resource: 'data_asset', action: 'read' },
  {
    method: 'get',
    path: `${base}/{assetId}/rule-runs`,
    tags,
    summary: "The asset's rule runs, newest first",
    request: { params: assetParamsSchema },
    responses: { 200: jsonResponse(z.object({ items: z.array(ruleRunViewSchema) })), ...errorResponses },
  },
);

const failuresRoute = defineRoute(
  { kind: 'project', resource: 'data_asset', action: 'read' },
  {
    method: 'get',
    path: `${base}/{assetId}/rule-runs/{runId}/failures`,
    tags,
    summary: "A page of a rule run's failing rows (optionally of one rule)",
    request: { params: profileRunParamsSchema, query: failureQuerySchema },
    responses: { 200: jsonResponse(z.object({ total: z.number(), items: z.array(failureViewSchema) })), ...errorResponses },
  },
);

const exportRoute = defineRoute(
  { kind: 'project', resource: 'data_asset', action: 'export' },
  {
    method: 'get',
    path: `${base}/{assetId}/rule-runs/{runId}/export`,
    tags,
    summary: 'Every failing row of a rule run as XLSX or CSV (Chinese headers)',
    request: {
      params: profileRunParamsSchema,
      query: z.object({
        format: labelled(z.enum(['xlsx', 'csv']).default('xlsx'), lbl('导出格式', 'Format')),
        ruleId: labelled(z.string().max(64).optional(), lbl('规则', 'Rule')),
      }),
    },
    responses: {
      200: fileResponse([MEDIA_TYPE.xlsx, MEDIA_TYPE.csv]),
      ...errorResponses,
    },
  },
);

const putRecipeRoute = defineRoute(
  { kind: 'project', resource: 'data_asset', action: 'update' },
  {
    method: 'put',
    path: `${base}/{assetId}/recipe`,
    tags,
    summary: "Replace the asset's cleansing recipe",
    request: { params: assetParamsSchema, body: jsonBody(cleanseRecipeSchema) },
    responses: { 200: jsonResponse(assetViewSchema), ...errorResponses },
  },
);

const previewRoute = defineRoute(
  { kind: 'project', resource: 'data_asset', action: 'read' },
  {
    method: 'post',
    path: `${base}/{assetId}/cleansing/preview`,
    tags,
    summary: 'Preview a cleansing recipe (given, else the stored one): before/after counts and samples; nothing is written',
    request: {
      params: assetParamsSchema,
      body: jsonBody(z.object({ recipe: labelled(cleanseRecipeSchema.optional(), lbl('清洗步骤', 'Cleansing recipe')) })),
    },
    responses: { 200: jsonResponse(cleansePreviewSchema), ...errorResponses },
  },
);

const materializeRoute = defineRoute(
  { kind: 'project', resource: 'data_asset', action: 'create' },
  {
    method: 'post',
    path: `${base}/{assetId}/cleansing/materialize`,
    tags,
    summary: 'Apply the stored recipe into a cleaned CSV registered as the derived asset "<name>（清洗后）" and profile it',
    request: { params: assetParamsSchema },
    responses: {
      201: jsonResponse(z.object({ asset: assetViewSchema, preview: cleansePreviewSchema, profileRun: profileRunViewSchema })),
      ...errorResponses,
    },
  },
);

/** Routes of the data-assets module (调研 → 数据资产): inventory, profiles, quality rules, cleansing. */
export function registerDataAssetRoutes(app: OpenAPIHono<AppEnv>): void {
  // The profile job handler finds its database and data directory through this binding.
  app.use('/api/v1/projects/*', async (c, next) => {
    bindJobRuntime(c.var.db, c.var.config.dataDir);
    await next();
  });
  app.openapi(listRoute, async (c) => c.json({ items: await listAssets(c.var.db, c.req.valid('param').id) }, 200));
  app.openapi(createRoute, async (c) =>
    c.json(await createAsset(c.var.db, c.var.jobs, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 201),
  );
  app.openapi(getRoute, async (c) => {
    const { id, assetId } = c.req.valid('param');
    return c.json(await getAsset(c.var.db.kysely, id, assetId), 200);
  });
  app.openapi(patchRoute, async (c) => {
    const { id, assetId } = c.req.valid('param');
    return c.json(await updateAsset(c.var.db, c.var.actor, id, assetId, c.req.valid('json')), 200);
  });
  app.openapi(deleteRoute, async (c) => {
    const { id, assetId } = c.req.valid('param');
    await deleteAsset(c.var.db, c.var.actor, id, assetId);
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(columnsRoute, async (c) => {
    const { id, assetId } = c.req.valid('param');
    return c.json({ columns: await readAssetColumns(c.var.db, id, assetId, c.var.config.dataDir) }, 200);
  });
  app.openapi(startProfileRoute, async (c) => {
    const { id, assetId } = c.req.valid('param');
    return c.json(await startProfileRun(c.var.db, c.var.jobs, c.var.actor, id, assetId), 202);
  });
  app.openapi(listProfileRunsRoute, async (c) => {
    const { id, assetId } = c.req.valid('param');
    return c.json({ items: await listProfileRuns(c.var.db, id, assetId) }, 200);
  });
  app.openapi(getProfileRunRoute, async (c) => {
    const { id, assetId, runId } = c.req.valid('param');
    return c.json(await getProfileRun(c.var.db, id, assetId, runId), 200);
  });
  app.openapi(putRulesRoute, async (c) => {
    const { id, assetId } = c.req.valid('param');
    return c.json(await saveRuleSet(c.var.db, c.var.actor, id, assetId, c.req.valid('json')), 200);
  });
  app.openapi(runRulesRoute, async (c) => {
    const { id, assetId } = c.req.valid('param');
    return c.json(await startRuleRun(c.var.db, c.var.jobs, c.var.actor, id, assetId, c.var.config.dataDir, c.var.locale), 202);
  });
  app.openapi(getRuleRunRoute, async (c) => {
    const { id, assetId, runId } = c.req.valid('param');
    return c.json(await getRuleRun(c.var.db, id, assetId, runId), 200);
  });
  app.openapi(listRuleRunsRoute, async (c) => {
    const { id, assetId } = c.req.valid('param');
    return c.json({ items: await listRuleRuns(c.var.db, id, assetId) }, 200);
  });
  app.openapi(failuresRoute, async (c) => {
    const { id, assetId, runId } = c.req.valid('param');
    return c.json(await listFailures(c.var.db, id, assetId, runId, c.req.valid('query')), 200);
  });
  app.openapi(exportRoute, async (c) => {
    const { id, assetId, runId } = c.req.valid('param');
    const { format, ruleId } = c.req.valid('query');
    const file = await exportFailures(c.var.db, id, assetId, runId, format, ruleId);
    return c.body(file.body, 200, {
      'Content-Type': file.contentType,
      'Content-Disposition': attachmentHeader(file.fileName, `failures.${format}`),
    });
  });
  app.openapi(putRecipeRoute, async (c) => {
    const { id, assetId } = c.req.valid('param');
    return c.json(await saveRecipe(c.var.db, c.var.actor, id, assetId, c.req.valid('json')), 200);
  });
  app.openapi(previewRoute, async (c) => {
    const { id, assetId } = c.req.valid('param');
    return c.json(await previewAssetCleansing(c.var.db, id, assetId, c.var.config.dataDir, c.req.valid('json').recipe), 200);
  });
  app.openapi(materializeRoute, async (c) => {
    const { id, assetId } = c.req.valid('param');
    return c.json(await produceCleanedAsset(c.var.db, c.var.jobs, c.var.actor, id, assetId, c.var.config.dataDir), 201);
  });
}
