import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAmount } from '../validators/amount';
import { luhnCheckDigit, validateBankCard } from '../validators/bank-card';
import { parseChineseDate, parseDateTime } from '../validators/cn-date';
import { idCardCheckChar, validateIdCard } from '../validators/id-card';
import { validateMobile } from '../validators/mobile';
import { candidateRegExp, PLAIN_NUMBER_PATTERN, VALIDATOR_RULES, type RuleName } from '../validators/rules';
import { USCC_CHARSET, usccCheckChar, validateUscc } from '../validators/uscc';
import { normalizeInput, trimText } from '../validators/validation-result';
import { registerAmountFunction } from './amount-udf';
import {
  bankCardSql,
  CANDIDATE_BOUND_SQL,
  cnDateSql,
  compactExpr,
  dateTimeSql,
  idCardSql,
  matches,
  mobileSql,
  INTEGER_PATTERN,
  DECIMAL_PATTERN,
  BOOLEAN_WORDS,
  ISO_DATE_BOUND_SQL,
  normalizedColumnExpr,
  normalizedExpr,
  patternQuery,
  trimmedColumnExpr,
  trimmedExpr,
  typeSql,
  usccSql,
  withPlainTypeFlags,
} from './column-sql';

let instance: DuckDBInstance;
let conn: DuckDBConnection;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  conn = await instance.connect();
  registerAmountFunction(conn);
});
afterAll(() => {
  conn.closeSync();
  instance.closeSync();
});

/** Evaluates SQL expressions of `v` (with nv = normalised) over many values at once. */
async function evaluate(values: string[], exprs: string[]): Promise<unknown[][]> {
  await conn.run('CREATE OR REPLACE TABLE s (i INTEGER, v VARCHAR)');
  const appender = await conn.createAppender('s');
  values.forEach((v, i) => {
    appender.appendInteger(i);
    appender.appendVarchar(v);
    appender.endRow();
  });
  appender.flushSync();
  appender.closeSync();
  const rows = await conn.runAndReadAll(`SELECT ${exprs.join(', ')} FROM (SELECT i, v, ${normalizedExpr('v')} AS nv FROM s) ORDER BY i`);
  return rows.getRowsJS();
}

const digits = (min: number, max = min): fc.Arbitrary<string> =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((d) => d.join(''));
const mutate = (text: string): fc.Arbitrary<string> =>
  fc
    .tuple(fc.integer({ min: 0, max: Math.max(0, text.length - 1) }), fc.constantFrom(...'0123456789Xx-/ .年月日A'))
    .map(([at, ch]) => text.slice(0, at) + ch + text.slice(at + 1));

const validUscc = fc
  .tuple(
    fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 2, maxLength: 2 }),
    digits(6),
    fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 9, maxLength: 9 }),
  )
  .map(([a, div, b]) => {
    const body = a.map((i) => USCC_CHARSET[i]).join('') + div + b.map((i) => USCC_CHARSET[i]).join('');
    return body + usccCheckChar(body);
  });
const validId = fc
  .tuple(
    fc.constantFrom('110105', '440305', '990101', '310101'),
    fc.date({ min: new Date(Date.UTC(1790, 0, 1)), max: new Date(Date.UTC(2030, 0, 1)), noInvalidDate: true }),
    digits(3),
  )
  .map(([r, d, s]) => {
    const body = r + d.toISOString().slice(0, 10).replace(/-/g, '') + s;
    return body + idCardCheckChar(body);
  });
const validCard = digits(11, 18).map((p) => p + luhnCheckDigit(p));
const dates = fc
  .tuple(
    fc.integer({ min: 990, max: 2300 }),
    fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 0, max: 32 }),
    fc.constantFrom('-', '/', '.', '年', '', '-/'),
  )
  .map(([y, m, d, sep]) => {
    const yy = String(y).padStart(4, '0');
    const [mm, dd] = [String(m).padStart(sep === '' ? 2 : 1, '0'), String(d).padStart(sep === '' ? 2 : 1, '0')];
    if (sep === '年') return `${yy}年${mm}月${dd}日`;
    if (sep === '-/') return `${yy}-${mm}/${dd}`;
    return `${yy}${sep}${mm}${sep}${dd}`;
  });
