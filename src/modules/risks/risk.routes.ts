import { OpenAPIHono, z } from '@hono/zod-openapi';
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
import { getProjectHealth, getRiskSettings, updateRiskSettings } from './health.service';
import { exportRiskWorkbook } from './risk-export';
import {
  createRiskBodySchema,
  healthViewSchema,
  riskParamsSchema,
  riskSettingsSchema,
  riskViewSchema,
  updateRiskBodySchema,
} from './risk.schema';
import { createRisk, deleteRisk, getRisk, listRisks, updateRisk } from './risk.service';

const base = '/api/v1/projects/{id}';

const getHealthRoute = defineRoute(
  { kind: 'project', resource: 'risk', action: 'read' },
  {
    method: 'get',
    path: `${base}/health`,
    tags: ['risks'],
    summary: 'Project health: early warnings for the classic pitfalls, dimension scores, health score and trend',
    description:
      "Evaluates every indicator now and records the result as today's snapshot (the last evaluation of a day wins); `history` is the trend of those snapshots.",
    request: { params: projectParamsSchema },
    responses: { 200: jsonResponse(healthViewSchema), ...errorResponses },
  },
);

const getSettingsRoute = defineRoute(
  { kind: 'project', resource: 'risk', action: 'read' },
  {
    method: 'get',
    path: `${base}/health/settings`,
    tags: ['risks'],
    summary: 'Early-warning thresholds and health-score weights',
    request: { params: projectParamsSchema },
    responses: { 200: jsonResponse(riskSettingsSchema), ...errorResponses },
  },
);

const putSettingsRoute = defineRoute(
  // Thresholds decide what the steering committee is warned about: a project setting, not a register edit.
  { kind: 'project', resource: 'project', action: 'update' },
  {
    method: 'put',
    path: `${base}/health/settings`,
    tags: ['risks'],
    summary: 'Set the early-warning thresholds and health-score weights',
    request: { params: projectParamsSchema, body: jsonBody(riskSettingsSchema) },
    responses: { 200: jsonResponse(riskSettingsSchema), ...errorResponses },
  },
);

const listRisksRoute = defineRoute(
  { kind: 'project', resource: 'risk', action: 'read' },
  {
    method: 'get',
    path: `${base}/risks`,
    tags: ['risks'],
    summary: 'The risk register',
    request: { params: projectParamsSchema },
    responses: { 200: jsonResponse(z.object({ items: z.array(riskViewSchema) })), ...errorResponses },
  },
);

const createRiskRoute = defineRoute(
  { kind: 'project', resource: 'risk', action: 'create' },
  {
    method: 'post',
    path: `${base}/risks`,
    tags: ['risks'],
    summary: 'Register a risk (R-nnn), optionally raised from an early-warning indicator',
    request: { params: projectParamsSchema, body: jsonBody(createRiskBodySchema) },
    responses: { 201: jsonResponse(riskViewSchema), ...errorResponses },
  },
);

const getRiskRoute = defineRoute(
  { kind: 'project', resource: 'risk', action: 'read' },
  {
    method: 'get',
    path: `${base}/risks/{riskId}`,
    tags: ['risks'],
    summary: 'One risk',
    request: { params: riskParamsSchema },
    responses: { 200: jsonResponse(riskViewSchema), ...errorResponses },
  },
);

const patchRiskRoute = defineRoute(
  { kind: 'project', resource: 'risk', action: 'update' },
  {
    method: 'patch',
    path: `${base}/risks/{riskId}`,
    tags: ['risks'],
    summary: 'Update a risk (closing stamps closedAt; accepting needs a mitigation or contingency)',
    request: { params: riskParamsSchema, body: jsonBody(updateRiskBodySchema) },
    responses: { 200: jsonResponse(riskViewSchema), ...errorResponses },
  },
);

const deleteRiskRoute = defineRoute(
  { kind: 'project', resource: 'risk', action: 'delete' },
  {
    method: 'delete',
    path: `${base}/risks/{riskId}`,
    tags: ['risks'],
    summary: 'Delete a risk (the audit trail keeps it)',
    request: { params: riskParamsSchema },
    responses: { 200: jsonResponse(okSchema), ...errorResponses },
  },
);

const exportRoute = defineRoute(
  { kind: 'project', resource: 'risk', action: 'export' },
  {
    method: 'get',
    path: `${base}/risk-register.xlsx`,
    tags: ['risks'],
    summary: "Excel workbook of the risk register and today's early warnings (Chinese headers)",
    request: { params: projectParamsSchema },
    responses: { 200: fileResponse(MEDIA_TYPE.xlsx, 'XLSX file'), ...errorResponses },
  },
);

/** Early warnings, project health and the risk register. */
export function registerRiskRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getHealthRoute, async (c) => c.json(await getProjectHealth(c.var.db, c.req.valid('param').id, c.var.locale), 200));
  app.openapi(getSettingsRoute, async (c) => c.json(await getRiskSettings(c.var.db.kysely, c.req.valid('param').id), 200));
  app.openapi(putSettingsRoute, async (c) =>
    c.json(await updateRiskSettings(c.var.db, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(listRisksRoute, async (c) => c.json({ items: await listRisks(c.var.db, c.req.valid('param').id, c.var.locale) }, 200));
  app.openapi(createRiskRoute, async (c) =>
    c.json(await createRisk(c.var.db, c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.locale), 201),
  );
  app.openapi(getRiskRoute, async (c) => {
    const { id, riskId } = c.req.valid('param');
    return c.json(await getRisk(c.var.db.kysely, id, riskId, c.var.locale), 200);
  });
  app.openapi(patchRiskRoute, async (c) => {
    const { id, riskId } = c.req.valid('param');
    return c.json(await updateRisk(c.var.db, c.var.actor, id, riskId, c.req.valid('json'), c.var.locale), 200);
  });
  app.openapi(deleteRiskRoute, async (c) => {
    const { id, riskId } = c.req.valid('param');
    await deleteRisk(c.var.db, c.var.actor, id, riskId);
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(exportRoute, async (c) => {
    const { fileName, content } = await exportRiskWorkbook(c.var.db, c.req.valid('param').id);
    return c.body(new Uint8Array(content), 200, {
      'Content-Type': MEDIA_TYPE.xlsx,
      'Content-Disposition': attachmentHeader(fileName, 'risk-register.xlsx'),
    });
  });
}
