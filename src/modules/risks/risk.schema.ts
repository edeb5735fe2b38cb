import { z } from '@hono/zod-openapi';
import { dateSchema, pathIdSchema, projectParamsSchema } from '../../server/common-schemas';
import { fieldLabel as lbl, labelled, type FieldLabel } from '../../shared/validation/field-labels';
import { INDICATOR_CODES } from './indicator-catalogue';

/**
 * The dimensions of project health. The first four are the method's classic pitfalls (避坑指南): no
 * executive backing, ignored change management, over-customisation, dirty data; then goal attainment
 * and the risk register itself.
 */
export const HEALTH_DIMENSIONS = [
  'executive_backing',
  'change_management',
  'customisation',
  'data_quality',
  'goals',
  'risk_register',
] as const;
export type HealthDimension = (typeof HEALTH_DIMENSIONS)[number];

/** Signal levels, best first; `no_data` means the project has not recorded what the indicator reads. */
export const SIGNAL_LEVELS = ['ok', 'watch', 'warning', 'critical', 'no_data'] as const;
export type SignalLevel = (typeof SIGNAL_LEVELS)[number];

export const RISK_CATEGORIES = [
  'executive_backing',
  'change_management',
  'customisation',
  'data_quality',
  'schedule',
  'budget',
  'technical',
  'resource',
  'other',
] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];

