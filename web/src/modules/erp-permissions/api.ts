import { call, download, http } from '../../api/client';
import type {
  DataScope,
  ErpFunctionInput,
  ErpFunctionUpdate,
  ErpRoleInput,
  ErpRoleUpdate,
  MitigationInput,
  RoleGrantsInput,
  SodRuleInput,
  SodRuleUpdate,
} from './types';

const base = (projectId: string) => `/api/v1/projects/${encodeURIComponent(projectId)}/blueprint/permission-matrix`;
const inProject = (id: string) => ({ params: { path: { id } } });
const inRole = (id: string, roleId: string) => ({ params: { path: { id, roleId } } });
const inFunction = (id: string, functionId: string) => ({ params: { path: { id, functionId } } });
const inRule = (id: string, ruleId: string) => ({ params: { path: { id, ruleId } } });

/**
 * Calls of the permission-matrix API; every write answers the whole matrix with its conflicts
 * recomputed. Paths, bodies and answers are checked against the generated schema.gen.ts.
 */
export const permissionMatrixApi = {
  get: (projectId: string) => call(http.GET('/api/v1/projects/{id}/blueprint/permission-matrix', inProject(projectId))),
  createRole: (projectId: string, body: ErpRoleInput) =>
    call(http.POST('/api/v1/projects/{id}/blueprint/permission-matrix/roles', { ...inProject(projectId), body })),
  updateRole: (projectId: string, roleId: string, body: ErpRoleUpdate) =>
    call(http.PATCH('/api/v1/projects/{id}/blueprint/permission-matrix/roles/{roleId}', { ...inRole(projectId, roleId), body })),
  deleteRole: (projectId: string, roleId: string) =>
    call(http.DELETE('/api/v1/projects/{id}/blueprint/permission-matrix/roles/{roleId}', inRole(projectId, roleId))),
  importRoles: (projectId: string) =>
    call(http.POST('/api/v1/projects/{id}/blueprint/permission-matrix/roles/import-assessment', inProject(projectId))),
  setGrant: (projectId: string, roleId: string, functionId: string, scope: DataScope | null) =>
    call(
      http.PUT('/api/v1/projects/{id}/blueprint/permission-matrix/roles/{roleId}/grants/{functionId}', {
        params: { path: { id: projectId, roleId, functionId } },
        body: { scope },
      }),
    ),
  setRoleGrants: (projectId: string, roleId: string, grants: RoleGrantsInput['grants']) =>
    call(
      http.PUT('/api/v1/projects/{id}/blueprint/permission-matrix/roles/{roleId}/grants', {
        ...inRole(projectId, roleId),
        body: { grants },
      }),
    ),
  setRoleMembers: (projectId: string, roleId: string, memberIds: string[]) =>
    call(
      http.PUT('/api/v1/projects/{id}/blueprint/permission-matrix/roles/{roleId}/members', {
        ...inRole(projectId, roleId),
        body: { memberIds },
      }),
    ),
  createFunction: (projectId: string, body: ErpFunctionInput) =>
    call(http.POST('/api/v1/projects/{id}/blueprint/permission-matrix/functions', { ...inProject(projectId), body })),
  updateFunction: (projectId: string, functionId: string, body: ErpFunctionUpdate) =>
    call(
      http.PATCH('/api/v1/projects/{id}/blueprint/permission-matrix/functions/{functionId}', {
        ...inFunction(projectId, functionId),
        body,
      }),
    ),
  deleteFunction: (projectId: string, functionId: string) =>
    call(http.DELETE('/api/v1/projects/{id}/blueprint/permission-matrix/functions/{functionId}', inFunction(projectId, functionId))),
  createRule: (projectId: string, body: SodRuleInput) =>
    call(http.POST('/api/v1/projects/{id}/blueprint/permission-matrix/sod-rules', { ...inProject(projectId), body })),
  updateRule: (projectId: string, ruleId: string, body: SodRuleUpdate) =>
    call(http.PATCH('/api/v1/projects/{id}/blueprint/permission-matrix/sod-rules/{ruleId}', { ...inRule(projectId, ruleId), body })),
  deleteRule: (projectId: string, ruleId: string) =>
    call(http.DELETE('/api/v1/projects/{id}/blueprint/permission-matrix/sod-rules/{ruleId}', inRule(projectId, ruleId))),
  recordMitigation: (projectId: string, body: MitigationInput) =>
    call(http.POST('/api/v1/projects/{id}/blueprint/permission-matrix/mitigations', { ...inProject(projectId), body })),
  deleteMitigation: (projectId: string, mitigationId: string) =>
    call(
      http.DELETE('/api/v1/projects/{id}/blueprint/permission-matrix/mitigations/{mitigationId}', {
        params: { path: { id: projectId, mitigationId } },
      }),
    ),
  exportXlsx: (projectId: string) => download(`${base(projectId)}/export.xlsx`, 'permission-matrix.xlsx'),
};
