import { defineErrorCodes } from './define-error-codes';

/** Error codes of the reconcile domain (see docs/ARCHITECTURE.md, "Errors"). Prefix new codes with RECONCILE_. */
export const RECONCILE_ERROR_CODES = defineErrorCodes({});
