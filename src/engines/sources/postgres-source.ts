import pg from 'pg';
import { AppError } from '../../shared/app-error';
import { maskPasswords } from './parse-source-spec';
import { quoteTableName } from './quote-table-name';
import type { OpenSourceOptions, SourceRowBatch, SourceValue, TabularSource } from './source-types';

const BOOL_OID = 16;

/**
 * Every column arrives as PostgreSQL's own text form (numeric keeps its scale, timestamps their
 * precision), so comparisons are exact; only booleans are spelled out. Set per client, so the
 * process-wide parsers golive's DB layer installs do not apply here.
 */
const textTypes = {
  getTypeParser: (oid: number) => (oid === BOOL_OID ? (v: string) => (v === 't' ? 'true' : 'false') : (v: string) => v),
} as unknown as pg.CustomTypesConfig;

/** Wraps a driver error so the message names the source and never shows a password. */
export function sourceError(description: string, error: unknown): AppError {
  if (error instanceof AppError) return error;
  const message = maskPasswords(error instanceof Error ? error.message : String(error));
  return new AppError('SOURCES_QUERY_FAILED', { source: description, reason: message });
}

/** Opens a PostgreSQL table or query and streams it through a server-side cursor. */
export async function openPostgresSource(
  url: string,
  target: string | undefined,
  isQuery: boolean,
  description: string,
  options: OpenSourceOptions,
): Promise<TabularSource> {
  const sql = options.query ?? (isQuery && target ? target : undefined);
  if (!sql && !target) {
    throw new AppError('SOURCES_NO_TABLE', { source: description, example: 'postgres://…/db#public.orders' });
  }
  const client = new pg.Client({ connectionString: url, types: textTypes });
  const batchSize = options.batchSize ?? 8192;
  let first: pg.QueryResult<SourceValue[]>;
  try {
    await client.connect();
    await client.query('BEGIN READ ONLY');
    await client.query(`DECLARE golive_source NO SCROLL CURSOR FOR ${sql ?? `SELECT * FROM ${quoteTableName(target ?? '')}`}`);
    first = await client.query({ text: `FETCH FORWARD ${batchSize} FROM golive_source`, rowMode: 'array' });
  } catch (error) {
    await client.end().catch(() => {});
    throw sourceError(description, error);
  }
  const columns = first.fields.map((f) => f.name);
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await client.query('ROLLBACK').catch(() => {});
    await client.end().catch(() => {});
  };

  async function* batches(): AsyncGenerator<SourceRowBatch> {
    let firstRow = 1;
    let result = first;
    try {
      while (result.rows.length > 0) {
        yield { rows: result.rows, firstRow };
        firstRow += result.rows.length;
        if (result.rows.length < batchSize) break;
        result = await client.query({ text: `FETCH FORWARD ${batchSize} FROM golive_source`, rowMode: 'array' });
      }
    } catch (error) {
      throw sourceError(description, error);
    }
  }

  return { kind: 'postgres', description, columns, batches, close };
}
