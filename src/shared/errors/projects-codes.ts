import { defineErrorCodes } from './define-error-codes';

/** Error codes of the projects domain (see docs/ARCHITECTURE.md, "Errors"). Prefix new codes with PROJECTS_. */
export const PROJECTS_ERROR_CODES = defineErrorCodes({});
