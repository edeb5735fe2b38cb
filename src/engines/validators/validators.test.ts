import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAmount } from './amount';
import { luhnCheckDigit, validateBankCard } from './bank-card';
import { isValidDate } from './calendar';
import { parseChineseDate, parseDateTime } from './cn-date';
import { idCardCheckChar, validateIdCard } from './id-card';
import { validateMobile } from './mobile';
import { candidateRegExp, PLAIN_NUMBER_PATTERN, VALIDATOR_RULES } from './rules';
import { USCC_CHARSET, usccCheckChar, validateUscc } from './uscc';
import { normalizeInput, toHalfWidth } from './validation-result';

/** Independent reference implementations, written from the standards' text. */
function refUsccCheck(first17: string): string {
  // GB 32100-2015: C18 = 31 − MOD(Σ Ci·Wi, 31), Wi = 3^(i−1) mod 31; 31 → 0.
  let sum = 0;
  let w = 1;
  for (const ch of first17) {
    sum += USCC_CHARSET.indexOf(ch) * w;
    w = (w * 3) % 31;
  }
  const c = 31 - (sum % 31);
  return USCC_CHARSET[c === 31 ? 0 : c];
}

function refIdCheck(body17: string): string {
  // ISO 7064 MOD 11-2: Wi = 2^(18−i) mod 11, check a with (Σ + a) ≡ 1 (mod 11); 10 → X.
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * (2 ** (17 - i) % 11);
  for (let a = 0; a <= 10; a++) if ((sum + a) % 11 === 1) return a === 10 ? 'X' : String(a);
  throw new Error('unreachable');
}

function refLuhnValid(digits: string): boolean {
  const sum = [...digits]
    .reverse()
    .map(Number)
    .reduce((acc, d, i) => acc + (i % 2 === 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d), 0);
  return sum % 10 === 0;
}

const digitString = (min: number, max = min): fc.Arbitrary<string> =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((d) => d.join(''));
const usccChar = fc.integer({ min: 0, max: 30 }).map((i) => USCC_CHARSET[i]);

describe('统一社会信用代码 validateUscc', () => {
  it('accepts the example of GB 32100-2015 and codes built with the check character', () => {
    expect(validateUscc('91350100M000100Y43')).toMatchObject({ ok: true, division: '350100', orgCodeValid: true });
    expect(validateUscc(' 91350100m000100y43 ')).toMatchObject({ ok: true, value: '91350100M000100Y43' });
    fc.assert(
      fc.property(usccChar, usccChar, digitString(6), fc.array(usccChar, { minLength: 9, maxLength: 9 }), (a, b, div, org) => {
        const body = `${a}${b}${div}${org.join('')}`;
        const code = body + refUsccCheck(body);
        expect(usccCheckChar(body)).toBe(refUsccCheck(body));
        expect(validateUscc(code).ok).toBe(true);
      }),
    );
  });

  it('rejects a wrong check character, length, characters and division, with reasons', () => {
    expect(validateUscc('91350100M000100Y44')).toMatchObject({ ok: false, code: 'CHECK_DIGIT', reason: expect.stringContaining('"3"') });
    expect(validateUscc('91350100M000100Y4')).toMatchObject({ ok: false, code: 'LENGTH' });
    expect(validateUscc('91350100M000100I43')).toMatchObject({
      ok: false,
      code: 'CHARACTERS',
      reasonZh: expect.stringContaining('第 16 位'),
    });
    expect(validateUscc('913501A0M000100Y43')).toMatchObject({ ok: false, code: 'REGION' });
    expect(validateUscc('')).toMatchObject({ ok: false, code: 'EMPTY' });
    fc.assert(
      fc.property(digitString(17), fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 30 }), (body, at, shift) => {
        const code = body + refUsccCheck(body);
        const changed = USCC_CHARSET[(USCC_CHARSET.indexOf(code[at]) + shift) % 31];
        // A single-character change is always detected by a mod-31 check with weights prime to 31.
        expect(validateUscc(code.slice(0, at) + changed + code.slice(at + 1)).ok).toBe(false);
      }),
    );
  });
});

