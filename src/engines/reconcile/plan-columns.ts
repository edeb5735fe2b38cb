import { AppError } from '../../shared/app-error';
import type { ColumnRule, ReconcileSpec } from './reconcile-spec';
import { specKeyColumns } from './reconcile-spec';

/** One left column and where it lives on each side (indexes into the loaded `cN` columns). */
export interface ColumnPair {
  name: string;
  rightName: string;
  left: number;
  right: number;
}

/** A compared column with its merged rule. */
export interface ComparedColumn extends ColumnPair {
  rule: ColumnRule;
  numeric: boolean;
  /** Exact decimal type for numeric columns, chosen from the data before comparing. */
  decimalType?: string;
}

/** Which columns are keys, compared or skipped, resolved against both sources' headers. */
export interface ColumnPlan {
  keys: ColumnPair[];
  compared: ComparedColumn[];
  /** Left columns with no counterpart on the right (and not ignored). */
  skipped: string[];
  /** Resolves any left column name (for filters, maps, aggregates) to its pair; `field` is the spec field naming it. */
  pair(name: string, field: string): ColumnPair;
  /** Left index of a left column, for filters/value maps that only touch the left side. */
  leftIndex(name: string, field: string): number;
  rightIndex(name: string, field: string): number;
}

interface SideColumns {
  description: string;
  columns: string[];
}

/** The source names itself, so the message needs no left/right; `field` is the spec field that names the column. */
function missingColumn(side: SideColumns, name: string, field: string): AppError {
  return new AppError('SOURCES_COLUMN_MISSING', { source: side.description, column: name, field, columns: side.columns.join(', ') }, [
    { field },
  ]);
}

/** Exact name first, then a case-insensitive match (PostgreSQL folds unquoted names to lower case). */
function findColumn(columns: string[], name: string): number {
  const exact = columns.indexOf(name);
  if (exact >= 0) return exact;
  const lower = name.toLowerCase();
  const matches = columns.flatMap((c, i) => (c.toLowerCase() === lower ? [i] : []));
  return matches.length === 1 ? matches[0] : -1;
}

function isNumericRule(rule: ColumnRule): boolean {
  return rule.numeric === true || rule.tolerance !== undefined || rule.relativeTolerance !== undefined || rule.round !== undefined;
}

/** Merges default and per-column rules; a column's own numeric or timestamp rule beats the defaults'. */
function mergeRule(spec: ReconcileSpec, column: string): { rule: ColumnRule; numeric: boolean } {
  const own = spec.rules[column] ?? {};
  const clash = (): AppError => new AppError('RECONCILE_RULE_NUMERIC_AND_TIMESTAMP', { column }, [{ field: `rules.${column}` }]);
  if (isNumericRule(own) && own.timestamp) throw clash();
  let rule: ColumnRule = { ...(spec.defaults ?? {}), ...own };
  if (own.timestamp) {
    rule = { ...rule, numeric: undefined, tolerance: undefined, relativeTolerance: undefined, round: undefined };
  } else if (isNumericRule(own)) {
    rule = { ...rule, timestamp: undefined };
  } else if (isNumericRule(rule) && rule.timestamp) {
    throw clash();
  }
  return { rule, numeric: isNumericRule(rule) };
}

/** Resolves keys, mappings, ignores and rules against the loaded columns; unknown names are errors. */
export function planColumns(spec: ReconcileSpec, left: SideColumns, right: SideColumns): ColumnPlan {
  const keyNames = specKeyColumns(spec);
  if (keyNames.length === 0) throw new AppError('RECONCILE_KEY_MISSING', { flag: '--key' }, [{ field: 'key' }]);

  const leftIndex = (name: string, field: string): number => {
    const index = findColumn(left.columns, name);
    if (index < 0) throw missingColumn(left, name, field);
    return index;
  };
  const rightIndex = (name: string, field: string): number => {
    const index = findColumn(right.columns, name);
    if (index < 0) throw missingColumn(right, name, field);
    return index;
  };
  const pair = (name: string, field: string): ColumnPair => {
    const l = leftIndex(name, field);
    const leftName = left.columns[l];
    const rightName = spec.mapColumns[name] ?? spec.mapColumns[leftName] ?? leftName;
    const r = rightIndex(rightName, field);
    return { name: leftName, rightName: right.columns[r], left: l, right: r };
  };

  for (const [from, to] of Object.entries(spec.mapColumns)) {
    leftIndex(from, `mapColumns.${from}`);
    rightIndex(to, `mapColumns.${from}`);
  }
  for (const name of spec.ignore) leftIndex(name, 'ignore');
  for (const name of Object.keys(spec.rules)) leftIndex(name, `rules.${name}`);
  for (const name of Object.keys(spec.valueMaps)) leftIndex(name, `valueMaps.${name}`);

  const keys = keyNames.map((k) => pair(k, 'key'));
  const keySet = new Set(keys.map((k) => k.left));
  const ignored = new Set(spec.ignore.map((n) => leftIndex(n, 'ignore')));
  const compared: ComparedColumn[] = [];
  const skipped: string[] = [];
  left.columns.forEach((name, l) => {
    if (keySet.has(l) || ignored.has(l)) return;
    const mapped = spec.mapColumns[name];
    const r = mapped !== undefined ? rightIndex(mapped, `mapColumns.${name}`) : findColumn(right.columns, name);
    if (r < 0) {
      if (spec.rules[name]) throw missingColumn(right, name, `rules.${name}`);
      skipped.push(name);
      return;
    }
    compared.push({ name, rightName: right.columns[r], left: l, right: r, ...mergeRule(spec, name) });
  });
  return { keys, compared, skipped, pair, leftIndex, rightIndex };
}
