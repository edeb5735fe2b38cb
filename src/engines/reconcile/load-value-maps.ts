import type { DuckDBConnection } from '@duckdb/node-api';
import { AppError } from '../../shared/app-error';
import { formatSourceValue } from '../sources/format-source-value';
import { openSource } from '../sources/open-source';
import type { ColumnPlan } from './plan-columns';
import type { ReconcileSpec } from './reconcile-spec';

/** Loads a value map (inline or a 2-column CSV with header) into a DuckDB table `name(o, n)`. */
async function loadValueMap(
  conn: DuckDBConnection,
  name: string,
  column: string,
  map: ReconcileSpec['valueMaps'][string],
  baseDir: string | undefined,
): Promise<void> {
  const entries = new Map<string, string>();
  if ('values' in map) {
    for (const [from, to] of Object.entries(map.values)) entries.set(from, to);
  } else {
    const source = await openSource(map.file, { baseDir });
    try {
      if (source.columns.length < 2) {
        throw new AppError('RECONCILE_VALUE_MAP_COLUMNS', { file: source.description, column, count: source.columns.length }, [
          { field: `valueMaps.${column}` },
        ]);
      }
      for await (const batch of source.batches()) {
        batch.rows.forEach((row, i) => {
          const from = formatSourceValue(row[0]);
          const to = formatSourceValue(row[1]);
          if (from === null) return;
          const previous = entries.get(from);
          if (previous !== undefined && previous !== to) {
            const row = batch.firstRow + i;
            throw new AppError(
              'RECONCILE_VALUE_MAP_CONFLICT',
              { file: source.description, row, column: source.columns[0] ?? '', value: from, first: previous, second: to ?? '' },
              [{ field: `row:${row}` }],
            );
          }
          entries.set(from, to ?? '');
        });
      }
    } finally {
      await source.close();
    }
  }
  await conn.run(`CREATE TABLE ${name} (o VARCHAR PRIMARY KEY, n VARCHAR)`);
  const appender = await conn.createAppender(name);
  for (const [from, to] of entries) {
    appender.appendVarchar(from);
    appender.appendVarchar(to);
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();
}

/** Loads every value map of the spec into tables `vm0`, `vm1`, …; returns left column index → table. */
export async function loadValueMaps(
  conn: DuckDBConnection,
  spec: ReconcileSpec,
  plan: ColumnPlan,
  baseDir: string | undefined,
): Promise<Map<number, string>> {
  const maps = new Map<number, string>();
  for (const [column, map] of Object.entries(spec.valueMaps)) {
    const index = plan.leftIndex(column, `valueMaps.${column}`);
    const name = `vm${maps.size}`;
    await loadValueMap(conn, name, column, map, baseDir);
    maps.set(index, name);
  }
  return maps;
}
