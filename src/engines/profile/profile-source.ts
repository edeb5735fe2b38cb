import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { AppError } from '../../shared/app-error';
import { openSource } from '../sources/open-source';
import type { OpenSourceOptions, TabularSource } from '../sources/source-types';
import { validatorRule, type RuleName } from '../validators/rules';
import { registerAmountFunction } from './amount-udf';
import {
  bankCardSql,
  CANDIDATE_BOUND_SQL,
  ISO_DATE_BOUND_SQL,
  cnDateSql,
  compactExpr,
  dateTimeSql,
  idCardSql,
  matches,
  mobileSql,
  normalizedColumnExpr,
  patternQuery,
  trimmedColumnExpr,
  usccSql,
  withPlainTypeFlags,
} from './column-sql';
import { DOMINANT_SHARE, inferColumnType, isDateType, MINIMUM_SHARE, TYPE_PREFERENCE } from './infer-type';
import { loadProfileTable } from './load-profile-table';
import type { ColumnProfile, ColumnType, KeyProfile, SourceProfile } from './profile-types';
import { scoreColumn, scoreSource } from './quality';

/** Progress of a profile run. */
export type ProfileProgress = { phase: 'load'; rows: number } | { phase: 'analyze'; column: number; columns: number };

/** Options of {@link profileSource}; none changes the result. */
export interface ProfileOptions extends Pick<OpenSourceOptions, 'encoding' | 'sheet' | 'delimiter' | 'header' | 'query' | 'batchSize'> {
  /** Base directory for relative file paths. */
  baseDir?: string;
  /** Key column(s): duplicates and null keys are reported, and counted in the key columns' scores. */
  key?: string[];
  /** Directory for DuckDB's temporary database and spill files (default: a fresh temp dir). */
  workDir?: string;
  /** DuckDB memory limit, e.g. '1GB' (default). Above it DuckDB spills to the work directory. */
  memoryLimit?: string;
  threads?: number;
  onProgress?: (progress: ProfileProgress) => void;
}

const TOP = 10;

type Row = unknown[];

async function one(conn: DuckDBConnection, sql: string): Promise<Row> {
  return (await conn.runAndReadAll(sql)).getRowsJS()[0];
}

const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
const ratio = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);
const str = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

/** A number for JSON when it is exactly representable, else the exact text. */
function numericOut(text: string | null): number | string | null {
  if (text === null) return null;
  const n = Number(text);
  if (!Number.isFinite(n)) return text;
  if (/^[-+]?\d+$/.test(text) && !Number.isSafeInteger(n)) return text;
  return n;
}

interface KeyStats {
  profile: KeyProfile;
  /** Column index → duplicate facts for scoring. */
  columns: Set<number>;
}

