import type { DbExecutor } from '../db/connection';
import { newId, nowIso } from '../shared/ids';
import { buildBpmnFromSteps, parseBpmn, type StepInput } from '../modules/assessment/bpmn';
import type { BottleneckType } from '../modules/assessment/bottleneck-types';
import { buildProbeRow } from '../modules/assessment/environment.service';

interface DemoProcess {
  department: string;
  name: string;
  description: string;
  steps: StepInput[];
  /** Bottlenecks by step name. */
  bottlenecks: { step: string; type: BottleneckType; durationHours: number; volumePerMonth: number; note: string }[];
}

// The to-be processes of the blueprint: the paper approvals become ERP workflow, re-keying disappears.
const TO_BE_PROCESSES: Omit<DemoProcess, 'bottlenecks'>[] = [
  {
    department: '采购部',
    name: '采购申请到付款（目标流程）',
    description: '请购在 ERP 中提交并按金额走审批流，采购订单由请购单下推，到货扫码入库，系统自动三单匹配后付款。',
    steps: [
      { name: '在 ERP 中提交请购单', lane: '需求部门' },
      { name: '请购审批流（按金额分级）', lane: '需求部门', type: 'userTask' },
      { name: '询价比价', lane: '采购员' },
      { name: '请购单下推采购订单', lane: '采购员' },
      { name: '扫码收货入库', lane: '仓管员' },
      { name: '系统三单匹配', lane: '财务部' },
      { name: '付款审批与付款', lane: '财务部', type: 'userTask' },
    ],
  },
  {
    department: '仓储物流部',
    name: '物料入库（目标流程）',
    description: '按采购订单扫码收货，质检结果在系统中登记，入库单自动生成库存，无需再录台账。',
    steps: [{ name: '按采购订单扫码收货' }, { name: '来料质检登记' }, { name: '系统生成入库单' }, { name: '上架' }],
  },
  {
    department: '财务部',
    name: '月末结账（目标流程）',
    description: '业务单据实时生成凭证，往来自动核对，结账检查清单在系统中逐项完成，目标 3 个工作日。',
    steps: [
      { name: '业务单据自动生成凭证' },
      { name: '往来自动核对' },
      { name: '成本计算' },
      { name: '结账检查与关账' },
      { name: '出具报表' },
    ],
  },
];

// 陇原精工 (machinery manufacturer, Lanzhou): the as-is processes found in the 调研 interviews.
const PROCESSES: DemoProcess[] = [
  {
    department: '采购部',
    name: '采购申请到付款',
    description: '车间或部门提出请购，经纸质签批后由采购员询价下单，到货后财务三单匹配付款。',
    steps: [
      { name: '填写纸质请购单', lane: '需求部门' },
      { name: '部门经理签字审批', lane: '需求部门', type: 'userTask' },
      { name: '询价比价', lane: '采购员' },
      { name: '在 Excel 中登记采购订单', lane: '采购员' },
      { name: '到货核对', lane: '采购员' },
      { name: '发票三单匹配', lane: '财务部' },
      { name: '付款审批与付款', lane: '财务部', type: 'userTask' },
    ],
    bottlenecks: [
      {
        step: '部门经理签字审批',
        type: 'paper_approval',
        durationHours: 1.5,
        volumePerMonth: 180,
        note: '经理出差时请购单积压，平均等待 2 天',
      },
      {
        step: '在 Excel 中登记采购订单',
        type: 'rekeying',
        durationHours: 0.4,
        volumePerMonth: 320,
        note: '请购单内容重新录入 Excel，再抄送仓库',
      },
      { step: '发票三单匹配', type: 'rework', durationHours: 1, volumePerMonth: 60, note: '约两成发票与到货数量不符，需退回重开' },
    ],
  },
  {
    department: '仓储物流部',
    name: '物料入库',
    description: '供应商到货后仓库登记、质检，手工填写入库单并录入台账。',
    steps: [
      { name: '到货登记' },
      { name: '来料质检' },
      { name: '手工填写入库单', type: 'manualTask' },
      { name: '录入库存台账' },
      { name: '上架' },
    ],
    bottlenecks: [
      { step: '录入库存台账', type: 'rekeying', durationHours: 0.3, volumePerMonth: 450, note: '入库单与台账重复录入，月末差异约 3%' },
    ],
  },
  {
    department: '财务部',
    name: '月末结账',
    description: '每月初收集各部门单据完成上月结账，目前需 7 个工作日。',
    steps: [
      { name: '收集各部门单据' },
      { name: '核对往来账' },
      { name: '计提折旧与摊销' },
      { name: '成本核算' },
      { name: '出具财务报表' },
      { name: '财务总监审核', type: 'userTask' },
    ],
    bottlenecks: [
      {
        step: '核对往来账',
        type: 'information_silo',
        durationHours: 32,
        volumePerMonth: 1,
        note: '采购、销售数据分散在各部门 Excel，需逐一索取核对',
      },
      { step: '成本核算', type: 'waiting', durationHours: 24, volumePerMonth: 1, note: '等待车间报工与领料数据，常拖到第 5 天' },
    ],
  },
  {
    department: '销售部',
    name: '销售订单到收款',
    description: '客户下单后销售员电话确认库存，录入订单并纸质审批信用，发货开票后跟踪回款。',
    steps: [
      { name: '接收客户订单' },
      { name: '电话向仓库确认库存' },
      { name: '录入销售订单' },
      { name: '信用额度审批', type: 'userTask' },
      { name: '安排发货' },
      { name: '开具发票' },
      { name: '收款核销' },
    ],
    bottlenecks: [
      {
        step: '电话向仓库确认库存',
        type: 'information_silo',
        durationHours: 0.5,
        volumePerMonth: 260,
        note: '销售看不到实时库存，需电话或微信询问仓库',
      },
    ],
  },
  {
    department: '生产部',
    name: '生产领料',
    description: '车间按生产任务开具领料单，经车间主任签字后到仓库领料。',
    steps: [
      { name: '下达生产任务单' },
      { name: '开具领料单' },
      { name: '车间主任签字', type: 'userTask' },
      { name: '仓库发料' },
      { name: '超领补单' },
      { name: '生产报工' },
    ],
    bottlenecks: [{ step: '超领补单', type: 'rework', durationHours: 0.8, volumePerMonth: 90, note: '没有 BOM 控制，超领后补单、补签字' }],
  },
  {
    department: '生产部',
    name: '生产计划编制',
    description: '计划员每周汇总销售订单，在 Excel 中排产并检查物料齐套。',
    steps: [
      { name: '汇总销售订单' },
      { name: 'Excel 排产' },
      { name: '物料齐套检查' },
      { name: '下发周生产计划' },
      { name: '跟踪完工进度' },
    ],
    bottlenecks: [],
  },
];

