import { z } from '@hono/zod-openapi';
import type { Db, DbExecutor } from '../../db/connection';
import type { AssessmentRoleTable } from '../../db/schema-assessment';
import { AppError } from '../../shared/app-error';
import { newId, nowIso } from '../../shared/ids';
import type { Actor } from '../access/access.service';
import { recordAudit } from '../audit/audit.service';
import { getProjectRow } from '../projects/project.service';
import { deleteRoleById, findRoleIdRowByName, findRoleRow, insertRole, listRoleRows, updateRoleById } from './role.repository';
import { fieldLabel as lbl, labelled } from '../../shared/validation/field-labels';

/** Kinds of user roles (操作员, 审核员, 管理员, 其他). */
export const ROLE_KINDS = ['operator', 'reviewer', 'administrator', 'other'] as const;

export const roleBodySchema = z
  .object({
    department: labelled(z.string().trim().min(1).max(100), lbl('部门', 'Department')),
    name: labelled(z.string().trim().min(1).max(100), lbl('角色', 'Role')),
    kind: labelled(z.enum(ROLE_KINDS), lbl('类别', 'Kind')),
    headcount: labelled(z.number().int().min(0).max(100000), lbl('人数', 'Headcount')),
    mainTasks: labelled(z.string().max(2000).default(''), lbl('主要工作', 'Main tasks')),
    currentSystems: labelled(z.array(z.string().trim().min(1).max(100)).max(30).default([]), lbl('当前使用系统', 'Systems used today')),
  })
  .openapi('AssessmentRoleBody');

export const updateRoleBodySchema = z
  .object({
    department: labelled(z.string().trim().min(1).max(100).optional(), lbl('部门', 'Department')),
    name: labelled(z.string().trim().min(1).max(100).optional(), lbl('角色', 'Role')),
    kind: labelled(z.enum(ROLE_KINDS).optional(), lbl('类别', 'Kind')),
    headcount: labelled(z.number().int().min(0).max(100000).optional(), lbl('人数', 'Headcount')),
    mainTasks: labelled(z.string().max(2000).optional(), lbl('主要工作', 'Main tasks')),
    currentSystems: labelled(z.array(z.string().trim().min(1).max(100)).max(30).optional(), lbl('当前使用系统', 'Systems used today')),
  })
  .strict()
  .openapi('UpdateAssessmentRoleBody');

export const roleViewSchema = z
  .object({
    id: z.string(),
    department: z.string(),
    name: z.string(),
    kind: z.enum(ROLE_KINDS),
    headcount: z.number(),
    mainTasks: z.string(),
    currentSystems: z.array(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('AssessmentRole');

export type RoleInput = z.infer<typeof roleBodySchema>;
export type UpdateRoleInput = z.infer<typeof updateRoleBodySchema>;
export type RoleView = z.infer<typeof roleViewSchema>;

function presentRole(row: AssessmentRoleTable): RoleView {
  return {
    id: row.id,
    department: row.department,
    name: row.name,
    kind: row.kind as RoleView['kind'],
    headcount: row.headcount,
    mainTasks: row.main_tasks,
    currentSystems: JSON.parse(row.current_systems) as string[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** User roles of the project, by department then name. */
export async function listRoles(db: DbExecutor, projectId: string): Promise<RoleView[]> {
  await getProjectRow(db, projectId);
  const rows = await listRoleRows(db, projectId);
  return rows.map(presentRole);
}

async function assertRoleNameFree(db: DbExecutor, projectId: string, department: string, name: string, exceptId?: string): Promise<void> {
  if (await findRoleIdRowByName(db, projectId, department, name, exceptId)) {
    throw new AppError('ASSESSMENT_ROLE_NAME_TAKEN', { department, name }, [{ field: 'name' }]);
  }
}

/** Adds a user role. */
export async function createRole(db: Db, actor: Actor, projectId: string, input: RoleInput): Promise<RoleView> {
  return db.kysely.transaction().execute(async (tx) => {
    await getProjectRow(tx, projectId);
    await assertRoleNameFree(tx, projectId, input.department, input.name);
    const now = nowIso();
    const row: AssessmentRoleTable = {
      id: newId(),
      project_id: projectId,
      department: input.department,
      name: input.name,
      kind: input.kind,
      headcount: input.headcount,
      main_tasks: input.mainTasks,
      current_systems: JSON.stringify(input.currentSystems),
      created_at: now,
      updated_at: now,
    };
    await insertRole(tx, row);
    await recordAudit(tx, actor, { projectId, entity: 'assessment_role', entityId: row.id, action: 'create', after: row });
    return presentRole(row);
  });
}

/** Updates a user role. */
export async function updateRole(db: Db, actor: Actor, projectId: string, roleId: string, input: UpdateRoleInput): Promise<RoleView> {
  return db.kysely.transaction().execute(async (tx) => {
    const before = await findRoleRow(tx, projectId, roleId);
    if (!before) throw new AppError('NOT_FOUND', { entity: 'assessment_role', id: roleId });
    const after: AssessmentRoleTable = {
      ...before,
      department: input.department ?? before.department,
      name: input.name ?? before.name,
      kind: input.kind ?? before.kind,
      headcount: input.headcount ?? before.headcount,
      main_tasks: input.mainTasks ?? before.main_tasks,
      current_systems: input.currentSystems ? JSON.stringify(input.currentSystems) : before.current_systems,
      updated_at: nowIso(),
    };
    if (after.department !== before.department || after.name !== before.name)
      await assertRoleNameFree(tx, projectId, after.department, after.name, roleId);
    const { id: _i, project_id: _p, created_at: _c, ...changes } = after;
    await updateRoleById(tx, roleId, changes);
    await recordAudit(tx, actor, { projectId, entity: 'assessment_role', entityId: roleId, action: 'update', before, after });
    return presentRole(after);
  });
}

/** Deletes a user role. */
export async function deleteRole(db: Db, actor: Actor, projectId: string, roleId: string): Promise<void> {
  await db.kysely.transaction().execute(async (tx) => {
    const before = await findRoleRow(tx, projectId, roleId);
    if (!before) throw new AppError('NOT_FOUND', { entity: 'assessment_role', id: roleId });
    await deleteRoleById(tx, roleId);
    await recordAudit(tx, actor, { projectId, entity: 'assessment_role', entityId: roleId, action: 'delete', before });
  });
}
