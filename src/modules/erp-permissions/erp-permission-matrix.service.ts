import type { Db, DbExecutor } from '../../db/connection';
import type { ErpFunctionTable, ErpRoleTable } from '../../db/schema-erp-permissions';
import { AppError, notFound, type Locale } from '../../shared/app-error';
import { newId, nowIso } from '../../shared/ids';
import type { Actor } from '../access/access.service';
import { recordAudit } from '../audit/audit.service';
import { assessmentRoleExists, listAssessmentRoleRefs } from '../assessment/assessment-role-contract';
import { getProjectRow } from '../projects/project.service';
import { findUnknownMemberIds } from '../team/team-contract';
import { loadMatrixData, seedPermissionMatrixDefaults, type MatrixData } from './erp-permission-matrix.repository';
import type {
  ConflictsView,
  CreateErpFunctionInput,
  CreateErpRoleInput,
  PermissionMatrixView,
  UpdateErpFunctionInput,
  UpdateErpRoleInput,
} from './erp-permission-matrix.schema';
import type { DataScope } from './erp-permission-constants';
import {
  deleteErpFunctionRow,
  erpFunctionTaken,
  findErpFunctionRow,
  findMaxErpFunctionSort,
  insertErpFunction,
  listErpFunctionIds,
  updateErpFunctionRow,
} from './erp-function.repository';
import {
  deleteErpRoleRow,
  deleteRoleGrant,
  erpRoleNameTaken,
  findErpRoleRow,
  findMaxErpRoleSort,
  findRoleGrant,
  insertErpRole,
  listErpRoleNames,
  listRoleGrants,
  listRoleMemberIds,
  replaceRoleGrants,
  replaceRoleMembers,
  saveRoleGrant,
  updateErpRoleRow,
} from './erp-role.repository';
import { deleteRoleSodMitigations } from './sod-rule.repository';
import { detectSodConflicts, type SodConflict } from './sod-detection';

/** Conflicts computed on read (never stored), so they always follow the current grants and rules. */
export function computeConflicts(data: MatrixData, locale: Locale): SodConflict[] {
  return detectSodConflicts(data, data.rules, data.mitigations, locale);
}

function presentConflicts(conflicts: SodConflict[]): ConflictsView {
  return {
    items: conflicts,
    open: conflicts.filter((c) => c.status === 'open').length,
    mitigated: conflicts.filter((c) => c.status === 'mitigated').length,
  };
}

/** The matrix view of already loaded data. */
export function presentMatrix(data: MatrixData, locale: Locale): PermissionMatrixView {
  const membersByRole = new Map<string, string[]>();
  for (const rm of data.roleMembers) membersByRole.set(rm.roleId, [...(membersByRole.get(rm.roleId) ?? []), rm.memberId]);
  return {
    roles: data.roles.map((r) => ({ ...r, memberIds: membersByRole.get(r.id) ?? [] })),
    functions: data.functions,
    grants: data.grants,
    rules: data.rules,
    members: data.members,
    conflicts: presentConflicts(computeConflicts(data, locale)),
  };
}

async function readMatrix(db: DbExecutor, projectId: string, locale: Locale): Promise<PermissionMatrixView> {
  return presentMatrix(await loadMatrixData(db, projectId), locale);
}

/**
 * The project's permission matrix with its SoD conflicts. The first read seeds the default 金昌 ERP
 * function catalogue and rule library (in one transaction with an audit record).
 */
export async function getPermissionMatrix(db: Db, actor: Actor, projectId: string, locale: Locale): Promise<PermissionMatrixView> {
  return db.kysely.transaction().execute(async (tx) => {
    await getProjectRow(tx, projectId);
    if (await seedPermissionMatrixDefaults(tx, projectId)) {
      await recordAudit(tx, actor, { projectId, entity: 'permission_matrix', entityId: projectId, action: 'seed_defaults' });
    }
    return readMatrix(tx, projectId, locale);
  });
}

/** Only the conflicts (with counts of open and mitigated ones). */
export async function getSodConflicts(db: Db, actor: Actor, projectId: string, locale: Locale): Promise<ConflictsView> {
  return (await getPermissionMatrix(db, actor, projectId, locale)).conflicts;
}

async function getRoleRow(db: DbExecutor, projectId: string, roleId: string): Promise<ErpRoleTable> {
  const row = await findErpRoleRow(db, projectId, roleId);
  if (!row) throw notFound('erp_role', roleId);
  return row;
}

