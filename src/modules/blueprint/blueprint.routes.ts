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
  projectParamsSchema,
} from '../../server/common-schemas';
import type { AppEnv } from '../../server/app-env';
import { defineRoute } from '../../server/define-route';
import { buildBlueprintReport } from './blueprint-report';
import {
  createVersion,
  deleteVersion,
  diffVersions,
  getVersion,
  listVersions,
  signVersion,
  updateVersionNote,
} from './blueprint-version.service';
import { attachPrototype, deletePrototype, listPrototypes, readPrototypeImage } from './prototype.service';
import { buildRequirementTemplate, exportRequirementWorkbook, importRequirementWorkbook } from './requirement-excel';
import {
  approvalDecisionBodySchema,
  approvalViewSchema,
  blockerSchema,
  createRequirementBodySchema,
  importBodySchema,
  importResultSchema,
  meterViewSchema,
  prototypeBodySchema,
  prototypeParamsSchema,
  prototypeViewSchema,
  requirementListSchema,
  requirementParamsSchema,
  requirementViewSchema,
  thresholdsSchema,
  updateRequirementBodySchema,
} from './requirement.schema';
import {
  createRequirement,
  decideApproval,
  deleteRequirement,
  getMeter,
  getRequirement,
  listApprovalHistory,
  listRequirements,
  setThresholds,
  updateRequirement,
} from './requirement.service';
import { fieldLabel as lbl, labelled } from '../../shared/validation/field-labels';

const base = '/api/v1/projects/{id}';
const tags = ['blueprint'];
const versionParamsSchema = z.object({
  id: projectParamsSchema.shape.id,
  versionId: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'versionId', in: 'path' } }),
});

const signoffViewSchema = z.object({
  side: z.enum(['client', 'implementer']),
  signerName: z.string(),
  memberRole: z.string().nullable(),
  comment: z.string(),
  signedAt: z.string(),
});

const versionViewSchema = z
  .object({
    id: z.string(),
    number: z.number(),
    label: z.string(),
    note: z.string(),
    status: z.enum(['pending_signoff', 'approved']),
    locked: z.boolean(),
    createdByName: z.string(),
    createdAt: z.string(),
    approvedAt: z.string().nullable(),
    signoffs: z.array(signoffViewSchema),
    summary: z.object({
      requirements: z.number(),
      custom: z.number(),
      processes: z.number(),
      roles: z.number(),
      grants: z.number(),
      conflicts: z.number(),
    }),
    blockers: z.array(blockerSchema),
  })
  .openapi('BlueprintVersion');

const versionDetailSchema = versionViewSchema
  .extend({
    snapshot: z.record(z.string(), z.unknown()).openapi({ description: 'The frozen blueprint (requirements, processes, matrix, meter)' }),
  })
  .openapi('BlueprintVersionDetail');

const fieldChangeSchema = z.object({
  field: z.string(),
  before: z.union([z.string(), z.number(), z.null()]),
  after: z.union([z.string(), z.number(), z.null()]),
});
const reqItemSchema = z.object({ id: z.string(), code: z.string(), title: z.string() });
const grantItemSchema = z.object({
  roleId: z.string(),
  roleName: z.string(),
  functionId: z.string(),
  functionLabel: z.string(),
  scope: z.string().nullable(),
});
const diffSchema = z
  .object({
    requirements: z.object({
      added: z.array(reqItemSchema),
      removed: z.array(reqItemSchema),
      changed: z.array(reqItemSchema.extend({ changes: z.array(fieldChangeSchema) })),
    }),
    grants: z.object({
      added: z.array(grantItemSchema),
      removed: z.array(grantItemSchema),
      changed: z.array(grantItemSchema.extend({ before: z.string(), after: z.string() })),
    }),
    processes: z.object({
      added: z.array(z.object({ id: z.string(), name: z.string() })),
      removed: z.array(z.object({ id: z.string(), name: z.string() })),
      changed: z.array(z.object({ id: z.string(), name: z.string(), fields: z.array(z.string()) })),
    }),
    thresholds: z.array(fieldChangeSchema),
    total: z.number(),
  })
  .openapi('BlueprintDiff');

const listRequirementsRoute = defineRoute(
  { kind: 'project', resource: 'requirement', action: 'read' },
  {
    method: 'get',
    path: `${base}/requirements`,
    tags,
    summary: 'Requirement list (fit-gap) with the customisation meter and sign-off blockers',
    request: { params: projectParamsSchema },
    responses: { 200: jsonResponse(requirementListSchema), ...errorResponses },
  },
);

