import type { DbExecutor } from '../../db/connection';
import type { AssessmentReportVersionTable } from '../../db/schema-assessment';

/** The project's report versions, newest first. */
export async function listReportVersionRows(db: DbExecutor, projectId: string): Promise<AssessmentReportVersionTable[]> {
  return db
    .selectFrom('assessment_report_version')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('version_number', 'desc')
    .execute();
}

/** The highest version number of the project's reports (undefined when there is none). */
export async function findLatestReportVersionNumber(db: DbExecutor, projectId: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('assessment_report_version')
    .select('version_number')
    .where('project_id', '=', projectId)
    .orderBy('version_number', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.version_number;
}

/** A report version of the project, if any. */
export async function findReportVersionRow(
  db: DbExecutor,
  projectId: string,
  versionId: string,
): Promise<AssessmentReportVersionTable | undefined> {
  return db
    .selectFrom('assessment_report_version')
    .selectAll()
    .where('id', '=', versionId)
    .where('project_id', '=', projectId)
    .executeTakeFirst();
}

/** Inserts a report version. */
export async function insertReportVersion(db: DbExecutor, row: AssessmentReportVersionTable): Promise<void> {
  await db.insertInto('assessment_report_version').values(row).execute();
}
