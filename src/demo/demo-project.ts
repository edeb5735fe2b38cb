import type { Db, DbExecutor } from '../db/connection';
import { newId, nowIso } from '../shared/ids';
import type { Actor } from '../modules/access/access.service';
import { recordAudit } from '../modules/audit/audit.service';
import { dataDirFor } from '../modules/jobs/job-runtime';
import { createProject } from '../modules/projects/project.service';
import { insertDemoAssessment } from './demo-assessment';
import { insertDemoBlueprint } from './demo-blueprint';
import { insertDemoDataAssets } from './demo-data-assets';
import { insertDemoGoLive } from './demo-go-live';
import { insertDemoHistory } from './demo-history';
import { insertDemoMigration } from './demo-migration';
import { insertDemoPermissionMatrix } from './demo-permission-matrix';
import { insertDemoRisks } from './demo-risks';

/**
 * The demo project: a Gansu machinery manufacturer implementing 金昌 ERP finance and supply
 * chain. Realistic enough to train on: a full team in the method's tiers, SMART goals with
 * monthly KPI history (plus one vague goal that fails the check on purpose), an ROI case, a
 * RACI matrix and a stakeholder map with one resisting department.
 */
export const DEMO_PROJECT_NAME = '陇原精工 金昌ERP 财务与供应链实施';

interface DemoMember {
  key: string;
  name: string;
  department: string;
  title: string;
  role: string;
  tier: string;
  organization: string;
  allocation: number;
  phone: string;
}

const CLIENT = '甘肃陇原精工机械有限公司';

const MEMBERS: DemoMember[] = [
  {
    key: 'gm',
    name: '张建国',
    department: '总经办',
    title: '总经理',
    role: 'sponsor',
    tier: 'steering',
    organization: CLIENT,
    allocation: 10,
    phone: '0931-8861001',
  },
  {
    key: 'cfo',
    name: '李文华',
    department: '财务部',
    title: '财务总监',
    role: 'sponsor',
    tier: 'steering',
    organization: CLIENT,
    allocation: 20,
    phone: '0931-8861002',
  },
  {
    key: 'pm',
    name: '王磊',
    department: '信息中心',
    title: '信息中心主任',
    role: 'project_manager',
    tier: 'pmo',
    organization: CLIENT,
    allocation: 100,
    phone: '138-9310-2001',
  },
  {
    key: 'fin',
    name: '赵敏',
    department: '财务部',
    title: '会计主管',
    role: 'business_expert',
    tier: 'expert',
    organization: CLIENT,
    allocation: 60,
    phone: '138-9310-2002',
  },
  {
    key: 'pur',
    name: '孙强',
    department: '采购部',
    title: '采购经理',
    role: 'business_expert',
    tier: 'expert',
    organization: CLIENT,
    allocation: 50,
    phone: '138-9310-2003',
  },
  {
    key: 'wh',
    name: '周丽',
    department: '仓储物流部',
    title: '仓储主管',
    role: 'business_expert',
    tier: 'expert',
    organization: CLIENT,
    allocation: 50,
    phone: '138-9310-2004',
  },
  {
    key: 'prod',
    name: '吴涛',
    department: '生产部',
    title: '生产计划员',
    role: 'business_expert',
    tier: 'expert',
    organization: CLIENT,
    allocation: 40,
    phone: '138-9310-2005',
  },
  {
    key: 'sales',
    name: '郑凯',
    department: '销售部',
    title: '销售经理',
    role: 'business_expert',
    tier: 'expert',
    organization: CLIENT,
    allocation: 40,
    phone: '138-9310-2006',
  },
  {
    key: 'it',
    name: '马俊',
    department: '信息中心',
    title: '系统管理员',
    role: 'it',
    tier: 'pmo',
    organization: CLIENT,
    allocation: 80,
    phone: '138-9310-2007',
  },
  {
    key: 'vc1',
    name: '陈晓',
    department: '实施交付部',
    title: '财务实施顾问',
    role: 'consultant',
    tier: 'consultant_vendor',
    organization: '金昌软件',
    allocation: 100,
    phone: '139-0931-3001',
  },
  {
    key: 'vc2',
    name: '刘洋',
    department: '实施交付部',
    title: '供应链实施顾问',
    role: 'consultant',
    tier: 'consultant_vendor',
    organization: '金昌软件',
    allocation: 100,
    phone: '139-0931-3002',
  },
  {
    key: 'pc',
    name: '何静',
    department: '咨询部',
    title: '数据迁移顾问',
    role: 'consultant',
    tier: 'consultant_partner',
    organization: '兰州智联信息咨询有限公司',
    allocation: 50,
    phone: '139-0931-3003',
  },
  {
    key: 'eu',
    name: '高峰',
    department: '仓储物流部',
    title: '仓管员',
    role: 'end_user',
    tier: 'member',
    organization: CLIENT,
    allocation: 10,
    phone: '138-9310-2008',
  },
];

