import ExcelJS from 'exceljs';
import type { Db } from '../../db/connection';
import { styleXlsxHeader } from '../../shared/xlsx-style';
import { getProjectRow } from '../projects/project.service';
import { loadMatrixData } from './erp-permission-matrix.repository';
import { erpModuleLabel } from './erp-permission-matrix-snapshot';
import { actionLabel, detectSodConflicts, scopeLabel } from './sod-detection';

const CONFLICT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
const MITIGATED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFEB9C' } };
const SCOPE_FILL: Record<string, ExcelJS.Fill> = {
  own: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2EFDA' } },
  department: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } },
  company: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } },
};
const RISK_ZH: Record<string, string> = { high: '高', medium: '中', low: '低' };

/**
 * The permission-matrix workbook in the layout ERP administrators configure from (Chinese headers):
 * 权限矩阵 (functions grouped by module/menu × roles, cells 本人/本部门/全公司), 角色授权清单 (one row
 * per role-function-scope, the import format) and 职责分离冲突 (each conflict explained, with status).
 */
export async function exportPermissionMatrixWorkbook(db: Db, projectId: string): Promise<{ fileName: string; content: Buffer }> {
  const project = await getProjectRow(db.kysely, projectId);
  const data = await loadMatrixData(db.kysely, projectId);
  const conflicts = detectSodConflicts(data, data.rules, data.mitigations, 'zh-CN');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'golive';
  workbook.created = new Date();

  // Conflicting cells (open conflicts of roles) are shaded on sheet 1.
  const conflictCells = new Set<string>();
  for (const c of conflicts) {
    if (c.status !== 'open') continue;
    for (const g of [...c.sideA, ...c.sideB]) conflictCells.add(`${g.roleId}|${g.functionId}`);
  }

  const matrix = workbook.addWorksheet('权限矩阵');
  matrix.addRow(['模块', '菜单', '操作', '功能编码', ...data.roles.map((r) => (r.department ? `${r.name}\n（${r.department}）` : r.name))]);
  styleXlsxHeader(matrix.getRow(1));
  matrix.getRow(1).height = 32;
  const scopeOf = new Map(data.grants.map((g) => [`${g.roleId}|${g.functionId}`, g.scope]));
  // Functions grouped by module, then menu (first appearance order), as the ERP menu tree lists them.
  const modules = [...new Set(data.functions.map((f) => f.module))];
  const ordered = modules.flatMap((module) => {
    const inModule = data.functions.filter((f) => f.module === module);
    const menus = [...new Set(inModule.map((f) => f.menu))];
    return menus.flatMap((menu) => inModule.filter((f) => f.menu === menu));
  });
  const codeOf = new Map(ordered.map((f) => [f.id, `${f.module.toUpperCase()}.${f.menu}.${f.action}`]));
  let previous: { module: string; menu: string } | null = null;
  for (const f of ordered) {
    const row = matrix.addRow([
      previous?.module === f.module ? '' : erpModuleLabel(f.module, 'zh-CN'),
      previous?.module === f.module && previous.menu === f.menu ? '' : f.menu,
      actionLabel(f.action, 'zh-CN'),
      codeOf.get(f.id),
      ...data.roles.map((r) => {
        const scope = scopeOf.get(`${r.id}|${f.id}`);
        return scope ? scopeLabel(scope, 'zh-CN') : '';
      }),
    ]);
    data.roles.forEach((r, i) => {
      const key = `${r.id}|${f.id}`;
      const scope = scopeOf.get(key);
      const cell = row.getCell(5 + i);
      cell.alignment = { horizontal: 'center' };
      if (conflictCells.has(key)) cell.fill = CONFLICT_FILL;
      else if (scope) cell.fill = SCOPE_FILL[scope]!;
    });
    previous = f;
  }
  matrix.getColumn(1).width = 10;
  matrix.getColumn(2).width = 16;
  matrix.getColumn(3).width = 8;
  matrix.getColumn(4).width = 30;
  for (let i = 5; i < 5 + data.roles.length; i++) matrix.getColumn(i).width = 12;
  matrix.views = [{ state: 'frozen', xSplit: 4, ySplit: 1 }];
  matrix.addRow([]);
  matrix.addRow([
    '说明',
    '本人＝仅本人创建/负责的数据；本部门＝本部门数据；全公司＝全部数据；空白＝无权限；红色底纹＝存在未解决的职责分离冲突',
  ]);

  const list = workbook.addWorksheet('角色授权清单');
  list.columns = [
    { header: '角色名称', key: 'role', width: 14 },
    { header: '所属部门', key: 'department', width: 12 },
    { header: '模块', key: 'module', width: 10 },
    { header: '菜单', key: 'menu', width: 16 },
    { header: '操作', key: 'action', width: 8 },
    { header: '功能编码', key: 'code', width: 30 },
    { header: '数据范围', key: 'scope', width: 10 },
    { header: '数据范围编码', key: 'scopeCode', width: 14 },
  ];
  const functionOrder = new Map(ordered.map((f, i) => [f.id, i]));
  const functionById = new Map(data.functions.map((f) => [f.id, f]));
  for (const role of data.roles) {
    const grants = data.grants
      .filter((g) => g.roleId === role.id)
      .sort((a, b) => (functionOrder.get(a.functionId) ?? 0) - (functionOrder.get(b.functionId) ?? 0));
    for (const g of grants) {
      const f = functionById.get(g.functionId);
      if (!f) continue;
      list.addRow({
        role: role.name,
        department: role.department,
        module: erpModuleLabel(f.module, 'zh-CN'),
        menu: f.menu,
        action: actionLabel(f.action, 'zh-CN'),
        code: codeOf.get(f.id),
        scope: scopeLabel(g.scope, 'zh-CN'),
        scopeCode: g.scope.toUpperCase(),
      });
    }
  }
  styleXlsxHeader(list.getRow(1));
  list.views = [{ state: 'frozen', ySplit: 1 }];
  list.autoFilter = { from: 'A1', to: 'H1' };

  const sod = workbook.addWorksheet('职责分离冲突');
  sod.columns = [
    { header: '规则编码', key: 'code', width: 10 },
    { header: '规则名称', key: 'name', width: 28 },
    { header: '风险等级', key: 'risk', width: 8 },
    { header: '对象类型', key: 'kind', width: 8 },
    { header: '角色/人员', key: 'subject', width: 16 },
    { header: '冲突说明', key: 'explanation', width: 70 },
    { header: '状态', key: 'status', width: 12 },
    { header: '补偿控制', key: 'control', width: 36 },
    { header: '批准人', key: 'approver', width: 10 },
    { header: '批准日期', key: 'approvedOn', width: 12 },
  ];
  for (const c of conflicts) {
    const row = sod.addRow({
      code: c.ruleCode,
      name: c.ruleName,
      risk: RISK_ZH[c.riskLevel] ?? c.riskLevel,
      kind: c.subjectKind === 'person' ? '人员' : '角色',
      subject: c.subjectName,
      explanation: c.explanation,
      status: c.status === 'open' ? '未解决' : '已接受例外',
      control: c.mitigation?.compensatingControl ?? '',
      approver: c.mitigation?.approver ?? '',
      approvedOn: c.mitigation?.approvedOn ?? '',
    });
    row.alignment = { vertical: 'top', wrapText: true };
    row.eachCell((cell) => (cell.fill = c.status === 'open' ? CONFLICT_FILL : MITIGATED_FILL));
  }
  if (conflicts.length === 0) sod.addRow({ code: '', explanation: '未发现职责分离冲突' });
  styleXlsxHeader(sod.getRow(1));
  sod.views = [{ state: 'frozen', ySplit: 1 }];

  const content = Buffer.from(await workbook.xlsx.writeBuffer());
  const safeName = project.name.replace(/[\\/:*?"<>|]/g, '_');
  return { fileName: `${safeName}-权限矩阵.xlsx`, content };
}
