import { createHash } from 'node:crypto';
import type { DbExecutor } from '../db/connection';
import type { RequirementTable } from '../db/schema-blueprint';
import { newId, nowIso } from '../shared/ids';
import { getProcessSnapshots, type ProcessSnapshot } from '../modules/assessment/process-snapshot';
import { DEMO_PROTOTYPE_PNGS } from './demo-prototype-images';
import { DEMO_PROTOTYPE_SOURCES } from './demo-prototype-svg';
import { probeImage } from '../modules/blueprint/image-probe';

/** A demo requirement: [module, department, title, priority, resolution, config kind or process-change note, effort, step keyword]. */
type DemoRequirement = [string, string, string, string, string, string, number, string];

// 陇原精工's fit-gap list: most needs are met by the standard package, configuration or a process
// change; three are custom development. Production is deliberately just over the 10 % share
// threshold (1 of 9) and inventory exactly at it (1 of 10), so the meter shows both cases.
const REQUIREMENTS: DemoRequirement[] = [
  // 财务 · 总账
  ['finance', '财务部', '多账簿核算（法人账与管理账）', 'must', 'standard', '', 1, '凭证'],
  ['finance', '财务部', '业务单据自动生成凭证', 'must', 'configuration', 'parameter', 3, '凭证'],
  ['finance', '财务部', '凭证摘要模板与常用摘要', 'should', 'configuration', 'custom_field', 1, '凭证'],
  ['finance', '财务部', '月末自动结转损益', 'must', 'standard', '', 0.5, '结账'],
  [
    'finance',
    '财务部',
    '结账检查清单与关账控制',
    'must',
    'process_change',
    '取消手工结账登记簿，改为系统结账检查清单，由会计主管逐项确认后关账',
    2,
    '结账',
  ],
  ['finance', '财务部', '现金流量表自动指定项目', 'should', 'configuration', 'parameter', 2, ''],
  ['finance', '财务部', '管理费用按部门分析报表', 'should', 'configuration', 'report', 2, ''],
  // 财务 · 应收应付
  ['finance', '财务部', '应收账龄分析', 'must', 'configuration', 'report', 1.5, '收款'],
  ['finance', '财务部', '客户对账单打印', 'should', 'configuration', 'print_template', 1, '对账'],
  [
    'finance',
    '财务部',
    '采购发票三单匹配',
    'must',
    'process_change',
    '入库单、采购订单、发票三单一致方可挂账，取消先挂账后补单的做法',
    2,
    '发票',
  ],
  ['finance', '财务部', '应付款到期提醒', 'should', 'configuration', 'workflow', 1, '付款'],
  ['finance', '财务部', '付款申请多级审批', 'must', 'configuration', 'workflow', 2, '付款'],
  ['finance', '财务部', '承兑汇票台账', 'should', 'standard', '', 0.5, ''],
  ['finance', '财务部', '特殊增值税发票打印（铸件分炉号开票）', 'must', 'custom_development', '', 12, '开票'],
  ['finance', '财务部', '往来款核销', 'must', 'standard', '', 0.5, ''],
  // 财务 · 成本核算
  ['finance', '财务部', '品种法与分步法成本计算', 'must', 'standard', '', 3, '成本'],
  ['finance', '财务部', '制造费用按工时分摊', 'must', 'configuration', 'parameter', 2, '成本'],
  [
    'finance',
    '财务部',
    '铸件废品损失归集',
    'should',
    'process_change',
    '废品由质检在系统中登记报废单，成本自动归集，不再月底手工汇总',
    1.5,
    '',
  ],
  ['finance', '财务部', '产品成本还原分析表', 'could', 'configuration', 'report', 2, ''],
  ['finance', '财务部', '标准成本差异分析', 'could', 'standard', '', 1, ''],
  // 财务 · 固定资产
  ['finance', '财务部', '固定资产卡片与折旧计提', 'must', 'standard', '', 1, ''],
  ['finance', '财务部', '资产卡片增加设备编号字段', 'should', 'configuration', 'custom_field', 0.5, ''],
  ['finance', '财务部', '资产调拨审批', 'should', 'configuration', 'workflow', 1, ''],
  ['finance', '财务部', '资产条码标签打印', 'could', 'configuration', 'print_template', 1, ''],
  ['finance', '财务部', '资产盘点移动端扫码', 'wont', 'standard', '', 0, ''],
  // 采购
  ['purchasing', '采购部', '请购单转采购订单', 'must', 'standard', '', 0.5, '请购'],
  ['purchasing', '采购部', '采购订单金额分级审批', 'must', 'configuration', 'workflow', 2, '审批'],
  [
    'purchasing',
    '采购部',
    '供应商准入与评分',
    'should',
    'process_change',
    '供应商准入改为采购、质检、财务三方会签，评分按季度在系统中录入',
    2,
    '',
  ],
  ['purchasing', '采购部', '询比价记录', 'must', 'standard', '', 1, '询价'],
  ['purchasing', '采购部', '采购合同模板打印', 'should', 'configuration', 'print_template', 1, ''],
  ['purchasing', '采购部', '采购到货预警', 'should', 'configuration', 'workflow', 1, ''],
  ['purchasing', '采购部', '生铁与废钢价格台账', 'could', 'configuration', 'custom_field', 1, ''],
  ['purchasing', '采购部', '采购执行情况报表', 'should', 'configuration', 'report', 1.5, ''],
  ['purchasing', '采购部', '委外加工订单', 'must', 'standard', '', 1.5, ''],
  // 库存
  [
    'inventory',
    '仓储物流部',
    '采购入库与质检联动',
    'must',
    'process_change',
    '来料先进待检库位，质检合格后系统自动转合格库位，取消纸质检验单流转',
    2,
    '入库',
  ],
  ['inventory', '仓储物流部', '库位管理', 'must', 'standard', '', 1, '入库'],
  ['inventory', '仓储物流部', '领料单按生产订单限额发料', 'must', 'configuration', 'parameter', 1.5, '领料'],
  ['inventory', '仓储物流部', '盘点差异审批', 'must', 'configuration', 'workflow', 1, '盘点'],
  ['inventory', '仓储物流部', '安全库存预警', 'should', 'configuration', 'parameter', 0.5, ''],
  ['inventory', '仓储物流部', '铸件批次追溯（炉号—批次—订单）', 'must', 'custom_development', '', 45, '入库'],
  ['inventory', '仓储物流部', '呆滞物料分析', 'should', 'configuration', 'report', 1, ''],
  ['inventory', '仓储物流部', '出库单打印', 'should', 'configuration', 'print_template', 0.5, ''],
  ['inventory', '仓储物流部', '调拨单', 'must', 'standard', '', 0.5, ''],
  ['inventory', '仓储物流部', '条码枪扫码出入库', 'could', 'standard', '', 2, ''],
  // 销售
  ['sales', '销售部', '销售报价与订单', 'must', 'standard', '', 1, '订单'],
  ['sales', '销售部', '客户信用额度控制', 'must', 'configuration', 'parameter', 1, '订单'],
  ['sales', '销售部', '销售订单评审（技术、生产会签）', 'must', 'configuration', 'workflow', 2, '评审'],
  ['sales', '销售部', '发货通知与物流单号', 'should', 'configuration', 'custom_field', 0.5, '发货'],
  ['sales', '销售部', '销售合同打印', 'should', 'configuration', 'print_template', 1, ''],
  ['sales', '销售部', '按区域销售分析', 'should', 'configuration', 'report', 1.5, ''],
  ['sales', '销售部', '退货与红字发票', 'must', 'standard', '', 1, ''],
  [
    'sales',
    '销售部',
    '订单交期承诺',
    'should',
    'process_change',
    '销售接单前先在系统查询产能与库存，由生产计划确认交期，取消口头承诺',
    1.5,
    '',
  ],
  ['sales', '销售部', '经销商门户', 'wont', 'custom_development', '', 0, ''],
  // 生产计划
  ['production', '生产部', '主生产计划（MPS）', 'must', 'standard', '', 2, '计划'],
  ['production', '生产部', '物料需求计划（MRP）', 'must', 'standard', '', 2, '计划'],
  ['production', '生产部', '生产订单下达与工序派工', 'must', 'configuration', 'parameter', 2, '派工'],
  ['production', '生产部', '工序报工', 'must', 'process_change', '班组长当班在系统报工，取消次日补录纸质报工单', 1.5, '报工'],
  ['production', '生产部', '焊接工序计件工资接口', 'must', 'custom_development', '', 35, '报工'],
  ['production', '生产部', '产能负荷分析', 'should', 'configuration', 'report', 1.5, ''],
  ['production', '生产部', '工艺路线与工作中心', 'must', 'standard', '', 1.5, ''],
  ['production', '生产部', '生产订单完工入库', 'must', 'standard', '', 0.5, '入库'],
  ['production', '生产部', '模具寿命登记', 'could', 'configuration', 'custom_field', 1, ''],
];