const createRequirementRoute = defineRoute(
  { kind: 'project', resource: 'requirement', action: 'create' },
  {
    method: 'post',
    path: `${base}/requirements`,
    tags,
    summary: 'Create a requirement (custom development needs gap reason, justification, effort, upgrade impact)',
    request: { params: projectParamsSchema, body: jsonBody(createRequirementBodySchema) },
    responses: { 201: jsonResponse(requirementViewSchema), ...errorResponses },
  },
);

const exportRoute = defineRoute(
  { kind: 'project', resource: 'requirement', action: 'export' },
  {
    method: 'get',
    path: `${base}/requirements/export.xlsx`,
    tags,
    summary: 'The requirement list as MEDIA_TYPE.xlsx (Chinese headers)',
    request: { params: projectParamsSchema },
    responses: { 200: fileResponse(MEDIA_TYPE.xlsx, 'XLSX'), ...errorResponses },
  },
);

const templateRoute = defineRoute(
  { kind: 'project', resource: 'requirement', action: 'read' },
  {
    method: 'get',
    path: `${base}/requirements/template.xlsx`,
    tags,
    summary: 'Empty import template (Chinese headers, drop-downs, guide sheet)',
    request: { params: projectParamsSchema },
    responses: { 200: fileResponse(MEDIA_TYPE.xlsx, 'XLSX'), ...errorResponses },
  },
);

const importRoute = defineRoute(
  { kind: 'project', resource: 'requirement', action: 'create' },
  {
    method: 'post',
    path: `${base}/requirements/import`,
    tags,
    summary: 'Import the requirement list from an uploaded MEDIA_TYPE.xlsx: all rows valid or nothing imported',
    request: { params: projectParamsSchema, body: jsonBody(importBodySchema) },
    responses: { 200: jsonResponse(importResultSchema), ...errorResponses },
  },
);

const getRequirementRoute = defineRoute(
  { kind: 'project', resource: 'requirement', action: 'read' },
  {
    method: 'get',
    path: `${base}/requirements/{requirementId}`,
    tags,
    summary: 'One requirement',
    request: { params: requirementParamsSchema },
    responses: { 200: jsonResponse(requirementViewSchema), ...errorResponses },
  },
);

const patchRequirementRoute = defineRoute(
  { kind: 'project', resource: 'requirement', action: 'update' },
  {
    method: 'patch',
    path: `${base}/requirements/{requirementId}`,
    tags,
    summary: 'Update a requirement (changing an approved custom item sends it back for approval)',
    request: { params: requirementParamsSchema, body: jsonBody(updateRequirementBodySchema) },
    responses: { 200: jsonResponse(requirementViewSchema), ...errorResponses },
  },
);

const deleteRequirementRoute = defineRoute(
  { kind: 'project', resource: 'requirement', action: 'delete' },
  {
    method: 'delete',
    path: `${base}/requirements/{requirementId}`,
    tags,
    summary: 'Delete a requirement',
    request: { params: requirementParamsSchema },
    responses: { 200: jsonResponse(okSchema), ...errorResponses },
  },
);

const approvalRoute = defineRoute(
  { kind: 'project', resource: 'requirement', action: 'approve' },
  {
    method: 'post',
    path: `${base}/requirements/{requirementId}/approval`,
    tags,
    summary: "The steering committee's decision on a custom development (not by its requester)",
    request: { params: requirementParamsSchema, body: jsonBody(approvalDecisionBodySchema) },
    responses: { 200: jsonResponse(requirementViewSchema), ...errorResponses },
  },
);

const approvalHistoryRoute = defineRoute(
  { kind: 'project', resource: 'requirement', action: 'read' },
  {
    method: 'get',
    path: `${base}/requirements/{requirementId}/approvals`,
    tags,
    summary: 'Approval history of a requirement',
    request: { params: requirementParamsSchema },
    responses: { 200: jsonResponse(z.object({ items: z.array(approvalViewSchema) })), ...errorResponses },
  },
);

const listPrototypesRoute = defineRoute(
  { kind: 'project', resource: 'requirement', action: 'read' },
  {
    method: 'get',
    path: `${base}/requirements/{requirementId}/prototypes`,
    tags,
    summary: 'UI prototypes (images) of a requirement',
    request: { params: requirementParamsSchema },
    responses: { 200: jsonResponse(z.object({ items: z.array(prototypeViewSchema) })), ...errorResponses },
  },
);

