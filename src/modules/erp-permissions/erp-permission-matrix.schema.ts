import { z } from '@hono/zod-openapi';
import { dateSchema } from '../../server/common-schemas';
import { ERP_MODULES } from '../projects/project.schema';
import { DATA_SCOPES, FUNCTION_ACTIONS } from './erp-permission-constants';
import { RISK_LEVELS } from './sod-detection';

const idParam = (name: string) =>
  z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name, in: 'path' } });

export const matrixParamsSchema = z.object({ id: idParam('id') });
export const roleParamsSchema = z.object({ id: idParam('id'), roleId: idParam('roleId') });
export const grantParamsSchema = z.object({ id: idParam('id'), roleId: idParam('roleId'), functionId: idParam('functionId') });
export const functionParamsSchema = z.object({ id: idParam('id'), functionId: idParam('functionId') });
export const ruleParamsSchema = z.object({ id: idParam('id'), ruleId: idParam('ruleId') });
export const mitigationParamsSchema = z.object({ id: idParam('id'), mitigationId: idParam('mitigationId') });

const scopeSchema = z.enum(DATA_SCOPES).openapi({ description: 'Data scope: own (本人), department (本部门), company (全公司)' });
const actionSchema = z.enum(FUNCTION_ACTIONS);

export const createErpRoleBodySchema = z
  .object({
    name: z.string().trim().min(1).max(60),
    department: z.string().trim().max(60).default(''),
    description: z.string().trim().max(500).default(''),
    assessmentRoleId: z.string().max(64).nullable().default(null),
  })
  .openapi('CreateErpRoleBody');

export const updateErpRoleBodySchema = z
  .object({
    name: z.string().trim().min(1).max(60).optional(),
    department: z.string().trim().max(60).optional(),
    description: z.string().trim().max(500).optional(),
    assessmentRoleId: z.string().max(64).nullable().optional(),
  })
  .strict()
  .openapi('UpdateErpRoleBody');

export const setRoleGrantsBodySchema = z
  .object({
    grants: z.array(z.object({ functionId: z.string().min(1).max(64), scope: scopeSchema })).max(2000),
  })
  .openapi('SetRoleGrantsBody');

export const setGrantBodySchema = z
  .object({ scope: scopeSchema.nullable().openapi({ description: 'null removes the grant (no access)' }) })
  .openapi('SetGrantBody');

export const setRoleMembersBodySchema = z.object({ memberIds: z.array(z.string().min(1).max(64)).max(500) }).openapi('SetRoleMembersBody');

export const createErpFunctionBodySchema = z
  .object({
    module: z.enum(ERP_MODULES),
    menu: z.string().trim().min(1).max(60),
    action: actionSchema,
    description: z.string().trim().max(300).default(''),
  })
  .openapi('CreateErpFunctionBody');

export const updateErpFunctionBodySchema = z
  .object({
    module: z.enum(ERP_MODULES).optional(),
    menu: z.string().trim().min(1).max(60).optional(),
    action: actionSchema.optional(),
    description: z.string().trim().max(300).optional(),
  })
  .strict()
  .openapi('UpdateErpFunctionBody');

export const functionMatcherSchema = z
  .object({
    module: z.union([z.enum(ERP_MODULES), z.literal('*')]),
    menu: z.string().trim().min(1).max(60).openapi({ description: "Menu name, or '*' for every menu of the module" }),
    action: z.union([actionSchema, z.literal('*')]),
  })
  .openapi('FunctionMatcher');

const ruleFields = {
  code: z.string().trim().min(1).max(20),
  name: z.string().trim().min(1).max(100),
  sideA: z.array(functionMatcherSchema).min(1).max(30),
  sideB: z.array(functionMatcherSchema).min(1).max(30),
  riskLevel: z.enum(RISK_LEVELS),
  riskDescription: z.string().trim().min(1).max(300),
};

export const createSodRuleBodySchema = z.object({ ...ruleFields, enabled: z.boolean().default(true) }).openapi('CreateSodRuleBody');

export const updateSodRuleBodySchema = z
  .object({
    code: ruleFields.code.optional(),
    name: ruleFields.name.optional(),
    sideA: ruleFields.sideA.optional(),
    sideB: ruleFields.sideB.optional(),
    riskLevel: ruleFields.riskLevel.optional(),
    riskDescription: ruleFields.riskDescription.optional(),
    enabled: z.boolean().optional(),
  })
  .strict()
  .openapi('UpdateSodRuleBody');