const dateTimes = fc
  .tuple(
    dates,
    fc.integer({ min: 0, max: 25 }),
    fc.integer({ min: 0, max: 61 }),
    fc.option(fc.integer({ min: 0, max: 61 })),
    fc.constantFrom('', 'Z', '+08:00', '.123'),
  )
  .map(([d, h, mi, s, z]) => `${d} ${h}:${String(mi).padStart(2, '0')}${s === null ? '' : `:${String(s).padStart(2, '0')}`}${z}`);
const noise = fc.string({ unit: fc.constantFrom(...'0123456789０１,.，-+()（）￥¥元 \tXx年月日/:T8613'.split('')), maxLength: 22 });

describe('SQL translations of the validators', () => {
  it('accept exactly what the JS validators accept', async () => {
    const values = fc.sample(
      fc.oneof(
        validUscc,
        validId,
        validCard,
        dates,
        dateTimes,
        noise,
        validUscc.chain(mutate),
        validId.chain(mutate),
        validCard.chain(mutate),
        dates.chain(mutate),
        fc.constantFrom(
          '91350100M000100Y43',
          '11010519491231002X',
          '110105491231002',
          '+86 138-0013-8000',
          '8613800138000',
          '(+86)13800138000',
          ' 2024-02-30 ',
          '２０２４年１月５日',
          '4111 1111 1111 1111',
          '（1,234.00）',
          '￥1,234.50元',
          '2024/1/5 8:30',
        ),
      ),
      4000,
    );
    const today = '20250101';
    const { format, iso } = cnDateSql('nv');
    const rows = await evaluate(values, [
      usccSql('nv'),
      idCardSql('nv', 18, today),
      idCardSql('nv', 15, today),
      mobileSql(compactExpr('nv')),
      bankCardSql(compactExpr('nv')),
      format,
      iso,
      dateTimeSql('nv'),
      `golive_amount(v)`,
      'nv',
      typeSql.plainNumber('nv'),
      ...VALIDATOR_RULES.map((r) => matches('nv', r.candidate)),
    ]);
    const todayDate = new Date(Date.UTC(2025, 0, 1));
    values.forEach((value, i) => {
      const [uscc, id18, id15, mobile, card, fmt, isoValue, dt, amount, nv, plain, ...candidates] = rows[i];
      const label = JSON.stringify(value);
      expect(nv, label).toBe(normalizeInput(value));
      expect(uscc, `uscc ${label}`).toBe(validateUscc(value).ok);
      const id = validateIdCard(value, { today: todayDate });
      expect(id18 === true || id15 === true, `id ${label}`).toBe(id.ok);
      if (id.ok) expect(id15, label).toBe(id.legacy);
      expect(mobile, `mobile ${label}`).toBe(validateMobile(value).ok);
      expect(card, `card ${label}`).toBe(validateBankCard(value).ok);
      const date = parseChineseDate(value);
      expect(isoValue, `date ${label}`).toBe(date.ok ? date.value : null);
      if (date.ok) expect(fmt, label).toBe(date.format);
      const time = parseDateTime(value);
      expect(dt, `datetime ${label}`).toBe(time.ok ? time.value : null);
      const money = parseAmount(value);
      expect(amount, `amount ${label}`).toBe(money.ok ? money.value : null);
      expect(plain, label).toBe(new RegExp(`^(?:${PLAIN_NUMBER_PATTERN})$`).test(normalizeInput(value)));
      VALIDATOR_RULES.forEach((rule, r) =>
        expect(candidates[r], `${rule.name} candidate ${label}`).toBe(candidateRegExp(rule).test(normalizeInput(value))),
      );
    });
  });

  it('trims the same whitespace as the validators and writes patterns', async () => {
    const values = ['\u3000 a\u00a0', '\t\n', 'AB-12 北京', 'ｘ１２', 'é9'];
    const rows = await evaluate(values, [trimmedExpr('v')]);
    expect(rows.map((r) => r[0])).toEqual(['a', '', 'AB-12 北京', 'ｘ１２', 'é9']);
    await conn.run('CREATE OR REPLACE TABLE pv AS SELECT v, 1 AS n FROM s');
    const patterns = (await conn.runAndReadAll(`SELECT pattern FROM (${patternQuery('pv')})`)).getRowsJS().map((r) => r[0]);
    expect(patterns.sort()).toEqual(['\t\n', '\u3000 A\u00a0', 'AA-99 汉汉', 'A99', 'é9'].sort());
  });
});

