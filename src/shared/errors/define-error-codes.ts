/** Supported UI languages. zh-CN is the default everywhere. */
export type Locale = 'zh-CN' | 'en';

/** One documented error code: the HTTP status and the message templates (`{name}` placeholders). */
export interface ErrorCodeDefinition {
  status: number;
  /**
   * Message templates per locale. User data (names, values, file names) is interpolated through
   * `{param}` placeholders and quoted (“{name}” in zh-CN, "{name}" in en); the zh-CN template itself
   * contains no English words beyond product terms (ERP, KPI, CSV …), which test/zh-message-check.ts enforces.
   */
  message: Record<Locale, string>;
}

/**
 * Declares a domain's error codes. Each domain keeps its own table in `src/shared/errors/<domain>-codes.ts`;
 * `error-codes.ts` joins them and a test fails on a code declared twice. Codes are stable: add, never rename.
 */
export function defineErrorCodes<const T extends Record<string, ErrorCodeDefinition>>(codes: T): T {
  return codes;
}
