import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { writeTableFile, type TableFileInput, type TableFormat } from './table-file';

/** A file download as routes send it. */
export interface FileDownload {
  fileName: string;
  contentType: string;
  body: ReadableStream<Uint8Array>;
}

/** The content type of each export format. */
export const TABLE_CONTENT_TYPES: Record<TableFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Writes a download to a temporary file first (so a failure is an error response, not a cut-off
 * file, and the database is not held open while a slow client reads), then streams the file and
 * deletes it once read or abandoned.
 */
export async function downloadViaTempFile(
  tempPrefix: string,
  fileName: string,
  format: TableFormat,
  write: (path: string) => Promise<unknown>,
): Promise<FileDownload> {
  const dir = await mkdtemp(join(tmpdir(), tempPrefix));
  const path = join(dir, `export.${format}`);
  try {
    await write(path);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const stream = createReadStream(path);
  stream.once('close', () => void rm(dir, { recursive: true, force: true }));
  return { fileName, contentType: TABLE_CONTENT_TYPES[format], body: Readable.toWeb(stream) as unknown as ReadableStream<Uint8Array> };
}

/** A table export (CSV or XLSX) as a download, through a temporary file. */
export function downloadTable(tempPrefix: string, fileName: string, input: TableFileInput): Promise<FileDownload> {
  return downloadViaTempFile(tempPrefix, fileName, input.format, (path) => writeTableFile(path, input));
}
