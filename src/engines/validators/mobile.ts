import { fail, normalizeInput, type ValidationResult } from './validation-result';

/** Facts about a valid mobile number. */
export interface MobileInfo {
  /** Whether the input carried a +86 / 86 / 0086 country prefix. */
  hadCountryCode: boolean;
}

/**
 * Validates a mainland China mobile number: 11 digits `1[3-9]xxxxxxxxx`, optionally after a
 * `+86`, `0086`, `86` or `(+86)` prefix; spaces and dashes anywhere are ignored, full-width
 * digits accepted. The value is the bare 11 digits.
 */
export function validateMobile(text: string): ValidationResult<string, MobileInfo> {
  const compact = normalizeInput(text).replace(/[ \t-]/g, '');
  if (compact === '') return fail('EMPTY', 'empty', '为空');
  const prefix = /^(\+86|0086|\(\+?86\))/.exec(compact)?.[0] ?? (compact.length === 13 && compact.startsWith('86') ? '86' : '');
  const digits = compact.slice(prefix.length);
  if (!/^\d+$/.test(digits)) {
    return fail('CHARACTERS', 'only digits, spaces, dashes and a +86 prefix are allowed', '只能包含数字、空格、连字符和 +86 前缀');
  }
  if (digits.length !== 11) return fail('LENGTH', `has ${digits.length} digits, needs 11`, `共 ${digits.length} 位数字，应为 11 位`);
  if (!/^1[3-9]/.test(digits)) {
    return fail(
      'PREFIX',
      `starts with ${digits.slice(0, 2)}; mobile numbers start with 13–19`,
      `以 ${digits.slice(0, 2)} 开头；手机号应以 13–19 开头`,
    );
  }
  return { ok: true, value: digits, hadCountryCode: prefix !== '' };
}
