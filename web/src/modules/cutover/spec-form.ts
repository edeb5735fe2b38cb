import type { TFunction } from 'i18next';
import type {
  AggregateCheck,
  ColumnRule,
  Comparison,
  MappingSuggestion,
  ReconcileSpec,
  SourceRef,
  SpecInput,
  WebhookFormat,
} from '../../api/types';

/** Defaults of a new spec (the server's defaults: 06:00 daily in Asia/Shanghai, 3 business days). */
export const DEFAULT_CRON = '0 6 * * *';
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
export const DEFAULT_EXIT_DAYS = 3;

/** One side's source as the editor holds it. */
export interface SourceValue {
  type: 'upload' | 'connection';
  uploadId?: string;
  sheet?: string;
  connectionId?: string;
  mode?: 'table' | 'query';
  table?: string;
  query?: string;
}

/** One left column: its right counterpart (null = none) and whether it is left out of the comparison. */
export interface MappingRow {
  left: string;
  right: string | null;
  ignore: boolean;
  match?: 'exact' | 'normalized' | 'synonym' | 'saved';
}

export interface RuleRow {
  column?: string;
  numeric?: boolean;
  tolerance?: number | null;
  /** Percent: 0.1 = 0.1 % (the API takes the fraction). */
  relativePct?: number | null;
  round?: number | null;
  trim?: boolean;
  caseInsensitive?: boolean;
  nullEqualsEmpty?: boolean;
}

export interface AggregateRow {
  name?: string;
  groupBy?: string[];
  sum?: string[];
  tolerance?: number | null;
}

export interface SpecFormValues {
  name: string;
  left: SourceValue;
  right: SourceValue;
  key: string[];
  mapping: MappingRow[];
  rules: RuleRow[];
  aggregates: AggregateRow[];
  cron: string;
  enabled: boolean;
  timeZone: string;
  exitCriterionDays: number;
  webhookFormat: WebhookFormat;
  webhookUrl?: string | null;
}

/** The form fields a server error detail can land on. */
export const SPEC_FIELDS = [
  'name',
  'left',
  'right',
  'key',
  'mapping',
  'rules',
  'aggregates',
  'cron',
  'timeZone',
  'exitCriterionDays',
  'webhookFormat',
  'webhookUrl',
] as const;
/** Server field path parts → form field names. */
export const SPEC_FIELD_RENAME: Record<string, string> = {
  url: 'webhookUrl',
  format: 'webhookFormat',
  mapColumns: 'mapping',
  ignore: 'mapping',
  valueMaps: 'mapping',
};

export const blankSource = (): SourceValue => ({ type: 'upload' });

export function newSpecValues(): SpecFormValues {
  return {
    name: '',
    left: blankSource(),
    right: blankSource(),
    key: [],
    mapping: [],
    rules: [],
    aggregates: [],
    cron: DEFAULT_CRON,
    enabled: false,
    timeZone: DEFAULT_TIME_ZONE,
    exitCriterionDays: DEFAULT_EXIT_DAYS,
    webhookFormat: 'none',
    webhookUrl: null,
  };
}

const text = (v: string | undefined | null): string => (v ?? '').trim();

/** The API source of a form side, or null while it is incomplete. */
export function toSourceRef(v: SourceValue | undefined): SourceRef | null {
  if (!v) return null;
  if (v.type === 'upload') {
    if (!v.uploadId) return null;
    return { type: 'upload', uploadId: v.uploadId, ...(text(v.sheet) ? { sheet: text(v.sheet) } : {}) };
  }
  if (!v.connectionId) return null;
  if ((v.mode ?? 'table') === 'query')
    return text(v.query) ? { type: 'connection', connectionId: v.connectionId, query: text(v.query) } : null;
  return text(v.table) ? { type: 'connection', connectionId: v.connectionId, table: text(v.table) } : null;
}

