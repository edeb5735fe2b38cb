import type { Locale } from '../../shared/app-error';
import type { DataScope, FunctionAction } from './erp-permission-constants';

/**
 * Segregation-of-duties (职责分离) conflict detection: pure, so it is unit-tested without a database
 * and reused by the API, the Excel export and the blueprint document.
 */

/** Matches functions: module code or '*', menu or '*', action or '*'. */
export interface FunctionMatcher {
  module: string;
  menu: string;
  action: FunctionAction | '*';
}

export const RISK_LEVELS = ['high', 'medium', 'low'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

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

export interface MatrixFunction {
  id: string;
  module: string;
  menu: string;
  action: FunctionAction;
}

export interface MatrixRole {
  id: string;
  name: string;
}

export interface MatrixGrant {
  roleId: string;
  functionId: string;
  scope: DataScope;
}

/** What the detection reads: the matrix, plus (optionally) which project members hold which roles. */
export interface SodMatrix {
  roles: MatrixRole[];
  functions: MatrixFunction[];
  grants: MatrixGrant[];
  members?: { id: string; name: string }[];
  roleMembers?: { roleId: string; memberId: string }[];
}

export type SodSubjectKind = 'role' | 'person';

/** An accepted exception: the conflict of this rule for this subject is mitigated (listed, not blocking). */
export interface SodMitigation {
  id: string;
  ruleId: string;
  subjectKind: SodSubjectKind;
  subjectId: string;
  compensatingControl: string;
  approver: string;
  approvedOn: string;
}

/** One grant on one side of a conflict. */
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
  /** Stable key: rule + subject. */
  key: string;
  ruleId: string;
  ruleCode: string;
  ruleName: string;
  riskLevel: RiskLevel;
  riskDescription: string;
  subjectKind: SodSubjectKind;
  /** The role, or for a person the member id. */
  subjectId: string;
  subjectName: string;
  /** Roles involved (one for a role conflict, two or more for a person). */
  roleIds: string[];
  roleNames: string[];
  sideA: ConflictGrant[];
  sideB: ConflictGrant[];
  status: 'open' | 'mitigated';
  mitigation: SodMitigation | null;
  explanation: string;
}

const WILDCARD = '*';

/** True when the function matches the matcher ('*' matches anything; menus compare trimmed). */
export function matchesFunction(matcher: FunctionMatcher, fn: Pick<MatrixFunction, 'module' | 'menu' | 'action'>): boolean {
  return (
    (matcher.module === WILDCARD || matcher.module === fn.module) &&
    (matcher.menu.trim() === WILDCARD || matcher.menu.trim() === fn.menu.trim()) &&
    (matcher.action === WILDCARD || matcher.action === fn.action)
  );
}

const ACTION_LABELS: Record<Locale, Record<FunctionAction, string>> = {
  'zh-CN': { view: '查看', create: '新建', edit: '编辑', approve: '审批', delete: '删除', export: '导出' },
  en: { view: 'view', create: 'create', edit: 'edit', approve: 'approve', delete: 'delete', export: 'export' },
};

const SCOPE_LABELS: Record<Locale, Record<DataScope, string>> = {
  'zh-CN': { own: '本人', department: '本部门', company: '全公司' },
  en: { own: 'own', department: 'department', company: 'company' },
};

/** "付款单·审批" / "付款单 · approve". */
export function functionLabel(fn: Pick<MatrixFunction, 'menu' | 'action'>, locale: Locale): string {
  return locale === 'en' ? `${fn.menu} · ${ACTION_LABELS.en[fn.action]}` : `${fn.menu}·${ACTION_LABELS['zh-CN'][fn.action]}`;
}

/** Localized action label. */
export function actionLabel(action: FunctionAction, locale: Locale): string {
  return ACTION_LABELS[locale][action];
}

/** Localized data-scope label (本人 / 本部门 / 全公司). */
export function scopeLabel(scope: DataScope, locale: Locale): string {
  return SCOPE_LABELS[locale][scope];
}

function listGrants(grants: ConflictGrant[], locale: Locale, withRole: boolean): string {
  const parts = grants.map((g) => {
    const scope = scopeLabel(g.scope, locale);
    if (locale === 'en') return `"${functionLabel(g, locale)}" (${scope}${withRole ? `, via ${g.roleName}` : ''})`;
    return `「${functionLabel(g, locale)}」（${scope}${withRole ? `，来自「${g.roleName}」` : ''}）`;
  });
  return parts.join(locale === 'en' ? ', ' : '、');
}

/** The sentence that explains a conflict in the caller's language. */
export function explainConflict(
  conflict: Pick<SodConflict, 'subjectKind' | 'subjectName' | 'roleNames' | 'sideA' | 'sideB' | 'ruleCode' | 'riskDescription'>,
  locale: Locale,
): string {
  const person = conflict.subjectKind === 'person';
  const a = listGrants(conflict.sideA, locale, person);
  const b = listGrants(conflict.sideB, locale, person);
  if (locale === 'en') {
    const who = person ? `Person "${conflict.subjectName}" (roles: ${conflict.roleNames.join(', ')})` : `Role "${conflict.subjectName}"`;
    return `${who} holds both ${a} and ${b} (rule ${conflict.ruleCode}: ${conflict.riskDescription})`;
  }
  const who = person ? `人员「${conflict.subjectName}」（角色：${conflict.roleNames.join('、')}）` : `角色「${conflict.subjectName}」`;
  return `${who}同时拥有${a}和${b}（规则 ${conflict.ruleCode}：${conflict.riskDescription}）`;
}

