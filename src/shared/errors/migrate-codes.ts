import { defineErrorCodes } from './define-error-codes';

/** Error codes of the migrate domain (see docs/ARCHITECTURE.md, "Errors"). Prefix new codes with MIGRATE_. */
export const MIGRATE_ERROR_CODES = defineErrorCodes({});
