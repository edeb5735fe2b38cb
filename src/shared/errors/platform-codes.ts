import { defineErrorCodes } from './define-error-codes';

/**
 * Codes every module may raise: validation, authentication, access, not found, limits, internal.
 * There is no free-form "bad input" or "conflict" code: every domain error has its own code in its
 * domain's table, so its message is written (and checked) in both languages.
 */
export const PLATFORM_ERROR_CODES = defineErrorCodes({
  VALIDATION_FAILED: {
    status: 400,
    message: { 'zh-CN': '输入有误：{summary}', en: 'Invalid input: {summary}' },
  },
  MALFORMED_JSON: {
    status: 400,
    message: { 'zh-CN': '请求体不是合法的 JSON', en: 'The request body is not valid JSON' },
  },
  UNAUTHENTICATED: {
    status: 401,
    message: { 'zh-CN': '请先登录', en: 'Please sign in first' },
  },
  FORBIDDEN: {
    status: 403,
    message: {
      'zh-CN': '您的项目角色无权执行此操作（{resource}：{action}）',
      en: 'Your project role may not do this ({resource}: {action})',
    },
  },
  NOT_FOUND: {
    status: 404,
    message: { 'zh-CN': '未找到{entity}：“{id}”', en: '{entity} not found: {id}' },
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: {
      'zh-CN': '不支持的请求内容类型，请使用 application/json',
      en: 'Unsupported content type: send application/json',
    },
  },
  CANCELLED: {
    status: 409,
    message: { 'zh-CN': '操作已取消', en: 'The operation was cancelled' },
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    message: {
      'zh-CN': '上传内容过大：上限 {limit}',
      en: 'The upload is too large: the limit is {limit}',
    },
  },
  RATE_LIMITED: {
    status: 429,
    message: {
      'zh-CN': '尝试次数过多，请 {retryAfter} 秒后再试',
      en: 'Too many attempts, try again in {retryAfter} seconds',
    },
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    message: {
      'zh-CN': '服务暂不可用：{summary}',
      en: 'Service unavailable: {summary}',
    },
  },
  INTERNAL: {
    status: 500,
    message: { 'zh-CN': '服务器内部错误（编号 {ref}）', en: 'Internal server error (ref {ref})' },
  },
});
