import { z } from '@hono/zod-openapi';
import { dateSchema } from '../../server/common-schemas';
import { PROJECT_ROLES } from '../access/permission-matrix';
import { PHASES } from '../projects/project.schema';
import { fieldLabel as lbl, labelled } from '../../shared/validation/field-labels';

/**
 * Governance tiers of the method: 领导小组 (steering), 项目管理办公室 (pmo), 业务专家组 (expert),
 * external consultants from the software vendor or an implementation partner, and other members.
 */
export const TEAM_TIERS = ['steering', 'pmo', 'expert', 'consultant_vendor', 'consultant_partner', 'member'] as const;

const memberFields = {
  name: labelled(z.string().trim().min(1).max(50), lbl('姓名', 'Name')),
  department: labelled(z.string().trim().max(50).default(''), lbl('部门', 'Department')),
  title: labelled(z.string().trim().max(50).default(''), lbl('职务', 'Job title')),
  phone: labelled(z.string().trim().max(30).default(''), lbl('电话', 'Phone')),
  email: labelled(z.string().trim().toLowerCase().max(200).default(''), lbl('邮箱', 'Email')),
  projectRole: labelled(z.enum(PROJECT_ROLES), lbl('项目角色', 'Project role')),
  tier: labelled(z.enum(TEAM_TIERS), lbl('组织层级', 'Tier')),
  organization: labelled(z.string().trim().max(100).default(''), lbl('所属单位', 'Organization')),
  allocationPct: labelled(z.number().min(0).max(100).default(100), lbl('投入比例', 'Allocation')),
  /** Email of an existing sign-in account to link; the account gets this member's project role. */
  accountEmail: labelled(
    z.string().trim().toLowerCase().email().nullable().default(null),
    lbl('关联登录账号（邮箱）', 'Linked sign-in account (email)'),
  ),
};

export const createMemberBodySchema = z.object(memberFields).openapi('CreateMemberBody');

export const updateMemberBodySchema = z
  .object({
    name: memberFields.name.optional(),
    department: labelled(z.string().trim().max(50).optional(), lbl('部门', 'Department')),
    title: labelled(z.string().trim().max(50).optional(), lbl('职务', 'Job title')),
    phone: labelled(z.string().trim().max(30).optional(), lbl('电话', 'Phone')),
    email: labelled(z.string().trim().toLowerCase().max(200).optional(), lbl('邮箱', 'Email')),
    projectRole: labelled(z.enum(PROJECT_ROLES).optional(), lbl('项目角色', 'Project role')),
    tier: labelled(z.enum(TEAM_TIERS).optional(), lbl('组织层级', 'Tier')),
    organization: labelled(z.string().trim().max(100).optional(), lbl('所属单位', 'Organization')),
    allocationPct: labelled(z.number().min(0).max(100).optional(), lbl('投入比例', 'Allocation')),
    accountEmail: labelled(
      z.string().trim().toLowerCase().email().nullable().optional(),
      lbl('关联登录账号（邮箱）', 'Linked sign-in account (email)'),
    ),
  })
  .strict()
  .openapi('UpdateMemberBody');

export const memberViewSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    department: z.string(),
    title: z.string(),
    phone: z.string(),
    email: z.string(),
    projectRole: z.string(),
    tier: z.string(),
    organization: z.string(),
    allocationPct: z.number(),
    accountEmail: z.string().nullable(),
  })
  .openapi('Member');

export const memberParamsSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
  memberId: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'memberId', in: 'path' } }),
});

export const RACI_LETTERS = ['R', 'A', 'C', 'I'] as const;

export const deliverableBodySchema = z
  .object({
    phase: labelled(z.enum(PHASES), lbl('阶段', 'Phase')),
    name: labelled(z.string().trim().min(1).max(100), lbl('交付物名称', 'Deliverable name')),
  })
  .openapi('DeliverableBody');

export const deliverableParamsSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
  deliverableId: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'deliverableId', in: 'path' } }),
});

export const raciCellBodySchema = z
  .object({
    deliverableId: labelled(z.string().min(1).max(64), lbl('交付物', 'Deliverable')),
    memberId: labelled(z.string().min(1).max(64), lbl('成员', 'Member')),
    letter: labelled(z.enum(RACI_LETTERS).nullable(), lbl('RACI 分工', 'RACI letter')),
  })
  .openapi('RaciCellBody');

export const raciViewSchema = z
  .object({
    deliverables: z.array(z.object({ id: z.string(), phase: z.string(), name: z.string(), sort: z.number() })),
    members: z.array(z.object({ id: z.string(), name: z.string(), tier: z.string(), department: z.string() })),
    assignments: z.array(z.object({ deliverableId: z.string(), memberId: z.string(), letter: z.enum(RACI_LETTERS) })),
    issues: z.array(z.object({ deliverableId: z.string(), code: z.enum(['no_accountable']), message: z.string() })),
  })
  .openapi('RaciMatrix');

export const stakeholderBodySchema = z
  .object({
    name: labelled(z.string().trim().min(1).max(50), lbl('姓名', 'Name')),
    organization: labelled(z.string().trim().max(100).default(''), lbl('单位 / 部门', 'Organization / department')),
    memberId: labelled(z.string().max(64).nullable().default(null), lbl('对应团队成员', 'Team member')),
    influence: labelled(z.number().int().min(1).max(5), lbl('影响力', 'Influence')),
    note: labelled(z.string().max(500).default(''), lbl('备注', 'Note')),
    /** Initial support level (1 strongly against … 5 champion), recorded as the first assessment. */
    support: labelled(z.number().int().min(1).max(5), lbl('当前支持度', 'Current support')),
    assessedOn: labelled(dateSchema.optional(), lbl('评估日期', 'Assessed on')),
  })
  .openapi('StakeholderBody');

export const updateStakeholderBodySchema = z
  .object({
    name: labelled(z.string().trim().min(1).max(50).optional(), lbl('姓名', 'Name')),
    organization: labelled(z.string().trim().max(100).optional(), lbl('单位 / 部门', 'Organization / department')),
    influence: labelled(z.number().int().min(1).max(5).optional(), lbl('影响力', 'Influence')),
    note: labelled(z.string().max(500).optional(), lbl('备注', 'Note')),
    memberId: labelled(z.string().max(64).nullable().optional(), lbl('对应团队成员', 'Team member')),
  })
  .strict()
  .openapi('UpdateStakeholderBody');

export const assessmentBodySchema = z
  .object({
    assessedOn: labelled(dateSchema, lbl('评估日期', 'Assessed on')),
    support: labelled(z.number().int().min(1).max(5), lbl('支持度', 'Support')),
    note: labelled(z.string().max(500).default(''), lbl('备注', 'Note')),
  })
  .openapi('StakeholderAssessmentBody');

export const stakeholderViewSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    organization: z.string(),
    memberId: z.string().nullable(),
    influence: z.number(),
    note: z.string(),
    support: z.number().nullable(),
    history: z.array(z.object({ id: z.string(), assessedOn: z.string(), support: z.number(), note: z.string() })),
  })
  .openapi('Stakeholder');

export const stakeholderParamsSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
  stakeholderId: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'stakeholderId', in: 'path' } }),
});

export type CreateMemberInput = z.infer<typeof createMemberBodySchema>;
export type UpdateMemberInput = z.infer<typeof updateMemberBodySchema>;
export type MemberView = z.infer<typeof memberViewSchema>;
export type RaciView = z.infer<typeof raciViewSchema>;
export type StakeholderView = z.infer<typeof stakeholderViewSchema>;
