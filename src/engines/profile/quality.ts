import { isDateType } from './infer-type';
import type { ColumnImportance, ColumnType, Quality, QualityReason } from './profile-types';

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
const IDENTIFIER_NAME = /(^id$|_id$|^id_|编号|编码|代码|号码|单号|名称|姓名|code|^no$|_no$|number|name|key)/i;
/** Column names of money and quantities: what a finance or stock user reconciles. */
const AMOUNT_NAME = /(金额|余额|额度|单价|价格|数量|成本|税额|费用|amount|balance|price|qty|quantity|cost|total)/i;
const IDENTIFIER_TYPES: readonly ColumnType[] = ['uscc', 'id_card', 'bank_card', 'mobile'];
const NUMERIC_TYPES: readonly ColumnType[] = ['integer', 'decimal', 'amount'];

/** Weight of an important column in the source's weighted mean (optional columns weigh 1). */
export const IMPORTANT_WEIGHT = 3;
/** Share of an optional column's missing values that counts against it (a blank 备注 is mostly fine). */
export const OPTIONAL_MISSING_WEIGHT = 0.3;

const pct = (ratio: number): string => `${ratio < 0.01 && ratio > 0 ? (ratio * 100).toFixed(2) : Math.round(ratio * 100)}%`;
const round1 = (n: number): number => Math.round(n * 10) / 10;
const round3 = (n: number): number => Math.round(n * 1000) / 1000;

/**
 * How much a column matters: the key; an amount (the `amount` type, or a numeric column named
 * like 金额 / 余额 / 数量 / price…); an identifier (named like 编码 / 名称 / code…, or a USCC, ID,
 * bank card or mobile column); otherwise optional.
 */
export function columnImportance(input: Pick<ColumnQualityInput, 'name' | 'isKey' | 'type'>): ColumnImportance {
  if (input.isKey) return 'key';
  if (input.type === 'amount' || (AMOUNT_NAME.test(input.name) && (NUMERIC_TYPES.includes(input.type) || input.type === 'text')))
    return 'amount';
  if (IDENTIFIER_NAME.test(input.name) || IDENTIFIER_TYPES.includes(input.type)) return 'identifier';
  return 'optional';
}

/**
 * Scores a column 0–100 as the share of its values a user can rely on:
 * `score = round(100 × completeness × validity × uniqueness)` with
 *
 * - completeness, `m` = share of rows null, empty or blank: `1 − m` on an important column (key,
 *   amount, identifier: see {@link columnImportance}), `1 − 0.3·m` on an optional one — so an
 *   opening balance missing in 34.8 % of rows scores 65, a half-empty 备注 85;
 * - validity = `f × (1 − min(0.15, 0.05·(k − 1))) × (1 − 0.1·p) × (1 − 0.1·l)`: `f` the share of
 *   present values fitting the inferred type (typed columns), `k` written date forms, `p` the
 *   share of values with leading/trailing spaces, `l` the share of legacy 15-digit ID numbers;
 * - uniqueness (key columns) = `1 − d`, `d` the share of rows whose key value repeats.
 *
 * A column without a single present value scores 0. The points each factor costs (applied in that
 * order, so they add up to 100 − score) come as reasons when at least 0.5.
 */