async function assertRoleNameFree(db: DbExecutor, projectId: string, name: string, exceptId?: string): Promise<void> {
  if (await erpRoleNameTaken(db, projectId, name, exceptId)) {
    throw new AppError('ERP_PERMISSIONS_ROLE_NAME_TAKEN', { name }, [{ field: 'name' }]);
  }
}

async function assertAssessmentRole(db: DbExecutor, projectId: string, assessmentRoleId: string | null | undefined): Promise<void> {
  if (!assessmentRoleId) return;
  if (!(await assessmentRoleExists(db, projectId, assessmentRoleId)))
    throw new AppError('ERP_PERMISSIONS_ASSESSMENT_ROLE_UNKNOWN', { id: assessmentRoleId }, [{ field: 'assessmentRoleId' }]);
}

async function nextSort(db: DbExecutor, table: 'erp_role' | 'erp_function', projectId: string): Promise<number> {
  const max = table === 'erp_role' ? await findMaxErpRoleSort(db, projectId) : await findMaxErpFunctionSort(db, projectId);
  return max + 10;
}

/** Adds an ERP role (a column of the matrix). */
export async function createErpRole(
  db: Db,
  actor: Actor,
  projectId: string,
  input: CreateErpRoleInput,
  locale: Locale,
): Promise<PermissionMatrixView> {
  return db.kysely.transaction().execute(async (tx) => {
    await getProjectRow(tx, projectId);
    await assertRoleNameFree(tx, projectId, input.name);
    await assertAssessmentRole(tx, projectId, input.assessmentRoleId);
    const now = nowIso();
    const row: ErpRoleTable = {
      id: newId(),
      project_id: projectId,
      name: input.name,
      department: input.department,
      description: input.description,
      assessment_role_id: input.assessmentRoleId,
      sort: await nextSort(tx, 'erp_role', projectId),
      created_at: now,
      updated_at: now,
    };
    await insertErpRole(tx, row);
    await recordAudit(tx, actor, { projectId, entity: 'erp_role', entityId: row.id, action: 'create', after: row });
    return readMatrix(tx, projectId, locale);
  });
}

/** Renames or re-describes an ERP role. */
export async function updateErpRole(
  db: Db,
  actor: Actor,
  projectId: string,
  roleId: string,
  input: UpdateErpRoleInput,
  locale: Locale,
): Promise<PermissionMatrixView> {
  return db.kysely.transaction().execute(async (tx) => {
    const before = await getRoleRow(tx, projectId, roleId);
    if (input.name !== undefined) await assertRoleNameFree(tx, projectId, input.name, roleId);
    await assertAssessmentRole(tx, projectId, input.assessmentRoleId);
    const after: ErpRoleTable = {
      ...before,
      name: input.name ?? before.name,
      department: input.department ?? before.department,
      description: input.description ?? before.description,
      assessment_role_id: input.assessmentRoleId === undefined ? before.assessment_role_id : input.assessmentRoleId,
      updated_at: nowIso(),
    };
    const { id: _id, project_id: _p, created_at: _c, ...changes } = after;
    await updateErpRoleRow(tx, roleId, changes);
    await recordAudit(tx, actor, { projectId, entity: 'erp_role', entityId: roleId, action: 'update', before, after });
    return readMatrix(tx, projectId, locale);
  });
}

/** Deletes an ERP role with its grants, member assignments and role-level exceptions. */
export async function deleteErpRole(
  db: Db,
  actor: Actor,
  projectId: string,
  roleId: string,
  locale: Locale,
): Promise<PermissionMatrixView> {
  return db.kysely.transaction().execute(async (tx) => {
    const before = await getRoleRow(tx, projectId, roleId);
    await deleteRoleSodMitigations(tx, projectId, roleId);
    await deleteErpRoleRow(tx, roleId);
    await recordAudit(tx, actor, { projectId, entity: 'erp_role', entityId: roleId, action: 'delete', before });
    return readMatrix(tx, projectId, locale);
  });
}

async function assertFunctionsInProject(
  db: DbExecutor,
  projectId: string,
  functionIds: string[],
  field: (index: number) => string,
): Promise<void> {
  if (functionIds.length === 0) return;
  const known = await listErpFunctionIds(db, projectId);
  functionIds.forEach((id, index) => {
    if (!known.has(id)) throw new AppError('ERP_PERMISSIONS_FUNCTION_UNKNOWN', { id }, [{ field: field(index) }]);
  });
}

