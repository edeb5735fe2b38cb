/**
 * API types of the blueprint permission matrix: aliases of the generated schema.gen.ts (the server's
 * OpenAPI document, from src/modules/erp-permissions/*.schema.ts), and the document's enums as lists
 * the compiler checks against it (see {@link enumValues}).
 */
import { enumValues, type Schemas } from '../../api/schema';

/** The whole matrix: every write answers it with its conflicts recomputed. */
export type PermissionMatrix = Schemas['PermissionMatrix'];

// ---- roles, functions and grants ----

export type ErpRole = PermissionMatrix['roles'][number];
export type ErpRoleInput = Schemas['CreateErpRoleBody'];
export type ErpRoleUpdate = Schemas['UpdateErpRoleBody'];

export type ErpFunction = PermissionMatrix['functions'][number];
export type FunctionAction = ErpFunction['action'];
export const FUNCTION_ACTIONS = enumValues<FunctionAction>()(['view', 'create', 'edit', 'approve', 'delete', 'export']);
export type ErpFunctionInput = Schemas['CreateErpFunctionBody'];
export type ErpFunctionUpdate = Schemas['UpdateErpFunctionBody'];

export type Grant = PermissionMatrix['grants'][number];
export type DataScope = Grant['scope'];
export const DATA_SCOPES = enumValues<DataScope>()(['own', 'department', 'company']);
export type RoleGrantsInput = Schemas['SetRoleGrantsBody'];

// ---- segregation-of-duties rules, conflicts and mitigations ----

export type SodRule = Schemas['SodRule'];
export type RiskLevel = SodRule['riskLevel'];
export const RISK_LEVELS = enumValues<RiskLevel>()(['high', 'medium', 'low']);
/** One side's function pattern as a rule is written ('*' = any menu or action; module '*' = any module). */
export type FunctionMatcher = Schemas['FunctionMatcher'];
/** A rule's function pattern as the API answers it (the module as a plain string). */
export type RuleMatcher = SodRule['sideA'][number];
export type SodRuleInput = Schemas['CreateSodRuleBody'];
export type SodRuleUpdate = Schemas['UpdateSodRuleBody'];

export type SodConflict = Schemas['SodConflict'];
export type ConflictGrant = SodConflict['sideA'][number];
export type SodMitigation = NonNullable<SodConflict['mitigation']>;
export type MitigationInput = Schemas['CreateSodMitigationBody'];