interface DemoGoal {
  statement: string;
  kpiName: string | null;
  kpiUnit: string | null;
  baseline: number | null;
  target: number | null;
  direction: 'increase' | 'decrease';
  deadline: string | null;
  owner: string | null;
  module: string | null;
  history: [string, number][];
}

const GOALS: DemoGoal[] = [
  {
    statement: '6个月内将月末结账周期从7天缩短到3天',
    kpiName: '月末结账天数',
    kpiUnit: '天',
    baseline: 7,
    target: 3,
    direction: 'decrease',
    deadline: '2027-03-31',
    owner: 'fin',
    module: 'finance',
    history: [
      ['2026-09-30', 7],
      ['2026-10-31', 6.5],
      ['2026-11-27', 5.5],
    ],
  },
  {
    statement: '上线后销售订单处理时间缩短50%（24小时降至12小时）',
    kpiName: '订单平均处理时长',
    kpiUnit: '小时',
    baseline: 24,
    target: 12,
    direction: 'decrease',
    deadline: '2027-04-30',
    owner: 'sales',
    module: 'sales',
    history: [
      ['2026-09-30', 24],
      ['2026-10-31', 22],
      ['2026-11-27', 20.5],
    ],
  },
  {
    statement: '库存账实相符率由85%提升至98%',
    kpiName: '库存准确率',
    kpiUnit: '%',
    baseline: 85,
    target: 98,
    direction: 'increase',
    deadline: '2027-05-31',
    owner: 'wh',
    module: 'inventory',
    history: [
      ['2026-09-30', 85],
      ['2026-10-31', 87],
      ['2026-11-27', 90],
    ],
  },
  {
    statement: '采购订单审批周期从3天缩短到1天',
    kpiName: '采购审批周期',
    kpiUnit: '天',
    baseline: 3,
    target: 1,
    direction: 'decrease',
    deadline: '2027-03-31',
    owner: 'pur',
    module: 'purchasing',
    history: [
      ['2026-10-31', 3],
      ['2026-11-27', 2.5],
    ],
  },
  {
    // Deliberately not SMART: the demo shows what the check explains.
    statement: '提升员工对新系统的满意度',
    kpiName: null,
    kpiUnit: null,
    baseline: null,
    target: null,
    direction: 'increase',
    deadline: null,
    owner: null,
    module: null,
    history: [],
  },
];

const ROI_ITEMS: { kind: string; label: string; amount: number }[] = [
  { kind: 'one_off_cost', label: '金昌ERP软件许可', amount: 1_200_000 },
  { kind: 'one_off_cost', label: '实施服务费', amount: 800_000 },
  { kind: 'one_off_cost', label: '服务器与网络改造', amount: 300_000 },
  { kind: 'recurring_cost', label: '年度软件维护费', amount: 240_000 },
  { kind: 'recurring_cost', label: '内部运维人员', amount: 150_000 },
  { kind: 'benefit', label: '库存资金占用下降（按资金成本）', amount: 900_000 },
  { kind: 'benefit', label: '结账与对账人工节省', amount: 300_000 },
  { kind: 'benefit', label: '采购集中比价降本', amount: 600_000 },
];

