import type { DbExecutor } from '../../db/connection';
import type { DocBlock, TableCell } from '../../documents/document-model';
import type { Locale } from '../../shared/app-error';
import type { DataScope, FunctionAction } from './erp-permission-constants';
import { loadMatrixData } from './erp-permission-matrix.repository';
import { detectSodConflicts, functionLabel, scopeLabel } from './sod-detection';

// CONTRACT (owner: permission-matrix part of the blueprint module). Blueprint versions, their diff
// and the blueprint document depend on these exact names and shapes.

export { DATA_SCOPES, FUNCTION_ACTIONS } from './erp-permission-constants';
export type { DataScope, FunctionAction } from './erp-permission-constants';

/** One SoD conflict of the snapshot (optional fields were added after the contract; never renamed). */
export interface PermissionMatrixConflict {
  ruleId: string;
  ruleCode: string;
  ruleName: string;
  /** The role; for a person-level conflict, the first role involved. */
  roleId: string;
  /** The role name; for a person-level conflict, the names of the roles involved joined with "、"/", ". */
  roleName: string;
  explanation: string;
  riskLevel?: 'high' | 'medium' | 'low';
  /** 'person' when a member's roles together conflict. */
  subjectKind?: 'role' | 'person';
  memberId?: string;
  memberName?: string;
  /** Set on entries of `mitigatedConflicts`: the accepted exception. */
  compensatingControl?: string;
  approver?: string;
  approvedOn?: string;
  /** The grants on both sides of the conflict (role × function), e.g. to highlight matrix cells. */
  grants?: { roleId: string; functionId: string }[];
}

export interface PermissionMatrixSnapshot {
  roles: { id: string; name: string; department: string; description: string }[];
  /** ERP functions: module (ERP module code), menu (e.g. 供应商档案), action. */
  functions: { id: string; module: string; menu: string; action: FunctionAction }[];
  grants: { roleId: string; functionId: string; scope: DataScope }[];
  /** Segregation-of-duties conflicts found in this matrix, each explained (localized). Open (blocking) ones only. */
  conflicts: PermissionMatrixConflict[];
  /** Conflicts accepted as exceptions with a compensating control (listed, not blocking). */
  mitigatedConflicts?: PermissionMatrixConflict[];
}

/** The project's current permission matrix with its SoD conflicts. */
export async function getPermissionMatrixSnapshot(db: DbExecutor, projectId: string, locale: Locale): Promise<PermissionMatrixSnapshot> {
  const data = await loadMatrixData(db, projectId);
  const detected = detectSodConflicts(data, data.rules, data.mitigations, locale);
  const toEntry = (c: (typeof detected)[number]): PermissionMatrixConflict => ({
    ruleId: c.ruleId,
    ruleCode: c.ruleCode,
    ruleName: c.ruleName,
    roleId: c.roleIds[0] ?? c.subjectId,
    roleName: c.roleNames.join(locale === 'en' ? ', ' : '、'),
    explanation: c.explanation,
    riskLevel: c.riskLevel,
    subjectKind: c.subjectKind,
    grants: [...c.sideA, ...c.sideB].map((g) => ({ roleId: g.roleId, functionId: g.functionId })),
    ...(c.subjectKind === 'person' ? { memberId: c.subjectId, memberName: c.subjectName } : {}),
    ...(c.mitigation
      ? { compensatingControl: c.mitigation.compensatingControl, approver: c.mitigation.approver, approvedOn: c.mitigation.approvedOn }
      : {}),
  });
  return {
    roles: data.roles.map((r) => ({ id: r.id, name: r.name, department: r.department, description: r.description })),
    functions: data.functions.map((f) => ({ id: f.id, module: f.module, menu: f.menu, action: f.action })),
    grants: data.grants,
    conflicts: detected.filter((c) => c.status === 'open').map(toEntry),
    mitigatedConflicts: detected.filter((c) => c.status === 'mitigated').map(toEntry),
  };
}

const MODULE_LABELS: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    finance: '财务',
    purchasing: '采购',
    inventory: '库存',
    sales: '销售',
    production: '生产',
    quality: '质量',
    hr: '人力资源',
    crm: '客户关系',
  },
  en: {
    finance: 'Finance',
    purchasing: 'Purchasing',
    inventory: 'Inventory',
    sales: 'Sales',
    production: 'Production',
    quality: 'Quality',
    hr: 'Human resources',
    crm: 'CRM',
  },
};

/** Localized ERP module name (财务 / Finance), the code itself when unknown. */
export function erpModuleLabel(module: string, locale: Locale): string {
  return MODULE_LABELS[locale][module] ?? module;
}

const RISK_LABELS: Record<Locale, Record<string, string>> = {
  'zh-CN': { high: '高', medium: '中', low: '低' },
  en: { high: 'High', medium: 'Medium', low: 'Low' },
};

/**
 * Document blocks: the matrix (roles × functions with scope) and the SoD conflicts, as level-2
 * sections under the caller's chapter heading. With `modulesInScope`, only those modules get a
 * matrix section (the default function catalogue covers every ERP module); grants on functions of
 * other modules are not dropped silently but named in a warning.
 */
