import { defineErrorCodes } from './define-error-codes';

/** Error codes of the auth domain (see docs/ARCHITECTURE.md, "Errors"). Prefix new codes with AUTH_. */
export const AUTH_ERROR_CODES = defineErrorCodes({
  USER_EXISTS: {
    status: 409,
    message: { 'zh-CN': '用户已存在：{email}', en: 'User already exists: {email}' },
  },
  INVALID_CREDENTIALS: {
    status: 401,
    message: { 'zh-CN': '邮箱或密码错误', en: 'Wrong email or password' },
  },
});
