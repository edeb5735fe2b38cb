import type { DbExecutor } from '../../db/connection';
import { newId, nowIso } from '../../shared/ids';
import type { Actor } from '../access/access.service';
import { insertAuditRow, listAuditRows, listLatestActionAtByActor } from './audit.repository';

/** One change to record: `before` and `after` are the entity's state (null on create / delete). */
export interface AuditEntry {
  projectId: string | null;
  entity: string;
  entityId: string;
  action: 'create' | 'update' | 'delete' | string;
  before?: unknown;
  after?: unknown;
}

/** Fields never written to the audit trail, wherever they appear. */
const SECRET_FIELDS = new Set(['password', 'password_hash', 'token', 'token_hash', 'secret']);

function redact(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value, (key, v: unknown) => (SECRET_FIELDS.has(key) ? '[redacted]' : v));
}

/** Writes an audit record inside the caller's transaction, so the change and its trail commit together. */
export async function recordAudit(db: DbExecutor, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await insertAuditRow(db, {
    id: newId(),
    project_id: entry.projectId,
    actor_id: actor?.userId ?? null,
    actor_name: actor ? actor.name : 'system',
    at: nowIso(),
    entity: entry.entity,
    entity_id: entry.entityId,
    action: entry.action,
    before_json: redact(entry.before),
    after_json: redact(entry.after),
  });
}

/** A page of a project's audit trail, newest first. */
export async function listAuditRecords(
  db: DbExecutor,
  projectId: string,
  options: { limit: number; offset: number; entity?: string },
): Promise<{ total: number; items: AuditRecordView[] }> {
  const { total, rows } = await listAuditRows(db, projectId, options);
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actorName: r.actor_name,
      entity: r.entity,
      entityId: r.entity_id,
      action: r.action,
      before: r.before_json ? (JSON.parse(r.before_json) as unknown) : null,
      after: r.after_json ? (JSON.parse(r.after_json) as unknown) : null,
    })),
  };
}

/** An audit record as the API presents it. */
export interface AuditRecordView {
  id: string;
  at: string;
  actorName: string;
  entity: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
}

/**
 * The time of each user's latest recorded action in the project's audit trail (users who never
 * acted are absent). Reads are not audited, so this is the latest write.
 */
export async function latestActionByUser(db: DbExecutor, projectId: string, userIds: readonly string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await listLatestActionAtByActor(db, projectId, [...new Set(userIds)]);
  return new Map(rows.flatMap((r) => (r.actor_id && r.last_at ? [[r.actor_id, r.last_at] as [string, string]] : [])));
}
