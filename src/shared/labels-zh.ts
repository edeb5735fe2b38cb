/**
 * Chinese labels for codes that appear in server-generated documents (Excel, DOCX). The web app
 * has its own i18n files; documents are produced server-side, so they need these here.
 */
export const ROLE_LABELS_ZH: Record<string, string> = {
  sponsor: '项目发起人（高层）',
  project_manager: '项目经理',
  consultant: '实施顾问',
  business_expert: '业务专家',
  it: 'IT 人员',
  end_user: '最终用户',
  viewer: '只读访客',
};

export const TIER_LABELS_ZH: Record<string, string> = {
  steering: '领导小组',
  pmo: '项目管理办公室',
  expert: '业务专家组',
  consultant_vendor: '外部顾问（厂商）',
  consultant_partner: '外部顾问（实施伙伴）',
  member: '项目成员',
};

export const PHASE_LABELS_ZH: Record<string, string> = {
  goals: '目标',
  team: '团队',
  assessment: '调研',
  blueprint: '蓝图',
  rollout: '实施',
  training: '培训',
  cutover: '上线',
  operations: '运维',
  risks: '风险预警',
};
