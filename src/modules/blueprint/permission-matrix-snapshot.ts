import type { DbExecutor } from '../../db/connection';
import type { DocBlock } from '../../documents/document-model';
import type { Locale } from '../../shared/app-error';

// CONTRACT (owner: permission-matrix part of the blueprint module). Blueprint versions, their diff
// and the blueprint document depend on these exact names and shapes.

export const FUNCTION_ACTIONS = ['view', 'create', 'edit', 'approve', 'delete', 'export'] as const;
export type FunctionAction = (typeof FUNCTION_ACTIONS)[number];
export const DATA_SCOPES = ['own', 'department', 'company'] as const;
export type DataScope = (typeof DATA_SCOPES)[number];

export interface PermissionMatrixSnapshot {
  roles: { id: string; name: string; department: string; description: string }[];
  /** ERP functions: module (ERP module code), menu (e.g. 供应商档案), action. */
  functions: { id: string; module: string; menu: string; action: FunctionAction }[];
  grants: { roleId: string; functionId: string; scope: DataScope }[];
  /** Segregation-of-duties conflicts found in this matrix, each explained (localized). */
  conflicts: { ruleId: string; ruleCode: string; ruleName: string; roleId: string; roleName: string; explanation: string }[];
}

/** The project's current permission matrix with its SoD conflicts. */
export async function getPermissionMatrixSnapshot(db: DbExecutor, projectId: string, locale: Locale): Promise<PermissionMatrixSnapshot> {
  void db;
  void projectId;
  void locale;
  throw new Error('SCAFFOLD: getPermissionMatrixSnapshot is implemented by the permission-matrix owner');
}

/** Document blocks: the matrix (roles × functions with scope) and the SoD conflicts. */
export function buildPermissionMatrixReportBlocks(snapshot: PermissionMatrixSnapshot, locale: Locale): DocBlock[] {
  void snapshot;
  void locale;
  throw new Error('SCAFFOLD: buildPermissionMatrixReportBlocks is implemented by the permission-matrix owner');
}
