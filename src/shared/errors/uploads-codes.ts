import { defineErrorCodes } from './define-error-codes';

/** Error codes of the uploads domain (see docs/ARCHITECTURE.md, "Errors"). Prefix new codes with UPLOADS_. */
export const UPLOADS_ERROR_CODES = defineErrorCodes({
  UPLOADS_EMPTY: {
    status: 400,
    message: {
      'zh-CN': '上传的文件是空的，请选择有内容的文件',
      en: 'The upload is empty; choose a file with content',
    },
  },
});
