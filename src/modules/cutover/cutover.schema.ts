import { z } from '@hono/zod-openapi';
import { reconcileSpecSchema } from '../../engines/reconcile/reconcile-spec';
import type { ReconcileSummary } from '../../engines/reconcile/run-reconciliation';
import { dateSchema, pathIdSchema } from '../../server/common-schemas';
import { DEFAULT_CRON, DEFAULT_TIME_ZONE } from './cron';
import { fieldLabel as lbl, labelled } from '../../shared/validation/field-labels';

const idSchema = z.string().min(1).max(64);
export const projectIdParam = z.object({ id: pathIdSchema('id') });
export const connectionParamsSchema = projectIdParam.extend({ connectionId: pathIdSchema('connectionId') });
export const specParamsSchema = projectIdParam.extend({ specId: pathIdSchema('specId') });
export const runParamsSchema = projectIdParam.extend({ runId: pathIdSchema('runId') });

// ---- connections ----------------------------------------------------------------------------

export const CONNECTION_KINDS = ['postgres', 'mysql', 'sqlite'] as const;
export type ConnectionKind = (typeof CONNECTION_KINDS)[number];

export const createConnectionBodySchema = z
  .object({
    name: labelled(z.string().trim().min(1).max(100), lbl('名称', 'Name')),
    kind: labelled(z.enum(CONNECTION_KINDS), lbl('类型', 'Kind')),
    url: labelled(
      z.string().trim().min(1).max(2000).openapi({ example: 'postgres://erp_reader:secret@10.0.0.5:5432/erp' }),
      lbl('连接地址', 'URL'),
    ),
    /** Replaces the URL's password (so the URL can be typed without it). */
    password: labelled(z.string().max(500).optional(), lbl('密码', 'Password')),
  })
  .strict()
  .openapi('CreateDataConnectionBody');

export const updateConnectionBodySchema = z
  .object({
    name: labelled(z.string().trim().min(1).max(100).optional(), lbl('名称', 'Name')),
    url: labelled(
      z
        .string()
        .trim()
        .min(1)
        .max(2000)
        .optional()
        .openapi({ description: 'A URL whose password is *** (as the API shows it) keeps the stored password' }),
      lbl('连接地址', 'URL'),
    ),
    password: labelled(z.string().max(500).optional(), lbl('密码', 'Password')),
  })
  .strict()
  .openapi('UpdateDataConnectionBody');

export const connectionViewSchema = z
  .object({
    id: z.string(),
    projectId: z.string(),
    name: z.string(),
    kind: z.enum(CONNECTION_KINDS),
    maskedUrl: z.string().openapi({ description: 'The URL with its password replaced by ***; the password is never returned' }),
    usedBy: z.array(z.object({ id: z.string(), name: z.string() })),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('DataConnection');

// ---- specs ----------------------------------------------------------------------------------

const uploadSourceSchema = z
  .object({
    type: labelled(z.literal('upload'), lbl('数据源类型', 'Source type')),
    uploadId: labelled(idSchema, lbl('上传的文件', 'Uploaded file')),
    sheet: labelled(z.string().min(1).max(100).optional(), lbl('工作表', 'Sheet')),
    encoding: labelled(z.string().min(1).max(40).optional(), lbl('文件编码', 'File encoding')),
  })
  .strict();

const connectionSourceSchema = z
  .object({
    type: labelled(z.literal('connection'), lbl('数据源类型', 'Source type')),
    connectionId: labelled(idSchema, lbl('数据库连接', 'Database connection')),
    table: labelled(z.string().trim().min(1).max(300).optional(), lbl('表', 'Table')),
    query: labelled(z.string().trim().min(1).max(20_000).optional(), lbl('SQL 查询', 'SQL query')),
  })
  .strict();

/** Where one side of a reconciliation reads from. */
export const sourceRefSchema = z
  .discriminatedUnion('type', [uploadSourceSchema, connectionSourceSchema])
  .superRefine((value, ctx) => {
    if (value.type === 'connection' && (value.table === undefined) === (value.query === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['table'], message: 'give exactly one of table or query' });
    }
  })
  .openapi('ReconcileSourceRef');
export type SourceRef = z.infer<typeof sourceRefSchema>;

/** The engine's spec minus its sources; value maps are inline only (no server-side files). */
export const comparisonSchema = reconcileSpecSchema
  .omit({ left: true, right: true })
  .extend({
    key: labelled(z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]), lbl('主键列', 'Key columns')),
    valueMaps: labelled(
      z.record(z.string(), z.object({ values: labelled(z.record(z.string(), z.string()), lbl('映射值', 'Values')) }).strict()).default({}),
      lbl('值映射', 'Value maps'),
    ),
  })
  .openapi('ReconcileComparison');
