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
import { createMember, deleteMember, listMembers, updateMember } from './member.service';
import { addDeliverable, deleteDeliverable, getRaciMatrix, setRaciCell } from './raci.service';
import {
  createStakeholder,
  deleteStakeholder,
  listStakeholders,
  recordStakeholderAssessment,
  updateStakeholder,
} from './stakeholder.service';
import { exportTeamWorkbook } from './team-export';
import {
  assessmentBodySchema,
  createMemberBodySchema,
  deliverableBodySchema,
  deliverableParamsSchema,
  memberParamsSchema,
  memberViewSchema,
  raciCellBodySchema,
  raciViewSchema,
  stakeholderBodySchema,
  stakeholderParamsSchema,
  stakeholderViewSchema,
  updateMemberBodySchema,
  updateStakeholderBodySchema,
} from './team.schema';

const base = '/api/v1/projects/{id}';

const listMembersRoute = defineRoute(
  { kind: 'project', resource: 'member', action: 'read' },
  {
    method: 'get',
    path: `${base}/members`,
    tags: ['team'],
    summary: 'Project members',
    request: { params: projectParamsSchema },
    responses: { 200: jsonResponse(z.object({ items: z.array(memberViewSchema) })), ...errorResponses },
  },
);

const createMemberRoute = defineRoute(
  { kind: 'project', resource: 'member', action: 'create' },
  {
    method: 'post',
    path: `${base}/members`,
    tags: ['team'],
    summary: 'Add a member (optionally linked to a sign-in account)',
    request: { params: projectParamsSchema, body: jsonBody(createMemberBodySchema) },
    responses: { 201: jsonResponse(memberViewSchema), ...errorResponses },
  },
);

const patchMemberRoute = defineRoute(
  { kind: 'project', resource: 'member', action: 'update' },
  {
    method: 'patch',
    path: `${base}/members/{memberId}`,
    tags: ['team'],
    summary: 'Update a member',
    request: { params: memberParamsSchema, body: jsonBody(updateMemberBodySchema) },
    responses: { 200: jsonResponse(memberViewSchema), ...errorResponses },
  },
);

const deleteMemberRoute = defineRoute(
  { kind: 'project', resource: 'member', action: 'delete' },
  {
    method: 'delete',
    path: `${base}/members/{memberId}`,
    tags: ['team'],
    summary: 'Remove a member',
    request: { params: memberParamsSchema },
    responses: { 200: jsonResponse(okSchema), ...errorResponses },
  },
);

const getRaciRoute = defineRoute(
  { kind: 'project', resource: 'raci', action: 'read' },
  {
    method: 'get',
    path: `${base}/raci`,
    tags: ['team'],
    summary: 'RACI matrix: deliverables × members, with rule violations',
    request: { params: projectParamsSchema },
    responses: { 200: jsonResponse(raciViewSchema), ...errorResponses },
  },
);

const putRaciRoute = defineRoute(
  { kind: 'project', resource: 'raci', action: 'update' },
  {
    method: 'put',
    path: `${base}/raci`,
    tags: ['team'],
    summary: 'Set or clear one RACI cell (a second A is refused with 409)',
    request: { params: projectParamsSchema, body: jsonBody(raciCellBodySchema) },
    responses: { 200: jsonResponse(raciViewSchema), ...errorResponses },
  },
);

const addDeliverableRoute = defineRoute(
  { kind: 'project', resource: 'raci', action: 'update' },
  {
    method: 'post',
    path: `${base}/deliverables`,
    tags: ['team'],
    summary: 'Add a deliverable to the RACI matrix',
    request: { params: projectParamsSchema, body: jsonBody(deliverableBodySchema) },
    responses: { 201: jsonResponse(raciViewSchema), ...errorResponses },
  },
);

const deleteDeliverableRoute = defineRoute(
  { kind: 'project', resource: 'raci', action: 'update' },
  {
    method: 'delete',
    path: `${base}/deliverables/{deliverableId}`,
    tags: ['team'],
    summary: 'Remove a deliverable',
    request: { params: deliverableParamsSchema },
    responses: { 200: jsonResponse(raciViewSchema), ...errorResponses },
  },
);

const listStakeholdersRoute = defineRoute(
  { kind: 'project', resource: 'stakeholder', action: 'read' },
  {
    method: 'get',
    path: `${base}/stakeholders`,
    tags: ['team'],
    summary: 'Stakeholder map with support over time',
    request: { params: projectParamsSchema },
    responses: { 200: jsonResponse(z.object({ items: z.array(stakeholderViewSchema) })), ...errorResponses },
  },
);