const attachPrototypeRoute = defineRoute(
  { kind: 'project', resource: 'requirement', action: 'update' },
  {
    method: 'post',
    path: `${base}/requirements/{requirementId}/prototypes`,
    tags,
    summary: 'Attach an uploaded PNG/JPEG (≤ 5 MB) as a UI prototype',
    request: { params: requirementParamsSchema, body: jsonBody(prototypeBodySchema) },
    responses: { 201: jsonResponse(prototypeViewSchema), ...errorResponses },
  },
);

const prototypeImageRoute = defineRoute(
  { kind: 'project', resource: 'requirement', action: 'read' },
  {
    method: 'get',
    path: `${base}/requirements/{requirementId}/prototypes/{prototypeId}/image`,
    tags,
    summary: 'The image of a prototype',
    request: { params: prototypeParamsSchema },
    responses: { 200: fileResponse('image/png', 'PNG or JPEG'), ...errorResponses },
  },
);

const deletePrototypeRoute = defineRoute(
  { kind: 'project', resource: 'requirement', action: 'update' },
  {
    method: 'delete',
    path: `${base}/requirements/{requirementId}/prototypes/{prototypeId}`,
    tags,
    summary: 'Remove a prototype from a requirement',
    request: { params: prototypeParamsSchema },
    responses: { 200: jsonResponse(okSchema), ...errorResponses },
  },
);

const meterRoute = defineRoute(
  { kind: 'project', resource: 'requirement', action: 'read' },
  {
    method: 'get',
    path: `${base}/customisation`,
    tags,
    summary: 'Customisation meter: custom share and effort per module against the thresholds',
    request: { params: projectParamsSchema },
    responses: { 200: jsonResponse(meterViewSchema), ...errorResponses },
  },
);

const thresholdsRoute = defineRoute(
  { kind: 'project', resource: 'blueprint', action: 'update' },
  {
    method: 'put',
    path: `${base}/customisation/thresholds`,
    tags,
    summary: 'Set the customisation thresholds',
    request: { params: projectParamsSchema, body: jsonBody(thresholdsSchema) },
    responses: { 200: jsonResponse(meterViewSchema), ...errorResponses },
  },
);

const listVersionsRoute = defineRoute(
  { kind: 'project', resource: 'blueprint', action: 'read' },
  {
    method: 'get',
    path: `${base}/blueprint/versions`,
    tags,
    summary: 'Blueprint versions, newest first, and whether the live blueprint changed since the latest',
    request: { params: projectParamsSchema },
    responses: {
      200: jsonResponse(
        z.object({
          items: z.array(versionViewSchema),
          latestLabel: z.string().nullable(),
          changedSinceLatest: z.boolean().nullable(),
          changesSinceLatest: z.number().nullable(),
        }),
      ),
      ...errorResponses,
    },
  },
);

const createVersionRoute = defineRoute(
  { kind: 'project', resource: 'blueprint', action: 'create' },
  {
    method: 'post',
    path: `${base}/blueprint/versions`,
    tags,
    summary: 'Freeze the live blueprint as the next version (V1, V2…)',
    request: {
      params: projectParamsSchema,
      body: jsonBody(z.object({ note: labelled(z.string().trim().max(2000).default(''), lbl('版本说明', 'Version note')) })),
    },
    responses: { 201: jsonResponse(versionViewSchema), ...errorResponses },
  },
);

const diffRoute = defineRoute(
  { kind: 'project', resource: 'blueprint', action: 'read' },
  {
    method: 'get',
    path: `${base}/blueprint/diff`,
    tags,
    summary: 'Differences between two versions (`to=current` compares with the live blueprint)',
    request: {
      params: projectParamsSchema,
      query: z.object({
        from: labelled(z.string().min(1).max(64), lbl('对比的起始版本', 'From version')),
        to: labelled(z.string().min(1).max(64).default('current'), lbl('对比的目标版本', 'To version')),
      }),
    },
    responses: { 200: jsonResponse(diffSchema), ...errorResponses },
  },
);

const documentQuery = z.object({ versionId: labelled(z.string().min(1).max(64).optional(), lbl('版本', 'Version')) });

const docxRoute = defineRoute(
  { kind: 'project', resource: 'blueprint', action: 'export' },
  {
    method: 'get',
    path: `${base}/blueprint/document.docx`,
    tags,
    summary: 'System Blueprint Design Document (DOCX) of a version (default: latest; working draft without versions)',
    request: { params: projectParamsSchema, query: documentQuery },
    responses: { 200: fileResponse(MEDIA_TYPE.docx, 'DOCX'), ...errorResponses },
  },
);

