import type { Readable } from 'node:stream';
import type { Connection, FieldPacket } from 'mysql2';
import { AppError } from '../../shared/app-error';
import { maskPasswords } from './parse-source-spec';
import { sourceError } from './postgres-source';
import { quoteTableName } from './quote-table-name';
import type { OpenSourceOptions, SourceRowBatch, SourceValue, TabularSource } from './source-types';

/**
 * Driver settings shared by the source and the bisection engine: DECIMAL and BIGINT arrive as the
 * server's exact text, dates and times as text (no time-zone shifts), JSON as text, and the
 * connection speaks utf8mb4 so 4-byte characters survive. Binary columns arrive as bytes.
 */
export function mysqlConnectionOptions(url: string): {
  uri: string;
  charset: string;
  dateStrings: true;
  supportBigNumbers: true;
  bigNumberStrings: true;
  decimalNumbers: false;
  jsonStrings: true;
  connectTimeout: number;
} {
  return {
    uri: url,
    charset: 'utf8mb4',
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: true,
    decimalNumbers: false,
    jsonStrings: true,
    connectTimeout: 10_000,
  };
}

/** Opens a mysql2 connection (the driver loads lazily so the CLI starts fast) and waits until it is ready. */
export async function connectMysql(url: string, description: string): Promise<Connection> {
  const mysql = await import('mysql2');
  const connection = mysql.createConnection(mysqlConnectionOptions(url));
  await new Promise<void>((resolve, reject) => {
    connection.connect((error) => {
      if (!error) return resolve();
      const reason = maskPasswords(error.message);
      const network = ['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'ECONNRESET'].includes(error.code ?? '');
      reject(new AppError(network ? 'SOURCES_SERVER_UNREACHABLE' : 'SOURCES_QUERY_FAILED', { source: description, reason }));
    });
  }).catch((error: unknown) => {
    connection.destroy();
    throw error;
  });
  // A stray socket error after the connection is done must not crash the process.
  connection.on('error', () => {});
  return connection;
}

/**
 * Opens a MySQL/MariaDB table or query and streams it: the rows flow through mysql2's object
 * stream, which pauses the socket when golive falls behind, so the table is never held whole.
 * Column names come from the result's field packets (the query runs once).
 */
export async function openMysqlSource(
  url: string,
  target: string | undefined,
  isQuery: boolean,
  description: string,
  options: OpenSourceOptions,
): Promise<TabularSource> {
  const sql = options.query ?? (isQuery && target ? target : undefined);
  if (!sql && !target) {
    throw new AppError('SOURCES_NO_TABLE', { source: description, example: 'mysql://user@host:3306/erp#orders' });
  }
  const batchSize = options.batchSize ?? 8192;
  const connection = await connectMysql(url, description);
  const stream: Readable = connection
    .query({ sql: sql ?? `SELECT * FROM ${quoteTableName(target ?? '', '`')}`, rowsAsArray: true })
    .stream({ highWaterMark: batchSize });
  let finished = false;
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    if (!stream.destroyed) stream.destroy();
    // A half-read result would make a polite QUIT wait for every remaining row: drop the socket instead.
    if (finished) await new Promise<void>((resolve) => connection.end(() => resolve()));
    else connection.destroy();
  };
  let columns: string[];
  try {
    columns = await new Promise<string[]>((resolve, reject) => {
      stream.once('fields', (fields: FieldPacket[] | undefined) => resolve((fields ?? []).map((f) => f.name)));
      stream.once('error', (error) => reject(sourceError(description, error)));
      stream.once('end', () => resolve([]));
    });
  } catch (error) {
    await close();
    throw error;
  }
  if (columns.length === 0) {
    await close();
    throw new AppError('SOURCES_QUERY_NO_RESULT', { source: description });
  }

  async function* batches(): AsyncGenerator<SourceRowBatch> {
    let rows: SourceValue[][] = [];
    let firstRow = 1;
    let count = 0;
    try {
      for await (const row of stream as AsyncIterable<SourceValue[]>) {
        rows.push(row);
        count++;
        if (rows.length >= batchSize) {
          yield { rows, firstRow };
          firstRow = count + 1;
          rows = [];
        }
      }
      finished = true;
    } catch (error) {
      throw sourceError(description, error);
    }
    if (rows.length > 0) yield { rows, firstRow };
  }

  return { kind: 'mysql', description, columns, batches, close };
}
