import ExcelJS from 'exceljs';
import type { Db } from '../../db/connection';
import { styleXlsxHeader } from '../../shared/xlsx-style';
import { getProjectRow } from '../projects/project.service';
import { getProjectHealth } from './health.service';
import { listRisks } from './risk.service';
import type { RiskCategory, RiskLevel, RiskStatus } from './risk.schema';

const CATEGORY_ZH: Record<RiskCategory, string> = {
  executive_backing: '高层背书',
  change_management: '变革管理',
  customisation: '定制控制',
  data_quality: '数据质量',
  schedule: '进度',
  budget: '预算',
  technical: '技术',
  resource: '资源',
  other: '其他',
};
const STATUS_ZH: Record<RiskStatus, string> = { open: '未处理', mitigating: '应对中', accepted: '已接受', closed: '已关闭' };
const LEVEL_ZH: Record<RiskLevel, string> = { high: '高', medium: '中', low: '低' };
const SIGNAL_ZH: Record<string, string> = { ok: '正常', watch: '关注', warning: '预警', critical: '严重', no_data: '无数据' };

const LEVEL_FILL: Record<RiskLevel, string> = { high: 'FFFFCCC7', medium: 'FFFFF1B8', low: 'FFD9F7BE' };

/**
 * The risk workbook for a steering-committee meeting, with Chinese headers: the register (one row per
 * risk, high risks shaded) and today's early warnings.
 */
export async function exportRiskWorkbook(db: Db, projectId: string): Promise<{ fileName: string; content: Buffer }> {
  const project = await getProjectRow(db.kysely, projectId);
  const [risks, health] = await Promise.all([listRisks(db, projectId, 'zh-CN'), getProjectHealth(db, projectId, 'zh-CN')]);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'golive';
  workbook.created = new Date();

  const register = workbook.addWorksheet('风险登记册');
  register.columns = [
    { header: '编号', key: 'code', width: 8 },
    { header: '风险', key: 'title', width: 30 },
    { header: '类别', key: 'category', width: 10 },
    { header: '概率(1-5)', key: 'probability', width: 9 },
    { header: '影响(1-5)', key: 'impact', width: 9 },
    { header: '风险值', key: 'score', width: 8 },
    { header: '等级', key: 'level', width: 6 },
    { header: '状态', key: 'status', width: 8 },
    { header: '负责人', key: 'owner', width: 10 },
    { header: '应对措施', key: 'mitigation', width: 36 },
    { header: '应急预案', key: 'contingency', width: 30 },
    { header: '期限', key: 'due', width: 12 },
    { header: '逾期', key: 'overdue', width: 6 },
    { header: '来源预警', key: 'source', width: 26 },
    { header: '描述', key: 'description', width: 36 },
  ];
  for (const r of risks) {
    const row = register.addRow({
      code: r.code,
      title: r.title,
      category: CATEGORY_ZH[r.category],
      probability: r.probability,
      impact: r.impact,
      score: r.score,
      level: LEVEL_ZH[r.level],
      status: STATUS_ZH[r.status],
      owner: r.ownerName ?? '',
      mitigation: r.mitigation,
      contingency: r.contingency,
      due: r.dueDate ?? '',
      overdue: r.overdue ? '是' : '',
      source: r.sourceIndicatorTitle ?? '',
      description: r.description,
    });
    row.getCell('level').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: LEVEL_FILL[r.level] } };
    row.alignment = { vertical: 'top', wrapText: true };
  }
  styleXlsxHeader(register.getRow(1));
  register.views = [{ state: 'frozen', ySplit: 1 }];

  const warnings = workbook.addWorksheet('预警');
  warnings.columns = [
    { header: '维度', key: 'dimension', width: 12 },
    { header: '指标', key: 'indicator', width: 16 },
    { header: '状态', key: 'level', width: 8 },
    { header: '说明', key: 'message', width: 70 },
    { header: '已登记风险', key: 'risk', width: 10 },
  ];
  for (const d of health.dimensions) {
    for (const i of d.indicators) {
      warnings.addRow({ dimension: d.title, indicator: i.title, level: SIGNAL_ZH[i.level], message: i.message, risk: i.riskCode ?? '' });
    }
  }
  warnings.addRow({});
  warnings.addRow({
    dimension: '健康分',
    indicator: health.score ?? '—',
    level: SIGNAL_ZH[health.level],
    message: `评估日期 ${health.evaluatedOn}`,
  });
  styleXlsxHeader(warnings.getRow(1));
  warnings.getColumn('message').alignment = { wrapText: true, vertical: 'top' };

  return { fileName: `${project.name}-风险登记册.xlsx`, content: Buffer.from(await workbook.xlsx.writeBuffer()) };
}
