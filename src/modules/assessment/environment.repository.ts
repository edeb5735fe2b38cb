import type { DbExecutor } from '../../db/connection';
import type { EnvFactTable, EnvProbeResultTable, EnvRequirementTable, EnvSiteTable } from '../../db/schema-assessment';

/** The project's stored requirement profile, in its order (empty when never edited). */
export async function listEnvRequirementRows(db: DbExecutor, projectId: string): Promise<EnvRequirementTable[]> {
  return db.selectFrom('env_requirement').selectAll().where('project_id', '=', projectId).orderBy('sort_order').execute();
}

/** Deletes the project's stored requirement profile. */
export async function deleteEnvRequirementsOfProject(db: DbExecutor, projectId: string): Promise<void> {
  await db.deleteFrom('env_requirement').where('project_id', '=', projectId).execute();
}

/** Inserts requirement rows (at least one). */
export async function insertEnvRequirements(db: DbExecutor, rows: EnvRequirementTable[]): Promise<void> {
  await db.insertInto('env_requirement').values(rows).execute();
}

/** The project's sites by creation, then name. */
export async function listEnvSiteRows(db: DbExecutor, projectId: string): Promise<EnvSiteTable[]> {
  return db.selectFrom('env_site').selectAll().where('project_id', '=', projectId).orderBy('created_at').orderBy('name').execute();
}

/** A site of the project, if any. */
export async function findEnvSiteRow(db: DbExecutor, projectId: string, siteId: string): Promise<EnvSiteTable | undefined> {
  return db.selectFrom('env_site').selectAll().where('id', '=', siteId).where('project_id', '=', projectId).executeTakeFirst();
}

/** A site of the project with this name (other than `exceptId`), if any. */
export async function findEnvSiteIdRowByName(
  db: DbExecutor,
  projectId: string,
  name: string,
  exceptId?: string,
): Promise<{ id: string } | undefined> {
  let query = db.selectFrom('env_site').select('id').where('project_id', '=', projectId).where('name', '=', name);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return query.executeTakeFirst();
}

/** Inserts a site. */
export async function insertEnvSite(db: DbExecutor, row: EnvSiteTable): Promise<void> {
  await db.insertInto('env_site').values(row).execute();
}

/** Updates a site's name and note. */
export async function updateEnvSiteById(
  db: DbExecutor,
  siteId: string,
  changes: Pick<EnvSiteTable, 'name' | 'note' | 'updated_at'>,
): Promise<void> {
  await db.updateTable('env_site').set(changes).where('id', '=', siteId).execute();
}

/** Deletes a site (its facts must be deleted first). */
export async function deleteEnvSiteById(db: DbExecutor, siteId: string): Promise<void> {
  await db.deleteFrom('env_site').where('id', '=', siteId).execute();
}

/** Every recorded fact of the project's sites. */
export async function listEnvFactRows(db: DbExecutor, projectId: string): Promise<EnvFactTable[]> {
  return db.selectFrom('env_fact').selectAll().where('project_id', '=', projectId).execute();
}

/** Deletes a site's facts. */
export async function deleteEnvFactsOfSite(db: DbExecutor, siteId: string): Promise<void> {
  await db.deleteFrom('env_fact').where('site_id', '=', siteId).execute();
}

/** Inserts fact rows (at least one). */
export async function insertEnvFacts(db: DbExecutor, rows: EnvFactTable[]): Promise<void> {
  await db.insertInto('env_fact').values(rows).execute();
}

/** Inserts a probe result. */
export async function insertEnvProbeResult(db: DbExecutor, row: EnvProbeResultTable): Promise<void> {
  await db.insertInto('env_probe_result').values(row).execute();
}

/** The project's latest probe results, newest first. */
export async function listEnvProbeResultRows(db: DbExecutor, projectId: string, limit: number): Promise<EnvProbeResultTable[]> {
  return db
    .selectFrom('env_probe_result')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('measured_at', 'desc')
    .limit(limit)
    .execute();
}

/** A probe result of the project, if any. */
export async function findEnvProbeResultRow(db: DbExecutor, projectId: string, probeId: string): Promise<EnvProbeResultTable | undefined> {
  return db.selectFrom('env_probe_result').selectAll().where('id', '=', probeId).where('project_id', '=', projectId).executeTakeFirst();
}

/** Deletes a probe result. */
export async function deleteEnvProbeResultById(db: DbExecutor, probeId: string): Promise<void> {
  await db.deleteFrom('env_probe_result').where('id', '=', probeId).execute();
}
