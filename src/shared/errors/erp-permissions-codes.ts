import { defineErrorCodes } from './define-error-codes';

/** Error codes of the erp-permissions domain (see docs/ARCHITECTURE.md, "Errors"). Prefix new codes with ERP_PERMISSIONS_. */
export const ERP_PERMISSIONS_ERROR_CODES = defineErrorCodes({
  ERP_PERMISSIONS_ROLE_NAME_TAKEN: {
    status: 409,
    message: {
      'zh-CN': '已有名为“{name}”的 ERP 角色，请换一个名称',
      en: 'An ERP role named "{name}" already exists; choose another name',
    },
  },
  ERP_PERMISSIONS_ASSESSMENT_ROLE_UNKNOWN: {
    status: 400,
    message: {
      'zh-CN': '本项目中找不到所选的用户角色（ID：“{id}”）',
      en: 'The selected user role does not exist in this project (ID: "{id}")',
    },
  },
  ERP_PERMISSIONS_FUNCTION_UNKNOWN: {
    status: 400,
    message: {
      'zh-CN': '本项目中找不到该 ERP 功能（ID：“{id}”）',
      en: 'The ERP function does not exist in this project (ID: "{id}")',
    },
  },
  ERP_PERMISSIONS_GRANT_FUNCTION_TWICE: {
    status: 400,
    message: {
      'zh-CN': '同一 ERP 功能在权限中出现了两次（ID：“{id}”），每个功能只能授权一次',
      en: 'The same ERP function is listed twice in the grants (ID: "{id}"); grant each function once',
    },
  },
  ERP_PERMISSIONS_MEMBER_UNKNOWN: {
    status: 400,
    message: {
      'zh-CN': '本项目中找不到该成员（ID：“{id}”）',
      en: 'The member does not exist in this project (ID: "{id}")',
    },
  },
  ERP_PERMISSIONS_FUNCTION_TAKEN: {
    status: 409,
    message: {
      'zh-CN': '该模块中已有菜单“{menu}”的同一操作，不能重复添加 ERP 功能',
      en: 'This module already has the same action on the menu "{menu}"; the ERP function cannot be added twice',
    },
  },
  ERP_PERMISSIONS_SOD_RULE_CODE_TAKEN: {
    status: 409,
    message: {
      'zh-CN': '职责分离（SoD）规则编号“{code}”已存在，请换一个编号',
      en: 'The SoD rule code "{code}" already exists; choose another code',
    },
  },
  ERP_PERMISSIONS_SOD_RULE_UNKNOWN: {
    status: 400,
    message: {
      'zh-CN': '本项目中找不到该职责分离（SoD）规则（ID：“{id}”）',
      en: 'The SoD rule does not exist in this project (ID: "{id}")',
    },
  },
  ERP_PERMISSIONS_SOD_NO_CONFLICT: {
    status: 400,
    message: {
      'zh-CN': '职责分离（SoD）规则“{rule}”当前对“{subject}”没有冲突，无需记录例外',
      en: 'The SoD rule "{rule}" has no current conflict for "{subject}"; there is no exception to record',
    },
  },
  ERP_PERMISSIONS_SOD_ALREADY_MITIGATED: {
    status: 409,
    message: {
      'zh-CN': '该职责分离（SoD）冲突已记录例外（审批人：“{approver}”）',
      en: 'This SoD conflict already has a recorded exception (approver: "{approver}")',
    },
  },
});
