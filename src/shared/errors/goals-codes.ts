import { defineErrorCodes } from './define-error-codes';

/** Error codes of the goals domain (see docs/ARCHITECTURE.md, "Errors"). Prefix new codes with GOALS_. */
export const GOALS_ERROR_CODES = defineErrorCodes({});
