/**
 * SQL translations of the validators in `src/engines/validators`, so the profiler can test
 * millions of values inside DuckDB (vectorised, parallel) instead of crossing into JS per value.
 * The JS validators stay the specification: `column-sql.test.ts` checks that every expression
 * here accepts exactly what its validator accepts. Expressions take SQL text naming a VARCHAR:
 * `v` raw, `tv` trimmed ({@link trimmedExpr}) or `nv` normalised ({@link normalizedExpr}).
 */
import { PLAIN_NUMBER_PATTERN, type RuleName } from '../validators/rules';
import { USCC_CHARSET } from '../validators/uscc';
import { halfWidthTranslation, WHITESPACE_CODE_POINTS } from '../validators/validation-result';
import { quoteLiteral } from './sql-text';

/** The characters `trimText` removes, as a literal for DuckDB's `trim(s, chars)`. */
const WS_CHARS = quoteLiteral(String.fromCodePoint(...WHITESPACE_CODE_POINTS));

/**
 * SQL: `expr` equals one of `values`, as a chain of comparisons. DuckDB plans `x IN (a, b, c, …)`
 * with more than a few items as a join against the list, which costs more than the comparisons
 * on a million values.
 */
export function isAnyOf(expr: string, values: readonly (number | string)[]): string {
  return `(${values.map((v) => `${expr} = ${typeof v === 'number' ? v : quoteLiteral(v)}`).join(' OR ')})`;
}

/** SQL: the value trimmed of the agreed whitespace (same set as the validators). */
export function trimmedExpr(v: string): string {
  return `trim(${v}, ${WS_CHARS})`;
}

/**
 * SQL: the value half-width normalised and trimmed, exactly as the validators' `normalizeInput`.
 * DuckDB's translate() is slow with a long map, so it only runs on values holding a full-width form.
 */
export function normalizedExpr(v: string): string {
  const { from, to } = halfWidthTranslation();
  return (
    `(CASE WHEN regexp_matches(${v}, '[\\x{ff01}-\\x{ff5e}\\x{3000}\\x{ffe5}\\x{2212}]') ` +
    `THEN trim(translate(${v}, ${quoteLiteral(from)}, ${quoteLiteral(to)}), ${WS_CHARS}) ELSE ${trimmedExpr(v)} END)`
  );
}

/** SQL: whether the code point `code` is one of the agreed whitespace characters (most values: two comparisons). */
function isWhitespaceCode(code: string): string {
  const low = WHITESPACE_CODE_POINTS.filter((c) => c <= 32);
  const high = WHITESPACE_CODE_POINTS.filter((c) => c > 32);
  return `((${code} <= 32 AND ${isAnyOf(code, low)}) OR (${code} >= ${Math.min(...high)} AND ${isAnyOf(code, high)}))`;
}

/**
 * {@link trimmedExpr} for a column reference, for millions of values: `trim(s, chars)` with a
 * multi-character set costs about three times a plain comparison, so it only runs on values whose
 * first or last character is whitespace. `column` is repeated: pass a column name, never an
 * expression (nested expressions would grow exponentially).
 */
export function trimmedColumnExpr(column: string): string {
  return (
    `(CASE WHEN ${isWhitespaceCode(`ascii(${column})`)} OR ${isWhitespaceCode(`ascii(right(${column}, 1))`)} ` +
    `THEN ${trimmedExpr(column)} ELSE ${column} END)`
  );
}

/**
 * {@link normalizedExpr} for a column reference, for millions of values: pure ASCII values (byte
 * length = character length) hold no full-width form and skip the pattern. `column` is repeated:
 * pass a column name, never an expression.
 */
export function normalizedColumnExpr(column: string): string {
  return `(CASE WHEN strlen(${column}) = length(${column}) THEN ${trimmedColumnExpr(column)} ELSE ${normalizedExpr(column)} END)`;
}

