import { existsSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { AppError } from '../../shared/app-error';
import { quoteTableName } from './quote-table-name';
import type { OpenSourceOptions, SourceRowBatch, SourceValue, TabularSource } from './source-types';

/** Opens a SQLite table or query read-only; integers stay exact as bigint. */
export async function openSqliteSource(
  path: string,
  target: string | undefined,
  isQuery: boolean,
  description: string,
  options: OpenSourceOptions,
): Promise<TabularSource> {
  if (!existsSync(path)) throw new AppError('SOURCES_FILE_NOT_FOUND', { file: description });
  const sql = options.query ?? (isQuery && target ? target : undefined);
  if (!sql && !target) {
    throw new AppError('SOURCES_NO_TABLE', { source: description, example: 'sqlite:file.db#orders' });
  }
  const db = new SQLite(path, { readonly: true, fileMustExist: true });
  let statement: SQLite.Statement<unknown[], unknown>;
  try {
    statement = db.prepare(sql ?? `SELECT * FROM ${quoteTableName(target ?? '')}`);
  } catch (error) {
    db.close();
    throw new AppError('SOURCES_QUERY_FAILED', { source: description, reason: (error as Error).message });
  }
  if (!statement.reader) {
    db.close();
    throw new AppError('SOURCES_QUERY_NO_RESULT', { source: description });
  }
  statement.raw(true).safeIntegers(true);
  const columns = statement.columns().map((c) => c.name);
  const batchSize = options.batchSize ?? 8192;

  async function* batches(): AsyncGenerator<SourceRowBatch> {
    let rows: SourceValue[][] = [];
    let firstRow = 1;
    let count = 0;
    for (const row of statement.iterate() as Iterable<SourceValue[]>) {
      rows.push(row);
      count++;
      if (rows.length >= batchSize) {
        yield { rows, firstRow };
        firstRow = count + 1;
        rows = [];
      }
    }
    if (rows.length > 0) yield { rows, firstRow };
  }

  return {
    kind: 'sqlite',
    description,
    columns,
    batches,
    close: async () => {
      if (db.open) db.close();
    },
  };
}
