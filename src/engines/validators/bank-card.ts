import { fail, normalizeInput, type ValidationResult } from './validation-result';

/** The Luhn (mod 10) check digit for a payload of digits (the card number without its last digit). */
export function luhnCheckDigit(payload: string): string {
  let sum = 0;
  for (let i = payload.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = payload.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/**
 * Validates a bank card number: 12–19 digits (spaces and dashes ignored, full-width digits
 * accepted) whose last digit is the Luhn check digit. The value is the bare digits.
 */
export function validateBankCard(text: string): ValidationResult<string> {
  const digits = normalizeInput(text).replace(/[ \t-]/g, '');
  if (digits === '') return fail('EMPTY', 'empty', '为空');
  if (!/^\d+$/.test(digits)) return fail('CHARACTERS', 'only digits, spaces and dashes are allowed', '只能包含数字、空格和连字符');
  if (digits.length < 12 || digits.length > 19) {
    return fail('LENGTH', `has ${digits.length} digits, needs 12–19`, `共 ${digits.length} 位数字，应为 12–19 位`);
  }
  const expected = luhnCheckDigit(digits.slice(0, -1));
  if (digits[digits.length - 1] !== expected) {
    return fail(
      'CHECK_DIGIT',
      `Luhn check digit is ${digits[digits.length - 1]}, expected ${expected}`,
      `Luhn 校验位为 ${digits[digits.length - 1]}，应为 ${expected}`,
    );
  }
  return { ok: true, value: digits };
}