const htmlRoute = defineRoute(
  { kind: 'project', resource: 'blueprint', action: 'read' },
  {
    method: 'get',
    path: `${base}/blueprint/document.html`,
    tags,
    summary: 'Printable HTML preview of the blueprint document',
    request: { params: projectParamsSchema, query: documentQuery },
    responses: { 200: fileResponse('text/html', 'HTML'), ...errorResponses },
  },
);

const getVersionRoute = defineRoute(
  { kind: 'project', resource: 'blueprint', action: 'read' },
  {
    method: 'get',
    path: `${base}/blueprint/versions/{versionId}`,
    tags,
    summary: 'One version with its frozen snapshot',
    request: { params: versionParamsSchema },
    responses: { 200: jsonResponse(versionDetailSchema), ...errorResponses },
  },
);

const patchVersionRoute = defineRoute(
  { kind: 'project', resource: 'blueprint', action: 'update' },
  {
    method: 'patch',
    path: `${base}/blueprint/versions/{versionId}`,
    tags,
    summary: 'Edit the note of a version (approved versions are locked: 409)',
    request: {
      params: versionParamsSchema,
      body: jsonBody(z.object({ note: labelled(z.string().trim().max(2000), lbl('版本说明', 'Version note')) })),
    },
    responses: { 200: jsonResponse(versionViewSchema), ...errorResponses },
  },
);

const deleteVersionRoute = defineRoute(
  { kind: 'project', resource: 'blueprint', action: 'delete' },
  {
    method: 'delete',
    path: `${base}/blueprint/versions/{versionId}`,
    tags,
    summary: 'Delete a version not yet approved (approved versions are locked: 409)',
    request: { params: versionParamsSchema },
    responses: { 200: jsonResponse(okSchema), ...errorResponses },
  },
);

const signRoute = defineRoute(
  { kind: 'project', resource: 'blueprint', action: 'approve' },
  {
    method: 'post',
    path: `${base}/blueprint/versions/{versionId}/signoffs`,
    tags,
    summary: "Sign a version for the caller's side (client or implementer); both sides → approved and locked",
    request: {
      params: versionParamsSchema,
      body: jsonBody(z.object({ comment: labelled(z.string().trim().max(2000).default(''), lbl('签核意见', 'Comment')) })),
    },
    responses: { 200: jsonResponse(versionViewSchema), ...errorResponses },
  },
);

