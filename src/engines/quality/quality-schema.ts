/**
 * Rule sets and cleansing recipes of a dataset, as JSON (zod): stored per data asset by the
 * server and usable on their own by the engine (`runQualityRules`, `cleanseSource`).
 */
import { z } from 'zod';
import { fieldLabel as lbl, labelled } from '../../shared/validation/field-labels';

/** The validators of `src/engines/validators` a rule can apply. */
export const RULE_VALIDATORS = ['uscc', 'id_card', 'mobile', 'bank_card', 'cn_date', 'amount'] as const;
export type RuleValidator = (typeof RULE_VALIDATORS)[number];

const ruleId = z.string().trim().min(1).max(64);
const column = z.string().min(1).max(200);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

/** One quality rule. Values are compared trimmed; rules other than `required` skip empty values. */
export const qualityRuleSchema = z.discriminatedUnion('kind', [
  z.object({
    id: labelled(ruleId, lbl('规则编号', 'Rule id')),
    kind: labelled(z.literal('required'), lbl('规则类型', 'Rule type')),
    column: labelled(column, lbl('列', 'Column')),
  }),
  z.object({
    id: labelled(ruleId, lbl('规则编号', 'Rule id')),
    kind: labelled(z.literal('regex'), lbl('规则类型', 'Rule type')),
    column: labelled(column, lbl('列', 'Column')),
    pattern: labelled(
      z.string().min(1).max(500).refine(compiles, 'not a valid regular expression'),
      lbl('正则表达式', 'Regular expression'),
    ),
  }),
  z
    .object({
      id: labelled(ruleId, lbl('规则编号', 'Rule id')),
      kind: labelled(z.literal('range'), lbl('规则类型', 'Rule type')),
      column: labelled(column, lbl('列', 'Column')),
      mode: labelled(z.enum(['number', 'date']), lbl('范围类型', 'Range type')),
      min: labelled(z.union([z.number(), isoDate]).nullable().optional(), lbl('下限', 'Minimum')),
      max: labelled(z.union([z.number(), isoDate]).nullable().optional(), lbl('上限', 'Maximum')),
    })
    .refine((r) => (r.min ?? null) !== null || (r.max ?? null) !== null, { message: 'needs min or max', path: ['min'] })
    .refine(
      (r) =>
        [r.min, r.max].every((b) => b === null || b === undefined || (r.mode === 'number' ? typeof b === 'number' : typeof b === 'string')),
      { message: 'number ranges take numbers, date ranges take YYYY-MM-DD', path: ['min'] },
    ),
  z.object({
    id: labelled(ruleId, lbl('规则编号', 'Rule id')),
    kind: labelled(z.literal('allowed'), lbl('规则类型', 'Rule type')),
    column: labelled(column, lbl('列', 'Column')),
    values: labelled(z.array(z.string().max(500)).min(1).max(1000), lbl('允许值', 'Allowed values')),
    ignoreCase: labelled(z.boolean().optional(), lbl('忽略大小写', 'Ignore case')),
  }),
  z.object({
    id: labelled(ruleId, lbl('规则编号', 'Rule id')),
    kind: labelled(z.literal('unique'), lbl('规则类型', 'Rule type')),
    columns: labelled(z.array(column).min(1).max(10), lbl('列（组合）', 'Columns (combined)')),
  }),
  z.object({
    id: labelled(ruleId, lbl('规则编号', 'Rule id')),
    kind: labelled(z.literal('reference'), lbl('规则类型', 'Rule type')),
    column: labelled(column, lbl('列', 'Column')),
    /** Another dataset (a data asset id in the server). */
    datasetId: labelled(z.string().min(1).max(64), lbl('引用的数据资产', 'Referenced data asset')),
    datasetColumn: labelled(column, lbl('引用列', 'Referenced column')),
  }),
  z.object({
    id: labelled(ruleId, lbl('规则编号', 'Rule id')),
    kind: labelled(z.literal('validator'), lbl('规则类型', 'Rule type')),
    column: labelled(column, lbl('列', 'Column')),
    validator: labelled(z.enum(RULE_VALIDATORS), lbl('校验器', 'Validator')),
  }),
]);
export type QualityRule = z.infer<typeof qualityRuleSchema>;

