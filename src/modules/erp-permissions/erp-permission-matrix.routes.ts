import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../server/app-env';
import { attachmentHeader, errorResponses, fileResponse, jsonBody, jsonResponse, MEDIA_TYPE, okSchema } from '../../server/common-schemas';
import { defineRoute } from '../../server/define-route';
import { exportPermissionMatrixWorkbook } from './erp-permission-matrix-export';
import {
  conflictsViewSchema,
  createErpFunctionBodySchema,
  createErpRoleBodySchema,
  createMitigationBodySchema,
  createSodRuleBodySchema,
  functionParamsSchema,
  grantParamsSchema,
  importRolesResultSchema,
  matrixParamsSchema,
  mitigationParamsSchema,
  permissionMatrixViewSchema,
  roleParamsSchema,
  ruleParamsSchema,
  setGrantBodySchema,
  setRoleGrantsBodySchema,
  setRoleMembersBodySchema,
  sodRuleViewSchema,
  updateErpFunctionBodySchema,
  updateErpRoleBodySchema,
  updateSodRuleBodySchema,
} from './erp-permission-matrix.schema';
import {
  createErpFunction,
  createErpRole,
  deleteErpFunction,
  deleteErpRole,
  getPermissionMatrix,
  getSodConflicts,
  importRolesFromAssessment,
  setGrant,
  setRoleGrants,
  setRoleMembers,
  updateErpFunction,
  updateErpRole,
} from './erp-permission-matrix.service';
import { createSodRule, deleteSodMitigation, deleteSodRule, listSodRules, recordSodMitigation, updateSodRule } from './sod-rule.service';

const base = '/api/v1/projects/{id}/blueprint/permission-matrix';
const tags = ['blueprint'];
const matrixResponse = jsonResponse(permissionMatrixViewSchema, 'The whole matrix with its conflicts recomputed');

const getMatrixRoute = defineRoute(
  { kind: 'project', resource: 'blueprint', action: 'read' },
  {
    method: 'get',
    path: base,
    tags,
    summary: 'Permission matrix: ERP roles × functions with data scope, SoD rules and conflicts (seeds the default catalogue on first use)',
    request: { params: matrixParamsSchema },
    responses: { 200: matrixResponse, ...errorResponses },
  },
);

const createRoleRoute = defineRoute(
  { kind: 'project', resource: 'blueprint', action: 'create' },
  {
    method: 'post',
    path: `${base}/roles`,
    tags,
    summary: 'Add an ERP role',
    request: { params: matrixParamsSchema, body: jsonBody(createErpRoleBodySchema) },
    responses: { 201: matrixResponse, ...errorResponses },
  },
);

const importRolesRoute = defineRoute(
  { kind: 'project', resource: 'blueprint', action: 'create' },
  {
    method: 'post',
    path: `${base}/roles/import-assessment`,
    tags,
    summary: 'Create ERP roles from the assessment user roles not linked yet (从调研导入角色)',
    request: { params: matrixParamsSchema },
    responses: { 200: jsonResponse(importRolesResultSchema), ...errorResponses },
  },
);

const updateRoleRoute = defineRoute(
  { kind: 'project', resource: 'blueprint', action: 'update' },
  {
    method: 'patch',
    path: `${base}/roles/{roleId}`,
    tags,
    summary: 'Update an ERP role',
    request: { params: roleParamsSchema, body: jsonBody(updateErpRoleBodySchema) },
    responses: { 200: matrixResponse, ...errorResponses },
  },
);

const deleteRoleRoute = defineRoute(
  { kind: 'project', resource: 'blueprint', action: 'delete' },
  {
    method: 'delete',
    path: `${base}/roles/{roleId}`,
    tags,
    summary: 'Delete an ERP role with its grants',
    request: { params: roleParamsSchema },
    responses: { 200: matrixResponse, ...errorResponses },
  },
);

const setRoleGrantsRoute = defineRoute(
  { kind: 'project', resource: 'blueprint', action: 'update' },
  {
    method: 'put',
    path: `${base}/roles/{roleId}/grants`,
    tags,
    summary: 'Replace all grants of a role (functions not listed lose access)',
    request: { params: roleParamsSchema, body: jsonBody(setRoleGrantsBodySchema) },
    responses: { 200: matrixResponse, ...errorResponses },
  },
);

const setGrantRoute = defineRoute(
  { kind: 'project', resource: 'blueprint', action: 'update' },
  {
    method: 'put',
    path: `${base}/roles/{roleId}/grants/{functionId}`,
    tags,
    summary: 'Set one matrix cell: a data scope, or null to remove the grant',
    request: { params: grantParamsSchema, body: jsonBody(setGrantBodySchema) },
    responses: { 200: matrixResponse, ...errorResponses },
  },
);