const ROLES: { department: string; name: string; kind: string; headcount: number; mainTasks: string; systems: string[] }[] = [
  {
    department: '采购部',
    name: '采购员',
    kind: 'operator',
    headcount: 4,
    mainTasks: '询价比价、下采购订单、跟踪到货',
    systems: ['Excel', '微信'],
  },
  { department: '采购部', name: '采购经理', kind: 'reviewer', headcount: 1, mainTasks: '审批采购订单、供应商管理', systems: ['Excel'] },
  {
    department: '仓储物流部',
    name: '仓管员',
    kind: 'operator',
    headcount: 6,
    mainTasks: '收货、入库、发料、盘点',
    systems: ['Excel 库存台账'],
  },
  {
    department: '仓储物流部',
    name: '仓储主管',
    kind: 'reviewer',
    headcount: 1,
    mainTasks: '审核出入库单、盘点差异处理',
    systems: ['Excel 库存台账'],
  },
  {
    department: '财务部',
    name: '总账会计',
    kind: 'operator',
    headcount: 2,
    mainTasks: '凭证录入、月末结账、出具报表',
    systems: ['用友 T3', 'Excel'],
  },
  { department: '财务部', name: '出纳', kind: 'operator', headcount: 1, mainTasks: '收付款、银行对账', systems: ['网银', '用友 T3'] },
  { department: '财务部', name: '财务总监', kind: 'reviewer', headcount: 1, mainTasks: '审核报表与大额付款', systems: ['用友 T3'] },
  { department: '销售部', name: '销售员', kind: 'operator', headcount: 8, mainTasks: '接单、报价、跟踪回款', systems: ['Excel', '微信'] },
  {
    department: '销售部',
    name: '销售内勤',
    kind: 'operator',
    headcount: 2,
    mainTasks: '录入销售订单、开票申请',
    systems: ['Excel', '开票软件'],
  },
  { department: '生产部', name: '生产计划员', kind: 'operator', headcount: 2, mainTasks: '排产、物料齐套检查', systems: ['Excel'] },
  { department: '生产部', name: '车间主任', kind: 'reviewer', headcount: 3, mainTasks: '审批领料、安排班组生产', systems: [] },
  {
    department: '信息中心',
    name: '系统管理员',
    kind: 'administrator',
    headcount: 1,
    mainTasks: '服务器与网络运维、账号与权限管理',
    systems: ['用友 T3', 'Windows Server'],
  },
];

const SITES: { name: string; note: string; facts: Record<string, string> }[] = [
  {
    name: '兰州总部',
    note: '机房在总部三楼，ERP 应用服务器与数据库部署于此',
    facts: {
      app_cpu_cores: '16',
      app_memory_gb: '64',
      app_disk_free_gb: '800',
      server_os: 'Windows Server 2019',
      database: 'SQL Server 2019',
      browser: 'Chrome 118',
      bandwidth_mbps: '100',
      latency_ms: '8',
    },
  },
  {
    name: '白银工厂',
    note: '距总部约 70 公里，专线接入；本地有一台旧文件服务器',
    facts: {
      app_cpu_cores: '6',
      app_memory_gb: '16',
      app_disk_free_gb: '160',
      server_os: 'Windows Server 2012 R2',
      database: 'SQL Server 2016',
      browser: '360极速浏览器 12',
      bandwidth_mbps: '8',
      latency_ms: '65',
    },
  },
];

