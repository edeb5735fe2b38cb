import { defineErrorCodes } from './define-error-codes';

/** Error codes of the data-assets domain (see docs/ARCHITECTURE.md, "Errors"). Prefix new codes with DATA_ASSETS_. */
export const DATA_ASSETS_ERROR_CODES = defineErrorCodes({
  DATA_ASSETS_NAME_TAKEN: {
    status: 409,
    message: {
      'zh-CN': '已有名为“{name}”的数据资产，请换一个名称',
      en: 'A data asset named "{name}" already exists; choose another name',
    },
  },
  DATA_ASSETS_CLEANED_NAME_TAKEN: {
    status: 409,
    message: {
      'zh-CN': '已有名为“{name}”的数据资产，但它不是由“{source}”清洗生成的；请先将它改名，再生成清洗结果',
      en: 'A data asset named "{name}" already exists and was not cleaned from "{source}"; rename it before producing the cleaned asset',
    },
  },
  DATA_ASSETS_QUERY_NOT_READ_ONLY: {
    status: 400,
    message: {
      // The SQL keywords are passed as a parameter: they are syntax, the same in every language.
      'zh-CN': '数据源只能是只读的 SQL 查询，须以“{keywords}”开头',
      en: 'The source must be a read-only SQL query starting with {keywords}',
    },
  },
  DATA_ASSETS_TABLE_IS_QUERY: {
    status: 400,
    message: {
      'zh-CN': '此处请填写表名（模式名.表名），而不是 SQL 查询',
      en: 'Give a table name (schema.table) here, not a query',
    },
  },
  DATA_ASSETS_REFERENCE_UNKNOWN: {
    status: 400,
    message: {
      'zh-CN': '引用的数据资产在本项目中不存在（ID：“{id}”）',
      en: 'The referenced data asset does not exist in this project (ID: "{id}")',
    },
  },
  DATA_ASSETS_NO_RULES: {
    status: 400,
    message: {
      'zh-CN': '该数据资产还没有校验规则，请先添加规则',
      en: 'The data asset has no rules yet; add rules first',
    },
  },
});
