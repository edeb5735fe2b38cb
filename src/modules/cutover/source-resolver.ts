import type { Db } from '../../db/connection';
import { describeSource, openSource } from '../../engines/sources/open-source';
import { maskPasswords } from '../../engines/sources/parse-source-spec';
import type { OpenSourceOptions } from '../../engines/sources/source-types';
import { AppError } from '../../shared/app-error';
import { getUploadPath } from '../uploads/upload.service';
import { connectionUrl, getConnectionRow } from './connection.service';
import type { SourceRef } from './cutover.schema';

/** A source reference turned into what the engine opens, plus a label safe to show. */
export interface ResolvedSource {
  /** The engine's source spec string: a file path or a decrypted URL (secret: never show it). */
  spec: string;
  options: Pick<OpenSourceOptions, 'encoding' | 'sheet' | 'query'>;
  /** e.g. `old.csv` or `ERP 生产库 · public.orders`: safe for messages and the UI. */
  label: string;
  /** Texts to replace by the label in engine messages (stored file paths). */
  hide: string[];
}

/** Resolves an upload or saved connection of the project (404 when it does not exist). */
export async function resolveSource(
  db: Db,
  projectId: string,
  dataDir: string,
  ref: SourceRef,
  side: 'left' | 'right',
): Promise<ResolvedSource> {
  if (ref.type === 'upload') {
    let upload: Awaited<ReturnType<typeof getUploadPath>>;
    try {
      upload = await getUploadPath(db, projectId, ref.uploadId);
    } catch (error) {
      throw withField(error, `${side}.uploadId`);
    }
    const options: ResolvedSource['options'] = {};
    if (ref.sheet) options.sheet = ref.sheet;
    if (ref.encoding) options.encoding = ref.encoding;
    const label = ref.sheet ? `${upload.view.originalName}#${ref.sheet}` : upload.view.originalName;
    return { spec: upload.path, options, label, hide: [upload.path] };
  }
  let row: Awaited<ReturnType<typeof getConnectionRow>>;
  try {
    row = await getConnectionRow(db.kysely, projectId, ref.connectionId);
  } catch (error) {
    throw withField(error, `${side}.connectionId`);
  }
  const url = connectionUrl(row, dataDir);
  if (ref.query) return { spec: url, options: { query: ref.query }, label: `${row.name} · SQL`, hide: [describeSource(url)] };
  const spec = `${url}#${ref.table}`;
  return { spec, options: {}, label: `${row.name} · ${ref.table}`, hide: [describeSource(spec)] };
}

function withField(error: unknown, field: string): unknown {
  if (error instanceof AppError && error.code === 'NOT_FOUND') return new AppError('NOT_FOUND', error.params, [{ field }]);
  return error;
}

/** Engine messages with stored paths replaced by labels and passwords masked. */
export function cleanMessage(message: string, sources: ResolvedSource[]): string {
  let text = message;
  for (const source of sources) {
    for (const hidden of source.hide) text = text.split(hidden).join(source.label);
  }
  return maskPasswords(text);
}

/** Re-throws an engine error with a cleaned message (same code and details). */
export function cleanError(error: unknown, sources: ResolvedSource[]): unknown {
  if (error instanceof AppError) {
    const params = Object.fromEntries(
      Object.entries(error.params).map(([k, v]) => [k, typeof v === 'string' ? cleanMessage(v, sources) : v]),
    );
    const details = error.details.map((d) => ({
      field: d.field,
      ...(d.reason === undefined ? {} : { reason: cleanMessage(d.reason, sources) }),
    }));
    return new AppError(error.code, params, details);
  }
  if (error instanceof Error) return new Error(cleanMessage(error.message, sources));
  return new Error(cleanMessage(String(error), sources));
}

/** The column names of a source (reads the header only). */
export async function readColumns(source: ResolvedSource): Promise<string[]> {
  try {
    const opened = await openSource(source.spec, source.options);
    try {
      return [...opened.columns];
    } finally {
      await opened.close();
    }
  } catch (error) {
    throw cleanError(error, [source]);
  }
}