async function profileKey(conn: DuckDBConnection, source: TabularSource, key: string[]): Promise<KeyStats> {
  const indexes = key.map((name) => {
    const index = source.columns.indexOf(name);
    if (index < 0) {
      throw new AppError(
        'SOURCES_COLUMN_MISSING',
        { source: source.description, column: name, field: '--key', columns: source.columns.join(', ') },
        [{ field: name }],
      );
    }
    return index;
  });
  const cols = indexes.map((i) => `c${i}`);
  const list = cols.join(', ');
  const notNull = cols.map((c) => `${c} IS NOT NULL`).join(' AND ');
  const nullKeys = num((await one(conn, `SELECT count(*) FROM t WHERE NOT (${notNull})`))[0]);
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE dup AS SELECT ${list}, count(*)::BIGINT AS cnt FROM t WHERE ${notNull} GROUP BY ${list} HAVING count(*) > 1`,
  );
  const [values, rows] = (await one(conn, 'SELECT count(*), coalesce(sum(cnt), 0)::BIGINT FROM dup')).map(num);
  // Row numbers only for the few examples: collecting them for every key would cost a list per group.
  const on = cols.map((c) => `t.${c} = e.${c}`).join(' AND ');
  const examples = (
    await conn.runAndReadAll(
      `SELECT ${cols.map((c) => `e.${c}`).join(', ')}, e.cnt, (list(t.rowid + 1 ORDER BY t.rowid))[1:5] ` +
        `FROM (SELECT * FROM dup ORDER BY cnt DESC, ${list} LIMIT ${TOP}) e JOIN t ON ${on} ` +
        `GROUP BY ALL ORDER BY e.cnt DESC, ${cols.map((c) => `e.${c}`).join(', ')}`,
    )
  )
    .getRowsJS()
    .map((row) => ({
      key: row.slice(0, cols.length).map(str),
      count: num(row[cols.length]),
      rows: (row[cols.length + 1] as unknown[]).map(num),
    }));
  await conn.run('DROP TABLE dup');
  return {
    profile: { columns: key, null_keys: nullKeys, duplicate_values: values, duplicate_rows: rows, examples },
    columns: new Set(indexes),
  };
}

/** What the first pass over a column's value counts yields. */
interface FirstPass {
  distinct: number;
  nulls: number;
  empty: number;
  blank: number;
  padded: number;
  present: number;
  lenMin: number;
  lenMax: number;
  lenSum: number;
  /** Exact counts of the plain types; upper bounds (candidate counts) of the validator types. */
  counts: Record<Exclude<ColumnType, 'text'>, number>;
  plainNumbers: number;
  intMin: string | null;
  intMax: string | null;
  decMin: string | null;
  decMax: string | null;
  plainMin: number | null;
  plainMax: number | null;
  textMin: string | null;
  textMax: string | null;
}

/** Amounts with plain thousands grouping, all of which `parseAmount` accepts. */
export const GROUPED_AMOUNT_PATTERN = '[-+]?[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]+)?';

const EXACT_IN_FIRST_PASS = new Set<ColumnType>(['boolean', 'integer', 'decimal']);

async function firstPass(conn: DuckDBConnection): Promise<FirstPass> {
  const present = `tv <> ''`;
  const sum = (filter: string): string => `coalesce(sum(n) FILTER (WHERE ${filter}), 0)::BIGINT`;
  const bound = (name: RuleName): string => sum(CANDIDATE_BOUND_SQL[name]);
  // DuckDB computes aggregate arguments for every row before FILTER applies: CASE keeps the casts
  // to the values that can convert.
  const asInt = 'CASE WHEN is_int THEN TRY_CAST(tv AS HUGEINT) END';
  const asDec = 'CASE WHEN is_dec THEN TRY_CAST(tv AS DOUBLE) END';
  const asPlain = 'CASE WHEN is_plain THEN TRY_CAST(nv AS DOUBLE) END';
  const a = await one(
    conn,
    `SELECT count(v)::BIGINT, ${sum('v IS NULL')}, ${sum(`v = ''`)}, ${sum(`v <> '' AND tv = ''`)}, ` +
      `${sum(`${present} AND tv <> v`)}, ${sum(present)}, ` +
      `min(length(v)) FILTER (WHERE ${present}), max(length(v)) FILTER (WHERE ${present}), ` +
      `coalesce(sum(length(v) * n) FILTER (WHERE ${present}), 0)::BIGINT, ` +
      `${sum('is_int')}, ${sum('is_dec')}, ${sum('is_bool')}, ${sum('is_plain')}, ` +
      `${bound('uscc')}, ${bound('id_card')}, ${bound('bank_card')}, ${bound('mobile')}, ` +
      `${sum(ISO_DATE_BOUND_SQL)}, ${bound('cn_date')}, ${bound('datetime')}, ${sum(`NOT is_plain AND ${CANDIDATE_BOUND_SQL.amount}`)}, ` +
      `arg_min(tv, ${asInt}) FILTER (WHERE is_int), arg_max(tv, ${asInt}) FILTER (WHERE is_int), ` +
      `arg_min(tv, ${asDec}) FILTER (WHERE is_dec), arg_max(tv, ${asDec}) FILTER (WHERE is_dec), ` +
      `min(${asPlain}) FILTER (WHERE is_plain), max(${asPlain}) FILTER (WHERE is_plain), ` +
      `min(v) FILTER (WHERE ${present}), max(v) FILTER (WHERE ${present}) FROM g`,
  );
  const n = a.slice(0, 21).map(num);
  const [distinct, nulls, empty, blank, padded, presentCount, lenMin, lenMax, lenSum, ints, decs, bools, plains] = n;
  const [uscc, idCard, bankCard, mobile, date, cnDate, datetime, amountOther] = n.slice(13);
  return {
    distinct,
    nulls,
    empty,
    blank,
    padded,
    present: presentCount,
    lenMin,
    lenMax,
    lenSum,
    counts: {
      uscc,
      id_card: idCard,
      bank_card: bankCard,
      mobile,
      boolean: bools,
      integer: ints,
      decimal: decs,
      date,
      datetime,
      cn_date: cnDate,
      amount: plains + amountOther,
    },
    plainNumbers: plains,
    intMin: str(a[21]),
    intMax: str(a[22]),
    decMin: str(a[23]),
    decMax: str(a[24]),
    plainMin: a[25] === null ? null : Number(a[25]),
    plainMax: a[26] === null ? null : Number(a[26]),
    textMin: str(a[27]),
    textMax: str(a[28]),
  };
}

/** Facts from the exact checks of the validator types. */
interface ExactFacts {
  legacyIdCards: number;
  dateFormats: Map<string, number>;
  isoMin: string | null;
  isoMax: string | null;
  cnMin: string | null;
  cnMax: string | null;
  dtMin: string | null;
  dtMax: string | null;
  amountMin: number | null;
  amountMax: number | null;
}

/**
 * Exact counts of the validator types, computed on demand (each is a scan of the candidate values
 * with the SQL translation of the validator), memoised per column.
 */
class ExactCounter {
  readonly facts: ExactFacts = {
    legacyIdCards: 0,
    dateFormats: new Map(),
    isoMin: null,
    isoMax: null,
    cnMin: null,
    cnMax: null,
    dtMin: null,
    dtMax: null,
    amountMin: null,
    amountMax: null,
  };
  private readonly known = new Map<ColumnType, number>();

  constructor(
    private readonly conn: DuckDBConnection,
    private readonly pass: FirstPass,
    private readonly today: string,
  ) {
    for (const type of EXACT_IN_FIRST_PASS) known(this.known, type, pass.counts[type as keyof FirstPass['counts']]);
  }

  /** Types counted exactly so far, with their counts. */
  exactCounts(): Map<ColumnType, number> {
    return this.known;
  }

  async count(type: Exclude<ColumnType, 'text'>): Promise<number> {
    const cached = this.known.get(type);
    if (cached !== undefined) return cached;
    if (this.pass.counts[type] === 0) {
      this.known.set(type, 0);
      return 0;
    }
    const conn = this.conn;
    // The cheap bound first: DuckDB runs the pattern only on the values that pass it.
    const where = (name: RuleName): string => `WHERE ${CANDIDATE_BOUND_SQL[name]} AND ${matches('nv', validatorRule(name).candidate)}`;
    const s = (filter: string): string => `coalesce(sum(n) FILTER (WHERE ${filter}), 0)::BIGINT`;
    switch (type) {
      case 'uscc':
        this.known.set(type, num((await one(conn, `SELECT ${s(usccSql('nv'))} FROM g ${where('uscc')}`))[0]));
        break;
      case 'id_card': {
        const [full, legacy] = (
          await one(conn, `SELECT ${s(idCardSql('nv', 18, this.today))}, ${s(idCardSql('nv', 15, this.today))} FROM g ${where('id_card')}`)
        ).map(num);
        this.known.set(type, full + legacy);
        this.facts.legacyIdCards = legacy;
        break;
      }
      case 'bank_card':
        this.known.set(type, num((await one(conn, `SELECT ${s(bankCardSql(compactExpr('nv')))} FROM g ${where('bank_card')}`))[0]));
        break;
      case 'mobile':
        this.known.set(type, num((await one(conn, `SELECT ${s(mobileSql(compactExpr('nv')))} FROM g ${where('mobile')}`))[0]));
        break;
      case 'date':
      case 'cn_date': {
        const { format, iso } = cnDateSql('nv');
        const rows = (
          await conn.runAndReadAll(
            `SELECT fmt, sum(n)::BIGINT, min(iso), max(iso) FROM (SELECT ${format} AS fmt, ${iso} AS iso, n FROM g ${where('cn_date')}) ` +
              `WHERE iso IS NOT NULL GROUP BY fmt ORDER BY 2 DESC, 1`,
          )
        ).getRowsJS();
        let all = 0;
        for (const [fmt, count, low, high] of rows) {
          const c = num(count);
          all += c;
          this.facts.dateFormats.set(String(fmt), c);
          const [lo, hi] = [String(low), String(high)];
          if (this.facts.cnMin === null || lo < this.facts.cnMin) this.facts.cnMin = lo;
          if (this.facts.cnMax === null || hi > this.facts.cnMax) this.facts.cnMax = hi;
          if (fmt === 'YYYY-MM-DD') [this.facts.isoMin, this.facts.isoMax] = [lo, hi];
        }
        this.known.set('cn_date', all);
        this.known.set('date', this.facts.dateFormats.get('YYYY-MM-DD') ?? 0);
        break;
      }
      case 'datetime': {
        const [count, low, high] = await one(
          conn,
          `SELECT coalesce(sum(n), 0)::BIGINT, min(dt), max(dt) FROM (SELECT ${dateTimeSql('nv')} AS dt, n FROM g ${where('datetime')}) WHERE dt IS NOT NULL`,
        );
        this.known.set(type, num(count));
        [this.facts.dtMin, this.facts.dtMax] = [str(low), str(high)];
        break;
      }
      case 'amount': {
        let other = 0;
        if (this.pass.counts.amount > this.pass.plainNumbers) {
          // Plain thousands grouping (`-1,234.50`) is certainly an amount and cheap to read in SQL;
          // only the other forms (currency marks, parentheses, …) go through parseAmount.
          const grouped = matches('nv', GROUPED_AMOUNT_PATTERN);
          const [count, low, high] = await one(
            conn,
            `SELECT coalesce(sum(n), 0)::BIGINT, min(a), max(a) FROM (SELECT CASE WHEN ${grouped} ` +
              `THEN CAST(replace(nv, ',', '') AS DOUBLE) ELSE golive_amount(v) END AS a, n FROM g ` +
              `${where('amount')} AND NOT is_plain) WHERE a IS NOT NULL`,
          );
          other = num(count);
          [this.facts.amountMin, this.facts.amountMax] = [low === null ? null : Number(low), high === null ? null : Number(high)];
        }
        this.known.set(type, this.pass.plainNumbers + other);
        break;
      }
      default:
        return this.pass.counts[type];
    }
    return this.known.get(type) ?? 0;
  }
}

function known(map: Map<ColumnType, number>, type: ColumnType, count: number): void {
  map.set(type, count);
}

/**
 * Infers the type with as few exact checks as possible: candidate counts from the first pass are
 * upper bounds, so a validator type is checked exactly only when its bound could reach the share
 * {@link inferColumnType} needs. Gives the same answer as checking every type exactly.
 */
async function decideType(exact: ExactCounter, pass: FirstPass): Promise<{ type: ColumnType; ratio: number }> {
  if (pass.present === 0) return { type: 'text', ratio: 0 };
  const share = (count: number): number => count / pass.present;
  for (const type of TYPE_PREFERENCE) {
    if (share(pass.counts[type]) < DOMINANT_SHARE) continue;
    const count = await exact.count(type);
    if (share(count) >= DOMINANT_SHARE) return { type, ratio: share(count) };
  }
  const shares: Partial<Record<ColumnType, number>> = {};
  for (const type of TYPE_PREFERENCE) {
    if (share(pass.counts[type]) >= MINIMUM_SHARE) shares[type] = share(await exact.count(type));
  }
  return inferColumnType(shares);
}

async function profileColumn(
  conn: DuckDBConnection,
  index: number,
  name: string,
  rows: number,
  key: KeyStats | undefined,
  today: string,
): Promise<ColumnProfile> {
  const c = `c${index}`;
  // One statement: value counts, their trimmed and normalised forms and the type flags, materialised
  // once because every query below reads them. The normalised form is built from the trimmed one
  // (normalising never needs the outer whitespace), so values without full-width forms skip it.
  const counts = `(SELECT ${c} AS v, count(*)::BIGINT AS n FROM t GROUP BY ${c})`;
  const trimmed = `(SELECT v, n, ${trimmedColumnExpr('v')} AS tv FROM ${counts})`;
  const normalised = `(SELECT v, n, tv, nv, length(nv) AS ln FROM (SELECT v, n, tv, ${normalizedColumnExpr('tv')} AS nv FROM ${trimmed}))`;
  await conn.run(`CREATE OR REPLACE TEMP TABLE g AS ${withPlainTypeFlags(normalised)}`);
  const pass = await firstPass(conn);
  const top = (await conn.runAndReadAll(`SELECT v, n FROM g WHERE v IS NOT NULL ORDER BY n DESC, v LIMIT ${TOP}`))
    .getRowsJS()
    .map((row) => ({ value: String(row[0]), count: num(row[1]) }));
  const patternRows = (
    await conn.runAndReadAll(
      `SELECT pattern, sum(n)::BIGINT AS c, count(*) OVER () FROM (${patternQuery(`(SELECT v, n FROM g WHERE tv <> '')`)}) ` +
        `GROUP BY pattern ORDER BY c DESC, pattern LIMIT ${TOP}`,
    )
  ).getRowsJS();
  const patterns = patternRows.map((row) => ({ pattern: String(row[0]), count: num(row[1]) }));

  const exact = new ExactCounter(conn, pass, today);
  const { type, ratio: typeRatio } = await decideType(exact, pass);
  if (isDateType(type)) await exact.count('cn_date');
  await conn.run('DROP TABLE g');
  const facts = exact.facts;

  const shares: Partial<Record<ColumnType, number>> = {};
  for (const [t, count] of exact.exactCounts()) if (count > 0) shares[t] = ratio(count, pass.present);

  let min: number | string | null = pass.textMin;
  let max: number | string | null = pass.textMax;
  if (type === 'integer') [min, max] = [numericOut(pass.intMin), numericOut(pass.intMax)];
  else if (type === 'decimal') [min, max] = [numericOut(pass.decMin), numericOut(pass.decMax)];
  else if (type === 'amount') {
    const low = [pass.plainMin, facts.amountMin].filter((v): v is number => v !== null);
    const high = [pass.plainMax, facts.amountMax].filter((v): v is number => v !== null);
    [min, max] = [low.length ? Math.min(...low) : null, high.length ? Math.max(...high) : null];
  } else if (type === 'date') [min, max] = [facts.isoMin, facts.isoMax];
  else if (type === 'cn_date') [min, max] = [facts.cnMin, facts.cnMax];
  else if (type === 'datetime') [min, max] = [facts.dtMin, facts.dtMax];

  const dateFormats = type === 'date' || type === 'cn_date' ? Object.fromEntries(facts.dateFormats) : undefined;
  const keyStats = key?.columns.has(index) ? key.profile : undefined;
  const quality = scoreColumn({
    name,
    rows,
    type,
    typeRatio,
    nulls: pass.nulls,
    empty: pass.empty,
    blank: pass.blank,
    padded: pass.padded,
    present: pass.present,
    dateFormats: dateFormats ? Object.keys(dateFormats).length : 0,
    legacyIdCards: type === 'id_card' ? facts.legacyIdCards : 0,
    isKey: keyStats !== undefined,
    duplicateKeyRows: keyStats?.duplicate_rows ?? 0,
    duplicateKeyValues: keyStats?.duplicate_values ?? 0,
  });
  return {
    name,
    type,
    type_ratio: typeRatio,
    type_shares: shares,
    nulls: pass.nulls,
    null_ratio: ratio(pass.nulls, rows),
    empty: pass.empty,
    empty_ratio: ratio(pass.empty, rows),
    blank: pass.blank,
    blank_ratio: ratio(pass.blank, rows),
    padded: pass.padded,
    distinct: pass.distinct,
    min,
    max,
    length: pass.present === 0 ? null : { min: pass.lenMin, max: pass.lenMax, avg: pass.lenSum / pass.present },
    top,
    patterns,
    pattern_count: num(patternRows[0]?.[2]),
    ...(dateFormats ? { date_formats: dateFormats } : {}),
    ...(type === 'id_card' ? { legacy_id_cards: facts.legacyIdCards } : {}),
    quality,
  };
}

/**
 * Profiles an opened source. The rows are copied once into a temporary DuckDB database
 * (UTF-8 CSV through DuckDB's parallel reader, everything else through the appender) with a memory
 * limit and a spill directory, so memory stays bounded whatever the source's size; every statistic
 * is then exact SQL over per-column value counts, and only values that could be a Chinese business
 * type reach the JS validators. The source is not closed.
 */
export async function profileTabularSource(source: TabularSource, options: ProfileOptions = {}): Promise<SourceProfile> {
  if (source.columns.length === 0) throw new AppError('SOURCES_NO_COLUMNS', { source: source.description });
  const dir = await mkdtemp(join(options.workDir ?? tmpdir(), 'golive-profile-'));
  // An in-memory catalog with a memory limit and a spill directory: past memory_limit DuckDB
  // evicts table blocks to temp_directory, so memory stays bounded. A database file would add
  // block writes and a checkpoint for data thrown away at the end (measured ~2× slower loads).
  const instance = await DuckDBInstance.create(':memory:', {
    temp_directory: join(dir, 'spill'),
    memory_limit: options.memoryLimit ?? '1GB',
    threads: String(options.threads ?? Math.max(1, availableParallelism())),
  });
  const conn = await instance.connect();
  registerAmountFunction(conn);
  const now = new Date();
  const today = `${now.getUTCFullYear()}${String(now.getUTCMonth() + 1).padStart(2, '0')}${String(now.getUTCDate()).padStart(2, '0')}`;
  try {
    const progress = options.onProgress;
    const { rows } = await loadProfileTable(conn, source, (n) => progress?.({ phase: 'load', rows: n }));
    const key = options.key?.length ? await profileKey(conn, source, options.key) : undefined;
    const columns: ColumnProfile[] = [];
    for (let i = 0; i < source.columns.length; i++) {
      progress?.({ phase: 'analyze', column: i + 1, columns: source.columns.length });
      columns.push(await profileColumn(conn, i, source.columns[i], rows, key, today));
    }
    return {
      source: source.description,
      kind: source.kind,
      rows,
      columns,
      ...(key ? { key: key.profile } : {}),
      quality: scoreSource(rows, columns),
    };
  } finally {
    conn.closeSync();
    instance.closeSync();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Opens a source spec (see `openSource`), profiles it and closes it. */
export async function profileSource(spec: string, options: ProfileOptions = {}): Promise<SourceProfile> {
  const { baseDir, encoding, sheet, delimiter, header, query, batchSize } = options;
  const source = await openSource(spec, { baseDir, encoding, sheet, delimiter, header, query, batchSize });
  try {
    return await profileTabularSource(source, options);
  } finally {
    await source.close();
  }
}
