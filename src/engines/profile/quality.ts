import { isDateType } from './infer-type';
import type { ColumnType, Quality, QualityReason } from './profile-types';

/** What the scoring needs to know about a column. */
export interface ColumnQualityInput {
  name: string;
  rows: number;
  type: ColumnType;
  /** Share of present values fitting `type`. */
  typeRatio: number;
  nulls: number;
  empty: number;
  blank: number;
  padded: number;
  /** Present values: non-null, non-empty, non-blank. */
  present: number;
  /** Distinct written date forms among present values (date columns). */
  dateFormats: number;
  legacyIdCards: number;
  isKey: boolean;
  /** For key columns: rows whose key value occurs more than once. */
  duplicateKeyRows: number;
  duplicateKeyValues: number;
}

/** Column names that suggest a value must always be there (ids, codes, numbers, names). */
const REQUIRED_NAME = /(^id$|_id$|^id_|编号|编码|代码|号码|单号|名称|姓名|code|^no$|_no$|number|name|key)/i;

const pct = (ratio: number): string => `${ratio < 0.01 && ratio > 0 ? (ratio * 100).toFixed(2) : Math.round(ratio * 100)}%`;
const round1 = (n: number): number => Math.round(n * 10) / 10;

/**
 * Whether missing values in a column look like errors rather than optional fields: the key, a
 * name that reads like an identifier or a name, an identifier type (USCC, ID, bank card,
 * mobile), or a column that is at least half filled (so its gaps stand out).
 */
export function looksRequired(input: Pick<ColumnQualityInput, 'name' | 'isKey' | 'type' | 'rows' | 'nulls' | 'empty' | 'blank'>): boolean {
  if (input.isKey || REQUIRED_NAME.test(input.name)) return true;
  if (['uscc', 'id_card', 'bank_card', 'mobile'].includes(input.type)) return true;
  const missing = input.rows === 0 ? 0 : (input.nulls + input.empty + input.blank) / input.rows;
  return missing <= 0.5;
}

/**
 * Scores a column 0–100: `score = clamp(round(100 − Σ penalties), 0, 100)` with
 *
 * - missing (null + empty + blank share `m`): `60·m` on a required-looking column
 *   ({@link looksRequired}), else `20·m`;
 * - mixed types (share `f` of present values fitting the inferred type, typed columns only): `50·(1 − f)`;
 * - date formats (`k` written forms in a date column): `min(15, 5·(k − 1))`;
 * - padding (share `p` of present values with leading/trailing whitespace): `10·p`;
 * - legacy ID numbers (share `l` of 15-digit IDs among present values): `10·l`;
 * - duplicate keys (key columns; share `d` of rows whose key repeats): `min(40, 100·d)`.
 *
 * A column without a single present value scores 0. Each penalty of at least 0.5 points comes
 * with a reason.
 */
export function scoreColumn(input: ColumnQualityInput): Quality {
  const reasons: QualityReason[] = [];
  const add = (code: string, penalty: number, en: string, zh: string): void => {
    if (penalty >= 0.5) reasons.push({ code, penalty: round1(penalty), en, zh });
  };
  if (input.rows > 0 && input.present === 0) {
    return { score: 0, reasons: [{ code: 'no_values', penalty: 100, en: 'no values at all', zh: '没有任何有效值' }] };
  }
  const rows = Math.max(1, input.rows);
  const missing = (input.nulls + input.empty + input.blank) / rows;
  if (looksRequired(input)) {
    add('missing', 60 * missing, `null ratio ${pct(missing)} on a required-looking column`, `疑似必填列的空值率为 ${pct(missing)}`);
  } else {
    add('missing', 20 * missing, `null ratio ${pct(missing)}`, `空值率为 ${pct(missing)}`);
  }
  if (input.type !== 'text' && input.present > 0) {
    add(
      'mixed_types',
      50 * (1 - input.typeRatio),
      `mixed types: ${pct(input.typeRatio)} ${input.type}`,
      `类型不一致：${pct(input.typeRatio)} 为 ${input.type}`,
    );
  }
  if (isDateType(input.type) && input.dateFormats > 1) {
    add(
      'date_formats',
      Math.min(15, 5 * (input.dateFormats - 1)),
      `${input.dateFormats} distinct formats of dates`,
      `日期有 ${input.dateFormats} 种写法`,
    );
  }
  if (input.present > 0) {
    const padded = input.padded / input.present;
    add('padding', 10 * padded, `${pct(padded)} of values have leading/trailing spaces`, `${pct(padded)} 的值首尾有空格`);
    const legacy = input.legacyIdCards / input.present;
    add('legacy_id', 10 * legacy, `${pct(legacy)} legacy 15-digit ID numbers`, `${pct(legacy)} 为旧版 15 位身份证号`);
  }
  if (input.isKey && input.duplicateKeyRows > 0) {
    const share = input.duplicateKeyRows / rows;
    add(
      'duplicate_keys',
      Math.min(40, 100 * share),
      `${input.duplicateKeyValues} duplicated key values in ${input.duplicateKeyRows} rows`,
      `${input.duplicateKeyValues} 个主键值重复，涉及 ${input.duplicateKeyRows} 行`,
    );
  }
  const total = reasons.reduce((sum, r) => sum + r.penalty, 0);
  reasons.sort((a, b) => b.penalty - a.penalty);
  return { score: Math.max(0, Math.min(100, Math.round(100 - total))), reasons };
}

/**
 * Scores a source: the mean of its column scores (rounded); its reasons are the columns'
 * reasons, each naming its column, largest penalty first (at most 20). A source without rows
 * scores 0.
 */
export function scoreSource(rows: number, columns: { name: string; quality: Quality }[]): Quality {
  if (rows === 0 || columns.length === 0) {
    return { score: 0, reasons: [{ code: 'no_rows', penalty: 100, en: 'the source has no data rows', zh: '数据源没有数据行' }] };
  }
  const score = Math.round(columns.reduce((sum, c) => sum + c.quality.score, 0) / columns.length);
  const reasons = columns
    .flatMap((c) => c.quality.reasons.map((r) => ({ ...r, column: c.name, en: `${c.name}: ${r.en}`, zh: `${c.name}：${r.zh}` })))
    .sort((a, b) => b.penalty - a.penalty)
    .slice(0, 20);
  return { score, reasons };
}
