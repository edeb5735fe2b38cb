import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { AppError } from '../../shared/app-error';
import { fieldLabel as lbl, labelled } from '../../shared/validation/field-labels';

/** A source: a spec string, or the spec with reading options (encoding, delimiter, sheet, query). */
export const reconcileSourceSchema = z.union([
  z.string().min(1),
  z
    .object({
      source: labelled(z.string().min(1), lbl('数据源', 'Source')),
      encoding: labelled(z.string().optional(), lbl('文件编码', 'File encoding')),
      delimiter: labelled(z.string().length(1).optional(), lbl('分隔符', 'Delimiter')),
      header: labelled(z.boolean().optional(), lbl('首行为表头', 'Header row')),
      sheet: labelled(z.string().optional(), lbl('工作表', 'Sheet')),
      query: labelled(z.string().optional(), lbl('SQL 查询', 'SQL query')),
    })
    .strict(),
]);

/** Timestamp comparison: truncate both sides to `precision` after reading naive values in each side's zone. */
export const timestampRuleSchema = z
  .object({
    precision: labelled(
      z.enum(['day', 'hour', 'minute', 'second', 'millisecond', 'microsecond']).default('second'),
      lbl('精度', 'Precision'),
    ),
    /** IANA zone for naive timestamps on both sides (default UTC). */
    timeZone: labelled(z.string().optional(), lbl('时区', 'Time zone')),
    leftTimeZone: labelled(z.string().optional(), lbl('旧系统时区', 'Old system time zone')),
    rightTimeZone: labelled(z.string().optional(), lbl('新系统时区', 'New system time zone')),
  })
  .strict();

/** How one column is compared. Numeric rules (tolerance, round, numeric) compare as exact decimals. */
export const columnRuleSchema = z
  .object({
    /** Compare as numbers (implied by tolerance, relativeTolerance and round). */
    numeric: labelled(z.boolean().optional(), lbl('按数值', 'Numeric')),
    /** Equal when |left − right| ≤ tolerance. */
    tolerance: labelled(z.number().nonnegative().optional(), lbl('绝对容差', 'Absolute tolerance')),
    /** Equal when |left − right| ≤ relativeTolerance × max(|left|, |right|). */
    relativeTolerance: labelled(z.number().nonnegative().optional(), lbl('相对容差', 'Relative tolerance')),
    /** Round both sides to this many decimals (half away from zero) before comparing. */
    round: labelled(z.number().int().min(0).max(18).optional(), lbl('保留小数位', 'Decimals')),
    trim: labelled(z.boolean().optional(), lbl('去除空格', 'Trim')),
    caseInsensitive: labelled(z.boolean().optional(), lbl('忽略大小写', 'Ignore case')),
    /** Treat '' and null as the same value. */
    nullEqualsEmpty: labelled(z.boolean().optional(), lbl('空值等同空白', 'Null equals empty')),
    timestamp: labelled(timestampRuleSchema.optional(), lbl('时间比对', 'Timestamp comparison')),
  })
  .strict();

const filterValueSchema = z.union([z.string(), z.number()]);

/** A row filter on one side; filters of a side are ANDed. Comparisons use the raw text (numbers numerically). */
export const rowFilterSchema = z
  .object({
    column: labelled(z.string().min(1), lbl('列', 'Column')),
    op: labelled(
      z.enum(['eq', 'ne', 'in', 'not_in', 'gt', 'ge', 'lt', 'le', 'is_null', 'not_null', 'contains', 'starts_with']),
      lbl('条件', 'Condition'),
    ),
    value: labelled(z.union([filterValueSchema, z.array(filterValueSchema)]).optional(), lbl('值', 'Value')),
  })
  .strict();

/** Legacy code → new code for one (left) column: inline, or a 2-column CSV with a header. */
export const valueMapSchema = z.union([
  z.object({ file: labelled(z.string().min(1), lbl('映射文件', 'Map file')) }).strict(),
  z.object({ values: labelled(z.record(z.string(), z.string()), lbl('映射值', 'Values')) }).strict(),
]);

/** Sum/count by group on each side, compared per group with an absolute tolerance on sums. */
export const aggregateCheckSchema = z
  .object({
    name: labelled(z.string().optional(), lbl('名称', 'Name')),
    groupBy: labelled(z.array(z.string()).default([]), lbl('分组列', 'Group by')),
    sum: labelled(z.array(z.string()).default([]), lbl('求和列', 'Sum columns')),
    count: labelled(z.boolean().default(true), lbl('核对行数', 'Count rows')),
    tolerance: labelled(z.number().nonnegative().default(0), lbl('合计容差', 'Sum tolerance')),
  })
  .strict();

/**
 * The reconciliation spec (YAML on disk, JSON in the web app). Column names are the left
 * side's; `mapColumns` gives the right side's name where it differs (keys included).
 */
export const reconcileSpecSchema = z
  .object({
    left: labelled(reconcileSourceSchema.optional(), lbl('旧系统（左侧）数据源', 'Old system (left) source')),
    right: labelled(reconcileSourceSchema.optional(), lbl('新系统（右侧）数据源', 'New system (right) source')),
    key: labelled(z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(), lbl('主键列', 'Key columns')),
    keyNormalize: labelled(
      z
        .object({
          trim: labelled(z.boolean().default(false), lbl('去除空格', 'Trim')),
          case: labelled(z.enum(['upper', 'lower']).optional(), lbl('大小写', 'Case')),
          stripLeadingZeros: labelled(z.boolean().default(false), lbl('去除前导零', 'Strip leading zeros')),
        })
        .strict()
        .optional(),
      lbl('主键规范化', 'Key normalisation'),
    ),
    mapColumns: labelled(z.record(z.string(), z.string()).default({}), lbl('列对应', 'Column mapping')),
    ignore: labelled(z.array(z.string()).default([]), lbl('忽略的列', 'Ignored columns')),
    valueMaps: labelled(z.record(z.string(), valueMapSchema).default({}), lbl('值映射', 'Value maps')),
    filters: labelled(
      z
        .object({
          left: labelled(z.array(rowFilterSchema).default([]), lbl('旧系统筛选', 'Old system filters')),
          right: labelled(z.array(rowFilterSchema).default([]), lbl('新系统筛选', 'New system filters')),
        })
        .strict()
        .optional(),
      lbl('行筛选', 'Row filters'),
    ),
    /** Rules applied to every compared column, overridden per column by `rules`. */
    defaults: labelled(columnRuleSchema.optional(), lbl('默认比对规则', 'Default rules')),
    rules: labelled(z.record(z.string(), columnRuleSchema).default({}), lbl('列规则', 'Column rules')),
    aggregates: labelled(z.array(aggregateCheckSchema).default([]), lbl('汇总核对', 'Aggregate checks')),
    /**
     * `full` (default) copies both sides into DuckDB; `bisect` leaves two database tables in place,
     * compares per-key-range counts and checksums and fetches only the ranges that differ.
     */
    mode: labelled(z.enum(['full', 'bisect']).default('full'), lbl('比对方式', 'Mode')),
    /** Bisect knobs: ranges split into `fanout` parts per level; ranges of ≤ `leafRows` rows are fetched. */
    bisect: labelled(
      z
        .object({
          fanout: labelled(z.number().int().min(2).max(1024).optional(), lbl('每层分段数', 'Fan-out')),
          leafRows: labelled(z.number().int().min(1).max(1_000_000).optional(), lbl('直接比对的行数上限', 'Leaf rows')),
        })
        .strict()
        .optional(),
      lbl('分段比对参数', 'Bisect settings'),
    ),
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
