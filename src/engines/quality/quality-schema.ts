/**
 * Rule sets and cleansing recipes of a dataset, as JSON (zod): stored per data asset by the
 * server and usable on their own by the engine (`runQualityRules`, `cleanseSource`).
 */
import { z } from 'zod';

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
  z.object({ id: ruleId, kind: z.literal('required'), column }),
  z.object({
    id: ruleId,
    kind: z.literal('regex'),
    column,
    pattern: z.string().min(1).max(500).refine(compiles, 'not a valid regular expression'),
  }),
  z
    .object({
      id: ruleId,
      kind: z.literal('range'),
      column,
      mode: z.enum(['number', 'date']),
      min: z.union([z.number(), isoDate]).nullable().optional(),
      max: z.union([z.number(), isoDate]).nullable().optional(),
    })
    .refine((r) => (r.min ?? null) !== null || (r.max ?? null) !== null, { message: 'needs min or max', path: ['min'] })
    .refine(
      (r) =>
        [r.min, r.max].every((b) => b === null || b === undefined || (r.mode === 'number' ? typeof b === 'number' : typeof b === 'string')),
      { message: 'number ranges take numbers, date ranges take YYYY-MM-DD', path: ['min'] },
    ),
  z.object({
    id: ruleId,
    kind: z.literal('allowed'),
    column,
    values: z.array(z.string().max(500)).min(1).max(1000),
    ignoreCase: z.boolean().optional(),
  }),
  z.object({ id: ruleId, kind: z.literal('unique'), columns: z.array(column).min(1).max(10) }),
  z.object({
    id: ruleId,
    kind: z.literal('reference'),
    column,
    /** Another dataset (a data asset id in the server). */
    datasetId: z.string().min(1).max(64),
    datasetColumn: column,
  }),
  z.object({ id: ruleId, kind: z.literal('validator'), column, validator: z.enum(RULE_VALIDATORS) }),
]);
export type QualityRule = z.infer<typeof qualityRuleSchema>;

export const ruleSetSchema = z
  .object({ rules: z.array(qualityRuleSchema).max(200) })
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
  z.object({ kind: z.literal('trim'), columns: stepColumns }),
  z.object({ kind: z.literal('half_width'), columns: stepColumns }),
  z.object({ kind: z.literal('case'), columns: stepColumns, to: z.enum(['upper', 'lower']) }),
  z.object({ kind: z.literal('date'), columns: z.array(column).min(1).max(500) }),
  z
    .object({
      kind: z.literal('map'),
      column,
      /** Inline pairs: the whole value `from` becomes `to`. */
      pairs: z
        .array(z.object({ from: z.string().max(500), to: z.string().max(500) }))
        .max(5000)
        .default([]),
      /** Or a mapping dataset (a data asset id in the server) with its from/to columns. */
      dataset: z.object({ datasetId: z.string().min(1).max(64), fromColumn: column, toColumn: column }).optional(),
    })
    .refine((s) => s.pairs.length > 0 || s.dataset !== undefined, { message: 'needs pairs or a mapping dataset', path: ['pairs'] }),
  z.object({
    kind: z.literal('dedupe'),
    keyColumns: z.array(column).min(1).max(10),
    /** Which row of a duplicate group survives. */
    survivor: z.enum(['first', 'last', 'most_complete', 'latest']),
    /** For `latest`: the date or number column deciding it. */
    orderColumn: column.optional(),
  }),
]);
export type CleanseStep = z.infer<typeof cleanseStepSchema>;

export const cleanseRecipeSchema = z
  .object({ steps: z.array(cleanseStepSchema).max(100) })
  .refine((r) => r.steps.every((s) => s.kind !== 'dedupe' || s.survivor !== 'latest' || s.orderColumn), {
    message: 'survivor "latest" needs orderColumn',
    path: ['steps'],
  });
export type CleanseRecipe = z.infer<typeof cleanseRecipeSchema>;