const CHROME = (v: string): string =>
  `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${v} Safari/537.36`;

const PROBES: { member: string; site: string; ua: string; screen: [number, number, number]; rtt: number[]; mbps: number; at: string }[] = [
  {
    member: 'fin',
    site: '兰州总部',
    ua: CHROME('120.0.6099.130'),
    screen: [1920, 1080, 1],
    rtt: [9, 11, 8, 10, 12, 9, 10, 30, 9, 10],
    mbps: 86.4,
    at: '2026-11-20T02:15:00.000Z',
  },
  {
    member: 'wh',
    site: '白银工厂',
    ua: `${CHROME('86.0.4240.198')} QIHU 360EE`,
    screen: [1366, 768, 1],
    rtt: [66, 70, 64, 71, 69, 140, 68, 67, 72, 66],
    mbps: 6.8,
    at: '2026-11-20T03:40:00.000Z',
  },
  {
    member: 'prod',
    site: '白银工厂',
    ua: `${CHROME('119.0.0.0')} Edg/119.0.2151.97`,
    screen: [1920, 1080, 1.25],
    rtt: [71, 75, 73, 70, 76, 74, 72, 73, 90, 71],
    mbps: 9.2,
    at: '2026-11-21T01:05:00.000Z',
  },
];

/**
 * The demo project's assessment content: six as-is processes with eight bottlenecks of every type,
 * twelve user roles, the default requirement profile with two sites (白银工厂 warns and fails) and
 * three probe results.
 * @param memberIds demo member key (see MEMBERS in demo-project.ts) → project_member id
 */
export async function insertDemoAssessment(tx: DbExecutor, projectId: string, memberIds: ReadonlyMap<string, string>): Promise<void> {
  const now = nowIso();
  for (const process of TO_BE_PROCESSES) {
    await tx
      .insertInto('process_map')
      .values({
        id: newId(),
        project_id: projectId,
        stage: 'to_be',
        department: process.department,
        name: process.name,
        description: process.description,
        bpmn_xml: buildBpmnFromSteps(process.name, process.steps),
        created_by: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
  for (const process of PROCESSES) {
    const xml = buildBpmnFromSteps(process.name, process.steps);
    const steps = parseBpmn(xml).steps;
    const id = newId();
    await tx
      .insertInto('process_map')
      .values({
        id,
        project_id: projectId,
        stage: 'as_is',
        department: process.department,
        name: process.name,
        description: process.description,
        bpmn_xml: xml,
        created_by: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    for (const b of process.bottlenecks) {
      const step = steps.find((s) => s.name === b.step);
      if (!step) throw new Error(`demo bottleneck step not found: ${b.step}`);
      await tx
        .insertInto('process_bottleneck')
        .values({
          id: newId(),
          project_id: projectId,
          process_id: id,
          element_id: step.elementId,
          step_name: step.name,
          type: b.type,
          duration_hours: b.durationHours,
          volume_per_month: b.volumePerMonth,
          note: b.note,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
  }

  for (const r of ROLES) {
    await tx
      .insertInto('assessment_role')
      .values({
        id: newId(),
        project_id: projectId,
        department: r.department,
        name: r.name,
        kind: r.kind,
        headcount: r.headcount,
        main_tasks: r.mainTasks,
        current_systems: JSON.stringify(r.systems),
        created_at: now,
        updated_at: now,
      })
      .execute();
  }

  for (const site of SITES) {
    const siteId = newId();
    await tx
      .insertInto('env_site')
      .values({ id: siteId, project_id: projectId, name: site.name, note: site.note, created_at: now, updated_at: now })
      .execute();
    await tx
      .insertInto('env_fact')
      .values(
        Object.entries(site.facts).map(([metric, value]) => ({
          id: newId(),
          project_id: projectId,
          site_id: siteId,
          metric,
          value,
          updated_at: now,
        })),
      )
      .execute();
  }

  for (const probe of PROBES) {
    const memberId = memberIds.get(probe.member) ?? null;
    const member = memberId
      ? await tx.selectFrom('project_member').select(['name', 'user_id']).where('id', '=', memberId).executeTakeFirst()
      : undefined;
    const row = buildProbeRow(
      projectId,
      { memberId, userId: member?.user_id ?? null, name: member?.name ?? probe.member },
      {
        userAgent: probe.ua,
        screenWidth: probe.screen[0],
        screenHeight: probe.screen[1],
        devicePixelRatio: probe.screen[2],
        rttSamplesMs: probe.rtt,
        downloadMbps: probe.mbps,
        siteName: probe.site,
      },
      probe.at,
    );
    await tx.insertInto('env_probe_result').values(row).execute();
  }
}
