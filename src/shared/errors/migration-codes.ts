import { defineErrorCodes } from './define-error-codes';

/** Error codes of the migration domain (see docs/ARCHITECTURE.md, "Errors"). Prefix new codes with MIGRATION_. */
export const MIGRATION_ERROR_CODES = defineErrorCodes({
  MIGRATION_OBJECT_CYCLE: {
    status: 409,
    message: {
      'zh-CN': '迁移对象的依赖成环：{path}',
      en: 'The dependencies of the migration objects form a cycle: {path}',
    },
  },
  MIGRATION_OBJECT_NAME_TAKEN: {
    status: 409,
    message: {
      'zh-CN': '本项目已有名为“{name}”的迁移对象',
      en: 'A migration object named "{name}" already exists in this project',
    },
  },
  MIGRATION_OBJECT_SELF_DEPENDENCY: {
    status: 400,
    message: {
      'zh-CN': '迁移对象“{name}”不能依赖自身',
      en: 'Migration object "{name}" cannot depend on itself',
    },
  },
  MIGRATION_OBJECT_UNKNOWN: {
    status: 400,
    message: {
      'zh-CN': '本项目中不存在迁移对象 {id}',
      en: 'Migration object {id} does not exist in this project',
    },
  },
  MIGRATION_DEPENDENCY_DUPLICATE: {
    status: 400,
    message: {
      'zh-CN': '依赖对象“{name}”重复列出',
      en: 'The dependency "{name}" is listed twice',
    },
  },
  MIGRATION_OBJECT_HAS_DEPENDENTS: {
    status: 409,
    message: {
      'zh-CN': '“{name}”仍被以下迁移对象依赖，无法删除：{dependents}',
      en: '"{name}" cannot be deleted: these migration objects depend on it: {dependents}',
    },
  },
  MIGRATION_SOURCE_UPLOAD_UNKNOWN: {
    status: 400,
    message: {
      'zh-CN': '本项目中不存在上传文件 {id}',
      en: 'Upload {id} does not exist in this project',
    },
  },
  MIGRATION_SOURCE_ASSET_UNKNOWN: {
    status: 400,
    message: {
      'zh-CN': '本项目中不存在数据资产 {id}',
      en: 'Data asset {id} does not exist in this project',
    },
  },
  MIGRATION_TARGET_CONNECTION_UNKNOWN: {
    status: 400,
    message: {
      'zh-CN': '本项目中不存在数据连接 {id}',
      en: 'Connection {id} does not exist in this project',
    },
  },
  MIGRATION_TARGET_CONNECTION_KIND: {
    status: 400,
    message: {
      'zh-CN': '数据连接“{name}”的类型是 {kind}，迁移目标只支持 PostgreSQL 或 SQLite',
      en: 'Connection "{name}" is a {kind} connection; migration targets PostgreSQL or SQLite',
    },
  },
  MIGRATION_TEMPLATE_COLUMN_DUPLICATE: {
    status: 400,
    message: {
      'zh-CN': '导入模板中的列“{column}”重复出现',
      en: 'Column "{column}" appears twice in the import template',
    },
  },
  MIGRATION_TEMPLATE_COLUMN_MISSING: {
    status: 400,
    message: {
      'zh-CN': '“{column}”不是导入模板中的列（模板列：{columns}）',
      en: '"{column}" is not a column of the import template (columns: {columns})',
    },
  },
  MIGRATION_MAPPING_TARGET_DUPLICATE: {
    status: 400,
    message: {
      'zh-CN': '目标列“{column}”被映射了两次',
      en: 'Target column "{column}" is mapped twice',
    },
  },
  MIGRATION_KEY_MAP_NOT_DEPENDENCY: {
    status: 400,
    message: {
      'zh-CN': '字段映射引用了“{dependency}”的键映射，因此“{name}”必须依赖“{dependency}”',
      en: 'The mapping looks up the key map of "{dependency}", so "{name}" must depend on "{dependency}"',
    },
  },
  MIGRATION_SUM_COLUMN_UNMAPPED: {
    status: 400,
    message: {
      'zh-CN': '合计列“{column}”不是已映射的目标列',
      en: 'Sum column "{column}" is not a mapped target column',
    },
  },
});