/** SQL: whether a value starts like a number (digit, sign or point): a cheap gate before the number patterns. */
export function startsLikeNumber(v: string): string {
  return `(ascii(${v}) BETWEEN 48 AND 57 OR ${isAnyOf(`ascii(${v})`, [43, 45, 46])})`;
}

/** Anchored RE2 match. */
export function matches(v: string, pattern: string): string {
  return `regexp_full_match(${v}, ${quoteLiteral(pattern)})`;
}

export const INTEGER_PATTERN = '[-+]?(0|[1-9][0-9]*)';
export const DECIMAL_PATTERN = '[-+]?((0|[1-9][0-9]*)(\\.[0-9]+)?|\\.[0-9]+)([eE][-+]?[0-9]+)?';
/** Spellings of yes/no accepted as booleans (compared lower-cased); 0/1 are left to integer. */
export const BOOLEAN_WORDS = ['true', 'false', 't', 'f', 'yes', 'no', 'y', 'n', '是', '否'];

/** Predicates of the plain types, on the trimmed value (plain numbers: on the normalised value). */
export const typeSql = {
  integer: (tv: string): string => matches(tv, INTEGER_PATTERN),
  decimal: (tv: string): string => matches(tv, DECIMAL_PATTERN),
  boolean: (tv: string): string => isAnyOf(`lower(${tv})`, BOOLEAN_WORDS),
  plainNumber: (nv: string): string => matches(nv, PLAIN_NUMBER_PATTERN),
};

/** Code points a value must start with to have a chance of being each validator type (supersets). */
const CANDIDATE_FIRST = {
  alnum: '(ascii(nv) BETWEEN 48 AND 57 OR ascii(nv) BETWEEN 65 AND 90 OR ascii(nv) BETWEEN 97 AND 122)',
  digit: '(ascii(nv) BETWEEN 48 AND 57)',
  /** `[-\t 0-9]` */
  card: `(ascii(nv) BETWEEN 48 AND 57 OR ${isAnyOf('ascii(nv)', [45, 9, 32])})`,
  /** `[-\t ()+0-9]` */
  phone: `(ascii(nv) BETWEEN 48 AND 57 OR ${isAnyOf('ascii(nv)', [45, 9, 32, 40, 41, 43])})`,
  /** `[-+( \t]`, `¥`, `R`/`r` (RMB), `C`/`c` (CNY), `$`, `[0-9.]` */
  amount: `(ascii(nv) BETWEEN 48 AND 57 OR ${isAnyOf('ascii(nv)', [45, 43, 40, 32, 9, 165, 82, 114, 67, 99, 36, 46])})`,
};

/**
 * SQL: a cheap upper bound of each validator's candidate pattern (see `ValidatorRule.candidate`)
 * on the normalised value `nv` whose length is `ln`, from that length and the first character only: every value the
 * candidate pattern matches passes its bound. The profiler counts the bounds for every value and
 * runs the patterns (and the validators) only where a bound says a type could win.
 */
export const CANDIDATE_BOUND_SQL: Record<RuleName, string> = {
  uscc: `ln = 18 AND ${CANDIDATE_FIRST.alnum}`,
  id_card: `(ln = 15 OR ln = 18) AND ${CANDIDATE_FIRST.digit}`,
  bank_card: `ln >= 12 AND ${CANDIDATE_FIRST.card}`,
  mobile: `ln >= 11 AND ${CANDIDATE_FIRST.phone}`,
  cn_date: `ln BETWEEN 8 AND 24 AND ${CANDIDATE_FIRST.digit}`,
  datetime: `ln >= 12 AND ${CANDIDATE_FIRST.digit}`,
  amount: `nv <> '' AND ${CANDIDATE_FIRST.amount}`,
};

/** SQL: the bound of ISO dates (`YYYY-MM-DD`): ten characters starting with a digit. */
export const ISO_DATE_BOUND_SQL = `ln = 10 AND ${CANDIDATE_FIRST.digit}`;