const setRoleMembersRoute = defineRoute(
  { kind: 'project', resource: 'blueprint', action: 'update' },
  {
    method: 'put',
    path: `${base}/roles/{roleId}/members`,
    tags,
    summary: 'Assign project members to an ERP role (person-level SoD checks)',
    request: { params: roleParamsSchema, body: jsonBody(setRoleMembersBodySchema) },
    responses: { 200: matrixResponse, ...errorResponses },
  },
);

const createFunctionRoute = defineRoute(
  { kind: 'project', resource: 'blueprint', action: 'create' },
  {
    method: 'post',
    path: `${base}/functions`,
    tags,
    summary: 'Add a function (module · menu · action) to the catalogue',
    request: { params: matrixParamsSchema, body: jsonBody(createErpFunctionBodySchema) },
    responses: { 201: matrixResponse, ...errorResponses },
  },
);

const updateFunctionRoute = defineRoute(
  { kind: 'project', resource: 'blueprint', action: 'update' },
  {
    method: 'patch',
    path: `${base}/functions/{functionId}`,
    tags,
    summary: 'Edit a catalogue function',
    request: { params: functionParamsSchema, body: jsonBody(updateErpFunctionBodySchema) },
    responses: { 200: matrixResponse, ...errorResponses },
  },
);

const deleteFunctionRoute = defineRoute(
  { kind: 'project', resource: 'blueprint', action: 'delete' },
  {
    method: 'delete',
    path: `${base}/functions/{functionId}`,
    tags,
    summary: 'Remove a function and its grants',
    request: { params: functionParamsSchema },
    responses: { 200: matrixResponse, ...errorResponses },
  },
);

const listRulesRoute = defineRoute(
  { kind: 'project', resource: 'blueprint', action: 'read' },
  {
    method: 'get',
    path: `${base}/sod-rules`,
    tags,
    summary: 'The SoD rule library',
    request: { params: matrixParamsSchema },
    responses: { 200: jsonResponse(z.object({ items: z.array(sodRuleViewSchema) })), ...errorResponses },
  },
);

const createRuleRoute = defineRoute(
  { kind: 'project', resource: 'blueprint', action: 'create' },
  {
    method: 'post',
    path: `${base}/sod-rules`,
    tags,
    summary: 'Add an SoD rule',
    request: { params: matrixParamsSchema, body: jsonBody(createSodRuleBodySchema) },
    responses: { 201: jsonResponse(sodRuleViewSchema), ...errorResponses },
  },
);

const updateRuleRoute = defineRoute(
  { kind: 'project', resource: 'blueprint', action: 'update' },
  {
    method: 'patch',
    path: `${base}/sod-rules/{ruleId}`,
    tags,
    summary: 'Edit, enable or disable an SoD rule',
    request: { params: ruleParamsSchema, body: jsonBody(updateSodRuleBodySchema) },
    responses: { 200: jsonResponse(sodRuleViewSchema), ...errorResponses },
  },
);

const deleteRuleRoute = defineRoute(
  { kind: 'project', resource: 'blueprint', action: 'delete' },
  {
    method: 'delete',
    path: `${base}/sod-rules/{ruleId}`,
    tags,
    summary: 'Delete an SoD rule',
    request: { params: ruleParamsSchema },
    responses: { 200: jsonResponse(okSchema), ...errorResponses },
  },
);

const conflictsRoute = defineRoute(
  { kind: 'project', resource: 'blueprint', action: 'read' },
  {
    method: 'get',
    path: `${base}/conflicts`,
    tags,
    summary: 'SoD conflicts, computed on read and explained in the caller’s language',
    request: { params: matrixParamsSchema },
    responses: { 200: jsonResponse(conflictsViewSchema), ...errorResponses },
  },
);

const createMitigationRoute = defineRoute(
  { kind: 'project', resource: 'blueprint', action: 'update' },
  {
    method: 'post',
    path: `${base}/mitigations`,
    tags,
    summary: 'Record an accepted exception (compensating control + approver) for a current conflict',
    request: { params: matrixParamsSchema, body: jsonBody(createMitigationBodySchema) },
    responses: { 201: matrixResponse, ...errorResponses },
  },
);

const deleteMitigationRoute = defineRoute(
  { kind: 'project', resource: 'blueprint', action: 'update' },
  {
    method: 'delete',
    path: `${base}/mitigations/{mitigationId}`,
    tags,
    summary: 'Withdraw an exception (the conflict is open again)',
    request: { params: mitigationParamsSchema },
    responses: { 200: matrixResponse, ...errorResponses },
  },
);