export function fromSourceRef(ref: SourceRef): SourceValue {
  if (ref.type === 'upload') return { type: 'upload', uploadId: ref.uploadId, sheet: ref.sheet };
  return ref.query !== undefined
    ? { type: 'connection', connectionId: ref.connectionId, mode: 'query', query: ref.query }
    : { type: 'connection', connectionId: ref.connectionId, mode: 'table', table: ref.table };
}

export function keyColumns(key: Comparison['key'] | undefined): string[] {
  if (key === undefined) return [];
  return typeof key === 'string'
    ? key
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean)
    : key;
}

/** Mapping rows from a suggestion; with `saved` (an existing spec), its mapping and ignore list win. */
export function buildMapping(suggestion: MappingSuggestion, saved?: Pick<Comparison, 'mapColumns' | 'ignore'>): MappingRow[] {
  return suggestion.leftColumns.map((left) => {
    const hit = suggestion.suggestions.find((s) => s.left === left);
    if (saved) {
      const mapped = saved.mapColumns?.[left];
      const right = mapped ?? (suggestion.rightColumns.includes(left) ? left : null);
      return { left, right, ignore: (saved.ignore ?? []).includes(left), match: mapped ? 'saved' : right ? 'exact' : undefined };
    }
    return { left, right: hit?.right ?? null, ignore: false, match: hit?.match };
  });
}

const EDITED_RULE_KEYS = ['numeric', 'tolerance', 'relativeTolerance', 'round', 'trim', 'caseInsensitive', 'nullEqualsEmpty'] as const;

function ruleOf(row: RuleRow, base: ColumnRule | undefined): ColumnRule {
  const rule: ColumnRule = { ...(base ?? {}) };
  for (const k of EDITED_RULE_KEYS) delete rule[k];
  if (row.numeric) rule.numeric = true;
  if (typeof row.tolerance === 'number') rule.tolerance = row.tolerance;
  if (typeof row.relativePct === 'number') rule.relativeTolerance = Number((row.relativePct / 100).toPrecision(12));
  if (typeof row.round === 'number') rule.round = row.round;
  if (row.trim) rule.trim = true;
  if (row.caseInsensitive) rule.caseInsensitive = true;
  if (row.nullEqualsEmpty) rule.nullEqualsEmpty = true;
  return rule;
}

export function rulesToRows(rules: Record<string, ColumnRule> | undefined): RuleRow[] {
  return Object.entries(rules ?? {}).map(([column, r]) => ({
    column,
    numeric: r.numeric ?? false,
    tolerance: r.tolerance ?? null,
    relativePct: r.relativeTolerance === undefined ? null : Number((r.relativeTolerance * 100).toPrecision(12)),
    round: r.round ?? null,
    trim: r.trim ?? false,
    caseInsensitive: r.caseInsensitive ?? false,
    nullEqualsEmpty: r.nullEqualsEmpty ?? false,
  }));
}

export function aggregatesToRows(aggregates: AggregateCheck[] | undefined): AggregateRow[] {
  return (aggregates ?? []).map((a) => ({ name: a.name, groupBy: a.groupBy ?? [], sum: a.sum ?? [], tolerance: a.tolerance ?? 0 }));
}

/**
 * The comparison to save. `base` is the saved comparison (its other settings — key normalization,
 * value maps, filters, defaults, mode — are kept); `rightColumns` are the right side's columns, so
 * a left column whose counterpart was cleared is ignored rather than compared by its own name.
 */
