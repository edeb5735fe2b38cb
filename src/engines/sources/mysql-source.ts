import { AppError } from '../../shared/app-error';
import { quoteTableName } from './quote-table-name';
import { sourceError } from './postgres-source';
import type { OpenSourceOptions, SourceRowBatch, SourceValue, TabularSource } from './source-types';

/** The slice of mysql2's callback API used here, so the driver stays an optional dependency. */
interface MysqlQuery {
  stream(options: { highWaterMark: number }): AsyncIterable<SourceValue[]> & NodeJS.EventEmitter;
}
interface MysqlConnection {
  query(options: { sql: string; rowsAsArray: boolean }): MysqlQuery;
  query(sql: string, callback: (error: Error | null, rows: unknown, fields: { name: string }[]) => void): void;
  end(): void;
}
interface MysqlModule {
  createConnection(options: {
    uri: string;
    dateStrings: boolean;
    supportBigNumbers: boolean;
    bigNumberStrings: boolean;
    decimalNumbers: boolean;
  }): MysqlConnection;
}

async function loadMysql(description: string): Promise<MysqlModule> {
  const name = 'mysql2';
  try {
    const mod = (await import(/* @vite-ignore */ name)) as { default?: MysqlModule } & MysqlModule;
    return mod.default ?? mod;
  } catch {
    throw new AppError('BAD_INPUT', {
      summary: `${description}: reading MySQL needs the mysql2 driver, which is not installed (npm i mysql2)`,
    });
  }
}

/** Opens a MySQL table or query (needs the optional mysql2 package); values come back as text. */
export async function openMysqlSource(
  url: string,
  target: string | undefined,
  isQuery: boolean,
  description: string,
  options: OpenSourceOptions,
): Promise<TabularSource> {
  const sql = options.query ?? (isQuery && target ? target : `SELECT * FROM ${quoteTableName(target ?? '', '`')}`);
  if (!target && !options.query) {
    throw new AppError('BAD_INPUT', { summary: `${description}: name a table or query after '#'` });
  }
  const mysql = await loadMysql(description);
  const connection = mysql.createConnection({
    uri: url,
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: true,
    decimalNumbers: false,
  });
  const columns = await new Promise<string[]>((resolve, reject) => {
    connection.query(`SELECT * FROM (${sql}) AS golive_probe LIMIT 0`, (error, _rows, fields) =>
      error ? reject(sourceError(description, error)) : resolve(fields.map((f) => f.name)),
    );
  }).catch((error: unknown) => {
    connection.end();
    throw error;
  });
  const batchSize = options.batchSize ?? 8192;

  async function* batches(): AsyncGenerator<SourceRowBatch> {
    let rows: SourceValue[][] = [];
    let firstRow = 1;
    let count = 0;
    try {
      for await (const row of connection.query({ sql, rowsAsArray: true }).stream({ highWaterMark: batchSize })) {
        rows.push(row);
        count++;
        if (rows.length >= batchSize) {
          yield { rows, firstRow };
          firstRow = count + 1;
          rows = [];
        }
      }
    } catch (error) {
      throw sourceError(description, error);
    }
    if (rows.length > 0) yield { rows, firstRow };
  }

  return { kind: 'mysql', description, columns, batches, close: async () => connection.end() };
}
