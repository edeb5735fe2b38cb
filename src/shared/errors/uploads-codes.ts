import { defineErrorCodes } from './define-error-codes';

/** Error codes of the uploads domain (see docs/ARCHITECTURE.md, "Errors"). Prefix new codes with UPLOADS_. */
export const UPLOADS_ERROR_CODES = defineErrorCodes({});