const exportRoute = defineRoute(
  { kind: 'project', resource: 'blueprint', action: 'export' },
  {
    method: 'get',
    path: `${base}/export.xlsx`,
    tags,
    summary: 'Excel workbook for ERP configuration: 权限矩阵, 角色授权清单, 职责分离冲突',
    request: { params: matrixParamsSchema },
    responses: {
      200: fileResponse(MEDIA_TYPE.xlsx, 'XLSX file'),
      ...errorResponses,
    },
  },
);

/** Routes of the blueprint permission matrix and SoD rules. */
export function registerPermissionMatrixRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getMatrixRoute, async (c) =>
    c.json(await getPermissionMatrix(c.var.db, c.var.actor, c.req.valid('param').id, c.var.locale), 200),
  );
  app.openapi(createRoleRoute, async (c) =>
    c.json(await createErpRole(c.var.db, c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.locale), 201),
  );
  app.openapi(importRolesRoute, async (c) =>
    c.json(await importRolesFromAssessment(c.var.db, c.var.actor, c.req.valid('param').id, c.var.locale), 200),
  );
  app.openapi(updateRoleRoute, async (c) => {
    const { id, roleId } = c.req.valid('param');
    return c.json(await updateErpRole(c.var.db, c.var.actor, id, roleId, c.req.valid('json'), c.var.locale), 200);
  });
  app.openapi(deleteRoleRoute, async (c) => {
    const { id, roleId } = c.req.valid('param');
    return c.json(await deleteErpRole(c.var.db, c.var.actor, id, roleId, c.var.locale), 200);
  });
  app.openapi(setRoleGrantsRoute, async (c) => {
    const { id, roleId } = c.req.valid('param');
    return c.json(await setRoleGrants(c.var.db, c.var.actor, id, roleId, c.req.valid('json').grants, c.var.locale), 200);
  });
  app.openapi(setGrantRoute, async (c) => {
    const { id, roleId, functionId } = c.req.valid('param');
    return c.json(await setGrant(c.var.db, c.var.actor, id, roleId, functionId, c.req.valid('json').scope, c.var.locale), 200);
  });
  app.openapi(setRoleMembersRoute, async (c) => {
    const { id, roleId } = c.req.valid('param');
    return c.json(await setRoleMembers(c.var.db, c.var.actor, id, roleId, c.req.valid('json').memberIds, c.var.locale), 200);
  });
  app.openapi(createFunctionRoute, async (c) =>
    c.json(await createErpFunction(c.var.db, c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.locale), 201),
  );
  app.openapi(updateFunctionRoute, async (c) => {
    const { id, functionId } = c.req.valid('param');
    return c.json(await updateErpFunction(c.var.db, c.var.actor, id, functionId, c.req.valid('json'), c.var.locale), 200);
  });
  app.openapi(deleteFunctionRoute, async (c) => {
    const { id, functionId } = c.req.valid('param');
    return c.json(await deleteErpFunction(c.var.db, c.var.actor, id, functionId, c.var.locale), 200);
  });
  app.openapi(listRulesRoute, async (c) => c.json({ items: await listSodRules(c.var.db, c.var.actor, c.req.valid('param').id) }, 200));
  app.openapi(createRuleRoute, async (c) =>
    c.json(await createSodRule(c.var.db, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 201),
  );
  app.openapi(updateRuleRoute, async (c) => {
    const { id, ruleId } = c.req.valid('param');
    return c.json(await updateSodRule(c.var.db, c.var.actor, id, ruleId, c.req.valid('json')), 200);
  });
  app.openapi(deleteRuleRoute, async (c) => {
    const { id, ruleId } = c.req.valid('param');
    await deleteSodRule(c.var.db, c.var.actor, id, ruleId);
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(conflictsRoute, async (c) =>
    c.json(await getSodConflicts(c.var.db, c.var.actor, c.req.valid('param').id, c.var.locale), 200),
  );
  app.openapi(createMitigationRoute, async (c) =>
    c.json(await recordSodMitigation(c.var.db, c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.locale), 201),
  );
  app.openapi(deleteMitigationRoute, async (c) => {
    const { id, mitigationId } = c.req.valid('param');
    return c.json(await deleteSodMitigation(c.var.db, c.var.actor, id, mitigationId, c.var.locale), 200);
  });
  app.openapi(exportRoute, async (c) => {
    const { fileName, content } = await exportPermissionMatrixWorkbook(c.var.db, c.req.valid('param').id);
    return c.body(new Uint8Array(content), 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': attachmentHeader(fileName, 'permission-matrix.xlsx'),
    });
  });
}