describe('身份证号 validateIdCard', () => {
  const today = new Date(Date.UTC(2025, 0, 1));

  it('accepts the published examples and numbers built with the MOD 11-2 check digit', () => {
    expect(validateIdCard('11010519491231002X')).toMatchObject({ ok: true, birthDate: '1949-12-31', gender: 'female', legacy: false });
    expect(validateIdCard('11010519491231002x')).toMatchObject({ ok: true, value: '11010519491231002X' });
    expect(validateIdCard('440524188001010014')).toMatchObject({ ok: true, birthDate: '1880-01-01', gender: 'male' });
    const birth = fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2024, 11, 31)), noInvalidDate: true });
    fc.assert(
      fc.property(fc.constantFrom('110105', '310101', '440305', '650102'), birth, digitString(3), (region, date, seq) => {
        const ymd = date.toISOString().slice(0, 10).replace(/-/g, '');
        const body = region + ymd + seq;
        expect(idCardCheckChar(body)).toBe(refIdCheck(body));
        const result = validateIdCard(body + refIdCheck(body), { today });
        expect(result).toMatchObject({ ok: true, legacy: false });
      }),
    );
  });

  it('accepts the 15-digit legacy form as valid but flags it', () => {
    expect(validateIdCard('110105491231002')).toMatchObject({
      ok: true,
      legacy: true,
      birthDate: '1949-12-31',
      upgraded: '11010519491231002X',
    });
  });

  it('rejects wrong check digits, impossible or future birth dates and unknown provinces', () => {
    expect(validateIdCard('110105194912310021')).toMatchObject({ ok: false, code: 'CHECK_DIGIT', reason: expect.stringContaining('"X"') });
    const feb30 = '11010520240230' + '001';
    expect(validateIdCard(feb30 + refIdCheck(feb30))).toMatchObject({ ok: false, code: 'DATE' });
    const future = '11010520300101' + '001';
    expect(validateIdCard(future + refIdCheck(future), { today })).toMatchObject({ ok: false, code: 'DATE' });
    const region = '99010519491231002';
    expect(validateIdCard(region + refIdCheck(region))).toMatchObject({ ok: false, code: 'REGION' });
    expect(validateIdCard('1101051949123100')).toMatchObject({ ok: false, code: 'LENGTH' });
    expect(validateIdCard('1101051949123100AX')).toMatchObject({ ok: false, code: 'CHARACTERS' });
    expect(validateIdCard('110105491331002')).toMatchObject({ ok: false, code: 'DATE' });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (at, shift) => {
        const good = '11010519491231002X';
        const d = (Number(good[at]) + shift) % 10;
        const bad = good.slice(0, at) + d + good.slice(at + 1);
        // Either the date/region breaks or the check digit catches it.
        expect(validateIdCard(bad).ok).toBe(false);
      }),
    );
  });
});

describe('手机号 validateMobile', () => {
  it('accepts 1[3-9] numbers with optional +86/86/0086 prefix, spaces and dashes', () => {
    for (const text of [
      '13800138000',
      '+86 138 0013 8000',
      '86-138-0013-8000',
      '008613800138000',
      '(+86)19912345678',
      '１３８００１３８０００',
    ]) {
      expect(validateMobile(text)).toMatchObject({ ok: true });
    }
    expect(validateMobile('+86 138 0013 8000')).toEqual({ ok: true, value: '13800138000', hadCountryCode: true });
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 9 }),
        digitString(9),
        fc.constantFrom('', '+86', '86', '0086', '+86 '),
        (second, rest, prefix) => {
          expect(validateMobile(`${prefix}1${second}${rest}`)).toMatchObject({ ok: true, value: `1${second}${rest}` });
        },
      ),
    );
  });

  it('rejects wrong prefixes, lengths and characters', () => {
    expect(validateMobile('12800138000')).toMatchObject({ ok: false, code: 'PREFIX' });
    expect(validateMobile('1380013800')).toMatchObject({ ok: false, code: 'LENGTH' });
    expect(validateMobile('138001380001')).toMatchObject({ ok: false, code: 'LENGTH' });
    expect(validateMobile('1380013800a')).toMatchObject({ ok: false, code: 'CHARACTERS' });
    expect(validateMobile('010-12345678')).toMatchObject({ ok: false });
    expect(validateMobile('  ')).toMatchObject({ ok: false, code: 'EMPTY' });
  });
});

