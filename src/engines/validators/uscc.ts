import { fail, normalizeInput, type ValidationResult } from './validation-result';

/** The 31 characters of GB 32100-2015 (no I, O, Z, S, V), in value order 0–30. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weights of positions 1–17: 3^(i) mod 31. */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Weights of the 8 body characters of a GB 11714 organisation code. */
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** The GB 32100-2015 check character for the first 17 characters (which must be in the charset). */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(first17[i]) * USCC_WEIGHTS[i];
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

/** The GB 11714 check character (`0`–`9` or `X`) of an 8-character organisation code body. */
export function orgCodeCheckChar(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body8.charCodeAt(i);
    const value = c <= 57 ? c - 48 : c - 55; // 0-9, A=10 … Z=35
    sum += value * ORG_WEIGHTS[i];
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** Facts about a valid 统一社会信用代码. */
export interface UsccInfo {
  /** Position 1: registration authority (1 机构编制, 5 民政, 9 工商, Y 其他, …). */
  authority: string;
  /** Position 2: organisation category within the authority. */
  category: string;
  /** Positions 3–8: administrative division code of the registering office. */
  division: string;
  /** Positions 9–17: the embedded organisation code. */
  orgCode: string;
  /**
   * Whether the embedded organisation code also passes its GB 11714 check. Informational only:
   * the GB 32100 check character is what decides validity.
   */
  orgCodeValid: boolean;
}

/**
 * Validates a 统一社会信用代码 (unified social credit code, GB 32100-2015): 18 characters from the
 * 31-character set, positions 3–8 digits (division code), and the position-18 check character
 * `31 − (Σ value(cᵢ)·3^(i−1) mod 31)`. Lower case and full-width input are accepted and
 * normalised to upper case.
 */
export function validateUscc(text: string): ValidationResult<string, UsccInfo> {
  const code = normalizeInput(text).toUpperCase();
  if (code === '') return fail('EMPTY', 'empty', '为空');
  if (code.length !== 18) {
    return fail('LENGTH', `has ${code.length} characters, needs 18`, `长度为 ${code.length} 位，应为 18 位`);
  }
  for (let i = 0; i < 18; i++) {
    if (!USCC_CHARSET.includes(code[i])) {
      return fail(
        'CHARACTERS',
        `character ${i + 1} "${code[i]}" is not allowed (I, O, S, V, Z and symbols never occur)`,
        `第 ${i + 1} 位“${code[i]}”不是允许的字符（不含 I、O、S、V、Z 及符号）`,
      );
    }
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) {
    return fail(
      'REGION',
      `characters 3–8 "${code.slice(2, 8)}" must be a 6-digit division code`,
      `第 3–8 位“${code.slice(2, 8)}”应为 6 位行政区划码`,
    );
  }
  const expected = usccCheckChar(code.slice(0, 17));
  if (code[17] !== expected) {
    return fail('CHECK_DIGIT', `check character is "${code[17]}", expected "${expected}"`, `校验码为“${code[17]}”，应为“${expected}”`);
  }
  const orgCode = code.slice(8, 17);
  return {
    ok: true,
    value: code,
    authority: code[0],
    category: code[1],
    division: code.slice(2, 8),
    orgCode,
    orgCodeValid: orgCodeCheckChar(orgCode.slice(0, 8)) === orgCode[8],
  };
}
