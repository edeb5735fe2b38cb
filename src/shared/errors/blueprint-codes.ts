import { defineErrorCodes } from './define-error-codes';

/**
 * Error codes of the blueprint domain (see docs/ARCHITECTURE.md, "Errors"). Prefix new codes with BLUEPRINT_.
 * `{status}`, `{side}` and `{reasons}` are labels the service has already put in the caller's language.
 */
export const BLUEPRINT_ERROR_CODES = defineErrorCodes({
  BLUEPRINT_REQUIREMENT_CODE_TAKEN: {
    status: 409,
    message: {
      'zh-CN': '编号“{code}”已被其他需求使用',
      en: 'The code "{code}" is already used by another requirement',
    },
  },
  BLUEPRINT_APPROVAL_NOT_CUSTOM: {
    status: 409,
    message: {
      'zh-CN': '只有解决方式为“定制开发”的需求需要审批',
      en: 'Only custom-development requirements need approval',
    },
  },
  BLUEPRINT_APPROVAL_NOT_PENDING: {
    status: 409,
    message: {
      'zh-CN': '该定制开发审批已处理（{status}），无需再次审批',
      en: 'This approval has already been decided ({status})',
    },
  },
  BLUEPRINT_APPROVAL_SELF: {
    status: 409,
    message: {
      'zh-CN': '申请人不能审批自己提出的定制开发（申请人：“{name}”），请由项目领导小组其他成员审批',
      en: 'The requester cannot approve their own custom development (requested by "{name}"); another steering-committee member must decide',
    },
  },
  BLUEPRINT_VERSION_LOCKED: {
    status: 409,
    message: {
      'zh-CN': '版本 {label} 已由双方签核并锁定，不能修改；如需变更请创建新版本',
      en: 'Version {label} is signed by both sides and locked; create a new version to change it',
    },
  },
  BLUEPRINT_SIGN_NO_SIDE: {
    status: 409,
    message: {
      'zh-CN': '无法确定您代表哪一方签核：客户方须为发起人或项目经理，实施方须为实施顾问或外部顾问',
      en: 'Cannot tell which side you sign for: the client side is a sponsor or project manager, the implementer side a consultant',
    },
  },
  BLUEPRINT_ALREADY_SIGNED: {
    status: 409,
    message: {
      'zh-CN': '版本 {label} 的{side}已签核（“{name}”）',
      en: 'Version {label} has already been signed by the {side} ("{name}")',
    },
  },
  BLUEPRINT_SIGN_BLOCKED: {
    status: 409,
    message: {
      'zh-CN': '版本 {label} 不能签核：{reasons}',
      en: 'Version {label} cannot be signed: {reasons}',
    },
  },
});
