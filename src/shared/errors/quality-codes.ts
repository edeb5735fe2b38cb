import { defineErrorCodes } from './define-error-codes';

/**
 * Error codes of the data quality engines (rule checks, cleansing, profiling; see docs/ARCHITECTURE.md,
 * "Errors"). Prefix new codes with QUALITY_. A column a rule names but the data lacks is SOURCES_COLUMN_MISSING.
 */
export const QUALITY_ERROR_CODES = defineErrorCodes({
  QUALITY_DATASET_UNKNOWN: {
    status: 400,
    message: {
      'zh-CN': '{field} 引用的参照数据集“{dataset}”不存在',
      en: '{field}: unknown dataset "{dataset}"',
    },
  },
  QUALITY_REGEX_UNSUPPORTED: {
    status: 400,
    message: {
      'zh-CN': '{field} 的正则表达式不受支持（校验使用 RE2 引擎，不支持前后断言等写法）：{reason}',
      en: '{field}: the regular expression is not supported by the RE2 engine (no lookarounds): {reason}',
    },
  },
});
