import { defineErrorCodes } from './define-error-codes';

/** Error codes of the data-assets domain (see docs/ARCHITECTURE.md, "Errors"). Prefix new codes with DATA_ASSETS_. */
export const DATA_ASSETS_ERROR_CODES = defineErrorCodes({});
