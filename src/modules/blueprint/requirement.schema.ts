import { z } from '@hono/zod-openapi';
import { pathIdSchema } from '../../server/common-schemas';
import { ERP_MODULES } from '../projects/project.schema';
import { fieldLabel as lbl, labelled } from '../../shared/validation/field-labels';

/** MoSCoW priorities. */
export const PRIORITIES = ['must', 'should', 'could', 'wont'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** How a requirement is met, in the method's order of preference: adapt the process before the software. */
export const RESOLUTIONS = ['standard', 'process_change', 'configuration', 'custom_development'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

/** Configuration tools of the package (自定义字段, 工作流引擎, 报表设计器, 打印模板, 参数). */
export const CONFIG_KINDS = ['custom_field', 'workflow', 'report', 'print_template', 'parameter'] as const;
export type ConfigKind = (typeof CONFIG_KINDS)[number];

export const REQUIREMENT_STATUSES = ['draft', 'confirmed', 'deferred'] as const;
export const APPROVAL_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

export const requirementParamsSchema = z.object({ id: pathIdSchema('id'), requirementId: pathIdSchema('requirementId') });
export const prototypeParamsSchema = requirementParamsSchema.extend({ prototypeId: pathIdSchema('prototypeId') });

const text = (max: number) => z.string().trim().max(max);

const requirementFields = {
  code: labelled(
    z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,29}$/, 'letters, digits, - _ . (up to 30)')
      .optional()
      .openapi({ description: 'Unique per project; REQ-001… is assigned when omitted', example: 'REQ-001' }),
    lbl('编号', 'Code'),
  ),
  title: labelled(z.string().trim().min(1).max(200), lbl('需求名称', 'Requirement')),
  description: labelled(text(4000).default(''), lbl('描述', 'Description')),
  module: labelled(z.enum(ERP_MODULES), lbl('模块', 'Module')),
  department: labelled(text(100).default(''), lbl('部门', 'Department')),
  processMapId: labelled(z.string().max(64).nullable().default(null), lbl('关联流程', 'Linked process')),
  processElementId: labelled(z.string().max(200).nullable().default(null), lbl('关联流程环节', 'Linked process step')),
  processStepName: labelled(text(200).default(''), lbl('流程环节', 'Process step')),
  priority: labelled(z.enum(PRIORITIES).default('should'), lbl('优先级', 'Priority')),
  resolution: labelled(z.enum(RESOLUTIONS).default('standard'), lbl('解决方式', 'Resolution')),
  configKind: labelled(z.enum(CONFIG_KINDS).nullable().default(null), lbl('配置类型', 'Configuration kind')),
  processChangeNote: labelled(text(4000).default(''), lbl('流程变革说明', 'Process change')),
  gapReason: labelled(
    text(4000).default('').openapi({ description: 'Custom development: why process change and configuration are not enough' }),
    lbl('差异原因', 'Gap reason'),
  ),
  justification: labelled(
    text(4000).default('').openapi({ description: 'Custom development: why this is core competitiveness' }),
    lbl('定制理由', 'Justification'),
  ),
  effortDays: labelled(
    z.number().finite().min(0).max(100000).nullable().default(null).openapi({ description: 'Effort estimate, person-days' }),
    lbl('工作量（人天）', 'Effort (person-days)'),
  ),
  upgradeImpact: labelled(
    text(4000).default('').openapi({ description: 'Custom development: impact on upgrades of the package' }),
    lbl('升级影响', 'Upgrade impact'),
  ),
  status: labelled(z.enum(REQUIREMENT_STATUSES).default('draft'), lbl('状态', 'Status')),
};

export const createRequirementBodySchema = z.object(requirementFields).openapi('CreateRequirementBody');

export const updateRequirementBodySchema = z
  .object({
    code: requirementFields.code,
    title: requirementFields.title.optional(),
    description: labelled(text(4000).optional(), lbl('描述', 'Description')),
    module: labelled(z.enum(ERP_MODULES).optional(), lbl('模块', 'Module')),
    department: labelled(text(100).optional(), lbl('部门', 'Department')),
    processMapId: labelled(z.string().max(64).nullable().optional(), lbl('关联流程', 'Linked process')),
    processElementId: labelled(z.string().max(200).nullable().optional(), lbl('关联流程环节', 'Linked process step')),
    processStepName: labelled(text(200).optional(), lbl('流程环节', 'Process step')),
    priority: labelled(z.enum(PRIORITIES).optional(), lbl('优先级', 'Priority')),
    resolution: labelled(z.enum(RESOLUTIONS).optional(), lbl('解决方式', 'Resolution')),
    configKind: labelled(z.enum(CONFIG_KINDS).nullable().optional(), lbl('配置类型', 'Configuration kind')),
    processChangeNote: labelled(text(4000).optional(), lbl('流程变革说明', 'Process change')),
    gapReason: labelled(text(4000).optional(), lbl('差异原因', 'Gap reason')),
    justification: labelled(text(4000).optional(), lbl('定制理由', 'Justification')),
    effortDays: labelled(z.number().finite().min(0).max(100000).nullable().optional(), lbl('工作量（人天）', 'Effort (person-days)')),
    upgradeImpact: labelled(text(4000).optional(), lbl('升级影响', 'Upgrade impact')),
    status: labelled(z.enum(REQUIREMENT_STATUSES).optional(), lbl('状态', 'Status')),
  })
  .strict()
  .openapi('UpdateRequirementBody');

