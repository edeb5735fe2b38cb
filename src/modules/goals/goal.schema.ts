import { z } from '@hono/zod-openapi';
import { dateSchema } from '../../server/common-schemas';
import { ERP_MODULES } from '../projects/project.schema';
import { labelled } from '../../shared/validation/field-labels';

const goalFields = {
  statement: labelled(z.string().trim().min(1).max(500), { 'zh-CN': '目标描述', en: 'Goal statement' }),
  kpiName: z.string().trim().max(100).nullable().default(null),
  kpiUnit: z.string().trim().max(30).nullable().default(null),
  baseline: z.number().finite().nullable().default(null),
  target: z.number().finite().nullable().default(null),
  direction: z.enum(['increase', 'decrease']).default('increase'),
  deadline: dateSchema.nullable().default(null),
  ownerMemberId: z.string().max(64).nullable().default(null),
  module: z.enum(ERP_MODULES).nullable().default(null),
};

export const createGoalBodySchema = z.object(goalFields).openapi('CreateGoalBody');

export const updateGoalBodySchema = z
  .object({
    statement: goalFields.statement.optional(),
    kpiName: z.string().trim().max(100).nullable().optional(),
    kpiUnit: z.string().trim().max(30).nullable().optional(),
    baseline: z.number().finite().nullable().optional(),
    target: z.number().finite().nullable().optional(),
    direction: z.enum(['increase', 'decrease']).optional(),
    deadline: dateSchema.nullable().optional(),
    ownerMemberId: z.string().max(64).nullable().optional(),
    module: z.enum(ERP_MODULES).nullable().optional(),
  })
  .strict()
  .openapi('UpdateGoalBody');

/** SMART criteria letters. */
export const SMART_CRITERIA = ['specific', 'measurable', 'achievable', 'relevant', 'timeBound'] as const;

export const smartIssueSchema = z
  .object({
    criterion: z.enum(SMART_CRITERIA),
    code: z.string().openapi({ example: 'no_kpi' }),
    message: z.string(),
  })
  .openapi('SmartIssue');

export const goalViewSchema = z
  .object({
    id: z.string(),
    projectId: z.string(),
    statement: z.string(),
    kpiName: z.string().nullable(),
    kpiUnit: z.string().nullable(),
    baseline: z.number().nullable(),
    target: z.number().nullable(),
    direction: z.enum(['increase', 'decrease']),
    deadline: z.string().nullable(),
    ownerMemberId: z.string().nullable(),
    ownerName: z.string().nullable(),
    module: z.string().nullable(),
    latestValue: z.number().nullable(),
    latestMeasuredOn: z.string().nullable(),
    progress: z.number().nullable().openapi({ description: 'Share of the way from baseline to target (0..1, may exceed)' }),
    smart: z.object({ ok: z.boolean(), issues: z.array(smartIssueSchema) }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Goal');

export const goalParamsSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
  goalId: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'goalId', in: 'path' } }),
});

export const measurementBodySchema = z
  .object({
    measuredOn: dateSchema,
    value: z.number().finite(),
    note: z.string().max(500).default(''),
  })
  .openapi('KpiMeasurementBody');

export const measurementViewSchema = z
  .object({ id: z.string(), goalId: z.string(), measuredOn: z.string(), value: z.number(), note: z.string() })
  .openapi('KpiMeasurement');

export const measurementParamsSchema = goalParamsSchema.extend({
  measurementId: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'measurementId', in: 'path' } }),
});

export const ROI_ITEM_KINDS = ['one_off_cost', 'recurring_cost', 'benefit'] as const;

export const roiItemBodySchema = z
  .object({
    kind: z.enum(ROI_ITEM_KINDS),
    label: z.string().trim().min(1).max(100),
    amount: z.number().finite().min(0).max(1e13),
  })
  .openapi('RoiItemBody');

export const roiSettingsBodySchema = z
  .object({
    horizonYears: z.number().int().min(1).max(30),
    discountRate: z.number().min(0).max(1).openapi({ description: 'Yearly rate as a fraction: 0.08 = 8 %' }),
    currency: z.string().trim().min(1).max(10).default('CNY'),
  })
  .openapi('RoiSettingsBody');

export const roiViewSchema = z
  .object({
    settings: z.object({ horizonYears: z.number(), discountRate: z.number(), currency: z.string() }),
    items: z.array(z.object({ id: z.string(), kind: z.enum(ROI_ITEM_KINDS), label: z.string(), amount: z.number() })),
    result: z.object({
      oneOffCost: z.number(),
      recurringCostPerYear: z.number(),
      benefitPerYear: z.number(),
      netBenefitPerYear: z.number(),
      cashFlows: z.array(z.object({ year: z.number(), cashFlow: z.number(), discounted: z.number(), cumulative: z.number() })),
      totalCost: z.number(),
      totalBenefit: z.number(),
      roiPercent: z.number().nullable(),
      npv: z.number(),
      paybackYears: z.number().nullable(),
      paybackWithinHorizon: z.boolean(),
    }),
  })
  .openapi('Roi');

export const roiItemParamsSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
  itemId: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'itemId', in: 'path' } }),
});

export type CreateGoalInput = z.infer<typeof createGoalBodySchema>;
export type UpdateGoalInput = z.infer<typeof updateGoalBodySchema>;
export type GoalView = z.infer<typeof goalViewSchema>;
export type SmartIssue = z.infer<typeof smartIssueSchema>;
export type RoiView = z.infer<typeof roiViewSchema>;
