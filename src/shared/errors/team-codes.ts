import { defineErrorCodes } from './define-error-codes';

/** Error codes of the team domain (see docs/ARCHITECTURE.md, "Errors"). Prefix new codes with TEAM_. */
export const TEAM_ERROR_CODES = defineErrorCodes({
  MEMBER_USER_TAKEN: {
    status: 409,
    message: {
      'zh-CN': '该账号已是本项目成员：{email}',
      en: 'This account is already a member of the project: {email}',
    },
  },
  RACI_DUPLICATE_ACCOUNTABLE: {
    status: 409,
    message: {
      'zh-CN': '交付物“{deliverable}”已有负责人（A）：“{member}”。每个交付物只能有一个 A。',
      en: 'Deliverable "{deliverable}" already has an Accountable (A): {member}. Each deliverable has exactly one A.',
    },
  },
});
