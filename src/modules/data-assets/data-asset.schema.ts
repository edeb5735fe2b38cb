import { z } from '@hono/zod-openapi';
import { cleanseRecipeSchema, ruleSetSchema } from '../../engines/quality/quality-schema';
import { projectParamsSchema } from '../../server/common-schemas';
import { fieldLabel as lbl, labelled } from '../../shared/validation/field-labels';

/** Where an asset's rows come from: an uploaded file, or a saved connection's table or query. */
export const assetSourceSchema = z.discriminatedUnion('type', [
  z.object({
    type: labelled(z.literal('upload'), lbl('数据来源类型', 'Source kind')),
    uploadId: labelled(z.string().min(1).max(64), lbl('文件', 'File')),
  }),
  z
    .object({
      type: labelled(z.literal('connection'), lbl('数据来源类型', 'Source kind')),
      connectionId: labelled(z.string().min(1).max(64), lbl('数据库连接', 'Database connection')),
      table: labelled(z.string().trim().min(1).max(300).optional(), lbl('表', 'Table')),
      query: labelled(z.string().trim().min(1).max(20000).optional(), lbl('查询语句', 'Query')),
    })
    .refine((s) => (s.table === undefined) !== (s.query === undefined), { message: 'give either table or query', path: ['table'] }),
]);
export type AssetSourceInput = z.infer<typeof assetSourceSchema>;

const encodingSchema = z.enum(['utf-8', 'gbk', 'gb18030']);

export const createAssetBodySchema = z
  .object({
    name: labelled(z.string().trim().min(1).max(200), lbl('名称', 'Name')),
    businessOwner: labelled(z.string().trim().max(200).default(''), lbl('业务负责人', 'Business owner')),
    systemOfOrigin: labelled(z.string().trim().max(200).default(''), lbl('来源系统', 'System of origin')),
    storage: labelled(z.enum(['local', 'cloud']).default('local'), lbl('存储位置', 'Storage')),
    /** Default: the file extension, or `table` / `query`. */
    format: labelled(z.string().trim().max(50).optional(), lbl('格式', 'Format')),
    notes: labelled(z.string().max(5000).default(''), lbl('备注', 'Notes')),
    source: labelled(assetSourceSchema, lbl('数据来源', 'Source')),
    encoding: labelled(encodingSchema.nullable().optional(), lbl('文件编码', 'File encoding')),
    sheet: labelled(z.string().trim().min(1).max(200).nullable().optional(), lbl('工作表', 'Sheet')),
    keyColumns: labelled(z.array(z.string().min(1).max(200)).max(10).default([]), lbl('主键列', 'Key columns')),
    /** Profile right away (default: yes for files, no for connections). */
    profile: labelled(z.boolean().optional(), lbl('立即剖析', 'Profile now')),
  })
  .openapi('CreateDataAsset');
export type CreateAssetInput = z.infer<typeof createAssetBodySchema>;

export const updateAssetBodySchema = z
  .object({
    name: labelled(z.string().trim().min(1).max(200), lbl('名称', 'Name')),
    businessOwner: labelled(z.string().trim().max(200), lbl('业务负责人', 'Business owner')),
    systemOfOrigin: labelled(z.string().trim().max(200), lbl('来源系统', 'System of origin')),
    storage: labelled(z.enum(['local', 'cloud']), lbl('存储位置', 'Storage')),
    format: labelled(z.string().trim().min(1).max(50), lbl('格式', 'Format')),
    notes: labelled(z.string().max(5000), lbl('备注', 'Notes')),
    encoding: labelled(encodingSchema.nullable(), lbl('文件编码', 'File encoding')),
    sheet: labelled(z.string().trim().min(1).max(200).nullable(), lbl('工作表', 'Sheet')),
    keyColumns: labelled(z.array(z.string().min(1).max(200)).max(10), lbl('主键列', 'Key columns')),
  })
  .partial()
  .openapi('UpdateDataAsset');
export type UpdateAssetInput = z.infer<typeof updateAssetBodySchema>;

