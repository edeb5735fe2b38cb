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
      'zh-CN': '本项目中不存在迁移对象“{id}”',
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
      'zh-CN': '本项目中不存在上传文件“{id}”',
      en: 'Upload {id} does not exist in this project',
    },
  },
  MIGRATION_SOURCE_ASSET_UNKNOWN: {
    status: 400,
    message: {
      'zh-CN': '本项目中不存在数据资产“{id}”',
      en: 'Data asset {id} does not exist in this project',
    },
  },
  MIGRATION_TARGET_CONNECTION_UNKNOWN: {
    status: 400,
    message: {
      'zh-CN': '本项目中不存在数据连接“{id}”',
      en: 'Connection {id} does not exist in this project',
    },
  },
  MIGRATION_TARGET_CONNECTION_KIND: {
    status: 400,
    message: {
      'zh-CN': '数据连接“{name}”的类型是“{kind}”，迁移目标只支持 PostgreSQL 或 SQLite',
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
  MIGRATION_RUN_NO_OBJECTS: {
    status: 400,
    message: {
      'zh-CN': '项目还没有迁移对象',
      en: 'The project has no migration objects',
    },
  },
  MIGRATION_RUN_OBJECT_NOT_READY: {
    status: 400,
    message: {
      'zh-CN': '“{name}”无法迁移：{issues}',
      en: '"{name}" cannot run: {issues}',
    },
  },
  MIGRATION_RUN_DEPENDENCY_NOT_LOADED: {
    status: 400,
    message: {
      'zh-CN': '“{name}”无法迁移：所依赖的“{dependency}”既不在本次迁移中，也未在此前的正式迁移中加载',
      en: '"{name}" cannot run: it depends on "{dependency}", which is neither in this run nor loaded by an earlier real run',
    },
  },
  MIGRATION_RUN_NOTHING_READY: {
    status: 400,
    message: {
      'zh-CN': '没有可迁移的对象：请先配置数据源、迁移目标和字段映射',
      en: 'No migration object is ready to run: configure its source, target and mapping first',
    },
  },
  MIGRATION_RUN_IN_PROGRESS: {
    status: 409,
    message: {
      'zh-CN': '第 {number} 次迁移或其回滚仍在进行中，请等其结束后再回滚',
      en: 'Run {number} or a rollback of it is still in progress; wait for it to finish before rolling back',
    },
  },
  MIGRATION_ROLLBACK_CONFIRM_NAME: {
    status: 400,
    message: {
      'zh-CN': '请输入对象名称“{name}”以确认回滚',
      en: 'Type the object name "{name}" to confirm the rollback',
    },
  },
  MIGRATION_ROLLBACK_CONFIRM_NUMBER: {
    status: 400,
    message: {
      'zh-CN': '请输入迁移编号 {number} 以确认回滚',
      en: 'Type the run number {number} to confirm the rollback',
    },
  },
  MIGRATION_ROLLBACK_SIMULATION: {
    status: 409,
    message: {
      'zh-CN': '模拟迁移没有改变目标，无需回滚',
      en: 'A simulation changed nothing in the target: there is nothing to roll back',
    },
  },
  MIGRATION_ROLLBACK_NOTHING_LOADED: {
    status: 409,
    message: {
      'zh-CN': '没有可回滚的已加载批次',
      en: 'Nothing loaded is left to roll back',
    },
  },
  MIGRATION_ROLLBACK_DEPENDENTS_LOADED: {
    status: 409,
    message: {
      'zh-CN': '请先回滚依赖它的对象：{dependents}',
      en: 'Roll back the objects that depend on it first: {dependents}',
    },
  },
  MIGRATION_SOURCE_COLUMN_MISSING: {
    status: 400,
    message: {
      'zh-CN': '源数据“{source}”中没有列“{column}”（现有列：{columns}）',
      en: 'The source "{source}" has no column "{column}" (columns: {columns})',
    },
  },
  MIGRATION_TABLE_COLUMN_MISSING: {
    status: 400,
    message: {
      'zh-CN': '目标表“{table}”中没有列“{column}”（现有列：{columns}）',
      en: 'The target table "{table}" has no column "{column}" (columns: {columns})',
    },
  },
});
