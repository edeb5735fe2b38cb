import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { AppError } from '../../shared/app-error';

/** A source: a spec string, or the spec with reading options (encoding, delimiter, sheet, query). */
export const reconcileSourceSchema = z.union([
  z.string().min(1),
  z
    .object({
      source: z.string().min(1),
      encoding: z.string().optional(),
      delimiter: z.string().length(1).optional(),
      header: z.boolean().optional(),
      sheet: z.string().optional(),
      query: z.string().optional(),
    })
    .strict(),
]);

/** Timestamp comparison: truncate both sides to `precision` after reading naive values in each side's zone. */
export const timestampRuleSchema = z
  .object({
    precision: z.enum(['day', 'hour', 'minute', 'second', 'millisecond', 'microsecond']).default('second'),
    /** IANA zone for naive timestamps on both sides (default UTC). */
    timeZone: z.string().optional(),
    leftTimeZone: z.string().optional(),
    rightTimeZone: z.string().optional(),
  })
  .strict();

/** How one column is compared. Numeric rules (tolerance, round, numeric) compare as exact decimals. */
export const columnRuleSchema = z
  .object({
    /** Compare as numbers (implied by tolerance, relativeTolerance and round). */
    numeric: z.boolean().optional(),
    /** Equal when |left − right| ≤ tolerance. */
    tolerance: z.number().nonnegative().optional(),
    /** Equal when |left − right| ≤ relativeTolerance × max(|left|, |right|). */
    relativeTolerance: z.number().nonnegative().optional(),
    /** Round both sides to this many decimals (half away from zero) before comparing. */
    round: z.number().int().min(0).max(18).optional(),
    trim: z.boolean().optional(),
    caseInsensitive: z.boolean().optional(),
    /** Treat '' and null as the same value. */
    nullEqualsEmpty: z.boolean().optional(),
    timestamp: timestampRuleSchema.optional(),
  })
  .strict();

const filterValueSchema = z.union([z.string(), z.number()]);

/** A row filter on one side; filters of a side are ANDed. Comparisons use the raw text (numbers numerically). */
export const rowFilterSchema = z
  .object({
    column: z.string().min(1),
    op: z.enum(['eq', 'ne', 'in', 'not_in', 'gt', 'ge', 'lt', 'le', 'is_null', 'not_null', 'contains', 'starts_with']),
    value: z.union([filterValueSchema, z.array(filterValueSchema)]).optional(),
  })
  .strict();

/** Legacy code → new code for one (left) column: inline, or a 2-column CSV with a header. */
export const valueMapSchema = z.union([
  z.object({ file: z.string().min(1) }).strict(),
  z.object({ values: z.record(z.string(), z.string()) }).strict(),
]);

/** Sum/count by group on each side, compared per group with an absolute tolerance on sums. */
export const aggregateCheckSchema = z
  .object({
    name: z.string().optional(),
    groupBy: z.array(z.string()).default([]),
    sum: z.array(z.string()).default([]),
    count: z.boolean().default(true),
    tolerance: z.number().nonnegative().default(0),
  })
  .strict();

/**
 * The reconciliation spec (YAML on disk, JSON in the web app). Column names are the left
 * side's; `mapColumns` gives the right side's name where it differs (keys included).
 */
export const reconcileSpecSchema = z
  .object({
    left: reconcileSourceSchema.optional(),
    right: reconcileSourceSchema.optional(),
    key: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
    keyNormalize: z
      .object({
        trim: z.boolean().default(false),
        case: z.enum(['upper', 'lower']).optional(),
        stripLeadingZeros: z.boolean().default(false),
      })
      .strict()
      .optional(),
    mapColumns: z.record(z.string(), z.string()).default({}),
    ignore: z.array(z.string()).default([]),
    valueMaps: z.record(z.string(), valueMapSchema).default({}),
    filters: z
      .object({ left: z.array(rowFilterSchema).default([]), right: z.array(rowFilterSchema).default([]) })
      .strict()
      .optional(),
    /** Rules applied to every compared column, overridden per column by `rules`. */
    defaults: columnRuleSchema.optional(),
    rules: z.record(z.string(), columnRuleSchema).default({}),
    aggregates: z.array(aggregateCheckSchema).default([]),
    /**
     * `full` (default) copies both sides into DuckDB; `bisect` leaves two database tables in place,
     * compares per-key-range counts and checksums and fetches only the ranges that differ.
     */
    mode: z.enum(['full', 'bisect']).default('full'),
    /** Bisect knobs: ranges split into `fanout` parts per level; ranges of ≤ `leafRows` rows are fetched. */
    bisect: z
      .object({
        fanout: z.number().int().min(2).max(1024).optional(),
        leafRows: z.number().int().min(1).max(1_000_000).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

/** A validated spec (defaults filled in). */
export type ReconcileSpec = z.output<typeof reconcileSpecSchema>;
/** A spec as written by a user or the web app. */
export type ReconcileSpecInput = z.input<typeof reconcileSpecSchema>;
export type ReconcileSource = z.output<typeof reconcileSourceSchema>;
export type ColumnRule = z.output<typeof columnRuleSchema>;
export type RowFilter = z.output<typeof rowFilterSchema>;
export type AggregateCheck = z.output<typeof aggregateCheckSchema>;

/** Validates a spec object; every problem becomes a detail naming its path. */
export function validateReconcileSpec(input: unknown, sourceName = 'spec'): ReconcileSpec {
  const parsed = reconcileSpecSchema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(root)',
    reason: issue.message,
  }));
  throw new AppError(
    'RECONCILE_SPEC_INVALID',
    { spec: sourceName, problems: details.map((d) => `${d.field}: ${d.reason}`).join('; ') },
    details,
  );
}

/** Parses and validates a YAML spec. */
export function parseReconcileSpecYaml(text: string, sourceName = 'spec'): ReconcileSpec {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    throw new AppError('RECONCILE_SPEC_NOT_YAML', { spec: sourceName, reason: (error as Error).message });
  }
  return validateReconcileSpec(data, sourceName);
}

/** The key columns of a spec as a list. */
export function specKeyColumns(spec: ReconcileSpec): string[] {
  if (spec.key === undefined) return [];
  return typeof spec.key === 'string'
    ? spec.key
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean)
    : spec.key;
}
