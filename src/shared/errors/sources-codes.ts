import { defineErrorCodes } from './define-error-codes';

/** Error codes of the sources domain (see docs/ARCHITECTURE.md, "Errors"). Prefix new codes with SOURCES_. */
export const SOURCES_ERROR_CODES = defineErrorCodes({});
