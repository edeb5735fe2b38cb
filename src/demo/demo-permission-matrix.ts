import type { DbExecutor } from '../db/connection';
import { newId, nowIso } from '../shared/ids';
import { seedPermissionMatrixDefaults } from '../modules/erp-permissions/erp-permission-matrix.repository';
import type { DataScope, FunctionAction } from '../modules/erp-permissions/erp-permission-constants';

/** [menu, action, scope] grants of one demo role ('own' | 'department' | 'company'). */
type DemoGrant = [string, FunctionAction, DataScope];

interface DemoRole {
  name: string;
  department: string;
  description: string;
  /** Demo member keys (see MEMBERS in demo-project.ts) who will hold the role. */
  members: string[];
  grants: DemoGrant[];
}

const viewAll = (menus: string[], scope: DataScope): DemoGrant[] => menus.map((menu) => [menu, 'view', scope]);

/**
 * 陇原精工's designed ERP roles. Realistic grants that respect the default SoD library, except one
 * deliberate conflict to resolve in the demo: 采购员 holds 供应商档案·新建 and 付款单·审批 (SOD-01),
 * a leftover of the old system where buyers released supplier payments themselves.
 */
const ROLES: DemoRole[] = [
  {
    name: '会计',
    department: '财务部',
    description: '凭证制单、应付应收单据录入、工资录入',
    members: [],
    grants: [
      ...viewAll(['会计科目', '记账凭证', '付款单', '收款单', '采购发票', '供应商档案', '客户档案', '工资表'], 'department'),
      ['记账凭证', 'create', 'own'],
      ['记账凭证', 'edit', 'own'],
      ['付款单', 'create', 'department'],
      ['收款单', 'create', 'department'],
      ['采购发票', 'create', 'department'],
      ['工资表', 'create', 'department'],
    ],
  },
  {
    name: '总账会计',
    department: '财务部',
    description: '凭证审核与过账、期末结账、出具报表',
    members: ['fin'],
    grants: [
      ...viewAll(['会计科目', '记账凭证', '财务报表'], 'company'),
      ['会计科目', 'edit', 'company'],
      ['记账凭证', 'approve', 'company'],
      ['记账凭证', 'export', 'company'],
      ['期末结账', 'approve', 'company'],
      ['财务报表', 'export', 'company'],
    ],
  },
  {
    name: '出纳',
    department: '财务部',
    description: '收款登记、银行对账（不制付款单）',
    members: [],
    grants: [...viewAll(['付款单', '收款单', '银行对账'], 'company'), ['收款单', 'create', 'company'], ['银行对账', 'create', 'company']],
  },
  {
    name: '财务经理',
    department: '财务部',
    description: '付款审批、采购发票审批、盘点差异与工资审批',
    members: ['cfo'],
    grants: [
      ...viewAll(['记账凭证', '付款单', '采购发票', '财务报表', '盘点单', '工资表'], 'company'),
      ['付款单', 'approve', 'company'],
      ['付款单', 'export', 'company'],
      ['采购发票', 'approve', 'company'],
      ['财务报表', 'export', 'company'],
      ['盘点单', 'approve', 'company'],
      ['工资表', 'approve', 'company'],
    ],
  },
  {
    name: '采购员',
    department: '采购部',
    description: '供应商建档、采购订单录入',
    members: [],
    grants: [
      ...viewAll(['供应商档案', '采购价格', '采购订单', '物料档案'], 'department'),
      ['供应商档案', 'create', 'department'],
      ['供应商档案', 'edit', 'own'],
      ['采购订单', 'create', 'own'],
      ['采购订单', 'edit', 'own'],
      // The deliberate SoD conflict of the demo (SOD-01).
      ['付款单', 'view', 'own'],
      ['付款单', 'approve', 'own'],
    ],
  },
  {
    name: '采购经理',
    department: '采购部',
    description: '采购订单审批、采购报表',
    members: ['pur'],
    grants: [
      ...viewAll(['供应商档案', '采购价格', '采购订单', '采购发票'], 'company'),
      ['采购订单', 'approve', 'department'],
      ['采购订单', 'export', 'department'],
    ],
  },
  {
    name: '仓管员',
    department: '仓储物流部',
    description: '收货入库、发货出库、盘点录入',
    members: ['wh', 'eu'],
    grants: [
      ...viewAll(['物料档案', '采购订单', '采购入库', '销售出库', '盘点单'], 'department'),
      ['采购入库', 'create', 'department'],
      ['销售出库', 'create', 'department'],
      ['盘点单', 'create', 'department'],
    ],
  },
  {
    name: '销售员',
    department: '销售部',
    description: '客户建档、销售订单录入',
    members: [],
    grants: [
      ...viewAll(['客户档案', '信用额度', '销售订单', '销售发票'], 'own'),
      ['客户档案', 'create', 'own'],
      ['客户档案', 'edit', 'own'],
      ['销售订单', 'create', 'own'],
    ],
  },
  {
    name: '销售经理',
    department: '销售部',
    description: '销售订单审批、信用额度查看',
    members: ['sales'],
    grants: [
      ...viewAll(['客户档案', '信用额度', '销售订单', '销售发票'], 'department'),
      ['销售订单', 'approve', 'department'],
      ['销售订单', 'export', 'department'],
    ],
  },
  {
    name: '系统管理员',
    department: '信息中心',
    description: '物料主数据维护、系统参数（不授予业务审批）',
    members: ['it'],
    grants: [...viewAll(['物料档案', '会计科目'], 'company'), ['物料档案', 'create', 'company'], ['物料档案', 'edit', 'company']],
  },
];

/**
 * The demo project's permission matrix: the default catalogue and rule library, ten roles of
 * 陇原精工 with realistic grants and member assignments, and exactly one open SoD conflict.
 * @param memberIds demo member key (see MEMBERS in demo-project.ts) → project_member id
 */
export async function insertDemoPermissionMatrix(tx: DbExecutor, projectId: string, memberIds: ReadonlyMap<string, string>): Promise<void> {
  await seedPermissionMatrixDefaults(tx, projectId);
  const functions = await tx.selectFrom('erp_function').select(['id', 'menu', 'action']).where('project_id', '=', projectId).execute();
  const functionId = new Map(functions.map((f) => [`${f.menu}|${f.action}`, f.id]));
  const now = nowIso();
  for (const [index, role] of ROLES.entries()) {
    const roleId = newId();
    await tx
      .insertInto('erp_role')
      .values({
        id: roleId,
        project_id: projectId,
        name: role.name,
        department: role.department,
        description: role.description,
        assessment_role_id: null,
        sort: (index + 1) * 10,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const grants = new Map<string, DataScope>();
    for (const [menu, action, scope] of role.grants) {
      const id = functionId.get(`${menu}|${action}`);
      if (!id) throw new Error(`demo permission matrix: no function ${menu}·${action} in the default catalogue`);
      grants.set(id, scope);
    }
    await tx
      .insertInto('erp_role_grant')
      .values([...grants].map(([fid, scope]) => ({ project_id: projectId, role_id: roleId, function_id: fid, scope, updated_at: now })))
      .execute();
    const members = role.members.map((key) => memberIds.get(key)).filter((id): id is string => id !== undefined);
    if (members.length > 0) {
      await tx
        .insertInto('erp_role_member')
        .values(members.map((memberId) => ({ project_id: projectId, role_id: roleId, member_id: memberId, created_at: now })))
        .execute();
    }
  }
}