/** Routes of the blueprint module: fit-gap requirements, approvals, prototypes, meter, versions, sign-off, document. */
export function registerBlueprintRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRequirementsRoute, async (c) => c.json(await listRequirements(c.var.db, c.req.valid('param').id, c.var.locale), 200));
  app.openapi(createRequirementRoute, async (c) =>
    c.json(await createRequirement(c.var.db, c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.locale), 201),
  );
  // Static paths before `{requirementId}`.
  app.openapi(exportRoute, async (c) => {
    const { fileName, content } = await exportRequirementWorkbook(c.var.db, c.req.valid('param').id);
    return c.body(new Uint8Array(content), 200, {
      'Content-Type': MEDIA_TYPE.xlsx,
      'Content-Disposition': attachmentHeader(fileName, 'requirements.xlsx'),
    });
  });
  app.openapi(templateRoute, async (c) => {
    const { fileName, content } = await buildRequirementTemplate();
    return c.body(new Uint8Array(content), 200, {
      'Content-Type': MEDIA_TYPE.xlsx,
      'Content-Disposition': attachmentHeader(fileName, 'requirements-template.xlsx'),
    });
  });
  app.openapi(importRoute, async (c) =>
    c.json(
      await importRequirementWorkbook(c.var.db, c.var.actor, c.req.valid('param').id, c.req.valid('json').uploadId, c.var.locale),
      200,
    ),
  );
  app.openapi(getRequirementRoute, async (c) => {
    const { id, requirementId } = c.req.valid('param');
    return c.json(await getRequirement(c.var.db.kysely, id, requirementId), 200);
  });
  app.openapi(patchRequirementRoute, async (c) => {
    const { id, requirementId } = c.req.valid('param');
    return c.json(await updateRequirement(c.var.db, c.var.actor, id, requirementId, c.req.valid('json'), c.var.locale), 200);
  });
  app.openapi(deleteRequirementRoute, async (c) => {
    const { id, requirementId } = c.req.valid('param');
    await deleteRequirement(c.var.db, c.var.actor, id, requirementId);
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(approvalRoute, async (c) => {
    const { id, requirementId } = c.req.valid('param');
    return c.json(await decideApproval(c.var.db, c.var.actor, id, requirementId, c.req.valid('json'), c.var.locale), 200);
  });
  app.openapi(approvalHistoryRoute, async (c) => {
    const { id, requirementId } = c.req.valid('param');
    return c.json({ items: await listApprovalHistory(c.var.db.kysely, id, requirementId) }, 200);
  });
  app.openapi(listPrototypesRoute, async (c) => {
    const { id, requirementId } = c.req.valid('param');
    return c.json({ items: await listPrototypes(c.var.db.kysely, id, requirementId) }, 200);
  });
  app.openapi(attachPrototypeRoute, async (c) => {
    const { id, requirementId } = c.req.valid('param');
    return c.json(await attachPrototype(c.var.db, c.var.actor, id, requirementId, c.req.valid('json'), c.var.locale), 201);
  });
  app.openapi(prototypeImageRoute, async (c) => {
    const { id, requirementId, prototypeId } = c.req.valid('param');
    const image = await readPrototypeImage(c.var.db.kysely, id, prototypeId, requirementId);
    return c.body(new Uint8Array(image.bytes), 200, {
      'Content-Type': image.mime,
      'Cache-Control': 'private, max-age=3600',
      'X-Content-Type-Options': 'nosniff',
    });
  });
  app.openapi(deletePrototypeRoute, async (c) => {
    const { id, requirementId, prototypeId } = c.req.valid('param');
    await deletePrototype(c.var.db, c.var.actor, id, requirementId, prototypeId);
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(meterRoute, async (c) => c.json(await getMeter(c.var.db.kysely, c.req.valid('param').id, c.var.locale), 200));
  app.openapi(thresholdsRoute, async (c) =>
    c.json(await setThresholds(c.var.db, c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.locale), 200),
  );
  app.openapi(listVersionsRoute, async (c) => c.json(await listVersions(c.var.db, c.req.valid('param').id, c.var.locale), 200));
  app.openapi(createVersionRoute, async (c) =>
    c.json(await createVersion(c.var.db, c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.locale), 201),
  );
  app.openapi(diffRoute, async (c) => {
    const { from, to } = c.req.valid('query');
    return c.json(await diffVersions(c.var.db, c.req.valid('param').id, from, to, c.var.locale), 200);
  });
  app.openapi(docxRoute, async (c) => {
    const projectId = c.req.valid('param').id;
    const doc = await buildBlueprintReport(c.var.db, projectId, {
      locale: c.var.locale,
      author: c.var.actor.name,
      versionId: c.req.valid('query').versionId,
    });
    const content = await renderDocx(doc);
    const fileName = `${doc.projectName}-${doc.title}-${doc.versionLabel}.docx`.replace(/[\\/:*?"<>|]/g, '_');
    return c.body(new Uint8Array(content), 200, {
      'Content-Type': MEDIA_TYPE.docx,
      'Content-Disposition': attachmentHeader(fileName, 'blueprint.docx'),
    });
  });
  app.openapi(htmlRoute, async (c) => {
    const doc = await buildBlueprintReport(c.var.db, c.req.valid('param').id, {
      locale: c.var.locale,
      author: c.var.actor.name,
      versionId: c.req.valid('query').versionId,
    });
    return c.body(renderHtml(doc), 200, { 'Content-Type': 'text/html; charset=utf-8' });
  });
  app.openapi(getVersionRoute, async (c) => {
    const { id, versionId } = c.req.valid('param');
    const version = await getVersion(c.var.db.kysely, id, versionId, c.var.locale);
    return c.json({ ...version, snapshot: version.snapshot as unknown as Record<string, unknown> }, 200);
  });
  app.openapi(patchVersionRoute, async (c) => {
    const { id, versionId } = c.req.valid('param');
    return c.json(await updateVersionNote(c.var.db, c.var.actor, id, versionId, c.req.valid('json'), c.var.locale), 200);
  });
  app.openapi(deleteVersionRoute, async (c) => {
    const { id, versionId } = c.req.valid('param');
    await deleteVersion(c.var.db, c.var.actor, id, versionId);
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(signRoute, async (c) => {
    const { id, versionId } = c.req.valid('param');
    return c.json(await signVersion(c.var.db, c.var.actor, id, versionId, c.req.valid('json'), c.var.locale), 200);
  });
}
