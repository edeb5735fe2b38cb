import { badInput } from '../../shared/app-error';
import type { TabularSource } from '../sources/source-types';
import { converterFor, isTextKind } from './column-types';
import type { TargetTable } from './target-db';
import type { ColumnPlan } from './value-check';

/** Matches source columns to target columns and refuses loads that cannot work, naming the columns. */
export function planColumns(source: TabularSource, table: TargetTable, mapColumns: Record<string, string>, where: string): ColumnPlan[] {
  for (const from of Object.keys(mapColumns)) {
    if (!source.columns.includes(from)) {
      throw badInput(
        '--map-column',
        `${where}: "${from}" is not a column of ${source.description} (columns: ${source.columns.join(', ')})`,
      );
    }
  }
  const byName = new Map(table.columns.map((c) => [c.name, c]));
  const byLower = new Map(table.columns.map((c) => [c.name.toLowerCase(), c]));
  const plans: ColumnPlan[] = [];
  const unknown: string[] = [];
  const used = new Map<string, string>();
  source.columns.forEach((sourceName, sourceIndex) => {
    const wanted = mapColumns[sourceName] ?? sourceName;
    const target = byName.get(wanted) ?? byLower.get(wanted.toLowerCase());
    if (!target) {
      unknown.push(mapColumns[sourceName] ? `${sourceName} (mapped to ${wanted})` : sourceName);
      return;
    }
    const previous = used.get(target.name);
    if (previous !== undefined) {
      throw badInput(
        '--map-column',
        `${where}: source columns "${previous}" and "${sourceName}" both go to column ${target.name} of ${table.name}`,
      );
    }
    used.set(target.name, sourceName);
    // A key value is required even where the database would take a NULL (SQLite's non-integer keys).
    const checked = table.primaryKey.includes(target.name) && !target.notNull ? { ...target, notNull: true } : target;
    plans.push({ target: checked, sourceIndex, sourceName, convert: converterFor(target.type), trim: !isTextKind(target.type.kind) });
  });
  if (unknown.length) {
    throw badInput(
      'columns',
      `${where}: ${table.name} has no column for source column(s) ${unknown.join(', ')}; ` +
        `name them with --map-column SOURCE=TARGET (target columns: ${table.columns.map((c) => c.name).join(', ')})`,
    );
  }
  const missingKey = table.primaryKey.filter((k) => !used.has(k));
  if (missingKey.length) {
    throw badInput('columns', `${where}: the source has no value for primary key column(s) ${missingKey.join(', ')} of ${table.name}`);
  }
  const required = table.columns.filter((c) => c.notNull && !c.hasDefault && !used.has(c.name)).map((c) => c.name);
  if (required.length) {
    throw badInput(
      'columns',
      `${where}: ${table.name} requires column(s) ${required.join(', ')} (NOT NULL, no default) but the source has none`,
    );
  }
  return plans;
}
