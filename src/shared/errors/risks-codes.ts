import { defineErrorCodes } from './define-error-codes';

/** Error codes of the risks domain (see docs/ARCHITECTURE.md, "Errors"). Prefix new codes with RISKS_. */
export const RISKS_ERROR_CODES = defineErrorCodes({});
