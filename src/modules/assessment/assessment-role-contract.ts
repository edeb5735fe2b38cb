import type { DbExecutor } from '../../db/connection';
import { findRoleIdRow, listRoleRefRows } from './role.repository';

// CONTRACT (owner: assessment module). The ERP role design starts from the user roles found in the
// assessment; it reads them here, never the assessment_role table itself.

/** A user role found in the assessment, as the ERP role design imports it. */
export interface AssessmentRoleRef {
  id: string;
  department: string;
  name: string;
  mainTasks: string | null;
}

/** The project's assessment roles by department, then name. */
export async function listAssessmentRoleRefs(db: DbExecutor, projectId: string): Promise<AssessmentRoleRef[]> {
  const rows = await listRoleRefRows(db, projectId);
  return rows.map((r) => ({ id: r.id, department: r.department, name: r.name, mainTasks: r.main_tasks }));
}

/** Whether the assessment role exists in the project. */
export async function assessmentRoleExists(db: DbExecutor, projectId: string, assessmentRoleId: string): Promise<boolean> {
  const found = await findRoleIdRow(db, projectId, assessmentRoleId);
  return found !== undefined;
}
