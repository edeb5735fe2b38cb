import { defineErrorCodes } from './define-error-codes';

/**
 * Error codes of the migrate domain (see docs/ARCHITECTURE.md, "Errors"). Prefix new codes with MIGRATE_.
 * `{source}` and `{target}` are a source and a target database as the user wrote them (password masked);
 * `{table}` is a table of the target, `{columns}` a comma-separated list of column names.
 */
export const MIGRATE_ERROR_CODES = defineErrorCodes({
  MIGRATE_TARGET_INVALID: {
    status: 400,
    message: {
      'zh-CN': '“{target}”不是可写入的目标数据库：可用的写法有 {forms}',
      en: '"{target}" is not a target database: use {forms}',
    },
  },
  MIGRATE_TARGET_IS_QUERY: {
    status: 400,
    message: {
      'zh-CN': '目标“{target}”的“#”后面必须是表名，不能是查询语句',
      en: 'Target "{target}" must name a table after "#", not a query',
    },
  },
  MIGRATE_TARGET_TABLE_MISSING: {
    status: 400,
    message: {
      'zh-CN': '目标“{target}”没有指定表：请在“#”后写表名，例如 {example}',
      en: 'Target "{target}" names no table: write it after "#", e.g. {example}',
    },
  },
  MIGRATE_TARGET_FAILED: {
    status: 400,
    message: { 'zh-CN': '访问目标数据库“{target}”时出错：{reason}', en: 'Target "{target}": {reason}' },
  },
  MIGRATE_TABLE_MISSING: {
    status: 400,
    message: {
      'zh-CN': '目标数据库“{target}”中没有表“{table}”',
      en: 'Target "{target}": table "{table}" does not exist',
    },
  },
  MIGRATE_TABLE_NO_PRIMARY_KEY: {
    status: 400,
    message: {
      'zh-CN': '目标数据库“{target}”的表“{table}”没有主键：数据装载要靠主键跳过已有的行、按批次回滚',
      en: 'Target "{target}": table "{table}" has no primary key; golive load needs one to skip rows already present and to roll a batch back',
    },
  },
  MIGRATE_MAP_COLUMN_UNKNOWN: {
    status: 400,
    message: {
      'zh-CN': '列映射中的“{column}”不是数据源“{source}”的列（现有的列：{columns}）',
      en: 'Column mapping: "{column}" is not a column of source "{source}" (columns: {columns})',
    },
  },
  MIGRATE_COLUMNS_COLLIDE: {
    status: 400,
    message: {
      'zh-CN': '数据源“{source}”的列“{first}”和“{second}”都对应到了表“{table}”的列“{column}”',
      en: 'Source "{source}": columns "{first}" and "{second}" both go to column "{column}" of table "{table}"',
    },
  },
  MIGRATE_COLUMNS_UNMATCHED: {
    status: 400,
    message: {
      'zh-CN': '表“{table}”中没有与数据源“{source}”的列 {columns} 对应的列：请用 {flag} 源列=目标列 指定（目标表的列：{targetColumns}）',
      en: 'Table "{table}" has no column for source column(s) {columns} of "{source}"; name them with {flag} SOURCE=TARGET (target columns: {targetColumns})',
    },
  },
  MIGRATE_PRIMARY_KEY_UNFILLED: {
    status: 400,
    message: {
      'zh-CN': '数据源“{source}”没有为表“{table}”的主键列 {columns} 提供值',
      en: 'Source "{source}" has no value for primary key column(s) {columns} of table "{table}"',
    },
  },
  MIGRATE_REQUIRED_COLUMNS_UNFILLED: {
    status: 400,
    message: {
      'zh-CN': '表“{table}”的列 {columns} 不允许为空且没有默认值，但数据源“{source}”没有提供这些列',
      en: 'Table "{table}" requires column(s) {columns} (NOT NULL, no default) but source "{source}" has none',
    },
  },
  MIGRATE_COUNT_CHECK_FAILED: {
    status: 409,
    message: {
      'zh-CN':
        '表“{table}”的行数核对未通过，本次装载没有提交：源数据 {sourceRows} 行，写入 {written} 行，拒绝 {rejected} 行，装入 {loaded} 行，目标表增加 {grown} 行，记录的主键 {keys} 个',
      en:
        'Table "{table}": count check failed, nothing was committed: source rows {sourceRows}, written {written}, rejected {rejected}, ' +
        'loaded {loaded}, target grew by {grown}, keys recorded {keys}',
    },
  },
  MIGRATE_BATCH_ALREADY_ROLLED_BACK: {
    status: 409,
    message: {
      'zh-CN': '批次 {batch} 已于 {at} 回滚，没有可以再撤销的数据',
      en: 'Batch {batch} was already rolled back at {at}; there is nothing left to undo',
    },
  },
  MIGRATE_BATCH_SIMULATED: {
    status: 409,
    message: {
      'zh-CN': '批次 {batch} 是模拟装载，从未改动表“{table}”，无需回滚',
      en: 'Batch {batch} was a simulation (--simulate): it never changed table "{table}"',
    },
  },
  MIGRATE_PLAN_ALREADY_ROLLED_BACK: {
    status: 409,
    message: {
      'zh-CN': '迁移计划“{plan}”的最近一次运行（{run}）已经回滚',
      en: 'The last run of plan "{plan}" ({run}) was already rolled back',
    },
  },
});