export const approvalViewSchema = z
  .object({
    id: z.string(),
    status: z.enum(APPROVAL_STATUSES),
    requestedByName: z.string(),
    requestedAt: z.string(),
    decidedByName: z.string().nullable(),
    comment: z.string(),
    decidedAt: z.string().nullable(),
  })
  .openapi('RequirementApproval');

export const requirementViewSchema = z
  .object({
    id: z.string(),
    projectId: z.string(),
    code: z.string(),
    title: z.string(),
    description: z.string(),
    module: z.string(),
    department: z.string(),
    processMapId: z.string().nullable(),
    processElementId: z.string().nullable(),
    processStepName: z.string(),
    priority: z.enum(PRIORITIES),
    resolution: z.enum(RESOLUTIONS),
    configKind: z.enum(CONFIG_KINDS).nullable(),
    processChangeNote: z.string(),
    gapReason: z.string(),
    justification: z.string(),
    effortDays: z.number().nullable(),
    upgradeImpact: z.string(),
    status: z.enum(REQUIREMENT_STATUSES),
    /** Current steering-committee approval; null unless resolved as custom development. */
    approval: z.union([approvalViewSchema, z.null()]),
    prototypeCount: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Requirement');

export const approvalDecisionBodySchema = z
  .object({
    decision: labelled(z.enum(['approved', 'rejected']), lbl('审批结果', 'Decision')),
    comment: labelled(text(2000).default(''), lbl('意见', 'Comment')),
  })
  .openapi('RequirementApprovalDecision');

export const meterRowSchema = z.object({
  module: z.string().openapi({ description: 'ERP module code, or "all" for the overall row' }),
  total: z.number(),
  custom: z.number(),
  customShare: z.number().openapi({ description: 'custom / total (0..1)' }),
  totalEffortDays: z.number(),
  customEffortDays: z.number(),
  customEffortShare: z.number(),
  overShare: z.boolean(),
  overEffort: z.boolean(),
});

export const thresholdsSchema = z
  .object({
    maxCustomShare: labelled(
      z.number().min(0).max(1).openapi({ description: 'Fraction: 0.1 = 10 %' }),
      lbl('每个模块定制开发占比上限', 'Max custom share per module'),
    ),
    maxCustomEffortDays: labelled(
      z.number().min(0).max(100000),
      lbl('每个模块定制开发工作量上限（人天）', 'Max custom effort per module (person-days)'),
    ),
  })
  .openapi('CustomisationThresholds');

export const meterViewSchema = z
  .object({
    thresholds: thresholdsSchema,
    modules: z.array(meterRowSchema),
    overall: meterRowSchema,
    warnings: z.array(
      z.object({ module: z.string(), kind: z.enum(['share', 'effort']), value: z.number(), threshold: z.number(), message: z.string() }),
    ),
  })
  .openapi('CustomisationMeter');

export const blockerSchema = z.object({
  kind: z.enum(['custom_unapproved', 'sod_conflict']),
  id: z.string(),
  label: z.string(),
  message: z.string(),
});

export const requirementListSchema = z
  .object({ items: z.array(requirementViewSchema), meter: meterViewSchema, blockers: z.array(blockerSchema) })
  .openapi('RequirementList');

export const importBodySchema = z
  .object({
    uploadId: labelled(
      z.string().min(1).max(64).openapi({ description: 'An XLSX uploaded with PUT /uploads' }),
      lbl('上传的文件', 'Uploaded file'),
    ),
  })
  .openapi('RequirementImportBody');

export const importResultSchema = z
  .object({ created: z.number(), updated: z.number(), codes: z.array(z.string()) })
  .openapi('RequirementImportResult');

export const prototypeBodySchema = z
  .object({
    uploadId: labelled(z.string().min(1).max(64), lbl('上传的图片', 'Uploaded image')),
    caption: labelled(text(200).default(''), lbl('图片说明', 'Caption')),
  })
  .openapi('PrototypeBody');

export const prototypeViewSchema = z
  .object({
    id: z.string(),
    requirementId: z.string(),
    fileName: z.string(),
    mime: z.string(),
    size: z.number(),
    widthPx: z.number(),
    heightPx: z.number(),
    caption: z.string(),
    createdAt: z.string(),
  })
  .openapi('Prototype');

export type CreateRequirementInput = z.infer<typeof createRequirementBodySchema>;
export type UpdateRequirementInput = z.infer<typeof updateRequirementBodySchema>;
export type RequirementView = z.infer<typeof requirementViewSchema>;
export type ApprovalView = z.infer<typeof approvalViewSchema>;
export type MeterView = z.infer<typeof meterViewSchema>;
export type MeterRow = z.infer<typeof meterRowSchema>;
export type Thresholds = z.infer<typeof thresholdsSchema>;
export type Blocker = z.infer<typeof blockerSchema>;
export type PrototypeView = z.infer<typeof prototypeViewSchema>;
