import { defineErrorCodes } from './define-error-codes';

/** Error codes of the documents domain (see docs/ARCHITECTURE.md, "Errors"). Prefix new codes with DOCUMENTS_. */
export const DOCUMENTS_ERROR_CODES = defineErrorCodes({});
