import type { DbExecutor } from '../../db/connection';
import type { RequirementPrototypeTable } from '../../db/schema-blueprint';

/** A prototype without its image bytes. */
export type PrototypeMetaRow = Omit<RequirementPrototypeTable, 'content_base64'>;

const META_COLUMNS = [
  'id',
  'project_id',
  'requirement_id',
  'file_name',
  'mime',
  'size',
  'sha256',
  'width_px',
  'height_px',
  'caption',
  'created_by',
  'created_at',
  'deleted_at',
] as const;

/** The live prototypes of a requirement (without bytes), oldest first. */
export async function listPrototypeMetaRowsOfRequirement(
  db: DbExecutor,
  projectId: string,
  requirementId: string,
): Promise<PrototypeMetaRow[]> {
  return db
    .selectFrom('requirement_prototype')
    .select(META_COLUMNS)
    .where('project_id', '=', projectId)
    .where('requirement_id', '=', requirementId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .execute();
}

/** The live prototypes of a project (without bytes), oldest first. */
export async function listPrototypeMetaRows(db: DbExecutor, projectId: string): Promise<PrototypeMetaRow[]> {
  return db
    .selectFrom('requirement_prototype')
    .select(META_COLUMNS)
    .where('project_id', '=', projectId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .execute();
}

/** A live prototype of a requirement (without bytes), if any. */
export async function findLivePrototypeMetaRow(
  db: DbExecutor,
  projectId: string,
  requirementId: string,
  prototypeId: string,
): Promise<PrototypeMetaRow | undefined> {
  return db
    .selectFrom('requirement_prototype')
    .select(META_COLUMNS)
    .where('id', '=', prototypeId)
    .where('project_id', '=', projectId)
    .where('requirement_id', '=', requirementId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** The image of a prototype of the project (deleted ones too), optionally only of one requirement. */
export async function findPrototypeImageRow(
  db: DbExecutor,
  projectId: string,
  prototypeId: string,
  requirementId?: string,
): Promise<Pick<RequirementPrototypeTable, 'mime' | 'content_base64' | 'file_name'> | undefined> {
  let query = db
    .selectFrom('requirement_prototype')
    .select(['mime', 'content_base64', 'file_name'])
    .where('id', '=', prototypeId)
    .where('project_id', '=', projectId);
  if (requirementId) query = query.where('requirement_id', '=', requirementId);
  return query.executeTakeFirst();
}

/** How many live prototypes each requirement of the project has (requirements without any are absent). */
export async function countLivePrototypesByRequirement(
  db: DbExecutor,
  projectId: string,
): Promise<{ requirement_id: string; n: number }[]> {
  return db
    .selectFrom('requirement_prototype')
    .select(['requirement_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('project_id', '=', projectId)
    .where('deleted_at', 'is', null)
    .groupBy('requirement_id')
    .execute();
}

/** Inserts a prototype with its bytes. */
export async function insertPrototypeRow(db: DbExecutor, row: RequirementPrototypeTable): Promise<void> {
  await db.insertInto('requirement_prototype').values(row).execute();
}

/** Soft-deletes a prototype. */
export async function softDeletePrototypeById(db: DbExecutor, prototypeId: string, deletedAt: string): Promise<void> {
  await db.updateTable('requirement_prototype').set({ deleted_at: deletedAt }).where('id', '=', prototypeId).execute();
}

/** Soft-deletes the live prototypes of a requirement. */
export async function softDeletePrototypesOfRequirement(
  db: DbExecutor,
  projectId: string,
  requirementId: string,
  deletedAt: string,
): Promise<void> {
  await db
    .updateTable('requirement_prototype')
    .set({ deleted_at: deletedAt })
    .where('requirement_id', '=', requirementId)
    .where('project_id', '=', projectId)
    .where('deleted_at', 'is', null)
    .execute();
}
