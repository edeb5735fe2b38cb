import type { FunctionAction } from './erp-permission-constants';
import type { FunctionMatcher, RiskLevel } from './sod-detection';

/**
 * The default 金昌 ERP function catalogue (finance and supply chain) and SoD rule library that a
 * project gets on first use of the permission matrix; both are editable afterwards.
 */

/** [module, menu, actions, description]: one catalogue line per menu. */
const CATALOGUE: [string, string, FunctionAction[], string][] = [
  ['finance', '会计科目', ['view', 'edit'], '科目表与辅助核算维护'],
  ['finance', '记账凭证', ['view', 'create', 'edit', 'approve', 'delete', 'export'], '凭证制单、审核（过账前）与查询'],
  ['finance', '期末结账', ['approve'], '月末结账与反结账'],
  ['finance', '付款单', ['view', 'create', 'approve', 'export'], '应付付款申请与审批'],
  ['finance', '收款单', ['view', 'create'], '应收收款登记'],
  ['finance', '银行对账', ['view', 'create'], '银行流水导入与余额调节表'],
  ['finance', '财务报表', ['view', 'export'], '资产负债表、利润表、现金流量表'],
  ['purchasing', '供应商档案', ['view', 'create', 'edit', 'delete'], '供应商主数据（含银行账户）'],
  ['purchasing', '采购价格', ['view', 'edit'], '物料采购价目表维护'],
  ['purchasing', '采购订单', ['view', 'create', 'edit', 'approve', 'export'], '采购订单录入与审批'],
  ['purchasing', '采购发票', ['view', 'create', 'approve'], '采购发票录入与三单匹配'],
  ['inventory', '物料档案', ['view', 'create', 'edit'], '物料主数据'],
  ['inventory', '采购入库', ['view', 'create'], '到货收货、入库单'],
  ['inventory', '销售出库', ['view', 'create'], '发货出库单'],
  ['inventory', '盘点单', ['view', 'create', 'approve'], '盘点录入与盘点差异审批'],
  ['sales', '客户档案', ['view', 'create', 'edit'], '客户主数据'],
  ['sales', '信用额度', ['view', 'edit'], '客户信用额度与账期'],
  ['sales', '销售订单', ['view', 'create', 'approve', 'export'], '销售订单录入与审批'],
  ['sales', '销售发票', ['view', 'create'], '销售开票'],
  ['hr', '工资表', ['view', 'create', 'approve'], '工资录入、计算与审批'],
];

export interface DefaultFunction {
  module: string;
  menu: string;
  action: FunctionAction;
  description: string;
}

/** The catalogue as one function per action, in display order. */
export const DEFAULT_FUNCTIONS: DefaultFunction[] = CATALOGUE.flatMap(([module, menu, actions, description]) =>
  actions.map((action) => ({ module, menu, action, description })),
);

export interface DefaultSodRule {
  code: string;
  name: string;
  sideA: FunctionMatcher[];
  sideB: FunctionMatcher[];
  riskLevel: RiskLevel;
  riskDescription: string;
}

const m = (module: string, menu: string, action: FunctionAction | '*'): FunctionMatcher => ({ module, menu, action });

/** The default SoD rule library (codes SOD-01…), written for Chinese finance and supply-chain practice. */
export const DEFAULT_SOD_RULES: DefaultSodRule[] = [
  {
    code: 'SOD-01',
    name: '供应商档案新建 vs 付款单审批',
    sideA: [m('purchasing', '供应商档案', 'create')],
    sideB: [m('finance', '付款单', 'approve')],
    riskLevel: 'high',
    riskDescription: '可虚构供应商并付款',
  },
  {
    code: 'SOD-02',
    name: '采购订单新建 vs 采购入库（收货）',
    sideA: [m('purchasing', '采购订单', 'create')],
    sideB: [m('inventory', '采购入库', 'create')],
    riskLevel: 'high',
    riskDescription: '可自行下单并确认收货，虚假采购难以发现',
  },
  {
    code: 'SOD-03',
    name: '记账凭证制单 vs 记账凭证审核/过账',
    sideA: [m('finance', '记账凭证', 'create')],
    sideB: [m('finance', '记账凭证', 'approve')],
    riskLevel: 'high',
    riskDescription: '制单人自审自核，错误或舞弊凭证直接入账',
  },
  {
    code: 'SOD-04',
    name: '客户档案/信用额度维护 vs 销售订单审批',
    sideA: [m('sales', '客户档案', 'create'), m('sales', '客户档案', 'edit'), m('sales', '信用额度', 'edit')],
    sideB: [m('sales', '销售订单', 'approve')],
    riskLevel: 'medium',
    riskDescription: '可放宽客户信用并自批订单，形成坏账风险',
  },
  {
    code: 'SOD-05',
    name: '付款单新建 vs 银行对账',
    sideA: [m('finance', '付款单', 'create')],
    sideB: [m('finance', '银行对账', 'create')],
    riskLevel: 'high',
    riskDescription: '可付款后在对账中掩盖差异',
  },
  {
    code: 'SOD-06',
    name: '物料价格维护 vs 采购订单审批',
    sideA: [m('purchasing', '采购价格', 'edit')],
    sideB: [m('purchasing', '采购订单', 'approve')],
    riskLevel: 'medium',
    riskDescription: '可抬高采购价格并自行批准订单',
  },
  {
    code: 'SOD-07',
    name: '盘点录入 vs 盘点差异审批',
    sideA: [m('inventory', '盘点单', 'create')],
    sideB: [m('inventory', '盘点单', 'approve')],
    riskLevel: 'medium',
    riskDescription: '盘点人自批差异，可掩盖库存短缺',
  },
  {
    code: 'SOD-08',
    name: '工资录入 vs 工资审批',
    sideA: [m('hr', '工资表', 'create')],
    sideB: [m('hr', '工资表', 'approve')],
    riskLevel: 'high',
    riskDescription: '可虚增工资或虚设人员并自行审批',
  },
  {
    code: 'SOD-09',
    name: '供应商档案维护 vs 付款单新建',
    sideA: [m('purchasing', '供应商档案', 'edit')],
    sideB: [m('finance', '付款单', 'create')],
    riskLevel: 'medium',
    riskDescription: '可修改供应商银行账户后发起付款',
  },
];
