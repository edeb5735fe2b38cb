import type { OpenAPIHono } from '@hono/zod-openapi';
import { errorResponses, jsonBody, jsonResponse, okSchema, projectParamsSchema } from '../../server/common-schemas';
import type { AppEnv } from '../../server/app-env';
import { defineRoute } from '../../server/define-route';
import {
  applyProposalBodySchema,
  createWaveBodySchema,
  updateWaveBodySchema,
  waveListViewSchema,
  waveParamsSchema,
  waveProposalViewSchema,
  waveViewSchema,
} from './wave.schema';
import { applyWaveProposal, createWave, deleteWave, listWaves, proposeRolloutWaves, updateWave } from './wave.service';

const base = '/api/v1/projects/{id}/rollout/waves';
const tags = ['rollout'];

const listRoute = defineRoute(
  { kind: 'project', resource: 'rollout', action: 'read' },
  {
    method: 'get',
    path: base,
    tags,
    summary: 'Rollout waves (the pilot first) with their plan tasks and milestones',
    request: { params: projectParamsSchema },
    responses: { 200: jsonResponse(waveListViewSchema), ...errorResponses },
  },
);

const createRoute = defineRoute(
  { kind: 'project', resource: 'rollout', action: 'create' },
  {
    method: 'post',
    path: base,
    tags,
    summary: 'Add a wave (one pilot per project; a go-live date cannot precede the planned start)',
    request: { params: projectParamsSchema, body: jsonBody(createWaveBodySchema) },
    responses: { 201: jsonResponse(waveViewSchema), ...errorResponses },
  },
);

const proposeRoute = defineRoute(
  { kind: 'project', resource: 'rollout', action: 'read' },
  {
    method: 'get',
    path: `${base}/proposal`,
    tags,
    summary: "The wizard's proposal: a pilot and later waves from the modules in scope and the assessment's departments",
    description: 'Nothing is stored; apply the (edited) proposal with POST …/waves/proposal.',
    request: { params: projectParamsSchema },
    responses: { 200: jsonResponse(waveProposalViewSchema), ...errorResponses },
  },
);

const applyRoute = defineRoute(
  { kind: 'project', resource: 'rollout', action: 'create' },
  {
    method: 'post',
    path: `${base}/proposal`,
    tags,
    summary: 'Store the waves accepted from the wizard (all or nothing)',
    request: { params: projectParamsSchema, body: jsonBody(applyProposalBodySchema) },
    responses: { 201: jsonResponse(waveListViewSchema), ...errorResponses },
  },
);

const patchRoute = defineRoute(
  { kind: 'project', resource: 'rollout', action: 'update' },
  {
    method: 'patch',
    path: `${base}/{waveId}`,
    tags,
    summary: 'Change a wave (departments, modules, sites, dates, status, order)',
    request: { params: waveParamsSchema, body: jsonBody(updateWaveBodySchema) },
    responses: { 200: jsonResponse(waveViewSchema), ...errorResponses },
  },
);

const deleteRoute = defineRoute(
  { kind: 'project', resource: 'rollout', action: 'delete' },
  {
    method: 'delete',
    path: `${base}/{waveId}`,
    tags,
    summary: 'Delete a wave (its plan tasks stay, unassigned)',
    request: { params: waveParamsSchema },
    responses: { 200: jsonResponse(okSchema), ...errorResponses },
  },
);

/** Rollout waves (5. 实施 → 推广批次). */
export function registerWaveRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => c.json(await listWaves(c.var.db, c.req.valid('param').id), 200));
  app.openapi(proposeRoute, async (c) => c.json(await proposeRolloutWaves(c.var.db, c.req.valid('param').id, c.var.locale), 200));
  app.openapi(applyRoute, async (c) =>
    c.json(await applyWaveProposal(c.var.db, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 201),
  );
  app.openapi(createRoute, async (c) => c.json(await createWave(c.var.db, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 201));
  app.openapi(patchRoute, async (c) => {
    const { id, waveId } = c.req.valid('param');
    return c.json(await updateWave(c.var.db, c.var.actor, id, waveId, c.req.valid('json')), 200);
  });
  app.openapi(deleteRoute, async (c) => {
    const { id, waveId } = c.req.valid('param');
    await deleteWave(c.var.db, c.var.actor, id, waveId);
    return c.json({ ok: true as const }, 200);
  });
}
