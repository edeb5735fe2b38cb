/** API types of the blueprint permission matrix (mirrors the server's permission-matrix.schema.ts). */

export const FUNCTION_ACTIONS = ['view', 'create', 'edit', 'approve', 'delete', 'export'] as const;
export type FunctionAction = (typeof FUNCTION_ACTIONS)[number];
export const DATA_SCOPES = ['own', 'department', 'company'] as const;
export type DataScope = (typeof DATA_SCOPES)[number];
export const RISK_LEVELS = ['high', 'medium', 'low'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export interface ErpRole {
  id: string;
  name: string;
  department: string;
  description: string;
  assessmentRoleId: string | null;
  memberIds: string[];
}

export interface ErpFunction {
  id: string;
  module: string;
  menu: string;
  action: FunctionAction;
  description: string;
}

export interface Grant {
  roleId: string;
  functionId: string;
  scope: DataScope;
}

export interface FunctionMatcher {
  module: string;
  menu: string;
  action: FunctionAction | '*';
}

export interface SodRule {
  id: string;
  code: string;
  name: string;
  sideA: FunctionMatcher[];
  sideB: FunctionMatcher[];
  riskLevel: RiskLevel;
  riskDescription: string;
  enabled: boolean;
}

export type SodRuleInput = Omit<SodRule, 'id'>;

export interface SodMitigation {
  id: string;
  ruleId: string;
  subjectKind: 'role' | 'person';
  subjectId: string;
  compensatingControl: string;
  approver: string;
  approvedOn: string;
}

export interface ConflictGrant {
  roleId: string;
  roleName: string;
  functionId: string;
  module: string;
  menu: string;
  action: FunctionAction;
  scope: DataScope;
}

export interface SodConflict {
  key: string;
  ruleId: string;
  ruleCode: string;
  ruleName: string;
  riskLevel: RiskLevel;
  riskDescription: string;
  subjectKind: 'role' | 'person';
  subjectId: string;
  subjectName: string;
  roleIds: string[];
  roleNames: string[];
  sideA: ConflictGrant[];
  sideB: ConflictGrant[];
  status: 'open' | 'mitigated';
  mitigation: SodMitigation | null;
  explanation: string;
}

export interface PermissionMatrix {
  roles: ErpRole[];
  functions: ErpFunction[];
  grants: Grant[];
  rules: SodRule[];
  members: { id: string; name: string; department: string }[];
  conflicts: { items: SodConflict[]; open: number; mitigated: number };
}

export interface ErpRoleInput {
  name: string;
  department: string;
  description: string;
}

export interface ErpFunctionInput {
  module: string;
  menu: string;
  action: FunctionAction;
  description: string;
}

export interface MitigationInput {
  ruleId: string;
  subjectKind: 'role' | 'person';
  subjectId: string;
  compensatingControl: string;
  approver: string;
  approvedOn: string;
}