// deliverable index (DEFAULT_DELIVERABLES order) → assignments
const RACI: [number, [string, string][]][] = [
  [
    0,
    [
      ['gm', 'A'],
      ['pm', 'R'],
      ['vc1', 'C'],
      ['fin', 'C'],
      ['sales', 'I'],
    ],
  ],
  [
    1,
    [
      ['cfo', 'A'],
      ['pm', 'R'],
      ['fin', 'C'],
      ['gm', 'I'],
    ],
  ],
  [
    2,
    [
      ['gm', 'A'],
      ['pm', 'R'],
      ['vc1', 'C'],
    ],
  ],
  [
    3,
    [
      ['pm', 'A'],
      ['vc1', 'R'],
      ['fin', 'C'],
      ['pur', 'C'],
    ],
  ],
  [
    4,
    [
      ['pm', 'A'],
      ['vc1', 'R'],
      ['vc2', 'R'],
      ['fin', 'C'],
      ['pur', 'C'],
      ['wh', 'C'],
      ['prod', 'C'],
    ],
  ],
  [
    5,
    [
      ['pm', 'A'],
      ['pc', 'R'],
      ['it', 'R'],
      ['fin', 'C'],
    ],
  ],
  [
    6,
    [
      ['pm', 'A'],
      ['vc1', 'R'],
      ['vc2', 'R'],
      ['fin', 'C'],
      ['pur', 'C'],
      ['gm', 'I'],
    ],
  ],
  [
    7,
    [
      ['it', 'A'],
      ['vc1', 'R'],
      ['cfo', 'C'],
    ],
  ],
  [
    8,
    [
      ['pm', 'A'],
      ['vc2', 'R'],
      ['wh', 'R'],
    ],
  ],
  [
    12,
    [
      ['it', 'A'],
      ['pc', 'R'],
      ['fin', 'C'],
      ['wh', 'C'],
    ],
  ],
  [
    14,
    [
      ['gm', 'A'],
      ['pm', 'R'],
      ['cfo', 'C'],
    ],
  ],
];

const STAKEHOLDERS: {
  name: string;
  organization: string;
  member: string | null;
  influence: number;
  note: string;
  history: [string, number, string][];
}[] = [
  {
    name: '张建国',
    organization: CLIENT,
    member: 'gm',
    influence: 5,
    note: '项目发起人，每月听取汇报',
    history: [['2026-09-05', 5, '启动会亲自动员']],
  },
  {
    name: '李文华',
    organization: CLIENT,
    member: 'cfo',
    influence: 4,
    note: '关注结账效率与成本核算',
    history: [
      ['2026-09-05', 4, ''],
      ['2026-11-10', 5, '看到结账提速后更加支持'],
    ],
  },
  {
    name: '刘国庆（生产部经理）',
    organization: CLIENT,
    member: null,
    influence: 4,
    note: '担心系统增加车间录入工作量',
    history: [
      ['2026-09-05', 2, '对报工录入有抵触'],
      ['2026-10-20', 2, '试点前需专项沟通'],
      ['2026-11-18', 3, '看到移动端报工演示后态度缓和'],
    ],
  },
  {
    name: '周丽',
    organization: CLIENT,
    member: 'wh',
    influence: 3,
    note: '仓储条码化的关键用户',
    history: [
      ['2026-09-05', 3, ''],
      ['2026-11-01', 4, '参加了条码培训'],
    ],
  },
  { name: '郑凯', organization: CLIENT, member: 'sales', influence: 4, note: '销售订单流程变化最大', history: [['2026-09-05', 3, '']] },
];

