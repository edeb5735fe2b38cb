import { defineErrorCodes } from './define-error-codes';

/** Error codes of the erp-permissions domain (see docs/ARCHITECTURE.md, "Errors"). Prefix new codes with ERP_PERMISSIONS_. */
export const ERP_PERMISSIONS_ERROR_CODES = defineErrorCodes({});
