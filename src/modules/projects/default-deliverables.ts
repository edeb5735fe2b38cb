import type { Phase } from './project.schema';

/**
 * The method's deliverables per phase, seeded into every new project's RACI matrix. Names are the
 * method guide's own terms (zh-CN), since they are the documents the client signs.
 */
export const DEFAULT_DELIVERABLES: { phase: Phase; name: string }[] = [
  { phase: 'goals', name: '项目目标与KPI（SMART）' },
  { phase: 'goals', name: '投资回报（ROI）测算' },
  { phase: 'team', name: '项目组织架构与职责' },
  { phase: 'team', name: 'RACI 责任矩阵' },
  { phase: 'assessment', name: '现状分析报告' },
  { phase: 'assessment', name: '数据资产清单' },
  { phase: 'blueprint', name: '系统蓝图设计文档' },
  { phase: 'blueprint', name: '权限矩阵' },
  { phase: 'rollout', name: '试点方案与总结' },
  { phase: 'rollout', name: '测试报告' },
  { phase: 'training', name: '分角色培训计划' },
  { phase: 'training', name: '上岗考核记录' },
  { phase: 'cutover', name: '数据迁移方案' },
  { phase: 'cutover', name: '双轨运行对账报告' },
  { phase: 'cutover', name: '上线决策（Go/No-Go）' },
  { phase: 'operations', name: '月度复盘报告' },
  { phase: 'operations', name: '运维预算' },
  { phase: 'risks', name: '风险登记册' },
];