async function insertDemoContent(tx: DbExecutor, projectId: string, dataDir: string): Promise<Map<string, string>> {
  const now = nowIso();
  const memberIds = new Map<string, string>();
  for (const m of MEMBERS) {
    const id = newId();
    memberIds.set(m.key, id);
    await tx
      .insertInto('project_member')
      .values({
        id,
        project_id: projectId,
        user_id: null,
        name: m.name,
        department: m.department,
        title: m.title,
        phone: m.phone,
        email: '',
        project_role: m.role,
        tier: m.tier,
        organization: m.organization,
        allocation_pct: m.allocation,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }

  for (const g of GOALS) {
    const goalId = newId();
    await tx
      .insertInto('goal')
      .values({
        id: goalId,
        project_id: projectId,
        statement: g.statement,
        kpi_name: g.kpiName,
        kpi_unit: g.kpiUnit,
        baseline: g.baseline,
        target: g.target,
        direction: g.direction,
        deadline: g.deadline,
        owner_member_id: g.owner ? (memberIds.get(g.owner) ?? null) : null,
        module: g.module,
        created_at: now,
        updated_at: now,
      })
      .execute();
    for (const [measuredOn, value] of g.history) {
      await tx
        .insertInto('kpi_measurement')
        .values({ id: newId(), project_id: projectId, goal_id: goalId, measured_on: measuredOn, value, note: '', created_at: now })
        .execute();
    }
  }
  for (const item of ROI_ITEMS) {
    await tx
      .insertInto('roi_item')
      .values({ id: newId(), project_id: projectId, ...item, created_at: now })
      .execute();
  }
  const deliverables = await tx.selectFrom('deliverable').select('id').where('project_id', '=', projectId).orderBy('sort').execute();
  for (const [index, cells] of RACI) {
    const deliverable = deliverables[index];
    if (!deliverable) continue;
    for (const [memberKey, letter] of cells) {
      await tx
        .insertInto('raci_assignment')
        .values({ project_id: projectId, deliverable_id: deliverable.id, member_id: memberIds.get(memberKey)!, letter })
        .execute();
    }
  }
  for (const s of STAKEHOLDERS) {
    const id = newId();
    await tx
      .insertInto('stakeholder')
      .values({
        id,
        project_id: projectId,
        member_id: s.member ? (memberIds.get(s.member) ?? null) : null,
        name: s.name,
        organization: s.organization,
        influence: s.influence,
        note: s.note,
        created_at: now,
      })
      .execute();
    for (const [assessedOn, support, note] of s.history) {
      await tx
        .insertInto('stakeholder_assessment')
        .values({ id: newId(), project_id: projectId, stakeholder_id: id, assessed_on: assessedOn, support, note, created_at: now })
        .execute();
    }
  }
  // Assessment first: the blueprint links requirements to its process steps.
  await insertDemoAssessment(tx, projectId, memberIds);
  await insertDemoBlueprint(tx, projectId, memberIds);
  await insertDemoPermissionMatrix(tx, projectId, memberIds);
  await insertDemoDataAssets(tx, projectId, memberIds, dataDir);
  await insertDemoMigration(tx, projectId, memberIds, dataDir);
  await insertDemoRisks(tx, projectId, memberIds);
  await insertDemoGoLive(tx, projectId, memberIds);
  return memberIds;
}

/**
 * Loads the demo project (replacing an existing one), owned by `owner`. Returns its id. Its files
 * (legacy data, the staging database, the dual-run extracts) go to the data directory bound to `db`
 * (see job-runtime.ts). The content is written in one transaction that also deletes the previous
 * demo project, so a reload replaces it; the history (versions, migration and reconciliation runs)
 * is then made by the modules' services and jobs, and if that fails the new demo project is
 * deleted again, so a failed load never leaves half a demo.
 */
export async function loadDemoProject(db: Db, owner: Actor): Promise<string> {
  const dataDir = dataDirFor(db);
  const { projectId, memberIds } = await db.kysely.transaction().execute(async (tx) => {
    const existing = await tx.selectFrom('project').select('id').where('is_demo', '=', 1).execute();
    for (const p of existing) {
      await tx.deleteFrom('project').where('id', '=', p.id).execute();
      await recordAudit(tx, owner, { projectId: p.id, entity: 'project', entityId: p.id, action: 'delete' });
    }
    const project = await createProject(
      db,
      owner,
      {
        name: DEMO_PROJECT_NAME,
        clientName: CLIENT,
        erpProduct: '金昌 ERP',
        erpVersion: 'V9.0',
        modulesInScope: ['finance', 'purchasing', 'inventory', 'sales', 'production'],
        startDate: '2026-09-01',
        plannedGoLive: '2027-03-01',
        timeZone: 'Asia/Shanghai',
        description:
          '甘肃陇原精工机械有限公司（兰州，员工约 680 人）实施金昌 ERP 财务与供应链模块：总账、应收应付、成本核算、采购、库存、销售与生产计划。先在财务部和仓储物流部试点，再分批推广。',
      },
      { isDemo: true, executor: tx },
    );
    return { projectId: project.id, memberIds: await insertDemoContent(tx, project.id, dataDir) };
  });
  try {
    await insertDemoHistory(db, owner, projectId, memberIds, dataDir);
  } catch (error) {
    await db.kysely.deleteFrom('project').where('id', '=', projectId).execute();
    throw error;
  }
  return projectId;
}