/** Replaces all grants of a role (bulk set): functions not listed lose access. */
export async function setRoleGrants(
  db: Db,
  actor: Actor,
  projectId: string,
  roleId: string,
  grants: { functionId: string; scope: DataScope }[],
  locale: Locale,
): Promise<PermissionMatrixView> {
  return db.kysely.transaction().execute(async (tx) => {
    await getRoleRow(tx, projectId, roleId);
    const seen = new Set<string>();
    grants.forEach((g, i) => {
      if (seen.has(g.functionId))
        throw new AppError('ERP_PERMISSIONS_GRANT_FUNCTION_TWICE', { id: g.functionId }, [{ field: `grants.${i}.functionId` }]);
      seen.add(g.functionId);
    });
    await assertFunctionsInProject(
      tx,
      projectId,
      grants.map((g) => g.functionId),
      (i) => `grants.${i}.functionId`,
    );
    const before = await listRoleGrants(tx, roleId);
    const now = nowIso();
    await replaceRoleGrants(
      tx,
      roleId,
      grants.map((g) => ({ project_id: projectId, role_id: roleId, function_id: g.functionId, scope: g.scope, updated_at: now })),
    );
    await recordAudit(tx, actor, { projectId, entity: 'erp_role_grant', entityId: roleId, action: 'replace', before, after: grants });
    return readMatrix(tx, projectId, locale);
  });
}

/** Sets one cell of the matrix: a scope grants the function, null removes the grant (no access). */
export async function setGrant(
  db: Db,
  actor: Actor,
  projectId: string,
  roleId: string,
  functionId: string,
  scope: DataScope | null,
  locale: Locale,
): Promise<PermissionMatrixView> {
  return db.kysely.transaction().execute(async (tx) => {
    await getRoleRow(tx, projectId, roleId);
    if (!(await findErpFunctionRow(tx, projectId, functionId))) throw notFound('erp_function', functionId);
    const before = await findRoleGrant(tx, roleId, functionId);
    if (scope === null) {
      await deleteRoleGrant(tx, roleId, functionId);
    } else {
      await saveRoleGrant(tx, { project_id: projectId, role_id: roleId, function_id: functionId, scope, updated_at: nowIso() });
    }
    await recordAudit(tx, actor, {
      projectId,
      entity: 'erp_role_grant',
      entityId: `${roleId}:${functionId}`,
      action: scope === null ? 'delete' : before ? 'update' : 'create',
      before: before ?? null,
      after: scope === null ? null : { scope },
    });
    return readMatrix(tx, projectId, locale);
  });
}

/** Assigns project members to an ERP role (replacing the previous assignment), for person-level SoD checks. */
export async function setRoleMembers(
  db: Db,
  actor: Actor,
  projectId: string,
  roleId: string,
  memberIds: string[],
  locale: Locale,
): Promise<PermissionMatrixView> {
  return db.kysely.transaction().execute(async (tx) => {
    await getRoleRow(tx, projectId, roleId);
    const unique = [...new Set(memberIds)];
    if (unique.length > 0) {
      const unknown = await findUnknownMemberIds(tx, projectId, unique);
      memberIds.forEach((id, i) => {
        if (unknown.has(id)) throw new AppError('ERP_PERMISSIONS_MEMBER_UNKNOWN', { id }, [{ field: `memberIds.${i}` }]);
      });
    }
    const before = await listRoleMemberIds(tx, roleId);
    const now = nowIso();
    await replaceRoleMembers(
      tx,
      roleId,
      unique.map((memberId) => ({ project_id: projectId, role_id: roleId, member_id: memberId, created_at: now })),
    );
    await recordAudit(tx, actor, {
      projectId,
      entity: 'erp_role_member',
      entityId: roleId,
      action: 'replace',
      before,
      after: unique,
    });
    return readMatrix(tx, projectId, locale);
  });
}

/**
 * Creates matrix roles from the assessment's user roles (调研 → 用户角色) that no matrix role links
 * to yet. A name already used by a matrix role gets the department appended, so nothing is lost.
 */
