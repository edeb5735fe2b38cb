import ExcelJS from 'exceljs';
import type { Db } from '../../db/connection';
import { styleXlsxHeader } from '../../shared/xlsx-style';
import { PHASE_LABELS_ZH, ROLE_LABELS_ZH, TIER_LABELS_ZH } from '../../shared/labels-zh';
import { getProjectRow } from '../projects/project.service';
import { listMembers } from './member.service';
import { getRaciMatrix } from './raci.service';

/** The team workbook: members and the RACI matrix, with Chinese headers, as XLSX bytes. */
export async function exportTeamWorkbook(db: Db, projectId: string): Promise<{ fileName: string; content: Buffer }> {
  const project = await getProjectRow(db.kysely, projectId);
  const [members, raci] = await Promise.all([listMembers(db, projectId), getRaciMatrix(db.kysely, projectId, 'zh-CN')]);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'golive';
  workbook.created = new Date();

  const sheet = workbook.addWorksheet('项目成员');
  sheet.columns = [
    { header: '姓名', key: 'name', width: 12 },
    { header: '部门', key: 'department', width: 14 },
    { header: '职务', key: 'title', width: 14 },
    { header: '电话', key: 'phone', width: 15 },
    { header: '邮箱', key: 'email', width: 24 },
    { header: '项目角色', key: 'role', width: 16 },
    { header: '组织层级', key: 'tier', width: 18 },
    { header: '所属单位', key: 'organization', width: 22 },
    { header: '投入比例（%）', key: 'allocation', width: 12 },
    { header: '登录账号', key: 'account', width: 24 },
  ];
  for (const m of members) {
    sheet.addRow({
      name: m.name,
      department: m.department,
      title: m.title,
      phone: m.phone,
      email: m.email,
      role: ROLE_LABELS_ZH[m.projectRole] ?? m.projectRole,
      tier: TIER_LABELS_ZH[m.tier] ?? m.tier,
      organization: m.organization,
      allocation: m.allocationPct,
      account: m.accountEmail ?? '',
    });
  }
  styleXlsxHeader(sheet.getRow(1));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];

  const matrix = workbook.addWorksheet('RACI责任矩阵');
  matrix.addRow(['阶段', '交付物', ...raci.members.map((m) => m.name)]);
  styleXlsxHeader(matrix.getRow(1));
  const letters = new Map(raci.assignments.map((a) => [`${a.deliverableId}:${a.memberId}`, a.letter]));
  for (const d of raci.deliverables) {
    matrix.addRow([PHASE_LABELS_ZH[d.phase] ?? d.phase, d.name, ...raci.members.map((m) => letters.get(`${d.id}:${m.id}`) ?? '')]);
  }
  matrix.getColumn(1).width = 8;
  matrix.getColumn(2).width = 28;
  for (let i = 3; i <= raci.members.length + 2; i++) {
    matrix.getColumn(i).width = 10;
    matrix.getColumn(i).alignment = { horizontal: 'center' };
  }
  matrix.views = [{ state: 'frozen', xSplit: 2, ySplit: 1 }];
  matrix.addRow([]);
  matrix.addRow(['说明', 'R＝执行（Responsible）；A＝负责（Accountable，每项恰好一人）；C＝咨询（Consulted）；I＝知会（Informed）']);

  const content = Buffer.from(await workbook.xlsx.writeBuffer());
  const safeName = project.name.replace(/[\\/:*?"<>|]/g, '_');
  return { fileName: `${safeName}-团队与RACI.xlsx`, content };
}
