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
});
