import { defineErrorCodes } from './define-error-codes';

/**
 * Error codes of the reconcile domain (see docs/ARCHITECTURE.md, "Errors"). Prefix new codes with RECONCILE_.
 * `{source}` is a source as the user wrote it (password masked), `{row}` a data row of it; `{field}`,
 * `{feature}` and `{flag}` name a spec field or a command-line option as written.
 */
export const RECONCILE_ERROR_CODES = defineErrorCodes({
  RECONCILE_LEFT_SOURCE_MISSING: {
    status: 400,
    message: {
      'zh-CN': '未指定旧系统（左侧）数据源：请用 {flag} 指定，或写在对账规则中',
      en: 'No left source given ({flag}, or left in the spec)',
    },
  },
  RECONCILE_RIGHT_SOURCE_MISSING: {
    status: 400,
    message: {
      'zh-CN': '未指定新系统（右侧）数据源：请用 {flag} 指定，或写在对账规则中',
      en: 'No right source given ({flag}, or right in the spec)',
    },
  },
  RECONCILE_KEY_MISSING: {
    status: 400,
    message: {
      'zh-CN': '未指定键列（用来把两边的行一一对应）：请用 {flag} 指定，或写在对账规则中',
      en: 'No key column given ({flag}, or key in the spec)',
    },
  },
  RECONCILE_SPEC_INVALID: {
    status: 400,
    message: { 'zh-CN': '对账规则“{spec}”有误：{problems}', en: 'Reconciliation spec "{spec}" is invalid: {problems}' },
  },
  RECONCILE_SPEC_NOT_YAML: {
    status: 400,
    message: {
      'zh-CN': '对账规则“{spec}”不是有效的 YAML（{reason}）',
      en: 'Reconciliation spec "{spec}" is not valid YAML ({reason})',
    },
  },
  RECONCILE_RULE_NUMERIC_AND_TIMESTAMP: {
    status: 400,
    message: {
      'zh-CN': '列“{column}”的比对规则既按数字又按时间比较：一列只能选其中一种',
      en: 'The rule of column "{column}" compares it both as a number and as a timestamp; a column is one or the other',
    },
  },
  RECONCILE_FILTER_NEEDS_ONE_VALUE: {
    status: 400,
    message: {
      'zh-CN': '{field} 中列“{column}”的筛选条件 {op} 需要恰好一个值',
      en: '{field}: filter {op} on column "{column}" needs exactly one value',
    },
  },
  RECONCILE_FILTER_NEEDS_VALUES: {
    status: 400,
    message: {
      'zh-CN': '{field} 中列“{column}”的筛选条件 {op} 需要至少一个值',
      en: '{field}: filter {op} on column "{column}" needs at least one value',
    },
  },
  RECONCILE_VALUE_NOT_NUMBER: {
    status: 422,
    message: {
      'zh-CN': '数据源“{source}”第 {row} 行“{column}”列的值“{value}”不是数字（最多 20 位整数、18 位小数），而该列的比对规则按数字比较',
      en: 'Source "{source}", row {row}, column "{column}": "{value}" is not a number (up to 20 integer and 18 decimal digits), but the column\'s rule compares it as one',
    },
  },
  RECONCILE_VALUE_NOT_TIMESTAMP: {
    status: 422,
    message: {
      'zh-CN': '数据源“{source}”第 {row} 行“{column}”列的值“{value}”不是日期时间，而该列的比对规则按时间比较',
      en: 'Source "{source}", row {row}, column "{column}": "{value}" is not a timestamp, but the column\'s rule compares it as one',
    },
  },
  RECONCILE_AGGREGATE_NOT_NUMBER: {
    status: 422,
    message: {
      'zh-CN': '数据源“{source}”第 {row} 行“{column}”列的值“{value}”不是数字，而汇总核对“{aggregate}”要对它求和',
      en: 'Source "{source}", row {row}, column "{column}": "{value}" is not a number, but aggregate "{aggregate}" sums it',
    },
  },
  RECONCILE_VALUE_MAP_COLUMNS: {
    status: 422,
    message: {
      'zh-CN': '列“{column}”的值映射文件“{file}”需要两列（旧编码、新编码），实际有 {count} 列',
      en: 'Value map "{file}" for column "{column}" needs two columns (old code, new code), found {count}',
    },
  },
  RECONCILE_VALUE_MAP_CONFLICT: {
    status: 422,
    message: {
      'zh-CN': '值映射文件“{file}”第 {row} 行“{column}”列：“{value}”同时映射为“{first}”和“{second}”',
      en: 'Value map "{file}", row {row}, column "{column}": "{value}" maps to both "{first}" and "{second}"',
    },
  },
  RECONCILE_DIFF_FILE_TYPE: {
    status: 400,
    message: {
      'zh-CN': '差异文件“{path}”的扩展名必须是 {extensions} 之一',
      en: 'Difference file "{path}" must end in one of {extensions}',
    },
  },
  RECONCILE_BISECT_UNSUPPORTED: {
    status: 400,
    message: {
      'zh-CN': '原地二分比对（{mode}）不支持对账规则中的 {feature}：请去掉它，或改用默认比对方式',
      en: 'mode {mode}: {feature} is not supported when comparing in place; drop it or use the default mode',
    },
  },
  RECONCILE_BISECT_NOT_DATABASE: {
    status: 400,
    message: {
      'zh-CN': '数据源“{source}”是 {kind} 文件：原地二分比对（{mode}）只能比对数据库表（PostgreSQL、MySQL 或 SQLite），请改用默认比对方式',
      en: 'Source "{source}": {mode} mode compares database tables (PostgreSQL, MySQL or SQLite) in place; for {kind} sources use the default mode',
    },
  },
  RECONCILE_BISECT_INEXACT_COLUMN: {
    status: 400,
    message: {
      'zh-CN':
        '数据源“{source}”的“{column}”列是 {type} 类型，原地二分比对（{mode}）在 MySQL 上无法精确计算它的校验和：请忽略这一列，或改用默认比对方式',
      en: 'Source "{source}": column "{column}" is {type}, which {mode} mode cannot checksum exactly on MySQL; ignore it or use the default mode',
    },
  },
});