/**
 * SQL: `from` (a relation with columns `tv`, the trimmed value, and `nv`, the normalised value)
 * with the plain-type flags added: `is_int`, `is_dec`, `is_bool`, `is_plain` (exact; false, never
 * NULL, for a NULL value). Cheap tests (first character, length) guard each pattern inside CASE,
 * which DuckDB evaluates lazily, so a text column pays for almost no regular expression and a
 * numeric column for about one. `is_int` implies `is_dec` and, on an unchanged value, `is_plain`
 * (the patterns nest), so `is_int` is computed first and the others read it.
 */
export function withPlainTypeFlags(from: string): string {
  const when = (guard: string, test: string): string => `(CASE WHEN ${guard} THEN ${test} ELSE false END)`;
  const second = [
    `(CASE WHEN is_int THEN true WHEN ${startsLikeNumber('tv')} THEN ${typeSql.decimal('tv')} ELSE false END) AS is_dec`,
    `${when('length(tv) <= 5', typeSql.boolean('tv'))} AS is_bool`,
    `(CASE WHEN is_int AND nv = tv THEN true WHEN ${startsLikeNumber('nv')} THEN ${typeSql.plainNumber('nv')} ELSE false END) AS is_plain`,
  ];
  return `SELECT *, ${second.join(', ')} FROM (SELECT *, ${when(startsLikeNumber('tv'), typeSql.integer('tv'))} AS is_int FROM ${from})`;
}

/** Digit value of the character at a 1-based position. */
const digitAt = (s: string, pos: number | string): string => `(ascii(substr(${s}, ${pos}, 1)) - 48)`;

/** Spaces, tabs and dashes removed (mobile and bank card numbers). */
export function compactExpr(nv: string): string {
  return `replace(replace(replace(${nv}, ' ', ''), chr(9), ''), '-', '')`;
}

const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const PROVINCES = [
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
  83, 91,
];
const USCC_CLASS = `[${USCC_CHARSET.replace('0123456789', '0-9')}]`;

/**
 * The value (0–30) of a USCC character given its code point, for characters already known to be
 * in {@link USCC_CHARSET}: digits are 0–9; letters count from A = 10, skipping I, O, S, V and Z.
 * Arithmetic on the code point is a third cheaper in DuckDB than looking the character up.
 */
function usccCharValue(code: string): string {
  return (
    `(CASE WHEN ${code} <= 57 THEN ${code} - 48 ELSE ${code} - 55 - (${code} > 73)::INT - (${code} > 79)::INT ` +
    `- (${code} > 83)::INT - (${code} > 86)::INT END)`
  );
}

/**
 * SQL: `validateUscc(nv).ok`. A plain conjunction, not CASE: DuckDB shares `upper(nv)` between
 * the shape test and the 17 checksum terms only outside CASE branches.
 */
export function usccSql(nv: string): string {
  const u = `upper(${nv})`;
  const sum = USCC_WEIGHTS.map((w, i) => `${usccCharValue(`ascii(substr(${u}, ${i + 1}, 1))`)} * ${w}`).join(' + ');
  return (
    `(${matches(u, `${USCC_CLASS}{2}[0-9]{6}${USCC_CLASS}{10}`)} AND ` +
    `substr('${USCC_CHARSET}', ((31 - (${sum}) % 31) % 31)::BIGINT + 1, 1) = substr(${u}, 18, 1))`
  );
}

/** `YYYYMMDD` (digits) → valid calendar date, as SQL. */
function validYmd(ymd: string): string {
  return `TRY_CAST(substr(${ymd}, 1, 4) || '-' || substr(${ymd}, 5, 2) || '-' || substr(${ymd}, 7, 2) AS DATE) IS NOT NULL`;
}

/**
 * SQL: `validateIdCard(nv, { today }).ok` (`kind` 18 or 15 digits). `today` is `YYYYMMDD`.
 */
