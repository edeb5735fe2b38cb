import type pg from 'pg';
import type { from as copyFromType } from 'pg-copy-streams';
import type { TargetColumn, TargetDb } from './target-db';

/** Keep every value as PostgreSQL's text; golive's process-wide numeric parsers do not apply. */
export const textTypes = { getTypeParser: () => (v: string) => v } as unknown as pg.CustomTypesConfig;

/** COPY CSV text of one value: null is an unquoted empty field, text is quoted when it has to be. */
export function csvField(value: string | null, quoteable: boolean): string {
  if (value === null) return '';
  if (!quoteable) return value;
  if (value === '' || /[",\r\n\\]/.test(value)) return `"${value.replace(/"/g, '""')}"`;
  return value;
}

/** Whether a column's COPY CSV text may need quotes (text-like types); numbers, dates and booleans never do. */
export function quoteableColumns(columns: readonly TargetColumn[]): boolean[] {
  return columns.map((c) => c.type.kind === 'text' || c.type.kind === 'json' || c.type.kind === 'other' || c.type.kind === 'uuid');
}

/** One PostgreSQL target connection as its writers use it: strictly one statement at a time. */
export interface PgSession {
  client: pg.Client;
  /** Runs SQL with `?` placeholders. */
  query: TargetDb['query'];
  /** pg-copy-streams' `from`, loaded when the target opens. */
  copyFrom: typeof copyFromType;
}

/** Writes one COPY … FROM STDIN from text pieces, honouring backpressure; resolves with the row count. */
export async function copyIn(session: PgSession, sql: string, pieces: Iterable<string | Buffer>): Promise<number> {
  const stream = session.copyFrom(sql);
  const done = new Promise<void>((resolveDone, fail) => {
    stream.on('finish', () => resolveDone());
    stream.on('error', fail);
  });
  done.catch(() => {});
  session.client.query(stream);
  for (const piece of pieces) {
    if (!stream.write(piece)) await Promise.race([new Promise((ok) => stream.once('drain', ok)), done]);
  }
  stream.end();
  await done;
  return stream.rowCount;
}
