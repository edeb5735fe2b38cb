import type { Db } from '../../db/connection';
import type { ReportDocument } from '../../documents/document-model';
import type { Locale } from '../../shared/app-error';

// CONTRACT (owner: blueprint module). Used by the report routes and `golive report blueprint`.

/**
 * Builds the System Blueprint Design Document (系统蓝图设计文档): function list (fit-gap), to-be
 * processes, permission matrix, prototypes and the customisation list. `versionId` renders a saved
 * version from its snapshot; without it, the latest version (or the working draft when none exists).
 */
export async function buildBlueprintReport(
  db: Db,
  projectId: string,
  options: { locale: Locale; author: string; versionId?: string },
): Promise<ReportDocument> {
  void db;
  void projectId;
  void options;
  throw new Error('SCAFFOLD: buildBlueprintReport is implemented by the blueprint module');
}
