/**
 * Target column types and the conversions the loader applies before a value reaches the
 * database. Every converter takes the source cell's text and returns the canonical text the
 * target accepts (PostgreSQL COPY input; SQLite gets it with the affinity the column declares),
 * or a {@link BadValue} whose reason ends up in the rejects file.
 */

/** What golive knows how to check; `other` is passed through for the database to judge. */
export type ColumnKind =
  | 'smallint'
  | 'integer'
  | 'bigint'
  | 'numeric'
  | 'real'
  | 'double'
  | 'boolean'
  | 'date'
  | 'timestamp'
  | 'timestamptz'
  | 'text'
  | 'uuid'
  | 'json'
  | 'other';

/** A column type taken apart from its declaration (`numeric(12,2)`, `character varying(20)`, …). */
export interface ColumnType {
  kind: ColumnKind;
  /** Maximum length in characters for varchar(n)/char(n). */
  length?: number;
  precision?: number;
  scale?: number;
  /** The declaration as the database reports it, for messages. */
  declared: string;
}

/** A value that does not convert, with the reason (Chinese, as shown in the rejects file). */
export class BadValue {
  constructor(readonly reason: string) {}
}

/** Converts one non-null source text; the result is canonical text or a BadValue. */
export type Converter = (text: string) => string | BadValue;

/**
 * Classifies a declared column type. PostgreSQL declarations come from `format_type`, SQLite ones
 * are whatever the CREATE TABLE said; SQLite's INTEGER is 64-bit.
 */
export function classifyColumnType(declared: string, dialect: 'postgres' | 'sqlite'): ColumnType {
  const t = declared.trim().toLowerCase().replace(/\s+/g, ' ');
  const params = /\(\s*(\d+)\s*(?:,\s*(-?\d+)\s*)?\)/.exec(t);
  const base = t.replace(/\(.*?\)/g, '').trim();
  const n1 = params ? Number(params[1]) : undefined;
  const n2 = params?.[2] !== undefined ? Number(params[2]) : undefined;
  if (base === 'smallint' || base === 'int2') return { kind: 'smallint', declared };
  if (['integer', 'int', 'int4', 'mediumint'].includes(base)) {
    return { kind: dialect === 'sqlite' ? 'bigint' : 'integer', declared };
  }
  if (base === 'bigint' || base === 'int8') return { kind: 'bigint', declared };
  if (base === 'numeric' || base === 'decimal' || base === 'number') {
    return { kind: 'numeric', declared, precision: n1, scale: n1 === undefined ? undefined : (n2 ?? 0) };
  }
  if (base === 'real' || base === 'float4') return { kind: 'real', declared };
  if (['double precision', 'double', 'float8', 'float'].includes(base)) return { kind: 'double', declared };
  if (base === 'boolean' || base === 'bool') return { kind: 'boolean', declared };
  if (base === 'date') return { kind: 'date', declared };
  if (base === 'timestamp with time zone' || base === 'timestamptz') return { kind: 'timestamptz', declared };
  if (base === 'timestamp without time zone' || base === 'timestamp' || base === 'datetime') return { kind: 'timestamp', declared };
  if (['character varying', 'varchar', 'nvarchar', 'character', 'char', 'nchar', 'bpchar'].includes(base)) {
    return { kind: 'text', declared, length: n1 };
  }
  if (['text', 'clob', 'string', 'citext', 'name'].includes(base) || base === '') return { kind: 'text', declared };
  if (base === 'uuid') return { kind: 'uuid', declared };
  if (base === 'json' || base === 'jsonb') return { kind: 'json', declared };
  return { kind: 'other', declared };
}

const INT_RE = /^[+-]?\d+$/;
const GROUPED_INT_RE = /^[+-]?\d{1,3}(,\d{3})+$/;
const DECIMAL_RE = /^([+-]?)(\d*)(?:\.(\d*))?$/;
const GROUPED_DECIMAL_RE = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;
const INT_LIMITS = {
  smallint: [-32768n, 32767n],
  integer: [-2147483648n, 2147483647n],
  bigint: [-9223372036854775808n, 9223372036854775807n],
} as const;

/** Removes thousands separators (`1,234,567.50`), which legacy exports write. */
function ungroup(text: string, grouped: RegExp): string {
  return grouped.test(text) ? text.replace(/,/g, '') : text;
}

function integerConverter(kind: 'smallint' | 'integer' | 'bigint'): Converter {
  const [min, max] = INT_LIMITS[kind];
  // Below this many digits the value cannot leave the range; skip the BigInt.
  const safeDigits = kind === 'smallint' ? 4 : kind === 'integer' ? 9 : 18;
  const fast = new RegExp(`^-?[1-9]\\d{0,${safeDigits - 1}}$|^0$`);
  return (raw) => {
    if (fast.test(raw)) return raw;
    let text = raw.trim();
    if (!INT_RE.test(text)) {
      text = ungroup(text, GROUPED_INT_RE);
      // 12.00 is an integer written by a spreadsheet; 12.5 is not.
      const m = /^([+-]?\d+)\.0*$/.exec(text);
      if (m) text = m[1];
      if (!INT_RE.test(text)) return new BadValue(`"${raw}" 不是整数`);
    }
    const digits = text.length - (text[0] === '-' || text[0] === '+' ? 1 : 0);
    if (digits > safeDigits) {
      const value = BigInt(text);
      if (value < min || value > max) return new BadValue(`"${raw}" 超出 ${kind} 范围（${min} 至 ${max}）`);
      return value.toString();
    }
    // Canonical form, so 007 and 7 are the same key.
    return String(Number(text));
  };
}

