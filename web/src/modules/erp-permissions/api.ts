import { download, request } from '../../api/client';
import type { DataScope, ErpFunctionInput, ErpRoleInput, Grant, MitigationInput, PermissionMatrix, SodRule, SodRuleInput } from './types';

const base = (projectId: string) => `/api/v1/projects/${encodeURIComponent(projectId)}/blueprint/permission-matrix`;
const seg = encodeURIComponent;

/** Calls of the permission-matrix API; every write answers the whole matrix with its conflicts recomputed. */
export const permissionMatrixApi = {
  get: (projectId: string) => request<PermissionMatrix>(base(projectId)),
  createRole: (projectId: string, body: ErpRoleInput) => request<PermissionMatrix>(`${base(projectId)}/roles`, { method: 'POST', body }),
  updateRole: (projectId: string, roleId: string, body: Partial<ErpRoleInput>) =>
    request<PermissionMatrix>(`${base(projectId)}/roles/${seg(roleId)}`, { method: 'PATCH', body }),
  deleteRole: (projectId: string, roleId: string) =>
    request<PermissionMatrix>(`${base(projectId)}/roles/${seg(roleId)}`, { method: 'DELETE' }),
  importRoles: (projectId: string) =>
    request<{ created: number; matrix: PermissionMatrix }>(`${base(projectId)}/roles/import-assessment`, { method: 'POST' }),
  setGrant: (projectId: string, roleId: string, functionId: string, scope: DataScope | null) =>
    request<PermissionMatrix>(`${base(projectId)}/roles/${seg(roleId)}/grants/${seg(functionId)}`, { method: 'PUT', body: { scope } }),
  setRoleGrants: (projectId: string, roleId: string, grants: Omit<Grant, 'roleId'>[]) =>
    request<PermissionMatrix>(`${base(projectId)}/roles/${seg(roleId)}/grants`, { method: 'PUT', body: { grants } }),
  setRoleMembers: (projectId: string, roleId: string, memberIds: string[]) =>
    request<PermissionMatrix>(`${base(projectId)}/roles/${seg(roleId)}/members`, { method: 'PUT', body: { memberIds } }),
  createFunction: (projectId: string, body: ErpFunctionInput) =>
    request<PermissionMatrix>(`${base(projectId)}/functions`, { method: 'POST', body }),
  updateFunction: (projectId: string, functionId: string, body: Partial<ErpFunctionInput>) =>
    request<PermissionMatrix>(`${base(projectId)}/functions/${seg(functionId)}`, { method: 'PATCH', body }),
  deleteFunction: (projectId: string, functionId: string) =>
    request<PermissionMatrix>(`${base(projectId)}/functions/${seg(functionId)}`, { method: 'DELETE' }),
  createRule: (projectId: string, body: SodRuleInput) => request<SodRule>(`${base(projectId)}/sod-rules`, { method: 'POST', body }),
  updateRule: (projectId: string, ruleId: string, body: Partial<SodRuleInput>) =>
    request<SodRule>(`${base(projectId)}/sod-rules/${seg(ruleId)}`, { method: 'PATCH', body }),
  deleteRule: (projectId: string, ruleId: string) =>
    request<{ ok: true }>(`${base(projectId)}/sod-rules/${seg(ruleId)}`, { method: 'DELETE' }),
  recordMitigation: (projectId: string, body: MitigationInput) =>
    request<PermissionMatrix>(`${base(projectId)}/mitigations`, { method: 'POST', body }),
  deleteMitigation: (projectId: string, mitigationId: string) =>
    request<PermissionMatrix>(`${base(projectId)}/mitigations/${seg(mitigationId)}`, { method: 'DELETE' }),
  exportXlsx: (projectId: string) => download(`${base(projectId)}/export.xlsx`, 'permission-matrix.xlsx'),
};
