import type { Db } from '../../db/connection';
import type { ReportDocument } from '../../documents/document-model';
import type { Locale } from '../../shared/app-error';

// CONTRACT (owner: assessment module). Used by the report routes and `golive report current-state`.

/**
 * Builds the Current State Analysis Report (现状分析报告) from the project's current data: processes
 * with diagrams and bottlenecks, the data inventory and quality summary when present, user roles,
 * environment results and conclusions.
 */
export async function buildCurrentStateReport(
  db: Db,
  projectId: string,
  options: { locale: Locale; author: string; versionLabel?: string },
): Promise<ReportDocument> {
  void db;
  void projectId;
  void options;
  throw new Error('SCAFFOLD: buildCurrentStateReport is implemented by the assessment module');
}