export const RISK_STATUSES = ['open', 'mitigating', 'accepted', 'closed'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** The dimensions as the settings page names them (web: risks.dimension.*), for validation messages. */
const DIMENSION_LABELS: Record<HealthDimension, FieldLabel> = {
  executive_backing: lbl('高层背书', 'Executive backing'),
  change_management: lbl('变革管理', 'Change management'),
  customisation: lbl('定制控制', 'Customisation control'),
  data_quality: lbl('数据质量', 'Data quality'),
  goals: lbl('目标达成', 'Goal attainment'),
  risk_register: lbl('风险登记册', 'Risk register'),
};

const share = z.number().min(0).max(1);
const days = z.number().int().min(1).max(365);
const score100 = z.number().min(0).max(100);

/** Early-warning thresholds and health weights of a project. */
export const riskSettingsSchema = z
  .object({
    /** Influence-weighted share of stakeholders against the change (support ≤ 2). */
    resistanceWarnShare: labelled(share, lbl('反对比例·预警', 'Opposition share · warning')),
    resistanceCriticalShare: labelled(share, lbl('反对比例·严重', 'Opposition share · critical')),
    /** A stakeholder's support older than this is stale. */
    assessmentStaleDays: labelled(days, lbl('支持度复评周期', 'Support re-assessment period')),
    /** A sponsor without activity in golive for this long no longer backs the project visibly. */
    sponsorInactiveDays: labelled(days, lbl('发起人未参与天数', 'Sponsor inactivity')),
    /** Custom development waiting this long for the steering committee. */
    approvalWaitDays: labelled(days, lbl('审批等待天数', 'Approval waiting time')),
    /** Lowest data-asset quality score (0–100) still fine / still only a warning. */
    dataScoreWarn: labelled(score100, lbl('数据质量·预警线', 'Data quality · warning line')),
    dataScoreCritical: labelled(score100, lbl('数据质量·严重线', 'Data quality · critical line')),
    /** Share of rejected rows in the latest real migration run. */
    rejectRatioWarn: labelled(share, lbl('迁移拒收率·预警', 'Migration rejects · warning')),
    rejectRatioCritical: labelled(share, lbl('迁移拒收率·严重', 'Migration rejects · critical')),
    /** How far a KPI's progress may trail the elapsed share of its time frame. */
    goalLagWarn: labelled(share, lbl('KPI 落后·预警', 'KPI lag · warning')),
    goalLagCritical: labelled(share, lbl('KPI 落后·严重', 'KPI lag · critical')),
    /** Relative weight of each dimension in the health score. */
    weights: labelled(
      z.object(
        Object.fromEntries(HEALTH_DIMENSIONS.map((d) => [d, labelled(z.number().int().min(0).max(100), DIMENSION_LABELS[d])])) as Record<
          HealthDimension,
          z.ZodNumber
        >,
      ),
      lbl('健康度权重', 'Health weights'),
    ),
  })
  .superRefine((s, ctx) => {
    const pairs: [keyof typeof s, keyof typeof s, 'below' | 'above'][] = [
      ['resistanceWarnShare', 'resistanceCriticalShare', 'below'],
      ['rejectRatioWarn', 'rejectRatioCritical', 'below'],
      ['goalLagWarn', 'goalLagCritical', 'below'],
      ['dataScoreWarn', 'dataScoreCritical', 'above'],
    ];
    for (const [warn, critical, order] of pairs) {
      const ok = order === 'below' ? s[warn] <= s[critical] : s[warn] >= s[critical];
      if (!ok) {
        ctx.addIssue({
          code: 'custom',
          path: [critical],
          // The critical threshold may not be milder than the warning one (refinement-messages.ts words it).
          message: order === 'below' ? 'must not be below the warning level' : 'must not be above the warning level',
        });
      }
    }
    if (HEALTH_DIMENSIONS.every((d) => s.weights[d] === 0)) {
      ctx.addIssue({ code: 'custom', path: ['weights'], message: 'at least one weight must be above 0' });
    }
  })
  .openapi('RiskSettings');
export type RiskSettings = z.infer<typeof riskSettingsSchema>;

export const evidenceSchema = z
  .object({
    label: z.string(),
    /** A page of the project to open, relative to /projects/{id}/ (e.g. `team`, `blueprint`). */
    href: z.string().nullable(),
  })
  .openapi('RiskEvidence');
export type Evidence = z.infer<typeof evidenceSchema>;

export const indicatorViewSchema = z
  .object({
    /** Stable code, `<dimension>.<indicator>`, e.g. `customisation.share`. */
    code: z.string(),
    dimension: z.enum(HEALTH_DIMENSIONS),
    level: z.enum(SIGNAL_LEVELS),
    /** 0–100 (ok 100, watch 80, warning 50, critical 20); null when there is no data. */
    score: z.number().nullable(),
    /** The measured value the level comes from (a share, a count, days …), null when there is no data. */
    value: z.number().nullable(),
    title: z.string(),
    /** What was found, in the caller's language, with the threshold that applies. */
    message: z.string(),
    evidence: z.array(evidenceSchema),
    /** Register line raised from this indicator and still open, if any. */
    riskCode: z.string().nullable(),
    /** At warning or critical today but not in the previous day's snapshot. */
    isNew: z.boolean(),
  })
  .openapi('RiskIndicator');
export type IndicatorView = z.infer<typeof indicatorViewSchema>;

export const dimensionViewSchema = z
  .object({
    code: z.enum(HEALTH_DIMENSIONS),
    title: z.string(),
    /** The lowest indicator score; null when no indicator has data. */
    score: z.number().nullable(),
    level: z.enum(SIGNAL_LEVELS),
    weight: z.number(),
    /** The method's countermeasure (应对) for this pitfall. */
    countermeasure: z.string(),
    indicators: z.array(indicatorViewSchema),
  })
  .openapi('HealthDimension');
export type DimensionView = z.infer<typeof dimensionViewSchema>;

export const healthViewSchema = z
  .object({
    /** Weighted mean of the dimension scores that have data, 0–100; null when none has. */
    score: z.number().nullable(),
    /** ≥ 90 ok, ≥ 65 watch, ≥ 35 warning, below critical. */
    level: z.enum(SIGNAL_LEVELS),
    evaluatedOn: z.string(),
    dimensions: z.array(dimensionViewSchema),
    /** Indicators at warning or critical, worst first. */
    alerts: z.array(indicatorViewSchema),
    /** One point per evaluated day, oldest first (the last 90 days). */
    history: z.array(z.object({ day: z.string(), score: z.number().nullable() })),
  })
  .openapi('ProjectHealth');
export type HealthView = z.infer<typeof healthViewSchema>;

const riskFields = {
  title: labelled(z.string().trim().min(1).max(200), lbl('风险', 'Risk')),
  description: labelled(z.string().trim().max(4000), lbl('描述', 'Description')),
  category: labelled(z.enum(RISK_CATEGORIES), lbl('类别', 'Category')),
  probability: labelled(z.number().int().min(1).max(5), lbl('概率', 'Probability')),
  impact: labelled(z.number().int().min(1).max(5), lbl('影响', 'Impact')),
  ownerMemberId: labelled(z.string().max(64).nullable(), lbl('负责人', 'Owner')),
  mitigation: labelled(z.string().trim().max(4000), lbl('应对措施', 'Mitigation')),
  contingency: labelled(z.string().trim().max(4000), lbl('应急预案', 'Contingency plan')),
  dueDate: labelled(dateSchema.nullable(), lbl('应对期限', 'Due date')),
  status: labelled(z.enum(RISK_STATUSES), lbl('状态', 'Status')),
};

export const createRiskBodySchema = z
  .object({
    ...riskFields,
    description: riskFields.description.default(''),
    ownerMemberId: riskFields.ownerMemberId.default(null),
    mitigation: riskFields.mitigation.default(''),
    contingency: riskFields.contingency.default(''),
    dueDate: riskFields.dueDate.default(null),
    status: riskFields.status.default('open'),
    /** The early-warning indicator this risk is raised from (e.g. `customisation.share`). */
    sourceIndicator: labelled(z.enum(INDICATOR_CODES).nullable().default(null), lbl('来源预警', 'Source warning')),
  })
  .strict()
  .openapi('CreateRiskBody');
export type CreateRiskInput = z.infer<typeof createRiskBodySchema>;

export const updateRiskBodySchema = z
  .object(
    Object.fromEntries(Object.entries(riskFields).map(([k, v]) => [k, v.optional()])) as {
      [K in keyof typeof riskFields]: z.ZodOptional<(typeof riskFields)[K]>;
    },
  )
  .strict()
  .openapi('UpdateRiskBody');
export type UpdateRiskInput = z.infer<typeof updateRiskBodySchema>;

export const riskViewSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    title: z.string(),
    description: z.string(),
    category: z.enum(RISK_CATEGORIES),
    probability: z.number(),
    impact: z.number(),
    /** probability × impact, 1–25. */
    score: z.number(),
    /** high ≥ 15, medium ≥ 8, low below. */
    level: z.enum(RISK_LEVELS),
    ownerMemberId: z.string().nullable(),
    ownerName: z.string().nullable(),
    mitigation: z.string(),
    contingency: z.string(),
    dueDate: z.string().nullable(),
    /** Not closed or accepted and past its due date. */
    overdue: z.boolean(),
    status: z.enum(RISK_STATUSES),
    /** The indicator's code (stable, for filters and links); never shown as such. */
    sourceIndicator: z.string().nullable(),
    /** The indicator as users read it, in the caller's language: dimension · indicator title. */
    sourceIndicatorTitle: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    closedAt: z.string().nullable(),
  })
  .openapi('Risk');
export type RiskView = z.infer<typeof riskViewSchema>;

export const riskParamsSchema = projectParamsSchema.extend({ riskId: pathIdSchema('riskId') });