export const assetParamsSchema = projectParamsSchema.extend({
  assetId: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'assetId', in: 'path' } }),
});
export const profileRunParamsSchema = assetParamsSchema.extend({
  runId: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'runId', in: 'path' } }),
});

export const profileRunViewSchema = z
  .object({
    id: z.string(),
    assetId: z.string(),
    status: z.enum(['queued', 'running', 'succeeded', 'failed']),
    jobId: z.string().nullable(),
    progress: z.number().nullable(),
    rows: z.number().nullable(),
    columns: z.number().nullable(),
    qualityScore: z.number().nullable(),
    missingRatio: z.number().nullable(),
    error: z.string().nullable(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .openapi('DataAssetProfileRun');
export type ProfileRunView = z.infer<typeof profileRunViewSchema>;

export const profileRunDetailSchema = profileRunViewSchema
  .extend({ profile: z.unknown().openapi({ description: "The engine's SourceProfile (see `golive profile --json`)" }) })
  .openapi('DataAssetProfileRunDetail');
export type ProfileRunDetail = ProfileRunView & { profile: unknown };

export const assetViewSchema = z
  .object({
    id: z.string(),
    projectId: z.string(),
    name: z.string(),
    businessOwner: z.string(),
    /** The member's name when businessOwner is a project member id. */
    businessOwnerName: z.string(),
    systemOfOrigin: z.string(),
    storage: z.enum(['local', 'cloud']),
    format: z.string(),
    notes: z.string(),
    source: z.object({
      type: z.enum(['upload', 'connection']),
      uploadId: z.string().nullable(),
      fileName: z.string().nullable(),
      connectionId: z.string().nullable(),
      connectionName: z.string().nullable(),
      table: z.string().nullable(),
      query: z.string().nullable(),
    }),
    encoding: z.string().nullable(),
    sheet: z.string().nullable(),
    keyColumns: z.array(z.string()),
    derivedFrom: z.string().nullable(),
    ruleSet: ruleSetSchema,
    recipe: cleanseRecipeSchema,
    latestRun: z.union([profileRunViewSchema, z.null()]),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('DataAsset');
export type AssetView = z.infer<typeof assetViewSchema>;

export const ruleOutcomeSchema = z.object({
  ruleId: z.string(),
  kind: z.string(),
  column: z.string(),
  label: z.string(),
  failing: z.number(),
});

export const ruleRunViewSchema = z
  .object({
    id: z.string(),
    assetId: z.string(),
    status: z.enum(['queued', 'running', 'succeeded', 'failed']),
    jobId: z.string().nullable(),
    rows: z.number().nullable(),
    failuresTotal: z.number(),
    rules: z.array(ruleOutcomeSchema),
    error: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi('DataAssetRuleRun');
export type RuleRunView = z.infer<typeof ruleRunViewSchema>;

export const failureViewSchema = z
  .object({
    seq: z.number(),
    ruleId: z.string(),
    row: z.number(),
    key: z.string(),
    column: z.string(),
    value: z.string().nullable(),
    reason: z.string(),
  })
  .openapi('DataAssetRuleFailure');
export type FailureView = z.infer<typeof failureViewSchema>;

export const failureQuerySchema = z.object({
  ruleId: labelled(z.string().max(64).optional(), lbl('规则', 'Rule')),
  offset: labelled(z.coerce.number().int().min(0).default(0), lbl('起始位置', 'Offset')),
  limit: labelled(z.coerce.number().int().min(1).max(1000).default(100), lbl('每页条数', 'Page size')),
});

export const cleansePreviewSchema = z
  .object({
    columns: z.array(z.string()),
    rowsBefore: z.number(),
    rowsAfter: z.number(),
    duplicatesRemoved: z.number(),
    changedCells: z.array(z.object({ column: z.string(), changed: z.number() })),
    samples: z.array(
      z.object({ row: z.number(), before: z.array(z.string().nullable()), after: z.array(z.string().nullable()).nullable() }),
    ),
  })
  .openapi('CleansePreview');

export { cleanseRecipeSchema, ruleSetSchema };
