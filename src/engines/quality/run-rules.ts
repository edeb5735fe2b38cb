import { AppError, type Locale } from '../../shared/app-error';
import { quoteLiteral } from '../duckdb/sql-text';
import {
  bankCardSql,
  cnDateSql,
  compactExpr,
  idCardSql,
  matches,
  mobileSql,
  normalizedExpr,
  trimmedExpr,
  typeSql,
  usccSql,
} from '../profile/column-sql';
import { validatorRule, type RuleName } from '../validators/rules';
import type { QualityRule, RuleSet } from './quality-schema';
import { columnRef, QualityWorkspace, type DatasetInput, type LoadedTable, type WorkspaceOptions } from './workspace';

/** One failing row of one rule. */
export interface RuleFailure {
  ruleId: string;
  /** 1-based data row number (header excluded). */
  row: number;
  /** The row's key column values joined by ` | ` ('' without key columns). */
  key: string;
  column: string;
  value: string | null;
  reason: string;
}

/** What one rule found. */
export interface RuleOutcome {
  ruleId: string;
  kind: QualityRule['kind'];
  column: string;
  /** The rule in words, localized. */
  label: string;
  failing: number;
}

export interface RuleRunResult {
  rows: number;
  columns: string[];
  rules: RuleOutcome[];
  failuresTotal: number;
}

export interface RunRulesOptions extends WorkspaceOptions {
  /** Key column(s) identifying a row in the failure report. */
  keyColumns?: string[];
  /** Datasets that `reference` rules name, by id. */
  datasets?: Record<string, DatasetInput>;
  locale?: Locale;
  /** `YYYYMMDD` for the id card birth-date check (default: today, UTC). */
  today?: string;
  /** Receives every failing row, in rule order then row order, in batches. */
  onFailures: (batch: RuleFailure[]) => Promise<void> | void;
}

const VALIDATOR_NAMES: Record<string, { zh: string; en: string }> = {
  uscc: { zh: '统一社会信用代码', en: 'unified social credit code' },
  id_card: { zh: '身份证号', en: 'resident ID number' },
  mobile: { zh: '手机号', en: 'mobile number' },
  bank_card: { zh: '银行卡号', en: 'bank card number' },
  cn_date: { zh: '日期', en: 'date' },
  amount: { zh: '金额', en: 'amount' },
};

/** The rule in words, localized (for reports and the UI). */
export function describeRule(rule: QualityRule, locale: Locale, datasetLabel?: string): string {
  const zh = locale === 'zh-CN';
  switch (rule.kind) {
    case 'required':
      return zh ? `${rule.column} 必填` : `${rule.column} is required`;
    case 'regex':
      return zh ? `${rule.column} 符合格式 ${rule.pattern}` : `${rule.column} matches ${rule.pattern}`;
    case 'range': {
      const low = rule.min ?? null;
      const high = rule.max ?? null;
      const span = `${low ?? '−∞'} ~ ${high ?? '+∞'}`;
      return zh ? `${rule.column} 在 ${span} 之间` : `${rule.column} between ${span}`;
    }
    case 'allowed':
      return zh ? `${rule.column} 取值于 {${rule.values.join(', ')}}` : `${rule.column} in {${rule.values.join(', ')}}`;
    case 'unique':
      return zh ? `${rule.columns.join(' + ')} 唯一` : `${rule.columns.join(' + ')} is unique`;
    case 'reference': {
      const target = `${datasetLabel ?? rule.datasetId}.${rule.datasetColumn}`;
      return zh ? `${rule.column} 必须存在于 ${target}` : `${rule.column} exists in ${target}`;
    }
    case 'validator': {
      const name = VALIDATOR_NAMES[rule.validator];
      return zh ? `${rule.column} 是有效的${name.zh}` : `${rule.column} is a valid ${name.en}`;
    }
  }
}

interface CompiledRule {
  /** Columns: row number, key columns…, value, extra. */
  sql: string;
  column: string;
  reason(value: string | null, extra: unknown): string;
}

