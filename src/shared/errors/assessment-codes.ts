import { defineErrorCodes } from './define-error-codes';

/** Error codes of the assessment domain (see docs/ARCHITECTURE.md, "Errors"). Prefix new codes with ASSESSMENT_. */
export const ASSESSMENT_ERROR_CODES = defineErrorCodes({
  REPORT_SECTIONS_MISSING: {
    status: 409,
    message: {
      'zh-CN': '现状分析报告缺少以下内容：{sections}。请先补充调研，或确认后仍生成该版本（force: true）',
      en: 'The current-state report lacks: {sections}. Complete the assessment first, or confirm to create the version anyway (force: true)',
    },
  },
});