describe('银行卡号 validateBankCard', () => {
  it('accepts Luhn-valid 12–19 digit numbers', () => {
    expect(validateBankCard('4111 1111 1111 1111')).toEqual({ ok: true, value: '4111111111111111' });
    expect(validateBankCard('6011-1111-1111-1117')).toMatchObject({ ok: true });
    fc.assert(
      fc.property(digitString(11, 18), (payload) => {
        const card = payload + luhnCheckDigit(payload);
        expect(refLuhnValid(card)).toBe(true);
        expect(validateBankCard(card)).toMatchObject({ ok: true, value: card });
      }),
    );
  });

  it('rejects bad check digits, lengths and characters', () => {
    expect(validateBankCard('4111111111111112')).toMatchObject({ ok: false, code: 'CHECK_DIGIT' });
    expect(validateBankCard('41111111111')).toMatchObject({ ok: false, code: 'LENGTH' });
    expect(validateBankCard('41111111111111111111')).toMatchObject({ ok: false, code: 'LENGTH' });
    expect(validateBankCard('4111x11111111111')).toMatchObject({ ok: false, code: 'CHARACTERS' });
    fc.assert(
      fc.property(digitString(15), fc.integer({ min: 1, max: 9 }), (payload, shift) => {
        const card = payload + luhnCheckDigit(payload);
        const last = String((Number(card[15]) + shift) % 10);
        expect(validateBankCard(card.slice(0, 15) + last).ok).toBe(false);
      }),
    );
  });
});

describe('日期 parseChineseDate / parseDateTime', () => {
  it('normalises the common Chinese forms to ISO', () => {
    const cases: [string, string, string][] = [
      ['2024年1月5日', '2024-01-05', 'YYYY年M月D日'],
      ['2024 年 1 月 5 号', '2024-01-05', 'YYYY年M月D日'],
      ['2024/1/5', '2024-01-05', 'YYYY/M/D'],
      ['2024-01-05', '2024-01-05', 'YYYY-MM-DD'],
      ['2024-1-5', '2024-01-05', 'YYYY-M-D'],
      ['20240105', '2024-01-05', 'YYYYMMDD'],
      ['2024.1.5', '2024-01-05', 'YYYY.M.D'],
      ['２０２４／０１／０５', '2024-01-05', 'YYYY/M/D'],
      ['2000-02-29', '2000-02-29', 'YYYY-MM-DD'],
    ];
    for (const [text, value, format] of cases) expect(parseChineseDate(text)).toEqual({ ok: true, value, format });
  });

  it('agrees with the calendar on every day of random years', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1800, max: 2199 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const real = new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
        expect(isValidDate(y, m, d)).toBe(real);
        expect(parseChineseDate(`${y}/${m}/${d}`).ok).toBe(real);
        expect(parseChineseDate(`${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`).ok).toBe(real);
      }),
    );
  });

  it('rejects impossible days and unknown forms', () => {
    for (const text of ['2024-02-30', '2023-02-29', '1900-02-29', '2024-13-01', '2024/4/31', '2024年0月1日']) {
      expect(parseChineseDate(text)).toMatchObject({ ok: false, code: 'DATE' });
    }
    for (const text of ['24/1/5', '2024-01/05', 'Jan 5 2024', '2024-01-05x']) {
      expect(parseChineseDate(text)).toMatchObject({ ok: false, code: 'FORMAT' });
    }
    expect(parseChineseDate('12345678')).toMatchObject({ ok: false }); // year 1234 in the compact form
  });

  it('parses date-times', () => {
    expect(parseDateTime('2024-01-05 08:30')).toEqual({ ok: true, value: '2024-01-05 08:30:00' });
    expect(parseDateTime('2024/1/5T23:59:59.123+08:00')).toEqual({ ok: true, value: '2024-01-05 23:59:59.123+08:00' });
    expect(parseDateTime('2024-01-05 24:00:00')).toMatchObject({ ok: false, code: 'DATE' });
    expect(parseDateTime('2024-02-30 10:00')).toMatchObject({ ok: false });
    expect(parseDateTime('2024-01-05')).toMatchObject({ ok: false, code: 'FORMAT' });
  });
});