export function idCardSql(nv: string, kind: 18 | 15, today: string): string {
  const u = `upper(${nv})`;
  const province = `substr(${u}, 1, 2) IN (${PROVINCES.map((p) => `'${p}'`).join(', ')})`;
  if (kind === 15) {
    const birth = `'19' || substr(${u}, 7, 6)`;
    return `(${matches(u, '[0-9]{15}')} AND ${province} AND ${validYmd(`(${birth})`)} AND ${birth} <= '${today}')`;
  }
  const sum = ID_WEIGHTS.map((w, i) => `${digitAt(u, i + 1)} * ${w}`).join(' + ');
  const birth = `substr(${u}, 7, 8)`;
  return (
    `(${matches(u, '[0-9]{17}[0-9X]')} AND ${province} AND substr(${u}, 7, 4) >= '1800' AND ${validYmd(birth)} AND ` +
    `${birth} <= '${today}' AND substr('10X98765432', ((${sum}) % 11)::BIGINT + 1, 1) = substr(${u}, 18, 1))`
  );
}

/** SQL: `validateMobile(nv).ok`, given the compacted value. */
export function mobileSql(compact: string): string {
  const prefix = '(\\+86|0086|\\(\\+?86\\))';
  return (
    `(CASE WHEN regexp_matches(${compact}, '^${prefix}') THEN ${matches(compact, `${prefix}1[3-9][0-9]{9}`)} ` +
    `WHEN length(${compact}) = 13 AND starts_with(${compact}, '86') THEN ${matches(compact, '861[3-9][0-9]{9}')} ` +
    `ELSE ${matches(compact, '1[3-9][0-9]{9}')} END)`
  );
}

/** SQL: `validateBankCard(nv).ok`, given the compacted value (Luhn, unrolled over 19 digits). */
export function bankCardSql(compact: string): string {
  const len = `length(${compact})`;
  const terms = Array.from({ length: 19 }, (_, j) => {
    const d = digitAt(compact, `${len} - ${j}`);
    const value = j % 2 === 1 ? `(${d} * 2 - CASE WHEN ${d} > 4 THEN 9 ELSE 0 END)` : d;
    return j < 12 ? value : `(CASE WHEN ${len} > ${j} THEN ${value} ELSE 0 END)`;
  });
  return `(${matches(compact, '[0-9]{12,19}')} AND (${terms.join(' + ')}) % 10 = 0)`;
}

/**
 * SQL expressions for `parseChineseDate(nv)`: the written form (NULL when none matches) and the
 * ISO date (NULL when invalid); `ok` is `iso IS NOT NULL`.
 */
export function cnDateSql(nv: string): { format: string; iso: string } {
  const format =
    `(CASE WHEN ${matches(nv, '[0-9]{4}-[0-9]{2}-[0-9]{2}')} THEN 'YYYY-MM-DD' ` +
    `WHEN ${matches(nv, '[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}')} THEN 'YYYY-M-D' ` +
    `WHEN ${matches(nv, '[0-9]{4}/[0-9]{1,2}/[0-9]{1,2}')} THEN 'YYYY/M/D' ` +
    `WHEN ${matches(nv, '[0-9]{4}\\.[0-9]{1,2}\\.[0-9]{1,2}')} THEN 'YYYY.M.D' ` +
    `WHEN ${matches(nv, '[0-9]{4}[ \\t]*年[ \\t]*[0-9]{1,2}[ \\t]*月[ \\t]*[0-9]{1,2}[ \\t]*[日号]?')} THEN 'YYYY年M月D日' ` +
    `WHEN ${matches(nv, '[0-9]{4}[0-9]{2}[0-9]{2}')} AND substr(${nv}, 1, 4) BETWEEN '1800' AND '2199' THEN 'YYYYMMDD' END)`;
  const parts = `regexp_extract_all(${nv}, '[0-9]+')`;
  const ymd =
    `(CASE WHEN length(${nv}) = 8 AND ${matches(nv, '[0-9]{8}')} THEN ${nv} ` +
    `ELSE ${parts}[1] || lpad(${parts}[2], 2, '0') || lpad(${parts}[3], 2, '0') END)`;
  const iso = `substr(${ymd}, 1, 4) || '-' || substr(${ymd}, 5, 2) || '-' || substr(${ymd}, 7, 2)`;
  return {
    format,
    iso: `(CASE WHEN ${format} IS NOT NULL AND substr(${nv}, 1, 1) <> '0' AND TRY_CAST(${iso} AS DATE) IS NOT NULL THEN ${iso} END)`,
  };
}