export function toComparison(values: SpecFormValues, base: Comparison | undefined, rightColumns: readonly string[]): Comparison {
  const key = values.key.length === 1 ? values.key[0] : [...values.key];
  const comparison: Comparison = { ...(base ?? {}), key };
  if (values.mapping.length > 0) {
    const mapColumns: Record<string, string> = {};
    const ignore: string[] = [];
    for (const row of values.mapping) {
      if (row.ignore || (row.right === null && rightColumns.includes(row.left))) ignore.push(row.left);
      else if (row.right && row.right !== row.left) mapColumns[row.left] = row.right;
    }
    comparison.mapColumns = mapColumns;
    comparison.ignore = ignore;
  }
  const rules: Record<string, ColumnRule> = {};
  for (const row of values.rules) {
    if (!row.column) continue;
    const rule = ruleOf(row, base?.rules?.[row.column]);
    if (Object.keys(rule).length > 0) rules[row.column] = rule;
  }
  comparison.rules = rules;
  comparison.aggregates = values.aggregates
    .filter((a) => (a.groupBy?.length ?? 0) > 0 || (a.sum?.length ?? 0) > 0)
    .map((a) => ({
      ...(text(a.name) ? { name: text(a.name) } : {}),
      groupBy: a.groupBy ?? [],
      sum: a.sum ?? [],
      count: true,
      tolerance: a.tolerance ?? 0,
    }));
  return comparison;
}

/** The request body of a create (and, whole, of an update). */
export function toSpecInput(values: SpecFormValues, base: Comparison | undefined, rightColumns: readonly string[]): SpecInput {
  const left = toSourceRef(values.left);
  const right = toSourceRef(values.right);
  if (!left || !right) throw new Error('incomplete source');
  return {
    name: text(values.name),
    left,
    right,
    comparison: toComparison(values, base, rightColumns),
    schedule: { cron: text(values.cron) || DEFAULT_CRON, enabled: values.enabled, timeZone: text(values.timeZone) || DEFAULT_TIME_ZONE },
    exitCriterionDays: values.exitCriterionDays ?? DEFAULT_EXIT_DAYS,
    webhook: { format: values.webhookFormat, url: text(values.webhookUrl) || null },
  };
}

/** The form values of a saved spec (the mapping is filled in once the headers are read). */
export function specToValues(spec: ReconcileSpec): SpecFormValues {
  const c = spec.comparison;
  return {
    name: spec.name,
    left: fromSourceRef(spec.left),
    right: fromSourceRef(spec.right),
    key: keyColumns(c.key),
    mapping: [],
    rules: rulesToRows(c.rules),
    aggregates: aggregatesToRows(c.aggregates),
    cron: spec.schedule.cron,
    enabled: spec.schedule.enabled,
    timeZone: spec.schedule.timeZone,
    exitCriterionDays: spec.exitCriterionDays,
    webhookFormat: spec.webhook.format,
    webhookUrl: spec.webhook.url,
  };
}

/**
 * Which form field a server detail belongs to. Column errors come as `{field: <column>, reason:
 * 'missing column (key)'}`: they go to the key, rules, aggregates or mapping by their purpose.
 */
export function specFieldOfDetail(detail: { field: string; reason: string }): string | undefined {
  const purpose = /missing column \(([^)]+)\)/.exec(detail.reason)?.[1];
  if (purpose) {
    if (purpose === 'key') return 'key';
    if (purpose.startsWith('rule')) return 'rules';
    if (purpose.startsWith('aggregate')) return 'aggregates';
    return 'mapping';
  }
  const parts = detail.field.split(/[.[\]]/).filter(Boolean);
  if (parts.includes('key')) return 'key';
  if (parts.includes('rules')) return 'rules';
  if (parts.includes('aggregates')) return 'aggregates';
  const hit = parts.map((p) => SPEC_FIELD_RENAME[p] ?? p).find((p) => (SPEC_FIELDS as readonly string[]).includes(p));
  return hit;
}

/** "0 6 * * *" → 每天 06:00; other expressions are shown as they are. */
export function describeCron(t: TFunction, cron: string): string {
  const m = /^(\d{1,2})\s+(\d{1,2})\s+\*\s+\*\s+(\*|1-5)$/.exec(cron.trim());
  if (!m) return cron;
  const time = `${m[2].padStart(2, '0')}:${m[1].padStart(2, '0')}`;
  return m[3] === '*' ? t('cutover.cronDaily', { time }) : t('cutover.cronWeekdays', { time });
}
