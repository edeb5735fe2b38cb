import { defineErrorCodes } from './define-error-codes';

/** Error codes of the jobs domain (see docs/ARCHITECTURE.md, "Errors"). Prefix new codes with JOBS_. */
export const JOBS_ERROR_CODES = defineErrorCodes({
  JOB_NOT_CANCELLABLE: {
    status: 409,
    message: {
      'zh-CN': '任务已结束，无法取消（状态：{status}）',
      en: 'The job has finished and cannot be cancelled (status: {status})',
    },
  },
});
