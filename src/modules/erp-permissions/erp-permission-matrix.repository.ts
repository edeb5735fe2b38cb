import type { DbExecutor } from '../../db/connection';
import type { SodRuleTable } from '../../db/schema-erp-permissions';
import { newId, nowIso } from '../../shared/ids';
import { listProjectMembers } from '../team/team-contract';
import { DEFAULT_FUNCTIONS, DEFAULT_SOD_RULES } from './erp-permission-defaults';
import { DATA_SCOPES, FUNCTION_ACTIONS, type DataScope, type FunctionAction } from './erp-permission-constants';
import { RISK_LEVELS, type FunctionMatcher, type RiskLevel, type SodMatrix, type SodMitigation, type SodRule } from './sod-detection';

/** Everything the permission matrix reads, in display order. */
export interface MatrixData extends SodMatrix {
  roles: { id: string; name: string; department: string; description: string; assessmentRoleId: string | null }[];
  functions: { id: string; module: string; menu: string; action: FunctionAction; description: string }[];
  grants: { roleId: string; functionId: string; scope: DataScope }[];
  members: { id: string; name: string; department: string }[];
  roleMembers: { roleId: string; memberId: string }[];
  rules: SodRule[];
  mitigations: SodMitigation[];
}

function asAction(value: string): FunctionAction {
  return (FUNCTION_ACTIONS as readonly string[]).includes(value) ? (value as FunctionAction) : 'view';
}

function asScope(value: string): DataScope {
  return (DATA_SCOPES as readonly string[]).includes(value) ? (value as DataScope) : 'own';
}

function parseMatchers(json: string): FunctionMatcher[] {
  try {
    const parsed: unknown = JSON.parse(json);
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((item: unknown) => {
      if (typeof item !== 'object' || item === null) return [];
      const { module, menu, action } = item as Record<string, unknown>;
      if (typeof module !== 'string' || typeof menu !== 'string' || typeof action !== 'string') return [];
      return [{ module, menu, action: action === '*' ? '*' : asAction(action) }];
    });
  } catch {
    return [];
  }
}

/** A stored rule as the detection's type. */
export function toSodRule(row: SodRuleTable): SodRule {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    sideA: parseMatchers(row.side_a),
    sideB: parseMatchers(row.side_b),
    riskLevel: (RISK_LEVELS as readonly string[]).includes(row.risk_level) ? (row.risk_level as RiskLevel) : 'medium',
    riskDescription: row.risk_description,
    enabled: row.enabled === 1,
  };
}

/** Loads the project's matrix, members, rules and mitigations. */
export async function loadMatrixData(db: DbExecutor, projectId: string): Promise<MatrixData> {
  const [roles, functions, grants, members, roleMembers, rules, mitigations] = await Promise.all([
    db.selectFrom('erp_role').selectAll().where('project_id', '=', projectId).orderBy('sort').orderBy('created_at').execute(),
    db.selectFrom('erp_function').selectAll().where('project_id', '=', projectId).orderBy('sort').orderBy('created_at').execute(),
    db.selectFrom('erp_role_grant').select(['role_id', 'function_id', 'scope']).where('project_id', '=', projectId).execute(),
    listProjectMembers(db, projectId),
    db.selectFrom('erp_role_member').select(['role_id', 'member_id']).where('project_id', '=', projectId).execute(),
    db.selectFrom('sod_rule').selectAll().where('project_id', '=', projectId).orderBy('sort').orderBy('code').execute(),
    db.selectFrom('sod_mitigation').selectAll().where('project_id', '=', projectId).orderBy('created_at').execute(),
  ]);
  return {
    roles: roles.map((r) => ({
      id: r.id,
      name: r.name,
      department: r.department,
      description: r.description,
      assessmentRoleId: r.assessment_role_id,
    })),
    functions: functions.map((f) => ({ id: f.id, module: f.module, menu: f.menu, action: asAction(f.action), description: f.description })),
    grants: grants.map((g) => ({ roleId: g.role_id, functionId: g.function_id, scope: asScope(g.scope) })),
    members,
    roleMembers: roleMembers.map((rm) => ({ roleId: rm.role_id, memberId: rm.member_id })),
    rules: rules.map(toSodRule),
    mitigations: mitigations.map((m) => ({
      id: m.id,
      ruleId: m.rule_id,
      subjectKind: m.subject_kind === 'person' ? 'person' : 'role',
      subjectId: m.subject_id,
      compensatingControl: m.compensating_control,
      approver: m.approver,
      approvedOn: m.approved_on,
    })),
  };
}

/**
 * Seeds the default function catalogue and SoD rule library the first time a project uses the
 * matrix. The setup row is claimed first, so concurrent first reads seed once; a catalogue the
 * user emptied later is never re-seeded. Returns whether this call seeded.
 */
export async function seedPermissionMatrixDefaults(db: DbExecutor, projectId: string): Promise<boolean> {
  const now = nowIso();
  const claimed = await db
    .insertInto('permission_matrix_setup')
    .values({ project_id: projectId, seeded_at: now })
    .onConflict((oc) => oc.column('project_id').doNothing())
    .executeTakeFirst();
  if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) return false;
  await db
    .insertInto('erp_function')
    .values(
      DEFAULT_FUNCTIONS.map((f, i) => ({ id: newId(), project_id: projectId, ...f, sort: (i + 1) * 10, created_at: now, updated_at: now })),
    )
    .execute();
  await db
    .insertInto('sod_rule')
    .values(
      DEFAULT_SOD_RULES.map((r, i) => ({
        id: newId(),
        project_id: projectId,
        code: r.code,
        name: r.name,
        side_a: JSON.stringify(r.sideA),
        side_b: JSON.stringify(r.sideB),
        risk_level: r.riskLevel,
        risk_description: r.riskDescription,
        enabled: 1,
        sort: (i + 1) * 10,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
  return true;
}