const DATETIME_RE =
  '([0-9]{4})([-/.])([0-9]{1,2})([-/.])([0-9]{1,2})[ T]([0-9]{1,2}):([0-9]{2})(:([0-9]{2})(\\.([0-9]{1,9}))?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)?';
const DATETIME_GROUPS = ['y', 's1', 'mo', 's2', 'd', 'h', 'mi', 'sx', 's', 'fx', 'f', 'z'];

/** SQL: `parseDateTime(nv).value` when ok, else NULL. */
export function dateTimeSql(nv: string): string {
  const x = `regexp_extract(${nv}, ${quoteLiteral(`^${DATETIME_RE}$`)}, [${DATETIME_GROUPS.map(quoteLiteral).join(', ')}])`;
  // A lambda over the one struct keeps the extraction to a single regex run.
  const body =
    `CASE WHEN p.y <> '' AND p.s1 = p.s2 AND substr(p.y, 1, 1) <> '0' AND p.h::INT <= 23 AND p.mi::INT <= 59 ` +
    `AND coalesce(nullif(p.s, '')::INT, 0) <= 59 ` +
    `AND TRY_CAST(p.y || '-' || lpad(p.mo, 2, '0') || '-' || lpad(p.d, 2, '0') AS DATE) IS NOT NULL ` +
    `THEN p.y || '-' || lpad(p.mo, 2, '0') || '-' || lpad(p.d, 2, '0') || ' ' || lpad(p.h, 2, '0') || ':' || p.mi || ':' || ` +
    `lpad(coalesce(nullif(p.s, ''), '0'), 2, '0') || CASE WHEN p.f <> '' THEN '.' || p.f ELSE '' END || p.z END`;
  return `(CASE WHEN ${matches(nv, '[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}[ T].*')} THEN list_transform([${x}], p -> ${body})[1] END)`;
}

const DIGITS = '0123456789';

/**
 * SQL: a query over `from` (columns `v`, `n`) giving `pattern`s — digits (ASCII and full-width)
 * → 9, Latin letters → A, CJK ideographs (`\p{Han}`) → 汉, everything else kept — with their
 * counts `n` (a pattern may come in several rows; sum them). DuckDB's translate() and
 * regexp_replace() are costly on millions of values, so ASCII digits are masked first and the
 * values re-counted: that collapses most distinct values (`成都王氏电子有限公司30` and `…有限公司31`
 * become one), and the costlier passes run on what is left, each only where it can change something.
 */
export function patternQuery(from: string): string {
  const digits = `CASE WHEN ascii(v) BETWEEN 48 AND 57 AND regexp_full_match(v, '[0-9]+') THEN repeat('9', length(v)) ELSE translate(v, '${DIGITS}', '9999999999') END`;
  const letters = `(CASE WHEN regexp_matches(p, '[A-Za-z]') THEN regexp_replace(p, '[A-Za-z]', 'A', 'g') ELSE p END)`;
  const wide =
    `CASE WHEN strlen(q) = length(q) THEN q ` +
    `WHEN regexp_full_match(q, '[\\p{Han}9A]+') THEN regexp_replace(q, '\\p{Han}', '汉', 'g') ` +
    `ELSE regexp_replace(regexp_replace(regexp_replace(q, '\\p{Han}', '汉', 'g'), '[０-９]', '9', 'g'), '[Ａ-Ｚａ-ｚ]', 'A', 'g') END`;
  return (
    `SELECT ${wide} AS pattern, n FROM (SELECT ${letters} AS q, n FROM ` +
    `(SELECT p, sum(n) AS n FROM (SELECT ${digits} AS p, n FROM ${from}) GROUP BY p))`
  );
}