export const createMitigationBodySchema = z
  .object({
    ruleId: z.string().min(1).max(64),
    subjectKind: z.enum(['role', 'person']),
    subjectId: z.string().min(1).max(64),
    compensatingControl: z.string().trim().min(1).max(1000),
    approver: z.string().trim().min(1).max(60),
    approvedOn: dateSchema,
  })
  .openapi('CreateSodMitigationBody');

export const erpRoleViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  department: z.string(),
  description: z.string(),
  assessmentRoleId: z.string().nullable(),
  memberIds: z.array(z.string()),
});

export const erpFunctionViewSchema = z.object({
  id: z.string(),
  module: z.string(),
  menu: z.string(),
  action: actionSchema,
  description: z.string(),
});

const matcherViewSchema = z.object({ module: z.string(), menu: z.string(), action: z.union([actionSchema, z.literal('*')]) });

export const sodRuleViewSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    sideA: z.array(matcherViewSchema),
    sideB: z.array(matcherViewSchema),
    riskLevel: z.enum(RISK_LEVELS),
    riskDescription: z.string(),
    enabled: z.boolean(),
  })
  .openapi('SodRule');

const mitigationViewSchema = z.object({
  id: z.string(),
  ruleId: z.string(),
  subjectKind: z.enum(['role', 'person']),
  subjectId: z.string(),
  compensatingControl: z.string(),
  approver: z.string(),
  approvedOn: z.string(),
});

const conflictGrantSchema = z.object({
  roleId: z.string(),
  roleName: z.string(),
  functionId: z.string(),
  module: z.string(),
  menu: z.string(),
  action: actionSchema,
  scope: scopeSchema,
});

export const sodConflictViewSchema = z
  .object({
    key: z.string(),
    ruleId: z.string(),
    ruleCode: z.string(),
    ruleName: z.string(),
    riskLevel: z.enum(RISK_LEVELS),
    riskDescription: z.string(),
    subjectKind: z.enum(['role', 'person']),
    subjectId: z.string(),
    subjectName: z.string(),
    roleIds: z.array(z.string()),
    roleNames: z.array(z.string()),
    sideA: z.array(conflictGrantSchema),
    sideB: z.array(conflictGrantSchema),
    status: z.enum(['open', 'mitigated']),
    mitigation: mitigationViewSchema.nullable(),
    explanation: z.string(),
  })
  .openapi('SodConflict');

export const conflictsViewSchema = z
  .object({ items: z.array(sodConflictViewSchema), open: z.number(), mitigated: z.number() })
  .openapi('SodConflicts');

export const permissionMatrixViewSchema = z
  .object({
    roles: z.array(erpRoleViewSchema),
    functions: z.array(erpFunctionViewSchema),
    grants: z.array(z.object({ roleId: z.string(), functionId: z.string(), scope: scopeSchema })),
    rules: z.array(sodRuleViewSchema),
    members: z.array(z.object({ id: z.string(), name: z.string(), department: z.string() })),
    conflicts: conflictsViewSchema,
  })
  .openapi('PermissionMatrix');

export const importRolesResultSchema = z
  .object({ created: z.number(), matrix: permissionMatrixViewSchema })
  .openapi('ImportErpRolesResult');

export type CreateErpRoleInput = z.infer<typeof createErpRoleBodySchema>;
export type UpdateErpRoleInput = z.infer<typeof updateErpRoleBodySchema>;
export type CreateErpFunctionInput = z.infer<typeof createErpFunctionBodySchema>;
export type UpdateErpFunctionInput = z.infer<typeof updateErpFunctionBodySchema>;
export type CreateSodRuleInput = z.infer<typeof createSodRuleBodySchema>;
export type UpdateSodRuleInput = z.infer<typeof updateSodRuleBodySchema>;
export type CreateMitigationInput = z.infer<typeof createMitigationBodySchema>;
export type PermissionMatrixView = z.infer<typeof permissionMatrixViewSchema>;
export type ConflictsView = z.infer<typeof conflictsViewSchema>;
export type SodRuleView = z.infer<typeof sodRuleViewSchema>;
