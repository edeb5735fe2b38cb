import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { Db, DbExecutor } from '../../db/connection';
import type { RequirementPrototypeTable } from '../../db/schema-blueprint';
import { AppError, type Locale } from '../../shared/app-error';
import { newId, nowIso } from '../../shared/ids';
import type { Actor } from '../access/access.service';
import { recordAudit } from '../audit/audit.service';
import { formatBytes, getUploadPath } from '../uploads/upload.service';
import { blueprintMessage } from './blueprint-labels';
import { probeImage } from './image-probe';
import {
  findLivePrototypeMetaRow,
  findPrototypeImageRow,
  insertPrototypeRow,
  listPrototypeMetaRows,
  listPrototypeMetaRowsOfRequirement,
  type PrototypeMetaRow,
  softDeletePrototypeById,
} from './prototype.repository';
import { findRequirementIdRow } from './requirement.repository';
import type { PrototypeView } from './requirement.schema';

/** Largest prototype image accepted. */
export const PROTOTYPE_LIMIT_BYTES = 5 * 1024 * 1024;

function presentPrototype(row: PrototypeMetaRow): PrototypeView {
  return {
    id: row.id,
    requirementId: row.requirement_id,
    fileName: row.file_name,
    mime: row.mime,
    size: Number(row.size),
    widthPx: Number(row.width_px),
    heightPx: Number(row.height_px),
    caption: row.caption,
    createdAt: row.created_at,
  };
}

async function assertRequirement(db: DbExecutor, projectId: string, requirementId: string): Promise<void> {
  const found = await findRequirementIdRow(db, projectId, requirementId);
  if (!found) throw new AppError('NOT_FOUND', { entity: 'requirement', id: requirementId });
}

/** The live prototypes of a requirement, oldest first. */
export async function listPrototypes(db: DbExecutor, projectId: string, requirementId: string): Promise<PrototypeView[]> {
  await assertRequirement(db, projectId, requirementId);
  const rows = await listPrototypeMetaRowsOfRequirement(db, projectId, requirementId);
  return rows.map(presentPrototype);
}

/** Prototype metadata of a whole project (live only), for snapshots. */
export async function listProjectPrototypes(db: DbExecutor, projectId: string): Promise<(PrototypeView & { sha256: string })[]> {
  const rows = await listPrototypeMetaRows(db, projectId);
  return rows.map((r) => ({ ...presentPrototype(r), sha256: r.sha256 }));
}

/** Validates and stores image bytes as a prototype of a requirement (inside the caller's transaction). */
export async function insertPrototype(
  tx: DbExecutor,
  actor: Actor | null,
  input: { projectId: string; requirementId: string; fileName: string; caption: string; bytes: Uint8Array },
  locale: Locale,
): Promise<PrototypeView> {
  if (input.bytes.length > PROTOTYPE_LIMIT_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', { limit: formatBytes(PROTOTYPE_LIMIT_BYTES) }, [
      { field: 'uploadId', reason: blueprintMessage('imageTooLarge', locale, { limit: formatBytes(PROTOTYPE_LIMIT_BYTES) }) },
    ]);
  }
  const info = probeImage(input.bytes);
  if (!info) {
    const reason = blueprintMessage('notImage', locale);
    throw new AppError('VALIDATION_FAILED', { summary: `uploadId: ${reason}` }, [{ field: 'uploadId', reason }]);
  }
  const row: RequirementPrototypeTable = {
    id: newId(),
    project_id: input.projectId,
    requirement_id: input.requirementId,
    file_name: input.fileName,
    mime: info.mime,
    size: input.bytes.length,
    sha256: createHash('sha256').update(input.bytes).digest('hex'),
    width_px: info.widthPx,
    height_px: info.heightPx,
    caption: input.caption,
    content_base64: Buffer.from(input.bytes).toString('base64'),
    created_by: actor?.userId ?? null,
    created_at: nowIso(),
    deleted_at: null,
  };
  await insertPrototypeRow(tx, row);
  const { content_base64: _content, ...meta } = row;
  await recordAudit(tx, actor, {
    projectId: input.projectId,
    entity: 'requirement_prototype',
    entityId: row.id,
    action: 'create',
    after: meta,
  });
  return presentPrototype(meta);
}

/** Attaches an uploaded PNG/JPEG (checked by magic bytes, at most 5 MB) to a requirement. */
export async function attachPrototype(
  db: Db,
  actor: Actor,
  projectId: string,
  requirementId: string,
  input: { uploadId: string; caption: string },
  locale: Locale,
): Promise<PrototypeView> {
  await assertRequirement(db.kysely, projectId, requirementId);
  const { path, view } = await getUploadPath(db, projectId, input.uploadId);
  if ((await stat(path)).size > PROTOTYPE_LIMIT_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', { limit: formatBytes(PROTOTYPE_LIMIT_BYTES) });
  }
  const bytes = await readFile(path);
  return db.kysely
    .transaction()
    .execute((tx) =>
      insertPrototype(tx, actor, { projectId, requirementId, fileName: view.originalName, caption: input.caption, bytes }, locale),
    );
}

/** The image bytes of a prototype (deleted ones too: signed versions still show them). */
export async function readPrototypeImage(
  db: DbExecutor,
  projectId: string,
  prototypeId: string,
  requirementId?: string,
): Promise<{ mime: string; bytes: Buffer; fileName: string }> {
  const row = await findPrototypeImageRow(db, projectId, prototypeId, requirementId);
  if (!row) throw new AppError('NOT_FOUND', { entity: 'requirement_prototype', id: prototypeId });
  return { mime: row.mime, bytes: Buffer.from(row.content_base64, 'base64'), fileName: row.file_name };
}

/** Removes a prototype from its requirement (soft: versions that show it keep it). */
export async function deletePrototype(db: Db, actor: Actor, projectId: string, requirementId: string, prototypeId: string): Promise<void> {
  await db.kysely.transaction().execute(async (tx) => {
    const before = await findLivePrototypeMetaRow(tx, projectId, requirementId, prototypeId);
    if (!before) throw new AppError('NOT_FOUND', { entity: 'requirement_prototype', id: prototypeId });
    await softDeletePrototypeById(tx, prototypeId, nowIso());
    await recordAudit(tx, actor, { projectId, entity: 'requirement_prototype', entityId: prototypeId, action: 'delete', before });
  });
}
