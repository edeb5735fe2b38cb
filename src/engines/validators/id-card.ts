import { fail, normalizeInput, type ValidationResult } from './validation-result';
import { isValidDate } from './calendar';

/** ISO 7064 MOD 11-2 weights of the 17 body digits (2^(17−i) mod 11). */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** Province-level codes (first two digits) in GB/T 2260, plus 83 (Taiwan residence permits) and 91. */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
  83, 91,
]);

/** The ISO 7064 MOD 11-2 check character (`0`–`9` or `X`) for 17 body digits. */
export function idCardCheckChar(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (body17.charCodeAt(i) - 48) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

/** Facts about a valid 身份证号. */
export interface IdCardInfo {
  /** True for the 15-digit form issued before 1999 (no check digit, two-digit year). */
  legacy: boolean;
  /** Birth date, ISO `YYYY-MM-DD`. */
  birthDate: string;
  gender: 'male' | 'female';
  /** The 18-digit equivalent (the value itself when not legacy). */
  upgraded: string;
}

export interface IdCardOptions {
  /** Birth dates after this day are rejected (default: today, UTC). */
  today?: Date;
}

function birthFailure(digits: string) {
  return fail('DATE', `birth date ${digits} is not a valid past date`, `出生日期 ${digits} 不是有效的过去日期`);
}

/**
 * Validates a 身份证号 (resident identity number, GB 11643-1999): 18 characters — 6-digit region
 * (known province prefix), 8-digit birth date (a real calendar date, 1800 or later, not in the
 * future), 3-digit sequence, and the ISO 7064 MOD 11-2 check character (`X` for 10; lower case
 * accepted). The 15-digit legacy form (6 region, YYMMDD in the 1900s, 3 sequence) is accepted
 * as valid-format with `legacy: true`; it has no check digit to verify.
 */
export function validateIdCard(text: string, options: IdCardOptions = {}): ValidationResult<string, IdCardInfo> {
  const id = normalizeInput(text).toUpperCase();
  if (id === '') return fail('EMPTY', 'empty', '为空');
  if (id.length !== 18 && id.length !== 15) {
    return fail(
      'LENGTH',
      `has ${id.length} characters, needs 18 (or 15 for the legacy form)`,
      `长度为 ${id.length} 位，应为 18 位（旧版 15 位）`,
    );
  }
  const legacy = id.length === 15;
  if (legacy ? !/^\d{15}$/.test(id) : !/^\d{17}[\dX]$/.test(id)) {
    return fail(
      'CHARACTERS',
      legacy ? 'a 15-digit number has digits only' : 'needs 17 digits and a digit or X',
      legacy ? '15 位号码只能由数字组成' : '应为 17 位数字加 1 位数字或 X',
    );
  }
  if (!PROVINCES.has(Number(id.slice(0, 2)))) {
    return fail('REGION', `region code ${id.slice(0, 6)} has no valid province prefix`, `地区码 ${id.slice(0, 6)} 的省级代码无效`);
  }
  const birth = legacy ? `19${id.slice(6, 12)}` : id.slice(6, 14);
  const year = Number(birth.slice(0, 4));
  const month = Number(birth.slice(4, 6));
  const day = Number(birth.slice(6, 8));
  if (year < 1800 || !isValidDate(year, month, day)) return birthFailure(birth);
  const today = options.today ?? new Date();
  const todayKey = today.getUTCFullYear() * 10000 + (today.getUTCMonth() + 1) * 100 + today.getUTCDate();
  if (Number(birth) > todayKey) return birthFailure(birth);
  const body = legacy ? `${id.slice(0, 6)}19${id.slice(6)}` : id.slice(0, 17);
  const expected = idCardCheckChar(body);
  if (!legacy && id[17] !== expected) {
    return fail('CHECK_DIGIT', `check character is "${id[17]}", expected "${expected}"`, `校验码为“${id[17]}”，应为“${expected}”`);
  }
  const sequence = Number(body.slice(14, 17));
  return {
    ok: true,
    value: id,
    legacy,
    birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
    gender: sequence % 2 === 1 ? 'male' : 'female',
    upgraded: legacy ? body + expected : id,
  };
}