export type Comparison = z.output<typeof comparisonSchema>;

export const WEBHOOK_FORMATS = ['wecom', 'dingtalk', 'feishu', 'json', 'none'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

const scheduleSchema = z
  .object({
    cron: labelled(
      z.string().trim().min(9).max(100).default(DEFAULT_CRON).openapi({ description: '5-field cron, default 06:00 daily' }),
      lbl('运行时间（定时表达式）', 'Run at (cron)'),
    ),
    enabled: labelled(z.boolean().default(false), lbl('按计划自动运行', 'Run on schedule')),
    timeZone: labelled(
      z.string().trim().min(1).max(64).default(DEFAULT_TIME_ZONE).openapi({ example: DEFAULT_TIME_ZONE }),
      lbl('时区', 'Time zone'),
    ),
  })
  .strict();

const webhookSchema = z
  .object({
    format: labelled(z.enum(WEBHOOK_FORMATS).default('none'), lbl('通知方式', 'Notify via')),
    url: labelled(z.string().trim().url().max(2000).nullable().default(null), lbl('通知推送地址', 'Webhook URL')),
  })
  .strict();

const specFields = {
  name: labelled(z.string().trim().min(1).max(100), lbl('规则名称', 'Name')),
  left: labelled(sourceRefSchema, lbl('旧系统（左侧）数据源', 'Old system (left) source')),
  right: labelled(sourceRefSchema, lbl('新系统（右侧）数据源', 'New system (right) source')),
  comparison: labelled(comparisonSchema, lbl('比对规则', 'Comparison')),
  schedule: labelled(
    scheduleSchema.default({ cron: DEFAULT_CRON, enabled: false, timeZone: DEFAULT_TIME_ZONE }),
    lbl('运行计划', 'Schedule'),
  ),
  exitCriterionDays: labelled(z.number().int().min(1).max(60).default(3), lbl('退出标准（业务日）', 'Exit criterion (business days)')),
  webhook: labelled(webhookSchema.default({ format: 'none', url: null }), lbl('通知', 'Notification')),
};

export const createSpecBodySchema = z.object(specFields).strict().openapi('CreateReconcileSpecBody');
export type CreateSpecInput = z.output<typeof createSpecBodySchema>;

export const updateSpecBodySchema = z
  .object({
    name: specFields.name.optional(),
    left: labelled(sourceRefSchema.optional(), lbl('旧系统（左侧）数据源', 'Old system (left) source')),
    right: labelled(sourceRefSchema.optional(), lbl('新系统（右侧）数据源', 'New system (right) source')),
    comparison: labelled(comparisonSchema.optional(), lbl('比对规则', 'Comparison')),
    schedule: labelled(
      z
        .object({
          cron: labelled(z.string().trim().min(9).max(100).optional(), lbl('运行时间（定时表达式）', 'Run at (cron)')),
          enabled: labelled(z.boolean().optional(), lbl('按计划自动运行', 'Run on schedule')),
          timeZone: labelled(z.string().trim().min(1).max(64).optional(), lbl('时区', 'Time zone')),
        })
        .strict()
        .optional(),
      lbl('运行计划', 'Schedule'),
    ),
    exitCriterionDays: labelled(z.number().int().min(1).max(60).optional(), lbl('退出标准（业务日）', 'Exit criterion (business days)')),
    webhook: labelled(
      z
        .object({
          format: labelled(z.enum(WEBHOOK_FORMATS).optional(), lbl('通知方式', 'Notify via')),
          url: labelled(
            z
              .string()
              .trim()
              .max(2000)
              .nullable()
              .optional()
              .openapi({ description: 'null clears it; the masked URL as the API shows it keeps the stored one' }),
            lbl('通知推送地址', 'Webhook URL'),
          ),
        })
        .strict()
        .optional(),
      lbl('通知', 'Notification'),
    ),
  })
  .strict()
  .openapi('UpdateReconcileSpecBody');
export type UpdateSpecInput = z.output<typeof updateSpecBodySchema>;

export const importSpecBodySchema = z
  .object({
    name: specFields.name,
    yaml: labelled(
      z.string().min(1).max(200_000).openapi({ description: 'A spec file as `golive reconcile --spec` reads it' }),
      lbl('规则文件内容', 'YAML'),
    ),
    left: labelled(
      sourceRefSchema.optional().openapi({ description: "Overrides the YAML's left source" }),
      lbl('旧系统（左侧）数据源', 'Old system (left) source'),
    ),
    right: labelled(sourceRefSchema.optional(), lbl('新系统（右侧）数据源', 'New system (right) source')),
    schedule: specFields.schedule,
    exitCriterionDays: specFields.exitCriterionDays,
    webhook: specFields.webhook,
  })
  .strict()
  .openapi('ImportReconcileSpecBody');
export type ImportSpecInput = z.output<typeof importSpecBodySchema>;

export const suggestMappingBodySchema = z
  .object({
    left: labelled(sourceRefSchema, lbl('旧系统（左侧）数据源', 'Old system (left) source')),
    right: labelled(sourceRefSchema, lbl('新系统（右侧）数据源', 'New system (right) source')),
  })
  .strict()
  .openapi('SuggestMappingBody');

export const mappingSuggestionSchema = z
  .object({
    left: z.string(),
    right: z.string(),
    match: z.enum(['exact', 'normalized', 'synonym']),
  })
  .openapi('ColumnMappingSuggestion');

export const suggestMappingViewSchema = z
  .object({
    leftColumns: z.array(z.string()),
    rightColumns: z.array(z.string()),
    suggestions: z.array(mappingSuggestionSchema),
    suggestedKey: z.array(z.string()),
    /** Ready to put into comparison.mapColumns: only pairs whose names differ. */
    mapColumns: z.record(z.string(), z.string()),
    unmatchedLeft: z.array(z.string()),
    unmatchedRight: z.array(z.string()),
  })
  .openapi('SuggestMapping');

export const exitCriterionViewSchema = z
  .object({
    met: z.boolean(),
    required: z.number(),
    streak: z.number().openapi({ description: 'Consecutive business days, newest first, without unexplained differences' }),
    streakDates: z.array(z.string()),
    reasonCode: z.enum(['met', 'no_runs', 'unexplained', 'gap', 'too_few']),
    reason: z.string(),
    lastBusinessDate: z.string().nullable(),
  })
  .openapi('ReconcileExitCriterion');
export type ExitCriterionView = z.infer<typeof exitCriterionViewSchema>;

export const RUN_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;

const aggregateResultSchema = z.object({
  name: z.string(),
  group_by: z.array(z.string()),
  sum: z.array(z.string()),
  groups: z.number(),
  mismatched_groups: z.number(),
  /** Every mismatching group, ordered by group. */
  mismatches: z.array(
    z.object({
      group: z.record(z.string(), z.string().nullable()),
      left_count: z.number(),
      right_count: z.number(),
      sums: z.record(z.string(), z.object({ left: z.string().nullable(), right: z.string().nullable(), delta: z.string().nullable() })),
    }),
  ),
});

/**
 * The engine's summary of a finished run, as stored and as `golive reconcile --json` prints it
 * (snake_case). `satisfies` keeps this schema and the engine's interface from drifting apart.
 */
export const reconcileSummarySchema = z
  .object({
    left_rows: z.number(),
    right_rows: z.number(),
    matched: z.number(),
    changed: z.number(),
    only_left: z.number(),
    only_right: z.number(),
    duplicate_keys_left: z.number(),
    duplicate_keys_right: z.number(),
    null_keys_left: z.number(),
    null_keys_right: z.number(),
    columns: z.record(z.string(), z.number()).openapi({ description: 'Compared column (left name) → rows where it differs' }),
    skipped_columns: z.array(z.string()).openapi({ description: 'Left columns with no counterpart on the right, so not compared' }),
    aggregates: z.array(aggregateResultSchema).optional(),
    bisect: z
      .object({
        segments_compared: z.number(),
        levels: z.number(),
        segments_fetched: z.number(),
        rows_fetched_left: z.number(),
        rows_fetched_right: z.number(),
      })
      .optional()
      .openapi({ description: 'Bisect mode only: how much was compared in place and how much fetched' }),
  })
  .openapi('ReconcileSummary') satisfies z.ZodType<ReconcileSummary>;

export const runViewSchema = z
  .object({
    id: z.string(),
    specId: z.string(),
    jobId: z.string().nullable(),
    trigger: z.enum(['manual', 'schedule']),
    businessDate: z.string(),
    scheduledFor: z.string().nullable(),
    status: z.enum(RUN_STATUSES),
    summary: z.union([reconcileSummarySchema, z.null()]).openapi({ description: 'Null until the run is done' }),
    differencesTotal: z.number(),
    statusCounts: z.record(z.string(), z.number()),
    newCount: z.number(),
    openCount: z.number(),
    resolvedCount: z.number(),
    unexplained: z.number(),
    error: z.string().nullable(),
    webhookStatus: z.string().nullable(),
    webhookError: z.string().nullable(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .openapi('ReconcileRun');
export type RunView = z.infer<typeof runViewSchema>;

export const specViewSchema = z
  .object({
    id: z.string(),
    projectId: z.string(),
    name: z.string(),
    left: sourceRefSchema,
    right: sourceRefSchema,
    leftLabel: z.string(),
    rightLabel: z.string(),
    comparison: comparisonSchema,
    schedule: z.object({ cron: z.string(), enabled: z.boolean(), timeZone: z.string(), nextRunAt: z.string().nullable() }),
    exitCriterionDays: z.number(),
    webhook: z.object({ format: z.enum(WEBHOOK_FORMATS), url: z.string().nullable() }),
    // A union, not .nullable(): .nullable() on a named schema makes the named schema itself nullable in the document.
    lastRun: z.union([runViewSchema, z.null()]),
    exitCriterion: exitCriterionViewSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('ReconcileSpec');
export type SpecView = z.infer<typeof specViewSchema>;

export const startRunBodySchema = z
  .object({
    businessDate: labelled(
      dateSchema.optional().openapi({ description: "Defaults to today in the spec's time zone" }),
      lbl('业务日期', 'Business date'),
    ),
  })
  .strict()
  .openapi('StartReconcileRunBody');

export const DIFF_STATUSES = [
  'changed',
  'only_left',
  'only_right',
  'duplicate_left',
  'duplicate_right',
  'null_key_left',
  'null_key_right',
] as const;

export const differenceQuerySchema = z.object({
  status: labelled(z.enum(DIFF_STATUSES).optional(), lbl('差异类型', 'Kind')),
  column: labelled(z.string().min(1).max(200).optional(), lbl('列', 'Column')),
  key: labelled(z.string().min(1).max(200).optional().openapi({ description: 'Key contains (case-insensitive)' }), lbl('主键', 'Key')),
  explained: labelled(z.enum(['yes', 'no']).optional(), lbl('是否已解释', 'Explained?')),
  track: labelled(z.enum(['new', 'open']).optional(), lbl('跟踪', 'Tracking')),
  limit: labelled(z.coerce.number().int().min(1).max(1000).default(100), lbl('每页条数', 'Page size')),
  offset: labelled(z.coerce.number().int().min(0).default(0), lbl('起始位置', 'Offset')),
});
export type DifferenceQuery = z.output<typeof differenceQuerySchema>;

export const differenceViewSchema = z
  .object({
    id: z.string(),
    itemId: z.string().nullable(),
    key: z.array(z.string().nullable()),
    keyText: z.string(),
    status: z.enum(DIFF_STATUSES),
    statusLabel: z.string(),
    column: z.string().nullable(),
    left: z.string().nullable(),
    right: z.string().nullable(),
    delta: z.string().nullable(),
    count: z.number().nullable(),
    row: z.number().nullable(),
    track: z.enum(['new', 'open']),
    firstSeenDate: z.string().nullable(),
    explained: z.boolean(),
    explanation: z.string().nullable(),
    explainedBy: z.string().nullable(),
    explainedAt: z.string().nullable(),
  })
  .openapi('ReconcileDifference');
export type DifferenceView = z.infer<typeof differenceViewSchema>;

export const resolvedItemViewSchema = z
  .object({
    itemId: z.string(),
    keyText: z.string(),
    status: z.enum(DIFF_STATUSES),
    column: z.string().nullable(),
    firstSeenDate: z.string(),
    explained: z.boolean(),
    explanation: z.string().nullable(),
  })
  .openapi('ReconcileResolvedItem');

export const explainBodySchema = z
  .object({
    differenceIds: labelled(z.array(idSchema).min(1).max(5000), lbl('差异', 'Differences')),
    explained: labelled(z.boolean().default(true), lbl('已解释', 'Explained')),
    reason: labelled(z.string().trim().max(1000).default(''), lbl('原因', 'Reason')),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.explained && !value.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a reason is required' });
  })
  .openapi('ExplainDifferencesBody');
export type ExplainInput = z.output<typeof explainBodySchema>;

export const historyViewSchema = z
  .object({
    trend: z.array(
      z.object({
        businessDate: z.string(),
        runId: z.string(),
        differencesTotal: z.number(),
        unexplained: z.number(),
        statusCounts: z.record(z.string(), z.number()),
        newCount: z.number(),
        openCount: z.number(),
        resolvedCount: z.number(),
      }),
    ),
    exitCriterion: exitCriterionViewSchema,
  })
  .openapi('ReconcileHistory');

export const testWebhookBodySchema = z
  .object({
    format: labelled(z.enum(WEBHOOK_FORMATS).optional(), lbl('通知方式', 'Notify via')),
    url: labelled(
      z.string().trim().url().max(2000).optional().openapi({ description: 'Try another URL before saving it' }),
      lbl('通知推送地址', 'Webhook URL'),
    ),
  })
  .strict()
  .openapi('TestWebhookBody');

export const webhookResultSchema = z
  .object({ ok: z.boolean(), status: z.enum(['sent', 'failed', 'skipped']), error: z.string().nullable() })
  .openapi('WebhookResult');
