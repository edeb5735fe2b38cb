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
  TEAM_ACCOUNT_EMAIL_UNKNOWN: {
    status: 400,
    message: {
      'zh-CN': '没有使用该电子邮件的登录账号：“{email}”',
      en: 'No sign-in account uses this e-mail address: "{email}"',
    },
  },
  TEAM_LAST_PROJECT_MANAGER: {
    status: 409,
    message: {
      'zh-CN': '项目必须至少保留一名有登录账号的项目经理',
      en: 'The project must keep at least one project manager with a sign-in account',
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
