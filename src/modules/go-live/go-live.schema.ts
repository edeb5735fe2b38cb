import { z } from '@hono/zod-openapi';
import { dateSchema, pathIdSchema, projectParamsSchema } from '../../server/common-schemas';
import { fieldLabel as lbl, labelled } from '../../shared/validation/field-labels';

/**
 * Go/no-go (上线决策): the readiness criteria golive checks from the project's data, the manual
 * checklist the team ticks off, and the recorded decisions of the steering committee.
 */

/** Criteria evaluated from the other modules' data, in the order the page lists them. */
export const READINESS_CRITERIA = [
  'blueprint_approved',
  'migration_loaded',
  'dual_run_exit',
  'no_critical_warnings',
  'high_risks_managed',
  'checklist_complete',
] as const;
export type ReadinessCriterion = (typeof READINESS_CRITERIA)[number];

export const CRITERION_STATUSES = ['pass', 'fail'] as const;

export const CHECK_CATEGORIES = ['people', 'system', 'data', 'support', 'other'] as const;
export type CheckCategory = (typeof CHECK_CATEGORIES)[number];

export const CHECK_STATUSES = ['pending', 'pass', 'fail', 'na'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

export const DECISIONS = ['go', 'conditional_go', 'no_go'] as const;
export type Decision = (typeof DECISIONS)[number];

export const criterionViewSchema = z
  .object({
    code: z.enum(READINESS_CRITERIA),
    title: z.string(),
    status: z.enum(CRITERION_STATUSES),
    /** What was found, in the caller's language. */
    detail: z.string(),
    /** A page of the project to open, relative to /projects/{id}/. */
    href: z.string(),
  })
  .openapi('GoLiveCriterion');
export type CriterionView = z.infer<typeof criterionViewSchema>;

export const checkViewSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    category: z.enum(CHECK_CATEGORIES),
    ownerMemberId: z.string().nullable(),
    ownerName: z.string().nullable(),
    status: z.enum(CHECK_STATUSES),
    note: z.string(),
    sort: z.number(),
    updatedAt: z.string(),
    updatedByName: z.string().nullable(),
  })
  .openapi('GoLiveCheck');
export type CheckView = z.infer<typeof checkViewSchema>;

export const decisionViewSchema = z
  .object({
    id: z.string(),
    decision: z.enum(DECISIONS),
    /** Conditions of a conditional go, or the reasons of a no-go. */
    conditions: z.string(),
    goLiveDate: z.string().nullable(),
    decidedByName: z.string(),
    decidedAt: z.string(),
    /** The criteria as they stood when the decision was taken. */
    criteria: z.array(criterionViewSchema),
    ready: z.boolean(),
  })
  .openapi('GoLiveDecision');
export type DecisionView = z.infer<typeof decisionViewSchema>;

export const goLiveViewSchema = z
  .object({
    /** Every criterion passes. */
    ready: z.boolean(),
    criteria: z.array(criterionViewSchema),
    checks: z.array(checkViewSchema),
    /** Newest first. */
    decisions: z.array(decisionViewSchema),
    plannedGoLive: z.string().nullable(),
  })
  .openapi('GoLiveReadiness');
export type GoLiveView = z.infer<typeof goLiveViewSchema>;

export const createCheckBodySchema = z
  .object({
    title: labelled(z.string().trim().min(1).max(200), lbl('检查项', 'Check')),
    category: labelled(z.enum(CHECK_CATEGORIES).default('other'), lbl('类别', 'Category')),
    ownerMemberId: labelled(z.string().max(64).nullable().default(null), lbl('负责人', 'Owner')),
    status: labelled(z.enum(CHECK_STATUSES).default('pending'), lbl('状态', 'Status')),
    note: labelled(z.string().trim().max(2000).default(''), lbl('备注', 'Note')),
  })
  .strict()
  .openapi('CreateGoLiveCheckBody');
export type CreateCheckInput = z.infer<typeof createCheckBodySchema>;

export const updateCheckBodySchema = z
  .object({
    title: labelled(z.string().trim().min(1).max(200).optional(), lbl('检查项', 'Check')),
    category: labelled(z.enum(CHECK_CATEGORIES).optional(), lbl('类别', 'Category')),
    ownerMemberId: labelled(z.string().max(64).nullable().optional(), lbl('负责人', 'Owner')),
    status: labelled(z.enum(CHECK_STATUSES).optional(), lbl('状态', 'Status')),
    note: labelled(z.string().trim().max(2000).optional(), lbl('备注', 'Note')),
  })
  .strict()
  .openapi('UpdateGoLiveCheckBody');
export type UpdateCheckInput = z.infer<typeof updateCheckBodySchema>;

export const decisionBodySchema = z
  .object({
    decision: labelled(z.enum(DECISIONS), lbl('决策', 'Decision')),
    conditions: labelled(z.string().trim().max(4000).default(''), lbl('条件 / 原因', 'Conditions / reasons')),
    goLiveDate: labelled(dateSchema.nullable().default(null), lbl('上线日期', 'Go-live date')),
  })
  .strict()
  .openapi('GoLiveDecisionBody');
export type DecisionInput = z.infer<typeof decisionBodySchema>;

export const checkParamsSchema = projectParamsSchema.extend({ checkId: pathIdSchema('checkId') });