/** The custom developments' case for the steering committee, and its decision. */
const CUSTOM_DETAILS: Record<
  string,
  {
    gap: string;
    justification: string;
    impact: string;
    requester: string;
    decision: 'approved' | 'pending';
    decider?: string;
    comment?: string;
  }
> = {
  焊接工序计件工资接口: {
    gap: '标准计件工资只能按件数计价；焊接按焊缝长度、焊接等级和返修扣减计价，工作流与参数都无法表达这一算法，调整流程也无法取消计件制度（工会协议约定）',
    justification: '焊接质量与效率是陇原精工结构件的核心竞争力，计件激励直接支撑一次合格率目标',
    impact: '以独立接口程序实现，读取标准报工数据、写入工资模块的标准接口表，不修改标准表结构；每次升级前做接口回归测试（约 2 人天）',
    requester: 'vc2',
    decision: 'approved',
    decider: 'gm',
    comment: '同意。接口须预留升级适配层，由信息中心验收',
  },
  '铸件批次追溯（炉号—批次—订单）': {
    gap: '标准批次管理不支持“炉号—熔炼批次—铸件批次—销售订单”多级追溯；自定义字段只能记录炉号，无法反查整条链路',
    justification: '军工与核电客户要求铸件全程可追溯，是取得高端订单的资质条件',
    impact: '新增追溯关系表与查询界面，入库、领料单据增加扩展字段；大版本升级时需重新验证扩展字段映射（约 3 人天）',
    requester: 'vc2',
    decision: 'pending',
  },
  '特殊增值税发票打印（铸件分炉号开票）': {
    gap: '打印模板无法实现按炉号拆分明细并与税控盘接口对接；客户合同要求发票明细列示炉号，流程无法变更',
    justification: '主要客户的结算条件，影响回款周期',
    impact: '独立打印插件，调用标准开票接口；税控接口升级时需同步适配',
    requester: 'vc1',
    decision: 'approved',
    decider: 'cfo',
    comment: '同意，工作量控制在 12 人天以内',
  },
  经销商门户: {
    gap: '标准产品无经销商门户',
    justification: '二期再议',
    impact: '独立系统，本期不做',
    requester: 'vc1',
    decision: 'pending',
  },
};