type HeldGrant = ConflictGrant;

/** Grants on side A and side B; a conflict needs two different functions (one function never conflicts with itself). */
function sides(rule: SodRule, held: HeldGrant[]): { a: HeldGrant[]; b: HeldGrant[] } | null {
  const a = held.filter((g) => rule.sideA.some((m) => matchesFunction(m, g)));
  const b = held.filter((g) => rule.sideB.some((m) => matchesFunction(m, g)));
  if (a.length === 0 || b.length === 0) return null;
  const distinct = a.some((x) => b.some((y) => y.functionId !== x.functionId));
  return distinct ? { a, b } : null;
}

function dedupeByFunction(grants: HeldGrant[]): HeldGrant[] {
  const seen = new Set<string>();
  return grants.filter((g) => {
    const key = `${g.roleId}|${g.functionId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Finds every SoD conflict of the matrix: a role holding at least one function of a rule's side A
 * and one (other) function of side B, and a person whose roles together combine both sides while
 * none of those roles does on its own (that case is already reported on the role). Disabled rules
 * are ignored. A conflict with a matching mitigation is returned with status `mitigated`.
 * Order: rule order, then roles in matrix order, then persons.
 */
export function detectSodConflicts(
  matrix: SodMatrix,
  rules: SodRule[],
  mitigations: SodMitigation[] = [],
  locale: Locale = 'zh-CN',
): SodConflict[] {
  const functions = new Map(matrix.functions.map((f) => [f.id, f]));
  const roleNames = new Map(matrix.roles.map((r) => [r.id, r.name]));
  const heldByRole = new Map<string, HeldGrant[]>();
  for (const grant of matrix.grants) {
    const fn = functions.get(grant.functionId);
    const roleName = roleNames.get(grant.roleId);
    if (!fn || roleName === undefined) continue;
    const list = heldByRole.get(grant.roleId) ?? [];
    list.push({
      roleId: grant.roleId,
      roleName,
      functionId: fn.id,
      module: fn.module,
      menu: fn.menu,
      action: fn.action,
      scope: grant.scope,
    });
    heldByRole.set(grant.roleId, list);
  }
  const mitigationOf = (ruleId: string, kind: SodSubjectKind, subjectId: string): SodMitigation | null =>
    mitigations.find((m) => m.ruleId === ruleId && m.subjectKind === kind && m.subjectId === subjectId) ?? null;

  const rolesByMember = new Map<string, string[]>();
  for (const rm of matrix.roleMembers ?? []) {
    if (!roleNames.has(rm.roleId)) continue;
    const list = rolesByMember.get(rm.memberId) ?? [];
    if (!list.includes(rm.roleId)) list.push(rm.roleId);
    rolesByMember.set(rm.memberId, list);
  }
  const roleOrder = new Map(matrix.roles.map((r, i) => [r.id, i]));

  const conflicts: SodConflict[] = [];
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const conflictingRoles = new Set<string>();
    for (const role of matrix.roles) {
      const found = sides(rule, heldByRole.get(role.id) ?? []);
      if (!found) continue;
      conflictingRoles.add(role.id);
      const mitigation = mitigationOf(rule.id, 'role', role.id);
      const base = {
        key: `${rule.id}:role:${role.id}`,
        ruleId: rule.id,
        ruleCode: rule.code,
        ruleName: rule.name,
        riskLevel: rule.riskLevel,
        riskDescription: rule.riskDescription,
        subjectKind: 'role' as const,
        subjectId: role.id,
        subjectName: role.name,
        roleIds: [role.id],
        roleNames: [role.name],
        sideA: found.a,
        sideB: found.b,
        status: mitigation ? ('mitigated' as const) : ('open' as const),
        mitigation,
      };
      conflicts.push({ ...base, explanation: explainConflict(base, locale) });
    }
    for (const member of matrix.members ?? []) {
      const roleIds = [...(rolesByMember.get(member.id) ?? [])].sort((x, y) => (roleOrder.get(x) ?? 0) - (roleOrder.get(y) ?? 0));
      if (roleIds.length < 2 || roleIds.some((id) => conflictingRoles.has(id))) continue;
      const held = dedupeByFunction(roleIds.flatMap((id) => heldByRole.get(id) ?? []));
      const found = sides(rule, held);
      if (!found) continue;
      const involved = roleIds.filter((id) => found.a.some((g) => g.roleId === id) || found.b.some((g) => g.roleId === id));
      const mitigation = mitigationOf(rule.id, 'person', member.id);
      const base = {
        key: `${rule.id}:person:${member.id}`,
        ruleId: rule.id,
        ruleCode: rule.code,
        ruleName: rule.name,
        riskLevel: rule.riskLevel,
        riskDescription: rule.riskDescription,
        subjectKind: 'person' as const,
        subjectId: member.id,
        subjectName: member.name,
        roleIds: involved,
        roleNames: involved.map((id) => roleNames.get(id) ?? id),
        sideA: found.a,
        sideB: found.b,
        status: mitigation ? ('mitigated' as const) : ('open' as const),
        mitigation,
      };
      conflicts.push({ ...base, explanation: explainConflict(base, locale) });
    }
  }
  return conflicts;
}
