import { defineErrorCodes } from './define-error-codes';

/** Error codes of the go-live domain (see docs/ARCHITECTURE.md, "Errors"). Prefix new codes with GO_LIVE_. */
export const GO_LIVE_ERROR_CODES = defineErrorCodes({
  /** `{criteria}` is the failing criteria's titles, already in the caller's language. */
  GO_LIVE_NOT_READY: {
    status: 409,
    message: {
      'zh-CN': '尚不具备上线条件，不能决定直接上线（可选择有条件上线）。未满足的条件：{criteria}',
      en: 'Not ready for go-live: a plain go is refused (a conditional go is possible). Criteria not met: {criteria}',
    },
  },
});
