import { z } from '@hono/zod-openapi';
import { dateSchema } from '../../server/common-schemas';
import { ERP_MODULES } from '../projects/project.schema';
import { DATA_SCOPES, FUNCTION_ACTIONS } from './erp-permission-constants';
import { RISK_LEVELS } from './sod-detection';
import { fieldLabel as lbl, labelled } from '../../shared/validation/field-labels';

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
    name: labelled(z.string().trim().min(1).max(60), lbl('角色名称', 'Role')),
    department: labelled(z.string().trim().max(60).default(''), lbl('所属部门', 'Department')),
    description: labelled(z.string().trim().max(500).default(''), lbl('职责说明', 'Duties')),
    assessmentRoleId: labelled(z.string().max(64).nullable().default(null), lbl('调研中的用户角色', 'Assessment role')),
  })
  .openapi('CreateErpRoleBody');

export const updateErpRoleBodySchema = z
  .object({
    name: labelled(z.string().trim().min(1).max(60).optional(), lbl('角色名称', 'Role')),
    department: labelled(z.string().trim().max(60).optional(), lbl('所属部门', 'Department')),
    description: labelled(z.string().trim().max(500).optional(), lbl('职责说明', 'Duties')),
    assessmentRoleId: labelled(z.string().max(64).nullable().optional(), lbl('调研中的用户角色', 'Assessment role')),
  })
  .strict()
  .openapi('UpdateErpRoleBody');

export const setRoleGrantsBodySchema = z
  .object({
    grants: labelled(
      z
        .array(
          z.object({
            functionId: labelled(z.string().min(1).max(64), lbl('功能', 'Function')),
            scope: labelled(scopeSchema, lbl('数据范围', 'Data scope')),
          }),
        )
        .max(2000),
      lbl('授权', 'Grants'),
    ),
  })
  .openapi('SetRoleGrantsBody');

export const setGrantBodySchema = z
  .object({
    scope: labelled(scopeSchema.nullable().openapi({ description: 'null removes the grant (no access)' }), lbl('数据范围', 'Data scope')),
  })
  .openapi('SetGrantBody');

export const setRoleMembersBodySchema = z
  .object({ memberIds: labelled(z.array(z.string().min(1).max(64)).max(500), lbl('任职人员', 'Held by')) })
  .openapi('SetRoleMembersBody');

export const createErpFunctionBodySchema = z
  .object({
    module: labelled(z.enum(ERP_MODULES), lbl('模块', 'Module')),
    menu: labelled(z.string().trim().min(1).max(60), lbl('菜单', 'Menu')),
    action: labelled(actionSchema, lbl('操作', 'Action')),
    description: labelled(z.string().trim().max(300).default(''), lbl('说明', 'Description')),
  })
  .openapi('CreateErpFunctionBody');

export const updateErpFunctionBodySchema = z
  .object({
    module: labelled(z.enum(ERP_MODULES).optional(), lbl('模块', 'Module')),
    menu: labelled(z.string().trim().min(1).max(60).optional(), lbl('菜单', 'Menu')),
    action: labelled(actionSchema.optional(), lbl('操作', 'Action')),
    description: labelled(z.string().trim().max(300).optional(), lbl('说明', 'Description')),
  })
  .strict()
  .openapi('UpdateErpFunctionBody');

export const functionMatcherSchema = z
  .object({
    module: labelled(z.union([z.enum(ERP_MODULES), z.literal('*')]), lbl('模块', 'Module')),
    menu: labelled(
      z.string().trim().min(1).max(60).openapi({ description: "Menu name, or '*' for every menu of the module" }),
      lbl('菜单', 'Menu'),
    ),
    action: labelled(z.union([actionSchema, z.literal('*')]), lbl('操作', 'Action')),
  })
  .openapi('FunctionMatcher');

const ruleFields = {
  code: labelled(z.string().trim().min(1).max(20), lbl('规则编码', 'Code')),
  name: labelled(z.string().trim().min(1).max(100), lbl('规则名称', 'Rule')),
  sideA: labelled(z.array(functionMatcherSchema).min(1).max(30), lbl('职责 A', 'Duty A')),
  sideB: labelled(z.array(functionMatcherSchema).min(1).max(30), lbl('职责 B', 'Duty B')),
  riskLevel: labelled(z.enum(RISK_LEVELS), lbl('风险等级', 'Risk')),
  riskDescription: labelled(z.string().trim().min(1).max(300), lbl('风险说明', 'Risk description')),
};

export const createSodRuleBodySchema = z
  .object({ ...ruleFields, enabled: labelled(z.boolean().default(true), lbl('启用', 'Enabled')) })
  .openapi('CreateSodRuleBody');

export const updateSodRuleBodySchema = z
  .object({
    code: ruleFields.code.optional(),
    name: ruleFields.name.optional(),
    sideA: ruleFields.sideA.optional(),
    sideB: ruleFields.sideB.optional(),
    riskLevel: ruleFields.riskLevel.optional(),
    riskDescription: ruleFields.riskDescription.optional(),
    enabled: labelled(z.boolean().optional(), lbl('启用', 'Enabled')),
  })
  .strict()
  .openapi('UpdateSodRuleBody');

export const createMitigationBodySchema = z
  .object({
    ruleId: labelled(z.string().min(1).max(64), lbl('职责分离规则', 'SoD rule')),
    subjectKind: labelled(z.enum(['role', 'person']), lbl('例外对象类型', 'Exception for')),
    subjectId: labelled(z.string().min(1).max(64), lbl('例外对象', 'Role or person')),
    compensatingControl: labelled(z.string().trim().min(1).max(1000), lbl('补偿控制措施', 'Compensating control')),
    approver: labelled(z.string().trim().min(1).max(60), lbl('批准人', 'Approver')),
    approvedOn: labelled(dateSchema, lbl('批准日期', 'Approved on')),
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