function numericConverter(type: ColumnType): Converter {
  const { precision, scale } = type;
  // The usual case (plain digits within precision and scale) is already canonical.
  const fast =
    precision !== undefined && scale !== undefined && precision > scale
      ? new RegExp(`^-?(0|[1-9]\\d{0,${precision - scale - 1}})${scale > 0 ? `(\\.\\d{1,${scale}})?` : ''}$`)
      : undefined;
  return (raw) => {
    if (fast?.test(raw)) return raw;
    const text = ungroup(raw.trim(), GROUPED_DECIMAL_RE);
    const m = DECIMAL_RE.exec(text);
    if (!m || (m[2] === '' && (m[3] ?? '') === '')) {
      // Scientific notation is a number, but not one an accountant wrote; convert it exactly.
      if (/^[+-]?(\d+\.?\d*|\.\d+)e[+-]?\d+$/i.test(text) && Number.isFinite(Number(text))) {
        return numericConverter(type)(expandExponent(text));
      }
      return new BadValue(`"${raw}" 不是数字`);
    }
    const sign = m[1] === '-' ? '-' : '';
    const intDigits = m[2].replace(/^0+(?=\d)/, '');
    let frac = m[3] ?? '';
    if (scale !== undefined && frac.length > scale) {
      if (!/^0*$/.test(frac.slice(scale))) {
        return new BadValue(`"${raw}" 小数位数超过 ${scale} 位（${type.declared}），不做舍入`);
      }
      frac = frac.slice(0, scale);
    }
    if (precision !== undefined && scale !== undefined) {
      const significant = intDigits.replace(/^0+/, '').length;
      if (significant > precision - scale) {
        return new BadValue(`"${raw}" 超出 ${type.declared} 的范围（整数部分最多 ${precision - scale} 位）`);
      }
    }
    return `${sign}${intDigits || '0'}${frac ? `.${frac}` : ''}`;
  };
}

/** Writes `1.5e3` as `1500` without going through a double. */
function expandExponent(text: string): string {
  const m = /^([+-]?)(\d*)\.?(\d*)e([+-]?\d+)$/i.exec(text)!;
  const digits = `${m[2]}${m[3]}`;
  const point = m[2].length + Number(m[4]);
  if (point <= 0) return `${m[1]}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${m[1]}${digits}${'0'.repeat(point - digits.length)}`;
  return `${m[1]}${digits.slice(0, point)}.${digits.slice(point)}`;
}

function floatConverter(kind: 'real' | 'double'): Converter {
  return (raw) => {
    const text = ungroup(raw.trim(), GROUPED_DECIMAL_RE);
    const value = text === '' ? NaN : Number(text);
    if (!Number.isFinite(value) || /^0x/i.test(text)) return new BadValue(`"${raw}" 不是数字`);
    if (kind === 'real' && Math.abs(value) > 3.4028234663852886e38) return new BadValue(`"${raw}" 超出 real 范围`);
    return text.startsWith('+') ? text.slice(1) : text;
  };
}

const TRUE_WORDS = new Set(['true', 't', 'yes', 'y', '1', 'on', '是', '真', '对', '√']);
const FALSE_WORDS = new Set(['false', 'f', 'no', 'n', '0', 'off', '否', '假', '错', '×']);

const booleanConverter: Converter = (raw) => {
  if (raw === 'true' || raw === 'false') return raw;
  const word = raw.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return 'true';
  if (FALSE_WORDS.has(word)) return 'false';
  return new BadValue(`"${raw}" 不是布尔值（可用 是/否、Y/N、true/false、1/0）`);
};