export async function importRolesFromAssessment(
  db: Db,
  actor: Actor,
  projectId: string,
  locale: Locale,
): Promise<{ created: number; matrix: PermissionMatrixView }> {
  return db.kysely.transaction().execute(async (tx) => {
    await getProjectRow(tx, projectId);
    const assessmentRoles = await listAssessmentRoleRefs(tx, projectId);
    const existing = await listErpRoleNames(tx, projectId);
    const linked = new Set(existing.map((r) => r.assessment_role_id).filter((id): id is string => id !== null));
    const names = new Set(existing.map((r) => r.name));
    let sort = await nextSort(tx, 'erp_role', projectId);
    let created = 0;
    const now = nowIso();
    for (const ar of assessmentRoles) {
      if (linked.has(ar.id)) continue;
      let name = ar.name.slice(0, 60);
      if (names.has(name)) name = `${ar.name}（${ar.department}）`.slice(0, 60);
      for (let n = 2; names.has(name); n++) name = `${ar.name} ${n}`.slice(0, 60);
      names.add(name);
      const row: ErpRoleTable = {
        id: newId(),
        project_id: projectId,
        name,
        department: ar.department,
        description: (ar.mainTasks ?? '').slice(0, 500),
        assessment_role_id: ar.id,
        sort,
        created_at: now,
        updated_at: now,
      };
      sort += 10;
      await insertErpRole(tx, row);
      await recordAudit(tx, actor, { projectId, entity: 'erp_role', entityId: row.id, action: 'import_from_assessment', after: row });
      created += 1;
    }
    return { created, matrix: await readMatrix(tx, projectId, locale) };
  });
}

async function getFunctionRow(db: DbExecutor, projectId: string, functionId: string): Promise<ErpFunctionTable> {
  const row = await findErpFunctionRow(db, projectId, functionId);
  if (!row) throw notFound('erp_function', functionId);
  return row;
}

async function assertFunctionFree(
  db: DbExecutor,
  projectId: string,
  fn: { module: string; menu: string; action: string },
  exceptId?: string,
): Promise<void> {
  if (await erpFunctionTaken(db, projectId, fn, exceptId)) {
    throw new AppError('ERP_PERMISSIONS_FUNCTION_TAKEN', { menu: fn.menu }, [{ field: 'menu' }]);
  }
}

/** Adds a function to the project's catalogue. */
export async function createErpFunction(
  db: Db,
  actor: Actor,
  projectId: string,
  input: CreateErpFunctionInput,
  locale: Locale,
): Promise<PermissionMatrixView> {
  return db.kysely.transaction().execute(async (tx) => {
    await getProjectRow(tx, projectId);
    await assertFunctionFree(tx, projectId, input);
    const now = nowIso();
    const row: ErpFunctionTable = {
      id: newId(),
      project_id: projectId,
      module: input.module,
      menu: input.menu,
      action: input.action,
      description: input.description,
      sort: await nextSort(tx, 'erp_function', projectId),
      created_at: now,
      updated_at: now,
    };
    await insertErpFunction(tx, row);
    await recordAudit(tx, actor, { projectId, entity: 'erp_function', entityId: row.id, action: 'create', after: row });
    return readMatrix(tx, projectId, locale);
  });
}

/** Edits a catalogue function (its grants keep pointing at it). */
export async function updateErpFunction(
  db: Db,
  actor: Actor,
  projectId: string,
  functionId: string,
  input: UpdateErpFunctionInput,
  locale: Locale,
): Promise<PermissionMatrixView> {
  return db.kysely.transaction().execute(async (tx) => {
    const before = await getFunctionRow(tx, projectId, functionId);
    const after: ErpFunctionTable = {
      ...before,
      module: input.module ?? before.module,
      menu: input.menu ?? before.menu,
      action: input.action ?? before.action,
      description: input.description ?? before.description,
      updated_at: nowIso(),
    };
    await assertFunctionFree(tx, projectId, after, functionId);
    const { id: _id, project_id: _p, created_at: _c, ...changes } = after;
    await updateErpFunctionRow(tx, functionId, changes);
    await recordAudit(tx, actor, { projectId, entity: 'erp_function', entityId: functionId, action: 'update', before, after });
    return readMatrix(tx, projectId, locale);
  });
}

/** Removes a function from the catalogue with every grant of it. */
export async function deleteErpFunction(
  db: Db,
  actor: Actor,
  projectId: string,
  functionId: string,
  locale: Locale,
): Promise<PermissionMatrixView> {
  return db.kysely.transaction().execute(async (tx) => {
    const before = await getFunctionRow(tx, projectId, functionId);
    await deleteErpFunctionRow(tx, functionId);
    await recordAudit(tx, actor, { projectId, entity: 'erp_function', entityId: functionId, action: 'delete', before });
    return readMatrix(tx, projectId, locale);
  });
}

export { readMatrix };
