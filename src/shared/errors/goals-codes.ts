import { defineErrorCodes } from './define-error-codes';

/** Error codes of the goals domain (see docs/ARCHITECTURE.md, "Errors"). Prefix new codes with GOALS_. */
export const GOALS_ERROR_CODES = defineErrorCodes({
  GOALS_OWNER_NOT_MEMBER: {
    status: 400,
    message: {
      'zh-CN': '目标负责人须是本项目的成员：“{id}”不是',
      en: 'The goal owner must be a member of this project: "{id}" is not',
    },
  },
});
