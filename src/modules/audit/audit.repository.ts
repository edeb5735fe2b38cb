import type { DbExecutor } from '../../db/connection';
import type { AuditLogTable } from '../../db/schema';

/** Inserts one audit record. */
export async function insertAuditRow(db: DbExecutor, row: AuditLogTable): Promise<void> {
  await db.insertInto('audit_log').values(row).execute();
}

/** A page of a project's audit records (optionally of one entity), newest first, with the total count. */
export async function listAuditRows(
  db: DbExecutor,
  projectId: string,
  options: { limit: number; offset: number; entity?: string },
): Promise<{ total: number; rows: AuditLogTable[] }> {
  let query = db.selectFrom('audit_log').where('project_id', '=', projectId);
  if (options.entity) query = query.where('entity', '=', options.entity);
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('at', 'desc').orderBy('id').limit(options.limit).offset(options.offset).execute();
  return { total: Number(total), rows };
}

/** The latest audit time of each of the given actors in a project (actors who never acted are absent). */
export async function listLatestActionAtByActor(
  db: DbExecutor,
  projectId: string,
  actorIds: readonly string[],
): Promise<{ actor_id: string | null; last_at: string | null }[]> {
  return db
    .selectFrom('audit_log')
    .select('actor_id')
    .select((eb) => eb.fn.max('at').as('last_at'))
    .where('project_id', '=', projectId)
    .where('actor_id', 'in', [...actorIds])
    .groupBy('actor_id')
    .execute();
}