export const ruleSetSchema = z
  .object({ rules: labelled(z.array(qualityRuleSchema).max(200), lbl('质量规则', 'Quality rules')) })
  .refine((s) => new Set(s.rules.map((r) => r.id)).size === s.rules.length, { message: 'rule ids must be unique', path: ['rules'] });
export type RuleSet = z.infer<typeof ruleSetSchema>;

/** The column(s) a rule is about. */
export function ruleColumns(rule: QualityRule): string[] {
  return rule.kind === 'unique' ? rule.columns : [rule.column];
}

/** Columns a step applies to; empty = every column. */
const stepColumns = z.array(column).max(500).default([]);

/** One cleansing step; steps apply in order, each to the output of the previous one. */
export const cleanseStepSchema = z.discriminatedUnion('kind', [
  z.object({ kind: labelled(z.literal('trim'), lbl('步骤', 'Step')), columns: labelled(stepColumns, lbl('列', 'Columns')) }),
  z.object({ kind: labelled(z.literal('half_width'), lbl('步骤', 'Step')), columns: labelled(stepColumns, lbl('列', 'Columns')) }),
  z.object({
    kind: labelled(z.literal('case'), lbl('步骤', 'Step')),
    columns: labelled(stepColumns, lbl('列', 'Columns')),
    to: labelled(z.enum(['upper', 'lower']), lbl('转换为', 'Convert to')),
  }),
  z.object({
    kind: labelled(z.literal('date'), lbl('步骤', 'Step')),
    columns: labelled(z.array(column).min(1).max(500), lbl('列', 'Columns')),
  }),
  z
    .object({
      kind: labelled(z.literal('map'), lbl('步骤', 'Step')),
      column: labelled(column, lbl('列', 'Column')),
      /** Inline pairs: the whole value `from` becomes `to`. */
      pairs: labelled(
        z
          .array(
            z.object({
              from: labelled(z.string().max(500), lbl('原值', 'Old value')),
              to: labelled(z.string().max(500), lbl('新值', 'New value')),
            }),
          )
          .max(5000)
          .default([]),
        lbl('映射对', 'Pairs'),
      ),
      /** Or a mapping dataset (a data asset id in the server) with its from/to columns. */
      dataset: labelled(
        z
          .object({
            datasetId: labelled(z.string().min(1).max(64), lbl('数据资产', 'Data asset')),
            fromColumn: labelled(column, lbl('原值列', 'Old value column')),
            toColumn: labelled(column, lbl('新值列', 'New value column')),
          })
          .optional(),
        lbl('映射表（数据资产）', 'Mapping table (data asset)'),
      ),
    })
    .refine((s) => s.pairs.length > 0 || s.dataset !== undefined, { message: 'needs pairs or a mapping dataset', path: ['pairs'] }),
  z.object({
    kind: labelled(z.literal('dedupe'), lbl('步骤', 'Step')),
    keyColumns: labelled(z.array(column).min(1).max(10), lbl('主键列', 'Key columns')),
    /** Which row of a duplicate group survives. */
    survivor: labelled(z.enum(['first', 'last', 'most_complete', 'latest']), lbl('保留规则', 'Survivor')),
    /** For `latest`: the date or number column deciding it. */
    orderColumn: labelled(column.optional(), lbl('判断最新的列', 'Column deciding the latest')),
  }),
]);
export type CleanseStep = z.infer<typeof cleanseStepSchema>;

export const cleanseRecipeSchema = z
  .object({ steps: labelled(z.array(cleanseStepSchema).max(100), lbl('清洗步骤', 'Cleansing steps')) })
  .refine((r) => r.steps.every((s) => s.kind !== 'dedupe' || s.survivor !== 'latest' || s.orderColumn), {
    message: 'survivor "latest" needs orderColumn',
    path: ['steps'],
  });
export type CleanseRecipe = z.infer<typeof cleanseRecipeSchema>;