describe('金额 parseAmount', () => {
  it('reads separators, full-width digits, currency marks and accounting negatives', () => {
    const cases: [string, number, string][] = [
      ['１２３,４５６.７８', 123456.78, '123456.78'],
      ['￥1,234.50', 1234.5, '1234.50'],
      ['¥ 1,234.50', 1234.5, '1234.50'],
      ['1,234.5元', 1234.5, '1234.5'],
      ['(1,234.00)', -1234, '-1234.00'],
      ['（１，２３４．００）', -1234, '-1234.00'],
      ['-1,000,000', -1000000, '-1000000'],
      ['RMB 12', 12, '12'],
      ['￥(12.5)', -12.5, '-12.5'],
      ['0.5', 0.5, '0.5'],
      ['.5', 0.5, '0.5'],
      ['+7', 7, '7'],
    ];
    for (const [text, value, decimal] of cases) expect(parseAmount(text)).toMatchObject({ ok: true, value, decimal });
  });

  it('round-trips any number written with grouping', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const text = `${whole < 0 ? '-' : ''}${Math.abs(whole).toLocaleString('en-US')}.${String(cents).padStart(2, '0')}`;
        const expected = Number(`${whole < 0 ? '-' : ''}${Math.abs(whole)}.${String(cents).padStart(2, '0')}`);
        expect(parseAmount(text)).toMatchObject({ ok: true, value: expected });
        expect(parseAmount(`￥${text}元`)).toMatchObject({ ok: true, value: expected, currency: true });
      }),
    );
  });

  it('rejects misplaced separators, double signs and text', () => {
    expect(parseAmount('1,23,456')).toMatchObject({ ok: false, code: 'GROUPING' });
    expect(parseAmount('12,34')).toMatchObject({ ok: false, code: 'GROUPING' });
    expect(parseAmount('-(12)')).toMatchObject({ ok: false, code: 'FORMAT' });
    expect(parseAmount('1.2.3')).toMatchObject({ ok: false });
    expect(parseAmount('12a')).toMatchObject({ ok: false, code: 'FORMAT' });
    expect(parseAmount('5.')).toMatchObject({ ok: false });
    expect(parseAmount('')).toMatchObject({ ok: false, code: 'EMPTY' });
  });
});

describe('rule candidates', () => {
  const samples = fc.oneof(
    fc.string({ unit: fc.constantFrom(...'0123456789０１２,.，．-/ ()（）+￥¥$元年月日号XxRMBCNY\t'.split('')), maxLength: 24 }),
    digitString(8, 19),
    fc.constantFrom('91350100M000100Y43', '11010519491231002X', '+86 138 0013 8000', '2024年1月5日', '（1,234.00）元', '2024/1/5 8:30'),
  );

  it('every value a validator accepts matches its candidate pattern (the profiler relies on this)', () => {
    const compiled = VALIDATOR_RULES.map((rule) => ({ rule, re: candidateRegExp(rule) }));
    fc.assert(
      fc.property(samples, (text) => {
        const normal = normalizeInput(text);
        for (const { rule, re } of compiled) {
          if (rule.validate(text).ok) expect(re.test(normal), `${rule.name}: ${JSON.stringify(text)}`).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('plain numbers are amounts', () => {
    const plain = new RegExp(`^(?:${PLAIN_NUMBER_PATTERN})$`);
    fc.assert(
      fc.property(fc.stringMatching(plain), (text) => {
        expect(parseAmount(text).ok).toBe(true);
      }),
    );
    expect(toHalfWidth('１２３，４')).toBe('123,4');
  });
});
