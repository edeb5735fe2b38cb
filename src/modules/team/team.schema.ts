import { z } from '@hono/zod-openapi';
import { dateSchema } from '../../server/common-schemas';
import { PROJECT_ROLES } from '../access/permission-matrix';
import { PHASES } from '../projects/project.schema';

/**
 * Governance tiers of the method: 领导小组 (steering), 项目管理办公室 (pmo), 业务专家组 (expert),
 * external consultants from the software vendor or an implementation partner, and other members.
 */
export const TEAM_TIERS = ['steering', 'pmo', 'expert', 'consultant_vendor', 'consultant_partner', 'member'] as const;

const memberFields = {
  name: z.string().trim().min(1).max(50),
  department: z.string().trim().max(50).default(''),
  title: z.string().trim().max(50).default(''),
  phone: z.string().trim().max(30).default(''),
  email: z.string().trim().toLowerCase().max(200).default(''),
  projectRole: z.enum(PROJECT_ROLES),
  tier: z.enum(TEAM_TIERS),
  organization: z.string().trim().max(100).default(''),
  allocationPct: z.number().min(0).max(100).default(100),
  /** Email of an existing sign-in account to link; the account gets this member's project role. */
  accountEmail: z.string().trim().toLowerCase().email().nullable().default(null),
};

export const createMemberBodySchema = z.object(memberFields).openapi('CreateMemberBody');

export const updateMemberBodySchema = z
  .object({
    name: memberFields.name.optional(),
    department: z.string().trim().max(50).optional(),
    title: z.string().trim().max(50).optional(),
    phone: z.string().trim().max(30).optional(),
    email: z.string().trim().toLowerCase().max(200).optional(),
    projectRole: z.enum(PROJECT_ROLES).optional(),
    tier: z.enum(TEAM_TIERS).optional(),
    organization: z.string().trim().max(100).optional(),
    allocationPct: z.number().min(0).max(100).optional(),
    accountEmail: z.string().trim().toLowerCase().email().nullable().optional(),
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
  .object({ phase: z.enum(PHASES), name: z.string().trim().min(1).max(100) })
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
    deliverableId: z.string().min(1).max(64),
    memberId: z.string().min(1).max(64),
    letter: z.enum(RACI_LETTERS).nullable(),
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
    name: z.string().trim().min(1).max(50),
    organization: z.string().trim().max(100).default(''),
    memberId: z.string().max(64).nullable().default(null),
    influence: z.number().int().min(1).max(5),
    note: z.string().max(500).default(''),
    /** Initial support level (1 strongly against … 5 champion), recorded as the first assessment. */
    support: z.number().int().min(1).max(5),
    assessedOn: dateSchema.optional(),
  })
  .openapi('StakeholderBody');

export const updateStakeholderBodySchema = z
  .object({
    name: z.string().trim().min(1).max(50).optional(),
    organization: z.string().trim().max(100).optional(),
    influence: z.number().int().min(1).max(5).optional(),
    note: z.string().max(500).optional(),
    memberId: z.string().max(64).nullable().optional(),
  })
  .strict()
  .openapi('UpdateStakeholderBody');

export const assessmentBodySchema = z
  .object({ assessedOn: dateSchema, support: z.number().int().min(1).max(5), note: z.string().max(500).default('') })
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
