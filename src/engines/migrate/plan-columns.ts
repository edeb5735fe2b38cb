import { AppError } from '../../shared/app-error';
import type { TabularSource } from '../sources/source-types';
import { converterFor, isTextKind } from './column-types';
import type { TargetTable } from './target-db';
import type { ColumnPlan } from './value-check';

/** Matches source columns to target columns and refuses loads that cannot work, naming the columns. */
export function planColumns(source: TabularSource, table: TargetTable, mapColumns: Record<string, string>): ColumnPlan[] {
  const names = { source: source.description, table: table.name };
  for (const from of Object.keys(mapColumns)) {
    if (!source.columns.includes(from)) {
      throw new AppError('MIGRATE_MAP_COLUMN_UNKNOWN', { source: source.description, column: from, columns: source.columns.join(', ') }, [
        { field: '--map-column' },
      ]);
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
      unknown.push(mapColumns[sourceName] ? `${sourceName}→${wanted}` : sourceName);
      return;
    }
    const previous = used.get(target.name);
    if (previous !== undefined) {
      throw new AppError('MIGRATE_COLUMNS_COLLIDE', { ...names, first: previous, second: sourceName, column: target.name }, [
        { field: '--map-column' },
      ]);
    }
    used.set(target.name, sourceName);
    // A key value is required even where the database would take a NULL (SQLite's non-integer keys).
    const checked = table.primaryKey.includes(target.name) && !target.notNull ? { ...target, notNull: true } : target;
    plans.push({ target: checked, sourceIndex, sourceName, convert: converterFor(target.type), trim: !isTextKind(target.type.kind) });
  });
  if (unknown.length) {
    throw new AppError(
      'MIGRATE_COLUMNS_UNMATCHED',
      { ...names, columns: unknown.join(', '), flag: '--map-column', targetColumns: table.columns.map((c) => c.name).join(', ') },
      [{ field: 'columns' }],
    );
  }
  const missingKey = table.primaryKey.filter((k) => !used.has(k));
  if (missingKey.length) {
    throw new AppError('MIGRATE_PRIMARY_KEY_UNFILLED', { ...names, columns: missingKey.join(', ') }, [{ field: 'columns' }]);
  }
  const required = table.columns.filter((c) => c.notNull && !c.hasDefault && !used.has(c.name)).map((c) => c.name);
  if (required.length) {
    throw new AppError('MIGRATE_REQUIRED_COLUMNS_UNFILLED', { ...names, columns: required.join(', ') }, [{ field: 'columns' }]);
  }
  return plans;
}
