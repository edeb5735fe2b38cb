import { defineErrorCodes } from './define-error-codes';

/** Error codes of the blueprint domain (see docs/ARCHITECTURE.md, "Errors"). Prefix new codes with BLUEPRINT_. */
export const BLUEPRINT_ERROR_CODES = defineErrorCodes({});
