import type { DbExecutor } from '../db/connection';
import type { RiskCategory, RiskStatus } from '../modules/risks/risk.schema';
import { newId, nowIso } from '../shared/ids';

interface DemoRisk {
  title: string;
  description: string;
  category: RiskCategory;
  probability: number;
  impact: number;
  owner: string | null;
  mitigation: string;
  contingency: string;
  dueDate: string | null;
  status: RiskStatus;
  sourceIndicator: string | null;
}

/**
 * 陇原精工's risk register: one high risk being mitigated, one overdue data risk, a technical risk
 * nobody owns yet, a change-management risk raised from the early warnings and an accepted schedule
 * risk. The early warnings of the demo come from the rest of the demo (production over the
 * customisation limit, dirty legacy files, stale stakeholder assessments).
 */
const RISKS: DemoRisk[] = [
  {
    title: '关键用户培训时间不足',
    description: '财务与仓储关键用户同时承担月末结账和盘点，试点前能投入培训的时间不足原计划的一半。',
    category: 'resource',
    probability: 4,
    impact: 4,
    owner: 'pm',
    mitigation: '培训排在每周二、四下午，避开月末结账周；录制操作视频供自学；考核合格方可开通正式账号。',
    contingency: '试点延后一周，由金昌顾问驻场带教。',
    dueDate: '2027-02-20',
    status: 'mitigating',
    sourceIndicator: null,
  },
  {
    title: '旧系统物料编码不统一',
    description: '同一物料在用友存货档案与仓库 Excel 台账中编码规则不同，约 12% 的物料无法一一对应。',
    category: 'data_quality',
    probability: 4,
    impact: 3,
    owner: 'it',
    mitigation: '按新编码规则建立对照表，由仓储物流部逐条确认；清洗后重新做质量分析。',
    contingency: '无法对应的物料在期初以“待确认”类别导入，上线后一个月内清理。',
    dueDate: '2026-11-15',
    status: 'open',
    sourceIndicator: null,
  },
  {
    title: '金昌 V9.1 补丁与二次开发接口冲突',
    description: '成本核算的定制报表依赖 V9.0 的内部视图，官方 V9.1 补丁调整了视图结构。',
    category: 'technical',
    probability: 2,
    impact: 5,
    owner: null,
    mitigation: '',
    contingency: '',
    dueDate: null,
    status: 'open',
    sourceIndicator: null,
  },
  {
    title: '销售部对订单流程变化准备不足',
    description: '销售订单审批由三级改为两级、信用检查前移，销售部尚未参加流程宣讲。',
    category: 'change_management',
    probability: 3,
    impact: 4,
    owner: 'sales',
    mitigation: '安排专场变革沟通会，由总经理说明调整原因，强调“人机协同”而非“替代人力”。',
    contingency: '',
    dueDate: '2027-02-10',
    status: 'open',
    sourceIndicator: 'change_management.stale_assessments',
  },
  {
    title: '上线窗口与年末结账重叠',
    description: '原计划 2027-01-01 上线，与年末结账和春节备货冲突。',
    category: 'schedule',
    probability: 3,
    impact: 5,
    owner: 'gm',
    mitigation: '领导小组决定上线日定为 2027-03-01，避开年末结账与春节。',
    contingency: '',
    dueDate: null,
    status: 'accepted',
    sourceIndicator: null,
  },
];

/** Writes the demo's risk register (R-001 … R-005). */
export async function insertDemoRisks(tx: DbExecutor, projectId: string, memberIds: ReadonlyMap<string, string>): Promise<void> {
  const now = nowIso();
  let number = 0;
  for (const r of RISKS) {
    number += 1;
    await tx
      .insertInto('risk')
      .values({
        id: newId(),
        project_id: projectId,
        code: `R-${String(number).padStart(3, '0')}`,
        title: r.title,
        description: r.description,
        category: r.category,
        probability: r.probability,
        impact: r.impact,
        owner_member_id: r.owner ? (memberIds.get(r.owner) ?? null) : null,
        mitigation: r.mitigation,
        contingency: r.contingency,
        due_date: r.dueDate,
        status: r.status,
        source_indicator: r.sourceIndicator,
        created_by: null,
        created_at: now,
        updated_at: now,
        closed_at: null,
      })
      .execute();
  }
}