export function scoreColumn(input: ColumnQualityInput): Quality {
  const importance = columnImportance(input);
  const weight = importance === 'optional' ? 1 : IMPORTANT_WEIGHT;
  if (input.rows > 0 && input.present === 0) {
    return {
      score: 0,
      reasons: [{ code: 'no_values', penalty: 100, en: 'no values at all', zh: '没有任何有效值' }],
      components: { importance, weight, completeness: 0, validity: 1, uniqueness: 1 },
    };
  }
  const rows = Math.max(1, input.rows);
  const missing = (input.nulls + input.empty + input.blank) / rows;
  const important = importance !== 'optional';
  const present = Math.max(1, input.present);
  const typeFit = input.type !== 'text' ? input.typeRatio : 1;
  const dates = isDateType(input.type) && input.dateFormats > 1 ? 1 - Math.min(0.15, 0.05 * (input.dateFormats - 1)) : 1;
  const padded = input.padded / present;
  const legacy = input.legacyIdCards / present;
  const duplicates = input.isKey ? input.duplicateKeyRows / rows : 0;

  // Factors in the order their points are counted; each costs `running × (1 − factor)`.
  const factors: { code: string; factor: number; en: string; zh: string }[] = [
    important
      ? {
          code: 'missing',
          factor: 1 - missing,
          en: `null ratio ${pct(missing)} on a required column (${importance})`,
          zh: `${IMPORTANCE_ZH[importance]}列的空值率为 ${pct(missing)}`,
        }
      : {
          code: 'missing',
          factor: 1 - OPTIONAL_MISSING_WEIGHT * missing,
          en: `null ratio ${pct(missing)}`,
          zh: `空值率为 ${pct(missing)}`,
        },
    {
      code: 'mixed_types',
      factor: typeFit,
      en: `mixed types: ${pct(input.typeRatio)} ${input.type}`,
      zh: `类型不一致：${pct(input.typeRatio)} 为 ${input.type}`,
    },
    { code: 'date_formats', factor: dates, en: `${input.dateFormats} distinct formats of dates`, zh: `日期有 ${input.dateFormats} 种写法` },
    {
      code: 'padding',
      factor: 1 - 0.1 * padded,
      en: `${pct(padded)} of values have leading/trailing spaces`,
      zh: `${pct(padded)} 的值首尾有空格`,
    },
    {
      code: 'legacy_id',
      factor: 1 - 0.1 * legacy,
      en: `${pct(legacy)} legacy 15-digit ID numbers`,
      zh: `${pct(legacy)} 为旧版 15 位身份证号`,
    },
    {
      code: 'duplicate_keys',
      factor: 1 - duplicates,
      en: `${input.duplicateKeyValues} duplicated key values in ${input.duplicateKeyRows} rows`,
      zh: `${input.duplicateKeyValues} 个主键值重复，涉及 ${input.duplicateKeyRows} 行`,
    },
  ];
  const reasons: QualityReason[] = [];
  let running = 100;
  for (const f of factors) {
    const factor = Math.max(0, Math.min(1, f.factor));
    const penalty = running * (1 - factor);
    running *= factor;
    if (penalty >= 0.5) reasons.push({ code: f.code, penalty: round1(penalty), en: f.en, zh: f.zh });
  }
  reasons.sort((a, b) => b.penalty - a.penalty);
  const completeness = Math.max(0, factors[0]!.factor);
  const validity = Math.max(0, typeFit * dates * (1 - 0.1 * padded) * (1 - 0.1 * legacy));
  return {
    score: Math.max(0, Math.min(100, Math.round(running))),
    reasons,
    components: {
      importance,
      weight,
      completeness: round3(completeness),
      validity: round3(validity),
      uniqueness: round3(1 - duplicates),
    },
  };
}

const IMPORTANCE_ZH: Record<ColumnImportance, string> = { key: '主键', amount: '金额/数量', identifier: '必填', optional: '可选' };

/**
 * Scores a source: `score = min(weighted mean of the column scores (one decimal), lowest important
 * column score)`, important columns (key, amount, identifier) weighing 3 and optional ones 1. The
 * mean says how clean the table is overall; the minimum keeps one unusable key or amount column
 * from being averaged away by clean names and remarks: a balance table missing a third of its
 * opening balances cannot be loaded, however tidy its other columns. Its reasons are the columns'
 * reasons, each naming its column, largest penalty first (at most 20), after a `capped` reason when
 * the minimum applies. A source without rows scores 0.
 */
export function scoreSource(rows: number, columns: { name: string; quality: Quality }[]): Quality {
  if (rows === 0 || columns.length === 0) {
    return { score: 0, reasons: [{ code: 'no_rows', penalty: 100, en: 'the source has no data rows', zh: '数据源没有数据行' }] };
  }
  const weightOf = (q: Quality): number => q.components?.weight ?? 1;
  const totalWeight = columns.reduce((sum, c) => sum + weightOf(c.quality), 0);
  const weightedMean = columns.reduce((sum, c) => sum + weightOf(c.quality) * c.quality.score, 0) / totalWeight;
  // One decimal, not rounded to an integer: 99.5 must not read as a perfect 100.
  const mean = round1(weightedMean);
  const important = columns.filter((c) => c.quality.components && c.quality.components.importance !== 'optional');
  const weakest = [...important].sort((a, b) => a.quality.score - b.quality.score)[0];
  const cappedBy = weakest && weakest.quality.score < mean ? { column: weakest.name, score: weakest.quality.score } : null;
  const score = cappedBy ? cappedBy.score : mean;
  const reasons: QualityReason[] = columns
    .flatMap((c) => c.quality.reasons.map((r) => ({ ...r, column: c.name, en: `${c.name}: ${r.en}`, zh: `${c.name}：${r.zh}` })))
    .sort((a, b) => b.penalty - a.penalty)
    .slice(0, 20);
  if (cappedBy) {
    reasons.unshift({
      code: 'capped',
      penalty: round1(weightedMean - cappedBy.score),
      column: cappedBy.column,
      en: `capped at ${cappedBy.score} by the weakest important column ${cappedBy.column} (weighted mean ${round1(weightedMean)})`,
      zh: `按最弱的重要列“${cappedBy.column}”封顶为 ${cappedBy.score} 分（加权平均 ${round1(weightedMean)}）`,
    });
  }
  return { score, reasons, breakdown: { weightedMean: round1(weightedMean), cappedBy } };
}
