import { defineErrorCodes } from './define-error-codes';

/** Error codes of the migration domain (see docs/ARCHITECTURE.md, "Errors"). Prefix new codes with MIGRATION_. */
export const MIGRATION_ERROR_CODES = defineErrorCodes({});