describe("the profiler's column shortcuts", () => {
  const text = fc.string({
    unit: fc.constantFrom(...'09aZ.+-,年月日汉字é\u3000\u00a0\ufeff \t\n０９ＡＺｚ￥（）'.split('')),
    maxLength: 20,
  });
  const values = (): string[] =>
    fc.sample(
      fc.oneof(text, validUscc, validId, validCard, dates, dateTimes, noise, fc.constantFrom('', ' ', '007', '+.5', '是', 'FALSE')),
      3000,
    );

  it('trim, normalise and flag exactly like the JS validators, and bound every candidate pattern', async () => {
    const sample = values();
    const rows = await evaluate(sample, ['i']);
    expect(rows).toHaveLength(sample.length);
    // s(i, v) now holds the sample; build the profiler's view of it.
    const normalised = `(SELECT *, length(nv) AS ln FROM (SELECT i, v, tv, ${normalizedColumnExpr('tv')} AS nv FROM (SELECT i, v, ${trimmedColumnExpr('v')} AS tv FROM s)))`;
    const rules = VALIDATOR_RULES.map((r) => r.name as RuleName);
    const got = (
      await conn.runAndReadAll(
        `SELECT tv, nv, is_int, is_dec, is_bool, is_plain, ${ISO_DATE_BOUND_SQL}, ` +
          `${rules.map((r) => `${CANDIDATE_BOUND_SQL[r]}`).join(', ')} FROM (${withPlainTypeFlags(normalised)}) ORDER BY i`,
      )
    ).getRowsJS();
    const full = (pattern: string): RegExp => new RegExp(`^(?:${pattern})$`);
    sample.forEach((value, i) => {
      const [tv, nv, isInt, isDec, isBool, isPlain, isoBound, ...bounds] = got[i];
      const label = JSON.stringify(value);
      const trimmed = trimText(value);
      const normal = normalizeInput(value);
      expect(tv, label).toBe(trimmed);
      expect(nv, label).toBe(normal);
      expect(isInt, label).toBe(full(INTEGER_PATTERN).test(trimmed));
      expect(isDec, label).toBe(full(DECIMAL_PATTERN).test(trimmed));
      expect(isBool, label).toBe(BOOLEAN_WORDS.includes(trimmed.toLowerCase()));
      expect(isPlain, label).toBe(full(PLAIN_NUMBER_PATTERN).test(normal));
      if (/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(normal)) expect(isoBound, label).toBe(true);
      rules.forEach((rule, r) => {
        if (candidateRegExp(VALIDATOR_RULES[r]).test(normal)) expect(bounds[r], `${rule} bound ${label}`).toBe(true);
      });
    });
  });

  it('writes the same patterns through every shortcut', async () => {
    const sample = [...values(), '12345', '甘肃陇原精工有限公司', 'ABC-12', '北京１号Ａ座', '007'];
    await evaluate(sample, ['i']);
    await conn.run('CREATE OR REPLACE TABLE pv AS SELECT i, v, 1 AS n FROM s');
    const got = (await conn.runAndReadAll(`SELECT pattern, sum(n)::INTEGER FROM (${patternQuery('pv')}) GROUP BY pattern`)).getRowsJS();
    const reference = (value: string): string =>
      value
        .replace(/[0-9０-９]/g, '9')
        .replace(/[A-Za-zＡ-Ｚａ-ｚ]/g, 'A')
        .replace(/\p{Script=Han}/gu, '汉');
    const expected = new Map<string, number>();
    // The node binding decodes VARCHARs with TextDecoder, which drops a leading U+FEFF.
    for (const value of sample) {
      const pattern = reference(value).replace(/^\ufeff/, '');
      expected.set(pattern, (expected.get(pattern) ?? 0) + 1);
    }
    const actual = new Map<string, number>();
    for (const [pattern, count] of got) actual.set(String(pattern), (actual.get(String(pattern)) ?? 0) + Number(count));
    expect(actual).toEqual(expected);
  });
});

describe('grouped amounts', () => {
  it('every plain thousands-grouped number is an amount with that value', async () => {
    const { GROUPED_AMOUNT_PATTERN } = await import('./profile-source');
    const re = new RegExp(`^(?:${GROUPED_AMOUNT_PATTERN})$`);
    fc.assert(
      fc.property(fc.stringMatching(re), (text) => {
        expect(parseAmount(text)).toMatchObject({ ok: true, value: Number(text.replace(/,/g, '')) });
      }),
    );
  });
});
