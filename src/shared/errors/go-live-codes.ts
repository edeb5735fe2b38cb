import { defineErrorCodes } from './define-error-codes';

/** Error codes of the go-live domain (see docs/ARCHITECTURE.md, "Errors"). Prefix new codes with GO_LIVE_. */
export const GO_LIVE_ERROR_CODES = defineErrorCodes({});