export function buildPermissionMatrixReportBlocks(
  snapshot: PermissionMatrixSnapshot,
  locale: Locale,
  options: { modulesInScope?: readonly string[] | null } = {},
): DocBlock[] {
  const zh = locale === 'zh-CN';
  const blocks: DocBlock[] = [];
  const inScope = options.modulesInScope?.length ? new Set(options.modulesInScope) : null;
  const mitigated = snapshot.mitigatedConflicts ?? [];
  blocks.push({
    kind: 'paragraph',
    runs: [
      zh
        ? `本矩阵定义 ${snapshot.roles.length} 个 ERP 角色对 ${snapshot.functions.length} 项系统功能的授权及数据范围（本人 / 本部门 / 全公司），共 ${snapshot.grants.length} 条授权。`
        : `This matrix grants ${snapshot.functions.length} ERP functions to ${snapshot.roles.length} roles with a data scope (own / department / company): ${snapshot.grants.length} grants in all.`,
    ],
  });
  if (snapshot.roles.length === 0 || snapshot.functions.length === 0) {
    blocks.push({ kind: 'paragraph', tone: 'note', runs: [zh ? '尚未定义角色或功能。' : 'No roles or functions have been defined yet.'] });
  }

  const scopeOf = new Map(snapshot.grants.map((g) => [`${g.roleId}|${g.functionId}`, g.scope]));
  const conflictRoles = new Set(snapshot.conflicts.map((c) => c.roleId));
  const conflictCells = new Set(snapshot.conflicts.flatMap((c) => (c.grants ?? []).map((g) => `${g.roleId}|${g.functionId}`)));
  const modules = [...new Set(snapshot.functions.map((f) => f.module))].filter((m) => !inScope || inScope.has(m));
  const outside = inScope ? snapshot.functions.filter((f) => !inScope.has(f.module)) : [];
  const outsideGranted = new Set(snapshot.grants.filter((g) => outside.some((f) => f.id === g.functionId)).map((g) => g.functionId));
  if (outsideGranted.size) {
    const names = [...new Set(outside.filter((f) => outsideGranted.has(f.id)).map((f) => erpModuleLabel(f.module, locale)))];
    blocks.push({
      kind: 'paragraph',
      tone: 'warning',
      runs: [
        zh
          ? `有 ${outsideGranted.size} 项已授权的功能属于项目范围之外的模块（${names.join('、')}），未列入本矩阵：请撤销这些授权或扩大项目范围。`
          : `${outsideGranted.size} granted function(s) belong to modules outside the project scope (${names.join(', ')}) and are not listed: revoke the grants or extend the scope.`,
      ],
    });
  }
  for (const module of snapshot.roles.length ? modules : []) {
    const fns = snapshot.functions.filter((f) => f.module === module);
    const rows: TableCell[][] = fns.map((f) => [
      functionLabel(f, locale),
      ...snapshot.roles.map((r) => {
        const scope = scopeOf.get(`${r.id}|${f.id}`);
        if (!scope) return null;
        // Cells of an open SoD conflict are shown in bold red, as in the web grid.
        return conflictCells.has(`${r.id}|${f.id}`)
          ? [{ text: scopeLabel(scope, locale), bold: true, color: 'C00000' }]
          : scopeLabel(scope, locale);
      }),
    ]);
    blocks.push({
      kind: 'heading',
      level: 2,
      text: zh ? `${erpModuleLabel(module, locale)}模块` : `${erpModuleLabel(module, locale)} module`,
    });
    blocks.push({
      kind: 'table',
      columns: [
        { title: zh ? '功能（菜单·操作）' : 'Function (menu · action)', width: 3 },
        ...snapshot.roles.map((r) => ({
          title: conflictRoles.has(r.id) ? `${r.name} ⚠` : r.name,
          width: 1.2,
          align: 'center' as const,
        })),
      ],
      rows,
      caption: zh
        ? `${erpModuleLabel(module, locale)}模块权限矩阵（空白 = 无权限）`
        : `${erpModuleLabel(module, locale)} permission matrix (blank = no access)`,
    });
  }

  blocks.push({ kind: 'heading', level: 2, text: zh ? '职责分离（SoD）冲突' : 'Segregation-of-duties (SoD) conflicts' });
  const all = [...snapshot.conflicts.map((c) => ({ c, open: true })), ...mitigated.map((c) => ({ c, open: false }))];
  if (all.length === 0) {
    blocks.push({ kind: 'paragraph', tone: 'success', runs: [zh ? '未发现职责分离冲突。' : 'No segregation-of-duties conflicts found.'] });
    return blocks;
  }
  blocks.push({
    kind: 'paragraph',
    tone: snapshot.conflicts.length ? 'warning' : 'note',
    runs: [
      zh
        ? `未解决冲突 ${snapshot.conflicts.length} 项，已接受例外（有补偿控制）${mitigated.length} 项。`
        : `${snapshot.conflicts.length} open conflict(s); ${mitigated.length} accepted exception(s) with a compensating control.`,
    ],
  });
  const rows: TableCell[][] = all.map(({ c, open }) => [
    c.ruleCode,
    c.memberName ? `${c.memberName}（${c.roleName}）` : c.roleName,
    c.riskLevel ? (RISK_LABELS[locale][c.riskLevel] ?? c.riskLevel) : '',
    c.explanation,
    open
      ? [{ text: zh ? '未解决' : 'Open', bold: true, color: 'C00000' }]
      : zh
        ? `已接受例外：${c.compensatingControl ?? ''}（${c.approver ?? ''} ${c.approvedOn ?? ''}）`
        : `Accepted exception: ${c.compensatingControl ?? ''} (${c.approver ?? ''} ${c.approvedOn ?? ''})`,
  ]);
  blocks.push({
    kind: 'table',
    columns: [
      { title: zh ? '规则' : 'Rule', width: 1 },
      { title: zh ? '角色 / 人员' : 'Role / person', width: 1.5 },
      { title: zh ? '风险' : 'Risk', width: 0.7, align: 'center' },
      { title: zh ? '冲突说明' : 'Explanation', width: 5 },
      { title: zh ? '状态' : 'Status', width: 2 },
    ],
    rows,
    caption: zh ? '职责分离冲突清单' : 'SoD conflicts',
    highlightRows: all.flatMap(({ open }, i) => (open ? [i] : [])),
  });
  return blocks;
}
