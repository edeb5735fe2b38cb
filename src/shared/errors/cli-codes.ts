import { defineErrorCodes } from './define-error-codes';

/** Error codes of the cli domain (see docs/ARCHITECTURE.md, "Errors"). Prefix new codes with CLI_. */
export const CLI_ERROR_CODES = defineErrorCodes({});