// 2024-01-05, 2024/1/5, 2024.1.5, 2024年1月5日, 20240105; the rest of the text is returned for the time part.
const DATE_PART_RE = /^(\d{4})(?:[-/.年](\d{1,2})[-/.月](\d{1,2})日?|(\d{2})(\d{2}))(?=$|[T\s]|\d{2}:)/;
const TIME_RE = /^(?:[T\s]\s*)?(\d{1,2})(?::|时|點|点)(\d{1,2})(?:(?::|分)(\d{1,2})(?:\.(\d{1,6}))?秒?)?分?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** The date at the start of a text, validated against the calendar, and what follows it. */
function parseDatePart(text: string): { date: string; rest: string } | string {
  const m = DATE_PART_RE.exec(text);
  if (!m) return '无法识别的日期格式（可用 2024-01-05、2024/1/5、2024年1月5日、20240105）';
  const year = Number(m[1]);
  const month = Number(m[2] ?? m[4]);
  const day = Number(m[3] ?? m[5]);
  if (year < 1 || month < 1 || month > 12 || day < 1) return '不是有效日期';
  const days = new Date(Date.UTC(2000, month, 0)).getUTCDate();
  const leap = month === 2 && day === 29 ? (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 : true;
  if (day > days || !leap) return `不是有效日期（${year} 年 ${month} 月没有 ${day} 日）`;
  return { date: `${m[1]}-${pad2(month)}-${pad2(day)}`, rest: text.slice(m[0].length) };
}

/** `YYYY-MM-DD` with a valid month and day, checked without a regex (the common case). */
function isIsoDate(text: string): boolean {
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  for (const i of [0, 1, 2, 3, 5, 6, 8, 9]) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  const month = (text.charCodeAt(5) - 48) * 10 + text.charCodeAt(6) - 48;
  const day = (text.charCodeAt(8) - 48) * 10 + text.charCodeAt(9) - 48;
  if (month < 1 || month > 12 || day < 1 || day > 28)
    return month >= 1 && month <= 12 && day >= 1 && typeof parseDatePart(text) !== 'string';
  return true;
}

const dateConverter: Converter = (raw) => {
  if (raw.length === 10 && isIsoDate(raw)) return raw;
  const text = raw.trim();
  const parsed = parseDatePart(text);
  if (typeof parsed === 'string') return new BadValue(`"${raw}" ${parsed}`);
  // A spreadsheet date often carries a midnight time; anything else is not a plain date.
  if (parsed.rest !== '' && !/^[T\s]\s*0{1,2}:00(:00(\.0+)?)?$/.test(parsed.rest)) {
    return new BadValue(`"${raw}" 带有时间部分，目标列是 date`);
  }
  return parsed.date;
};

const ISO_TIME_RE = /^.{11}([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;

function timestampConverter(withZone: boolean): Converter {
  return (raw) => {
    if (raw.length === 19 && raw.charCodeAt(10) === 32 && isIsoDate(raw) && ISO_TIME_RE.test(raw)) return raw;
    const text = raw.trim();
    const parsed = parseDatePart(text);
    if (typeof parsed === 'string') return new BadValue(`"${raw}" ${parsed}`);
    if (parsed.rest === '') return `${parsed.date} 00:00:00`;
    const t = TIME_RE.exec(parsed.rest);
    if (!t) return new BadValue(`"${raw}" 时间部分无法识别（可用 2024-01-05 10:30:00）`);
    const [h, mi, s] = [Number(t[1]), Number(t[2]), Number(t[3] ?? 0)];
    if (h > 23 || mi > 59 || s > 59) return new BadValue(`"${raw}" 不是有效时间`);
    const zone = t[5] ?? '';
    if (zone && !withZone) return new BadValue(`"${raw}" 带有时区，目标列是不带时区的 timestamp`);
    return `${parsed.date} ${pad2(h)}:${pad2(mi)}:${pad2(s)}${t[4] ? `.${t[4]}` : ''}${zone}`;
  };
}

/** Character count as PostgreSQL counts it (code points), cheap for the usual short ASCII case. */
function charLength(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) n--;
  }
  return n;
}

function textConverter(type: ColumnType): Converter {
  const max = type.length;
  if (max === undefined) return (text) => text;
  const isChar = /^(character|char|nchar|bpchar)\b/i.test(type.declared) && !/varying/i.test(type.declared);
  return (text) => {
    if (text.length <= max) return text;
    const fitted = isChar ? text.replace(/ +$/, '') : text;
    const length = charLength(fitted);
    if (length > max) return new BadValue(`长度 ${length} 超过 ${type.declared} 的上限 ${max}`);
    return fitted;
  };
}

const UUID_RE = /^\{?[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}\}?$/i;

/** The converter for a column type. */
export function converterFor(type: ColumnType): Converter {
  switch (type.kind) {
    case 'smallint':
    case 'integer':
    case 'bigint':
      return integerConverter(type.kind);
    case 'numeric':
      return numericConverter(type);
    case 'real':
    case 'double':
      return floatConverter(type.kind);
    case 'boolean':
      return booleanConverter;
    case 'date':
      return dateConverter;
    case 'timestamp':
      return timestampConverter(false);
    case 'timestamptz':
      return timestampConverter(true);
    case 'text':
      return textConverter(type);
    case 'uuid':
      return (raw) => (UUID_RE.test(raw.trim()) ? raw.trim() : new BadValue(`"${raw}" 不是 UUID`));
    case 'json':
      return (raw) => {
        try {
          JSON.parse(raw);
          return raw;
        } catch {
          return new BadValue(`"${raw.length > 40 ? `${raw.slice(0, 40)}…` : raw}" 不是合法 JSON`);
        }
      };
    case 'other':
      return (raw) => raw;
  }
}

/** Whether a kind is text-like (kept verbatim, never trimmed; an empty string is still null from CSV). */
export function isTextKind(kind: ColumnKind): boolean {
  return kind === 'text' || kind === 'json' || kind === 'other';
}
