import { defineErrorCodes } from './define-error-codes';

/** Error codes of the cutover domain (see docs/ARCHITECTURE.md, "Errors"). Prefix new codes with CUTOVER_. */
export const CUTOVER_ERROR_CODES = defineErrorCodes({});