const createStakeholderRoute = defineRoute(
  { kind: 'project', resource: 'stakeholder', action: 'create' },
  {
    method: 'post',
    path: `${base}/stakeholders`,
    tags: ['team'],
    summary: 'Add a stakeholder',
    request: { params: projectParamsSchema, body: jsonBody(stakeholderBodySchema) },
    responses: { 201: jsonResponse(stakeholderViewSchema), ...errorResponses },
  },
);

const patchStakeholderRoute = defineRoute(
  { kind: 'project', resource: 'stakeholder', action: 'update' },
  {
    method: 'patch',
    path: `${base}/stakeholders/{stakeholderId}`,
    tags: ['team'],
    summary: 'Edit a stakeholder',
    request: { params: stakeholderParamsSchema, body: jsonBody(updateStakeholderBodySchema) },
    responses: { 200: jsonResponse(stakeholderViewSchema), ...errorResponses },
  },
);

const deleteStakeholderRoute = defineRoute(
  { kind: 'project', resource: 'stakeholder', action: 'delete' },
  {
    method: 'delete',
    path: `${base}/stakeholders/{stakeholderId}`,
    tags: ['team'],
    summary: 'Remove a stakeholder',
    request: { params: stakeholderParamsSchema },
    responses: { 200: jsonResponse(okSchema), ...errorResponses },
  },
);

const assessRoute = defineRoute(
  { kind: 'project', resource: 'stakeholder', action: 'update' },
  {
    method: 'post',
    path: `${base}/stakeholders/{stakeholderId}/assessments`,
    tags: ['team'],
    summary: "Record a stakeholder's support level on a date",
    request: { params: stakeholderParamsSchema, body: jsonBody(assessmentBodySchema) },
    responses: { 201: jsonResponse(stakeholderViewSchema), ...errorResponses },
  },
);

const exportRoute = defineRoute(
  { kind: 'project', resource: 'member', action: 'export' },
  {
    method: 'get',
    path: `${base}/team/export.xlsx`,
    tags: ['team'],
    summary: 'Excel workbook of members and the RACI matrix (Chinese headers)',
    request: { params: projectParamsSchema },
    responses: {
      200: fileResponse(MEDIA_TYPE.xlsx, 'XLSX file'),
      ...errorResponses,
    },
  },
);

/** Members, RACI, deliverables, stakeholders and the team export. */
export function registerTeamRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listMembersRoute, async (c) => c.json({ items: await listMembers(c.var.db, c.req.valid('param').id) }, 200));
  app.openapi(createMemberRoute, async (c) =>
    c.json(await createMember(c.var.db, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 201),
  );
  app.openapi(patchMemberRoute, async (c) => {
    const { id, memberId } = c.req.valid('param');
    return c.json(await updateMember(c.var.db, c.var.actor, id, memberId, c.req.valid('json')), 200);
  });
  app.openapi(deleteMemberRoute, async (c) => {
    const { id, memberId } = c.req.valid('param');
    await deleteMember(c.var.db, c.var.actor, id, memberId);
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(getRaciRoute, async (c) => c.json(await getRaciMatrix(c.var.db.kysely, c.req.valid('param').id, c.var.locale), 200));
  app.openapi(putRaciRoute, async (c) =>
    c.json(await setRaciCell(c.var.db, c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.locale), 200),
  );
  app.openapi(addDeliverableRoute, async (c) =>
    c.json(await addDeliverable(c.var.db, c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.locale), 201),
  );
  app.openapi(deleteDeliverableRoute, async (c) => {
    const { id, deliverableId } = c.req.valid('param');
    return c.json(await deleteDeliverable(c.var.db, c.var.actor, id, deliverableId, c.var.locale), 200);
  });
  app.openapi(listStakeholdersRoute, async (c) => c.json({ items: await listStakeholders(c.var.db, c.req.valid('param').id) }, 200));
  app.openapi(createStakeholderRoute, async (c) =>
    c.json(await createStakeholder(c.var.db, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 201),
  );
  app.openapi(patchStakeholderRoute, async (c) => {
    const { id, stakeholderId } = c.req.valid('param');
    return c.json(await updateStakeholder(c.var.db, c.var.actor, id, stakeholderId, c.req.valid('json')), 200);
  });
  app.openapi(deleteStakeholderRoute, async (c) => {
    const { id, stakeholderId } = c.req.valid('param');
    await deleteStakeholder(c.var.db, c.var.actor, id, stakeholderId);
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(assessRoute, async (c) => {
    const { id, stakeholderId } = c.req.valid('param');
    return c.json(await recordStakeholderAssessment(c.var.db, c.var.actor, id, stakeholderId, c.req.valid('json')), 201);
  });
  app.openapi(exportRoute, async (c) => {
    const { fileName, content } = await exportTeamWorkbook(c.var.db, c.req.valid('param').id);
    return c.body(new Uint8Array(content), 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': attachmentHeader(fileName, 'team.xlsx'),
    });
  });
}
