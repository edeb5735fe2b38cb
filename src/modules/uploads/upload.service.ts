import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Db } from '../../db/connection';
import type { UploadTable } from '../../db/schema';
import { AppError } from '../../shared/app-error';
import { newId, nowIso } from '../../shared/ids';
import type { Actor } from '../access/access.service';
import { recordAudit } from '../audit/audit.service';
import { deleteUploadById, findUploadRow, insertUpload, listUploadRows } from './upload.repository';

/** An uploaded file as the API presents it. */
export interface UploadView {
  id: string;
  originalName: string;
  size: number;
  sha256: string;
  contentType: string;
  createdAt: string;
}

function presentUpload(row: UploadTable): UploadView {
  return {
    id: row.id,
    originalName: row.original_name,
    size: Number(row.size),
    sha256: row.sha256,
    contentType: row.content_type,
    createdAt: row.created_at,
  };
}

/** Human-readable byte size for messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${Math.round(bytes / 1024 ** 2)} MB`;
  return `${Math.round(bytes / 1024)} KB`;
}

/** Keeps the name readable but unable to escape the upload folder. */
function sanitizeFileName(name: string): string {
  const cleaned = basename(name.replace(/\\/g, '/'))
    .replace(/[\p{Cc}<>:"/\\|?*]/gu, '_')
    .trim();
  return (cleaned || 'upload').slice(0, 150);
}

/**
 * Streams a request body to the data directory: never buffered in memory, hashed on the way,
 * cut off with PAYLOAD_TOO_LARGE (and the partial file removed) once it passes the limit.
 */
export async function saveUpload(
  db: Db,
  actor: Actor,
  input: {
    projectId: string;
    fileName: string;
    contentType: string;
    declaredLength: number | undefined;
    body: ReadableStream<Uint8Array> | null;
    dataDir: string;
    limitBytes: number;
  },
): Promise<UploadView> {
  if (input.declaredLength !== undefined && input.declaredLength > input.limitBytes) {
    throw new AppError('PAYLOAD_TOO_LARGE', { limit: formatBytes(input.limitBytes) });
  }
  if (!input.body) throw new AppError('UPLOADS_EMPTY', {}, [{ field: 'body' }]);
  const id = newId();
  const safeName = sanitizeFileName(input.fileName);
  const folder = join(input.dataDir, 'uploads', input.projectId);
  await mkdir(folder, { recursive: true });
  const storedPath = join(folder, `${id}-${safeName}`);
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > input.limitBytes) {
        callback(new AppError('PAYLOAD_TOO_LARGE', { limit: formatBytes(input.limitBytes) }));
        return;
      }
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(input.body as unknown as WebReadableStream<Uint8Array>), meter, createWriteStream(storedPath));
  } catch (error) {
    await rm(storedPath, { force: true });
    throw error;
  }
  if (size === 0) {
    await rm(storedPath, { force: true });
    throw new AppError('UPLOADS_EMPTY', {}, [{ field: 'body' }]);
  }
  const row: UploadTable = {
    id,
    project_id: input.projectId,
    original_name: safeName,
    stored_path: storedPath,
    size,
    sha256: hash.digest('hex'),
    content_type: input.contentType || 'application/octet-stream',
    created_by: actor.userId,
    created_at: nowIso(),
  };
  try {
    await db.kysely.transaction().execute(async (tx) => {
      await insertUpload(tx, row);
      await recordAudit(tx, actor, {
        projectId: input.projectId,
        entity: 'upload',
        entityId: id,
        action: 'create',
        after: presentUpload(row),
      });
    });
  } catch (error) {
    await rm(storedPath, { force: true });
    throw error;
  }
  return presentUpload(row);
}

/** A project's uploads, newest first. */
export async function listUploads(db: Db, projectId: string): Promise<UploadView[]> {
  const rows = await listUploadRows(db.kysely, projectId);
  return rows.map(presentUpload);
}

/** The stored file of an upload (for engines that read it). */
export async function getUploadPath(db: Db, projectId: string, uploadId: string): Promise<{ path: string; view: UploadView }> {
  const row = await findUploadRow(db.kysely, projectId, uploadId);
  if (!row) throw new AppError('NOT_FOUND', { entity: 'upload', id: uploadId });
  return { path: row.stored_path, view: presentUpload(row) };
}

/** Deletes an upload's record and file. */
export async function deleteUpload(db: Db, actor: Actor, projectId: string, uploadId: string): Promise<void> {
  const { path, view } = await getUploadPath(db, projectId, uploadId);
  await db.kysely.transaction().execute(async (tx) => {
    await deleteUploadById(tx, uploadId);
    await recordAudit(tx, actor, { projectId, entity: 'upload', entityId: uploadId, action: 'delete', before: view });
  });
  await rm(path, { force: true });
}