function findStep(processes: ProcessSnapshot[], keyword: string): { processId: string; elementId: string; name: string } | undefined {
  if (!keyword) return undefined;
  for (const p of processes) {
    const step = p.steps.find((s) => s.name.includes(keyword));
    if (step) return { processId: p.id, elementId: step.elementId, name: step.name };
  }
  return undefined;
}

/**
 * The demo project's blueprint: ~60 fit-gap requirements of 陇原精工 across finance (总账, 应收应付,
 * 成本核算, 固定资产) and supply chain (采购, 库存, 销售, 生产计划), three custom developments (two
 * approved, one pending), thresholds at the method's defaults, and two UI prototypes. Requirements are
 * linked to the assessment demo's process steps when those exist (to-be first, then as-is).
 * @param memberIds demo member key (see MEMBERS in demo-project.ts) → project_member id
 */
export async function insertDemoBlueprint(tx: DbExecutor, projectId: string, memberIds: ReadonlyMap<string, string>): Promise<void> {
  const members = await tx.selectFrom('project_member').select(['id', 'name', 'user_id']).where('project_id', '=', projectId).execute();
  const memberOf = (key: string) => members.find((m) => m.id === memberIds.get(key));
  const processes = [...(await getProcessSnapshots(tx, projectId, 'to_be')), ...(await getProcessSnapshots(tx, projectId, 'as_is'))];
  const base = Date.parse('2026-11-10T02:00:00.000Z');
  const at = (minutes: number) => new Date(base + minutes * 60_000).toISOString();

  await tx
    .insertInto('blueprint_settings')
    .values({ project_id: projectId, max_custom_share: 0.1, max_custom_effort_days: 60, updated_at: nowIso() })
    .execute();

  for (const [index, [module, department, title, priority, resolution, kindOrNote, effort, keyword]] of REQUIREMENTS.entries()) {
    const link = findStep(processes, keyword);
    const custom = CUSTOM_DETAILS[title];
    const row: RequirementTable = {
      id: newId(),
      project_id: projectId,
      code: `REQ-${String(index + 1).padStart(3, '0')}`,
      title,
      description: '',
      module,
      department,
      process_map_id: link?.processId ?? null,
      process_element_id: link?.elementId ?? null,
      process_step_name: link?.name ?? '',
      priority,
      resolution,
      config_kind: resolution === 'configuration' ? kindOrNote : null,
      process_change_note: resolution === 'process_change' ? kindOrNote : '',
      gap_reason: custom?.gap ?? '',
      justification: custom?.justification ?? '',
      effort_days: effort,
      upgrade_impact: custom?.impact ?? '',
      status: priority === 'wont' ? 'deferred' : 'confirmed',
      created_by: null,
      created_at: at(index),
      updated_at: at(index),
    };
    await tx.insertInto('requirement').values(row).execute();

    if (custom && resolution === 'custom_development') {
      const requester = memberOf(custom.requester);
      const decider = custom.decider ? memberOf(custom.decider) : undefined;
      await tx
        .insertInto('requirement_approval')
        .values({
          id: newId(),
          project_id: projectId,
          requirement_id: row.id,
          status: custom.decision,
          requested_by: requester?.user_id ?? null,
          requested_by_name: requester?.name ?? '实施顾问',
          requested_at: at(index + 100),
          decided_by: decider?.user_id ?? null,
          decided_by_name: decider?.name ?? null,
          comment: custom.comment ?? '',
          decided_at: custom.decision === 'pending' ? null : at(index + 2000),
        })
        .execute();
    }

    const prototype = DEMO_PROTOTYPE_SOURCES[title];
    const pngBase64 = DEMO_PROTOTYPE_PNGS[title];
    const info = pngBase64 ? probeImage(Buffer.from(pngBase64, 'base64')) : undefined;
    if (prototype && pngBase64 && info) {
      const png = Buffer.from(pngBase64, 'base64');
      await tx
        .insertInto('requirement_prototype')
        .values({
          id: newId(),
          project_id: projectId,
          requirement_id: row.id,
          file_name: `${row.code}-原型.png`,
          mime: 'image/png',
          size: png.length,
          sha256: createHash('sha256').update(png).digest('hex'),
          width_px: info.widthPx,
          height_px: info.heightPx,
          caption: prototype.caption,
          content_base64: pngBase64,
          created_by: null,
          created_at: at(index + 50),
          deleted_at: null,
        })
        .execute();
    }
  }
}