function todayUtc(): string {
  const d = new Date();
  return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** SQL: whether a validator accepts the normalised value `nv` (raw `v` for amounts). */
function validatorSql(name: RuleName, v: string, nv: string, today: string): string {
  switch (name) {
    case 'uscc':
      return usccSql(nv);
    case 'id_card':
      return `(${idCardSql(nv, 18, today)} OR ${idCardSql(nv, 15, today)})`;
    case 'mobile':
      return mobileSql(compactExpr(nv));
    case 'bank_card':
      return bankCardSql(compactExpr(nv));
    case 'cn_date':
      return `(${cnDateSql(nv).iso} IS NOT NULL)`;
    case 'amount':
      return `(${typeSql.plainNumber(nv)} OR golive_amount(${v}) IS NOT NULL)`;
    default:
      throw new Error(`validator ${name} is not a rule validator`);
  }
}

function compileRule(
  rule: QualityRule,
  index: number,
  main: LoadedTable,
  keyExprs: string[],
  refTables: Map<string, { table: string; label: string }>,
  locale: Locale,
  today: string,
): CompiledRule {
  const zh = locale === 'zh-CN';
  const field = `rules[${index}]`;
  const keys = keyExprs.length ? `, ${keyExprs.join(', ')}` : '';
  const select = (value: string, extra: string, where: string): string =>
    `SELECT rowid + 1${keys}, ${value}, ${extra} FROM ${main.table} WHERE ${where} ORDER BY rowid`;
  if (rule.kind === 'unique') {
    const cols = rule.columns.map((c, i) => columnRef(main, c, `${field}.columns[${i}]`));
    const trimmed = cols.map((c) => trimmedExpr(c));
    const present = cols.map((c, i) => `${c} IS NOT NULL AND ${trimmed[i]} <> ''`).join(' AND ');
    const w = `(PARTITION BY ${trimmed.join(', ')})`;
    const value = cols.length === 1 ? cols[0] : `concat_ws(' | ', ${cols.map((c) => `coalesce(${c}, '')`).join(', ')})`;
    const keyList = keyExprs.length ? `, ${keyExprs.map((k, i) => `${k} AS k${i}`).join(', ')}` : '';
    const keyOut = keyExprs.length ? `, ${keyExprs.map((_, i) => `k${i}`).join(', ')}` : '';
    return {
      column: rule.columns.join(' + '),
      sql:
        `SELECT rid + 1${keyOut}, val, [cnt, first + 1] FROM (SELECT rowid AS rid${keyList}, ${value} AS val, ` +
        `count(*) OVER ${w} AS cnt, min(rowid) OVER ${w} AS first FROM ${main.table} WHERE ${present}) WHERE cnt > 1 ORDER BY rid`,
      reason: (_value, extra) => {
        const [count, first] = (extra as unknown[]).map(Number);
        return zh ? `重复：共 ${count} 行，首次出现在第 ${first} 行` : `duplicate: ${count} rows, first at row ${first}`;
      },
    };
  }
  const c = columnRef(main, rule.column, `${field}.column`);
  const tv = trimmedExpr(c);
  const nv = normalizedExpr(c);
  const present = `(${c} IS NOT NULL AND ${tv} <> '')`;
  switch (rule.kind) {
    case 'required':
      return {
        column: rule.column,
        sql: select(c, `${c} IS NULL`, `NOT ${present}`),
        reason: (_value, isNull) => (isNull === true ? (zh ? '为空' : 'is empty') : zh ? '只有空白字符' : 'is only whitespace'),
      };
    case 'regex':
      return {
        column: rule.column,
        sql: select(c, 'NULL', `${present} AND NOT ${matches(tv, rule.pattern)}`),
        reason: () => (zh ? `不符合格式 ${rule.pattern}` : `does not match ${rule.pattern}`),
      };
    case 'range': {
      const low = rule.min ?? null;
      const high = rule.max ?? null;
      const parsed = rule.mode === 'number' ? `TRY_CAST(${nv} AS DOUBLE)` : cnDateSql(nv).iso;
      const valid = rule.mode === 'number' ? typeSql.plainNumber(nv) : `${parsed} IS NOT NULL`;
      const lit = (b: number | string): string => (typeof b === 'number' ? String(b) : quoteLiteral(b));
      const code =
        `CASE WHEN NOT (${valid}) THEN 'type' ` +
        (low !== null ? `WHEN ${parsed} < ${lit(low)} THEN 'low' ` : '') +
        (high !== null ? `WHEN ${parsed} > ${lit(high)} THEN 'high' ` : '') +
        'END';
      const noun = rule.mode === 'number' ? (zh ? '数字' : 'a number') : zh ? '有效日期' : 'a valid date';
      return {
        column: rule.column,
        sql: `SELECT * FROM (${select(c, code + ' AS code', present)}) WHERE code IS NOT NULL`,
        reason: (_value, code) =>
          code === 'type'
            ? zh
              ? `不是${noun}`
              : `is not ${noun}`
            : code === 'low'
              ? zh
                ? `小于下限 ${low}`
                : `below the minimum ${low}`
              : zh
                ? `大于上限 ${high}`
                : `above the maximum ${high}`,
      };
    }
    case 'allowed': {
      const list = rule.values.map((v) => quoteLiteral(rule.ignoreCase ? v.trim().toLowerCase() : v.trim())).join(', ');
      const subject = rule.ignoreCase ? `lower(${tv})` : tv;
      return {
        column: rule.column,
        sql: select(c, 'NULL', `${present} AND ${subject} NOT IN (${list})`),
        reason: () => (zh ? `不在允许值之内（${rule.values.join('、')}）` : `not an allowed value (${rule.values.join(', ')})`),
      };
    }
    case 'reference': {
      const ref = refTables.get(`${rule.datasetId}\u0000${rule.datasetColumn}`);
      if (!ref) throw new Error(`reference table for ${rule.datasetId} not loaded`);
      return {
        column: rule.column,
        sql: select(c, 'NULL', `${present} AND NOT EXISTS (SELECT 1 FROM ${ref.table} r WHERE r.v = ${tv})`),
        reason: () => (zh ? `在 ${ref.label}.${rule.datasetColumn} 中不存在` : `not found in ${ref.label}.${rule.datasetColumn}`),
      };
    }
    case 'validator': {
      const name = rule.validator as RuleName;
      return {
        column: rule.column,
        sql: select(c, 'NULL', `${present} AND NOT coalesce(${validatorSql(name, c, nv, today)}, false)`),
        reason: (value) => {
          const result = value === null ? null : validatorRule(name).validate(value);
          if (result && !result.ok) return zh ? result.reasonZh : result.reason;
          const label = VALIDATOR_NAMES[name];
          return zh ? `不是有效的${label.zh}` : `not a valid ${label.en}`;
        },
      };
    }
  }
}

const BATCH = 2000;

/**
 * Runs a rule set over a dataset in DuckDB and reports, per rule, the failing count and every
 * failing row (row number, key, column, value, reason) through `onFailures` — no cap, no sample.
 * Rules other than `required` skip empty values; values are compared trimmed; `reference` rules
 * load the named datasets (`options.datasets`) and test membership of the trimmed value.
 */
export async function runQualityRules(input: DatasetInput, ruleSet: RuleSet, options: RunRulesOptions): Promise<RuleRunResult> {
  const locale = options.locale ?? 'zh-CN';
  const today = options.today ?? todayUtc();
  const ws = await QualityWorkspace.open(options);
  try {
    const main = await ws.load('t', input);
    const keyExprs = (options.keyColumns ?? []).map((k, i) => columnRef(main, k, `keyColumns[${i}]`));
    // Check every rule's columns before any work, so a typo fails fast with its field.
    for (const [i, rule] of ruleSet.rules.entries()) {
      if (rule.kind === 'unique') rule.columns.forEach((c, j) => columnRef(main, c, `rules[${i}].columns[${j}]`));
      else columnRef(main, rule.column, `rules[${i}].column`);
    }
    const refTables = new Map<string, { table: string; label: string }>();
    const loadedDatasets = new Map<string, LoadedTable>();
    for (const [i, rule] of ruleSet.rules.entries()) {
      if (rule.kind !== 'reference') continue;
      const refKey = `${rule.datasetId}\u0000${rule.datasetColumn}`;
      if (refTables.has(refKey)) continue;
      let loaded = loadedDatasets.get(rule.datasetId);
      if (!loaded) {
        const dataset = options.datasets?.[rule.datasetId];
        if (!dataset) {
          const at = `rules[${i}].datasetId`;
          throw new AppError('QUALITY_DATASET_UNKNOWN', { field: at, dataset: rule.datasetId }, [{ field: at }]);
        }
        loaded = await ws.load(`ds${loadedDatasets.size}`, dataset);
        loadedDatasets.set(rule.datasetId, loaded);
      }
      const col = columnRef(loaded, rule.datasetColumn, `rules[${i}].datasetColumn`);
      const table = `refset${refTables.size}`;
      await ws.conn.run(`CREATE TABLE ${table} AS SELECT DISTINCT ${trimmedExpr(col)} AS v FROM ${loaded.table} WHERE ${col} IS NOT NULL`);
      refTables.set(refKey, { table, label: loaded.label });
    }
    const outcomes: RuleOutcome[] = [];
    let total = 0;
    for (const [i, rule] of ruleSet.rules.entries()) {
      const compiled = compileRule(rule, i, main, keyExprs, refTables, locale, today);
      const label = describeRule(rule, locale, rule.kind === 'reference' ? loadedDatasets.get(rule.datasetId)?.label : undefined);
      let failing = 0;
      let result: Awaited<ReturnType<typeof ws.conn.stream>>;
      try {
        result = await ws.conn.stream(compiled.sql);
      } catch (error) {
        // RE2 (DuckDB) refuses a few JS-only constructs such as lookarounds.
        if (rule.kind !== 'regex') throw error;
        const at = `rules[${i}].pattern`;
        throw new AppError('QUALITY_REGEX_UNSUPPORTED', { field: at, reason: error instanceof Error ? error.message : String(error) }, [
          { field: at },
        ]);
      }
      for await (const rows of result.yieldRowsJs()) {
        const batch: RuleFailure[] = [];
        for (const row of rows) {
          const n = keyExprs.length;
          const value = (row[1 + n] as string | null) ?? null;
          batch.push({
            ruleId: rule.id,
            row: Number(row[0]),
            key: keyExprs.length
              ? row
                  .slice(1, 1 + n)
                  .map((k) => (k === null ? '' : String(k)))
                  .join(' | ')
              : '',
            column: compiled.column,
            value,
            reason: compiled.reason(value, row[2 + n]),
          });
          if (batch.length >= BATCH) {
            await options.onFailures(batch.splice(0));
          }
        }
        failing += rows.length;
        if (batch.length) await options.onFailures(batch);
      }
      total += failing;
      outcomes.push({ ruleId: rule.id, kind: rule.kind, column: compiled.column, label, failing });
    }
    return { rows: main.rows, columns: main.columns, rules: outcomes, failuresTotal: total };
  } finally {
    await ws.close();
  }
}
