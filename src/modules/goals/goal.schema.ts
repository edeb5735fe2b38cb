import { z } from '@hono/zod-openapi';
import { dateSchema } from '../../server/common-schemas';
import { ERP_MODULES } from '../projects/project.schema';
import { fieldLabel as lbl, labelled } from '../../shared/validation/field-labels';

// Labels as the goal form shows them (web/src/i18n: goals.*), for validation messages.
const statement = labelled(z.string().trim().min(1).max(500), lbl('目标描述', 'Goal statement'));
const kpiName = labelled(z.string().trim().max(100), lbl('KPI 名称', 'KPI name'));
const kpiUnit = labelled(z.string().trim().max(30), lbl('单位', 'Unit'));
const baseline = labelled(z.number().finite(), lbl('基线', 'Baseline'));
const target = labelled(z.number().finite(), lbl('目标值', 'Target'));
const direction = labelled(z.enum(['increase', 'decrease']), lbl('改进方向', 'Direction'));
const deadline = labelled(dateSchema, lbl('截止日期', 'Deadline'));
const ownerMemberId = labelled(z.string().max(64), lbl('负责人', 'Owner'));
const goalModule = labelled(z.enum(ERP_MODULES), lbl('模块', 'Module'));

const goalFields = {
  statement,
  kpiName: kpiName.nullable().default(null),
  kpiUnit: kpiUnit.nullable().default(null),
  baseline: baseline.nullable().default(null),
  target: target.nullable().default(null),
  direction: direction.default('increase'),
  deadline: deadline.nullable().default(null),
  ownerMemberId: ownerMemberId.nullable().default(null),
  module: goalModule.nullable().default(null),
};

export const createGoalBodySchema = z.object(goalFields).openapi('CreateGoalBody');

export const updateGoalBodySchema = z
  .object({
    statement: statement.optional(),
    kpiName: kpiName.nullable().optional(),
    kpiUnit: kpiUnit.nullable().optional(),
    baseline: baseline.nullable().optional(),
    target: target.nullable().optional(),
    direction: direction.optional(),
    deadline: deadline.nullable().optional(),
    ownerMemberId: ownerMemberId.nullable().optional(),
    module: goalModule.nullable().optional(),
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
    measuredOn: labelled(dateSchema, lbl('测量日期', 'Measured on')),
    value: labelled(z.number().finite(), lbl('数值', 'Value')),
    note: labelled(z.string().max(500), lbl('备注', 'Note')).default(''),
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
    kind: labelled(z.enum(ROI_ITEM_KINDS), lbl('类型', 'Kind')),
    label: labelled(z.string().trim().min(1).max(100), lbl('名称', 'Label')),
    amount: labelled(z.number().finite().min(0).max(1e13), lbl('金额', 'Amount')),
  })
  .openapi('RoiItemBody');

export const roiSettingsBodySchema = z
  .object({
    horizonYears: labelled(z.number().int().min(1).max(30), lbl('测算年限', 'Horizon')),
    discountRate: labelled(
      z.number().min(0).max(1).openapi({ description: 'Yearly rate as a fraction: 0.08 = 8 %' }),
      lbl('折现率', 'Discount rate'),
    ),
    currency: labelled(z.string().trim().min(1).max(10), lbl('币种', 'Currency')).default('CNY'),
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
