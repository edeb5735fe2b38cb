/** Table types of the ERP role and permission design (erp-permissions module; see the storage conventions in schema.ts). */

/** An ERP role being designed for the new system (not a golive project role). */
export interface ErpRoleTable {
  id: string;
  project_id: string;
  name: string;
  department: string;
  description: string;
  /** Optional link to the assessment role it was derived from (no foreign key: assessment owns that table). */
  assessment_role_id: string | null;
  sort: number;
  created_at: string;
  updated_at: string;
}

/** One ERP function: module (ERP module code) · menu · action. */
export interface ErpFunctionTable {
  id: string;
  project_id: string;
  module: string;
  menu: string;
  action: string; // FUNCTION_ACTIONS
  description: string;
  sort: number;
  created_at: string;
  updated_at: string;
}

/** Role × function grant with its data scope; no row = no access. */
export interface ErpRoleGrantTable {
  project_id: string;
  role_id: string;
  function_id: string;
  scope: string; // DATA_SCOPES
  updated_at: string;
}

/** A project member assigned to an ERP role (for person-level SoD checks). */
export interface ErpRoleMemberTable {
  project_id: string;
  role_id: string;
  member_id: string;
  created_at: string;
}

/** A segregation-of-duties rule: two sets of function matchers that one holder must not combine. */
export interface SodRuleTable {
  id: string;
  project_id: string;
  code: string;
  name: string;
  /** JSON array of {module, menu, action} matchers; menu and action may be '*'. */
  side_a: string;
  side_b: string;
  risk_level: string; // 'high' | 'medium' | 'low'
  risk_description: string;
  enabled: number;
  sort: number;
  created_at: string;
  updated_at: string;
}

/** An accepted SoD exception with its compensating control: the conflict stays listed but does not block. */
export interface SodMitigationTable {
  id: string;
  project_id: string;
  rule_id: string;
  subject_kind: string; // 'role' | 'person'
  /** erp_role.id for a role, project_member.id for a person. */
  subject_id: string;
  compensating_control: string;
  approver: string;
  approved_on: string;
  created_by: string | null;
  created_at: string;
}

/** Marks that a project's default function catalogue and rule library were seeded (once). */
export interface PermissionMatrixSetupTable {
  project_id: string;
  seeded_at: string;
}

export interface ErpPermissionTables {
  erp_role: ErpRoleTable;
  erp_function: ErpFunctionTable;
  erp_role_grant: ErpRoleGrantTable;
  erp_role_member: ErpRoleMemberTable;
  sod_rule: SodRuleTable;
  sod_mitigation: SodMitigationTable;
  permission_matrix_setup: PermissionMatrixSetupTable;
}
