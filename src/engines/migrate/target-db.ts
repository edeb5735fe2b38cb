import { resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { AppError, badInput } from '../../shared/app-error';
import { maskPasswords, parseSourceSpec } from '../sources/parse-source-spec';
import { quoteTableName } from '../sources/quote-table-name';
import { classifyColumnType, type ColumnType } from './column-types';

/** A column of the target table as the loader needs it. */
export interface TargetColumn {
  name: string;
  type: ColumnType;
  notNull: boolean;
  hasDefault: boolean;
}

/** The target table: columns in table order and the primary key column names in key order. */
export interface TargetTable {
  /** The name as the user wrote it (`schema.table` or `table`). */
  name: string;
  /** Quoted for SQL. */
  sql: string;
  columns: TargetColumn[];
  primaryKey: string[];
}

/** A parsed `--into`/`--target` value. */
export interface TargetSpec {
  dialect: 'postgres' | 'sqlite';
  /** postgres:// URL or absolute SQLite file path. */
  url: string;
  table?: string;
  /** Printable (password masked). */
  description: string;
}

/**
 * Parses `postgres://…/db#schema.table`, `postgres://…/db` (rollback), `sqlite:path.db#table` or
 * `path.db#table`; relative SQLite paths resolve against `cwd`.
 */
export function parseTargetSpec(spec: string, cwd: string, flag = '--into'): TargetSpec {
  const parsed = (() => {
    try {
      return parseSourceSpec(spec);
    } catch {
      return undefined;
    }
  })();
  if (!parsed || (parsed.kind !== 'postgres' && parsed.kind !== 'sqlite')) {
    throw badInput(
      flag,
      `"${maskPasswords(spec)}" is not a target database: use postgres://user@host/db#schema.table or sqlite:file.db#table`,
    );
  }
  if (parsed.isQuery) throw badInput(flag, `the target must name a table after '#', not a query`);
  if (parsed.kind === 'postgres') {
    return { dialect: 'postgres', url: parsed.url, table: parsed.target, description: maskPasswords(spec.trim()) };
  }
  if (parsed.kind !== 'sqlite') throw badInput(flag, 'unsupported target');
  const path = resolve(cwd, parsed.path);
  return { dialect: 'sqlite', url: path, table: parsed.target, description: `sqlite:${path}${parsed.target ? `#${parsed.target}` : ''}` };
}

/** One row of `golive_batch`. */
export interface BatchRecord {
  id: string;
  target_table: string;
  source: string;
  status: 'loaded' | 'simulated' | 'rolled_back';
  source_rows: number;
  loaded: number;
  rejected: number;
  skipped_existing: number;
  rejects_file: string | null;
  started_at: string;
  finished_at: string;
  rolled_back_at: string | null;
}

/** Validated rows already written as COPY CSV text (PostgreSQL), see copy-encoder.ts. */
export interface EncodedRows {
  rows: number;
  /** One COPY CSV line per row, in the writer's column order. */
  data: Buffer;
  /** End offset of each row's line in `data`. */
  dataEnds: Int32Array;
  /**
   * Each row's key as a JSON array, `["C001"]`, with quotes already doubled for a CSV field, when
   * the writer asked for them ({@link KeyLineFormat.wantKeys}); a writer joins them into chunks.
   */
  keys?: Buffer;
  keyEnds?: Int32Array;
  /** Canonical key texts, `keyTexts[k][row]` per key column, when the writer asked for them. */
  keyTexts?: string[][];
}

/** What a writer needs from an encoder besides the rows. */
export interface KeyLineFormat {
  /** Whether `keys` must be filled: false when the writer records keys on the server itself. */
  wantKeys: boolean;
  /** The key's JSON array items (without brackets) from its canonical texts. */
  json(texts: string[]): string;
  /** Whether `keyTexts` must be filled (the writer looks the keys up in the table). */
  needKeyTexts: boolean;
}

/** Writes validated rows (canonical text or null per target column) into the target table. */
export interface TableWriter {
  addRows(rows: (string | null)[][]): Promise<void>;
  /** PostgreSQL: takes rows encoded by a CopyEncoder in the format {@link keyFormat} describes. */
  addEncoded?(rows: EncodedRows): Promise<void>;
  readonly keyFormat?: KeyLineFormat;
  /** Waits until everything handed over so far reached the database (still uncommitted). */
  settle(): Promise<void>;
  /** Stops writing (the caller rolls back): nothing more is sent once the statement in flight is done. */
  abort(): Promise<void>;
  /** Flushes everything; `staged` rows were handed to the database, `loaded` were new and recorded. */
  finish(): Promise<{ staged: number; loaded: number }>;
}

/**
 * How rows reach a PostgreSQL table. `direct` (default when safe, see below): the table is locked
 * against other writers (SHARE ROW EXCLUSIVE: reads go on) for the batch's transaction, each chunk's
 * keys are looked up (skipped when the table was empty at the start) and only new rows are COPYed
 * straight into the table, their keys COPYed into golive_batch_key. `staged`: COPY into a temp table
 * with the target's column types, then INSERT … SELECT … ON CONFLICT DO NOTHING RETURNING the keys
 * into golive_batch_key; no lock beyond the rows'. Both run inside the batch's one transaction and
 * give the same rows, counts and keys as long as only the primary key can conflict; so without an
 * explicit method, a table with another unique index, an exclusion constraint or rules is loaded
 * staged (given `direct` explicitly, a row violating another unique constraint fails the load).
 */
export type PgMethod = 'direct' | 'staged';

export interface WriterOptions {
  /** Rows per write round. */
  chunkRows: number;
  pgMethod?: PgMethod;
}

/** A connection to the target database, with golive's bookkeeping. */
export interface TargetDb {
  readonly dialect: 'postgres' | 'sqlite';
  readonly description: string;
  /** Runs SQL with `?` placeholders; returns rows as objects and the affected row count. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[]; rowCount: number }>;
  describeTable(name: string): Promise<TargetTable>;
  /** Opens a writer for this batch; rows go in with INSERT … ON CONFLICT DO NOTHING semantics. */
  openWriter(table: TargetTable, columns: TargetColumn[], batchId: string, options: WriterOptions): Promise<TableWriter>;
  /** Deletes the rows whose keys the batch recorded for a table; returns how many went. */
  deleteBatchRows(table: TargetTable, batchId: string): Promise<number>;
  close(): Promise<void>;
}

/** Opens the target database (not yet in a transaction) and creates the bookkeeping tables if missing. */
export async function openTargetDb(spec: TargetSpec): Promise<TargetDb> {
  const db = spec.dialect === 'postgres' ? await openPostgresTarget(spec) : openSqliteTarget(spec);
  try {
    await ensureBookkeeping(db);
  } catch (error) {
    await db.close();
    throw targetError(spec.description, error);
  }
  return db;
}

/** A driver error as a user error: names the target, never a password. */
export function targetError(description: string, error: unknown): AppError {
  if (error instanceof AppError) return error;
  const message = maskPasswords(error instanceof Error ? error.message : String(error));
  return new AppError('BAD_INPUT', { summary: `${description}: ${message}` });
}

const BOOKKEEPING_DDL = [
  `CREATE TABLE IF NOT EXISTS golive_batch (
    id TEXT PRIMARY KEY, target_table TEXT NOT NULL, source TEXT NOT NULL, status TEXT NOT NULL,
    source_rows BIGINT NOT NULL, loaded BIGINT NOT NULL, rejected BIGINT NOT NULL, skipped_existing BIGINT NOT NULL,
    rejects_file TEXT, started_at TEXT NOT NULL, finished_at TEXT NOT NULL, rolled_back_at TEXT)`,
  `CREATE TABLE IF NOT EXISTS golive_batch_key (batch_id TEXT NOT NULL, table_name TEXT NOT NULL, key_json TEXT NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS golive_batch_key_batch ON golive_batch_key (batch_id, table_name)`,
  `CREATE TABLE IF NOT EXISTS golive_plan_run (
    id TEXT PRIMARY KEY, plan_name TEXT NOT NULL, plan_file TEXT NOT NULL, status TEXT NOT NULL,
    started_at TEXT NOT NULL, finished_at TEXT, rolled_back_at TEXT)`,
  `CREATE TABLE IF NOT EXISTS golive_plan_run_object (
    run_id TEXT NOT NULL, seq INTEGER NOT NULL, object TEXT NOT NULL, target_table TEXT NOT NULL, batch_id TEXT,
    status TEXT NOT NULL, source_rows BIGINT, loaded BIGINT, rejected BIGINT, skipped_existing BIGINT, message TEXT,
    PRIMARY KEY (run_id, seq))`,
];

/**
 * How golive_batch_key holds keys. A row's `key_json` is either one key — the JSON array of its
 * column values, `["C001"]` or `[7, "2024"]` — or, written by PostgreSQL direct loads, a chunk of
 * keys: a JSON array of such arrays, `[["C001"],["C002"]]` (one row per COPY chunk instead of one
 * per loaded row: recording a million keys row by row cost the server about as much again as the
 * data). Key values are scalars, so a chunk is the only `key_json` that starts with `[[`.
 */
export const KEY_CHUNK_START = '[[';

/**
 * SQL: a relation shaped like golive_batch_key (`batch_id`, `table_name`, `key_json` of ONE key)
 * with chunks unfolded, for reading keys back; alias it as you would the table. Filters on
 * `batch_id` / `table_name` reach the table's index.
 */
export function batchKeysRelation(dialect: TargetDb['dialect']): string {
  if (dialect === 'sqlite') return 'golive_batch_key';
  return (
    `(SELECT b.batch_id, b.table_name, e.value::text AS key_json FROM golive_batch_key b CROSS JOIN LATERAL json_array_elements(` +
    `CASE WHEN left(b.key_json, 2) = '${KEY_CHUNK_START}' THEN b.key_json::json ELSE json_build_array(b.key_json::json) END) AS e(value))`
  );
}

/** SQL: an aggregate counting the keys in the golive_batch_key rows it runs over (chunks counted by their length). */
export function batchKeyCountExpr(dialect: TargetDb['dialect']): string {
  if (dialect === 'sqlite') return 'count(*)';
  return `coalesce(sum(CASE WHEN left(key_json, 2) = '${KEY_CHUNK_START}' THEN json_array_length(key_json::json) ELSE 1 END), 0)`;
}

async function ensureBookkeeping(db: TargetDb): Promise<void> {
  // Skip the DDL when everything is there: CREATE INDEX IF NOT EXISTS still locks the table and
  // would wait for a load that is running in another process.
  const names = ['golive_batch', 'golive_batch_key', 'golive_batch_key_batch', 'golive_plan_run', 'golive_plan_run_object'];
  const present =
    db.dialect === 'postgres'
      ? await db.query<{ n: unknown }>(`SELECT count(*) AS n FROM unnest(?::text[]) AS t(name) WHERE to_regclass(t.name) IS NOT NULL`, [
          names,
        ])
      : await db.query<{ n: unknown }>(`SELECT count(*) AS n FROM sqlite_master WHERE name IN (${names.map(() => '?').join(', ')})`, names);
  if (Number(present.rows[0]?.n) === names.length) return;
  for (const ddl of BOOKKEEPING_DDL) {
    try {
      await db.query(ddl);
    } catch (error) {
      // Two loads starting at once may race on CREATE … IF NOT EXISTS; the loser finds the table there.
      if (!/already exists|duplicate key/i.test(error instanceof Error ? error.message : '')) throw error;
    }
  }
}

function splitTableName(name: string): { schema?: string; table: string } {
  const parts: string[] = [];
  const re = /"((?:[^"]|"")*)"|([^.]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(name)) !== null) parts.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2].trim());
  return parts.length > 1 ? { schema: parts[0], table: parts[parts.length - 1] } : { table: parts[0] ?? name };
}

function noPrimaryKey(description: string, table: string): AppError {
  return new AppError('BAD_INPUT', {
    summary: `${description}: table ${table} has no primary key; golive load needs one to skip rows already present and to roll a batch back`,
  });
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

/** Keep every value as PostgreSQL's text; golive's process-wide numeric parsers do not apply. */
const textTypes = { getTypeParser: () => (v: string) => v } as unknown as pg.CustomTypesConfig;

/** COPY CSV text of one value: null is an unquoted empty field, text is quoted when it has to be. */
function csvField(value: string | null, quoteable: boolean): string {
  if (value === null) return '';
  if (!quoteable) return value;
  if (value === '' || /[",\r\n\\]/.test(value)) return `"${value.replace(/"/g, '""')}"`;
  return value;
}

async function openPostgresTarget(spec: TargetSpec): Promise<TargetDb> {
  const client = new pg.Client({ connectionString: spec.url, types: textTypes });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw targetError(spec.description, error);
  }
  // A dead client (kill -9) must not leave its transaction holding locks for long.
  client.on('error', () => {});
  const { from: copyFrom } = await import('pg-copy-streams');
  let stageCounter = 0;

  const query: TargetDb['query'] = async <T>(sql: string, params: unknown[] = []) => {
    let n = 0;
    const text = sql.replace(/\?/g, () => `$${++n}`);
    const result = await client.query(text, params);
    return { rows: result.rows as T[], rowCount: result.rowCount ?? 0 };
  };

  const describeTable = async (name: string): Promise<TargetTable> => {
    const sqlName = quoteTableName(name);
    const found = await query<{ oid: string | null }>('SELECT to_regclass(?)::oid::text AS oid', [sqlName]);
    const oid = found.rows[0]?.oid;
    if (!oid) throw new AppError('BAD_INPUT', { summary: `${spec.description}: table ${name} does not exist` });
    const cols = await query<{ name: string; type: string; notnull: string; hasdef: string }>(
      `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull::text AS notnull,
              (a.atthasdef OR a.attidentity <> '')::text AS hasdef
         FROM pg_attribute a WHERE a.attrelid = ?::oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
      [oid],
    );
    const pk = await query<{ name: string }>(
      `SELECT a.attname AS name FROM pg_index i
         JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
         JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
        WHERE i.indrelid = ?::oid AND i.indisprimary ORDER BY k.ord`,
      [oid],
    );
    if (pk.rows.length === 0) throw noPrimaryKey(spec.description, name);
    return {
      name,
      sql: sqlName,
      columns: cols.rows.map((c) => ({
        name: c.name,
        type: classifyColumnType(c.type, 'postgres'),
        notNull: c.notnull === 'true',
        hasDefault: c.hasdef === 'true',
      })),
      primaryKey: pk.rows.map((r) => r.name),
    };
  };

  /**
   * Whether direct gives what staged gives: only the primary key can conflict (ON CONFLICT DO NOTHING
   * would also skip rows clashing with another unique index or exclusion constraint, where COPY
   * fails), and no rules (COPY ignores them, INSERT applies them).
   */
  const directIsSafe = async (table: TargetTable): Promise<boolean> => {
    const r = await query<{ safe: string }>(
      `SELECT (NOT c.relhasrules
               AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisunique AND NOT i.indisprimary)
               AND NOT EXISTS (SELECT 1 FROM pg_constraint x WHERE x.conrelid = c.oid AND x.contype = 'x'))::text AS safe
         FROM pg_class c WHERE c.oid = to_regclass(?)`,
      [table.sql],
    );
    return r.rows[0]?.safe === 'true';
  };

  const openWriter = async (table: TargetTable, columns: TargetColumn[], batchId: string, options: WriterOptions): Promise<TableWriter> => {
    const method = options.pgMethod ?? ((await directIsSafe(table)) ? 'direct' : 'staged');
    if (method === 'direct') return openDirectWriter(table, columns, batchId, options.chunkRows);
    const chunkRows = options.chunkRows;
    const stage = `golive_stage_${++stageCounter}`;
    const colList = columns.map((c) => quoteTableName(c.name)).join(', ');
    const keyList = table.primaryKey.map((k) => quoteTableName(k)).join(', ');
    // The staging table has the target's column types (as LIKE would give) but none of its
    // constraints or defaults: values were checked in JS, and ON CONFLICT decides at the target.
    await query(`CREATE TEMP TABLE ${stage} ON COMMIT DROP AS SELECT ${colList} FROM ${table.sql} WITH NO DATA`);
    const insertSql =
      `WITH ins AS (INSERT INTO ${table.sql} (${colList}) SELECT ${colList} FROM ${stage} ON CONFLICT DO NOTHING RETURNING ${keyList}) ` +
      `INSERT INTO golive_batch_key (batch_id, table_name, key_json) SELECT $1, $2, json_build_array(${keyList})::text FROM ins`;
    const quoteable = columns.map(
      (c) => c.type.kind === 'text' || c.type.kind === 'json' || c.type.kind === 'other' || c.type.kind === 'uuid',
    );
    const width = columns.length;
    let stream: ReturnType<typeof copyFrom> | undefined;
    let rowsInChunk = 0;
    let staged = 0;
    let loaded = 0;
    let failure: unknown;
    let signalFailure = (): void => {};
    const failed = new Promise<void>((done) => (signalFailure = done));
    // One connection, one transaction: the statements run strictly in order, chained here so the
    // server inserts one chunk while the next is being read and checked in JS.
    let tail: Promise<void> = Promise.resolve();
    const enqueue = (step: () => Promise<void>): void => {
      tail = tail
        .then(() => (failure ? undefined : step()))
        .catch((error: unknown) => {
          failure ??= error;
          signalFailure();
        });
    };
    const endChunk = (): void => {
      if (!stream) return;
      const current = stream;
      stream = undefined;
      rowsInChunk = 0;
      current.end();
      enqueue(async () => {
        const result = await client.query(insertSql, [batchId, table.name]);
        loaded += result.rowCount ?? 0;
        await client.query(`TRUNCATE ${stage}`);
      });
    };
    /** Appends COPY text for `count` rows to the current chunk's COPY into the stage. */
    const writeStage = async (payload: string | Buffer, count: number): Promise<void> => {
      if (!stream) {
        // Created now and written at once; pg-copy-streams buffers until the COPY is submitted.
        const s = copyFrom(`COPY ${stage} (${colList}) FROM STDIN WITH (FORMAT csv)`);
        const copied = new Promise<void>((done, fail) => {
          s.on('finish', () => {
            staged += s.rowCount;
            done();
          });
          s.on('error', fail);
        });
        copied.catch(() => {});
        stream = s;
        enqueue(() => {
          client.query(s);
          return copied;
        });
      }
      const current = stream;
      current.write(payload);
      rowsInChunk += count;
      // Bounded buffering: a COPY waiting behind the previous chunk's INSERT holds about one chunk.
      if (current.writableLength > 64 << 20) {
        await Promise.race([new Promise((done) => current.once('drain', done)), failed]);
        if (failure) throw failure;
      }
      if (rowsInChunk >= chunkRows) endChunk();
    };
    return {
      // The INSERT … RETURNING records the keys on the server: no encoded keys wanted.
      keyFormat: { wantKeys: false, json: () => '', needKeyTexts: false },
      async addRows(rows) {
        if (failure) throw failure;
        if (rows.length === 0) return;
        const lines: string[] = new Array<string>(rows.length);
        for (let r = 0; r < rows.length; r++) {
          const row = rows[r];
          let line = csvField(row[0], quoteable[0]);
          for (let c = 1; c < width; c++) line += `,${csvField(row[c], quoteable[c])}`;
          lines[r] = line;
        }
        await writeStage(`${lines.join('\n')}\n`, rows.length);
      },
      async addEncoded(encoded) {
        if (failure) throw failure;
        if (encoded.rows === 0) return;
        await writeStage(encoded.data, encoded.rows);
      },
      async settle() {
        endChunk();
        await tail;
        if (failure) throw failure;
      },
      async abort() {
        failure ??= new Error('load stopped');
        stream?.end();
        stream = undefined;
        await tail;
      },
      async finish() {
        endChunk();
        await tail;
        if (failure) throw failure;
        return { staged, loaded };
      },
    };
  };

  /** Writes one COPY … FROM STDIN from text pieces, honouring backpressure; resolves with the row count. */
  const copyIn = async (sql: string, pieces: Iterable<string | Buffer>): Promise<number> => {
    const stream = copyFrom(sql);
    const done = new Promise<void>((resolveDone, fail) => {
      stream.on('finish', () => resolveDone());
      stream.on('error', fail);
    });
    done.catch(() => {});
    client.query(stream);
    for (const piece of pieces) {
      if (!stream.write(piece)) await Promise.race([new Promise((ok) => stream.once('drain', ok)), done]);
    }
    stream.end();
    await done;
    return stream.rowCount;
  };

  const openDirectWriter = async (
    table: TargetTable,
    columns: TargetColumn[],
    batchId: string,
    chunkRows: number,
  ): Promise<TableWriter> => {
    const colList = columns.map((c) => quoteTableName(c.name)).join(', ');
    const quoteable = columns.map(
      (c) => c.type.kind === 'text' || c.type.kind === 'json' || c.type.kind === 'other' || c.type.kind === 'uuid',
    );
    const width = columns.length;
    const keyPositions = table.primaryKey.map((k) => columns.findIndex((c) => c.name === k));
    const keyJsonFns = keyPositions.map((p) => jsonValueFn(columns[p].type));
    const keyCasts = keyPositions.map((p) => columns[p].type.declared);
    // Nobody else may write the table until this transaction ends, so the key lookups stay true.
    await query(`LOCK TABLE ${table.sql} IN SHARE ROW EXCLUSIVE MODE`);
    const startedEmpty = (await query(`SELECT 1 AS one FROM ${table.sql} LIMIT 1`)).rows.length === 0;
    const lookup =
      `SELECT u.ord FROM unnest(${keyPositions.map((_p, i) => `$${i + 1}::text[]`).join(', ')}) WITH ORDINALITY ` +
      `AS u(${keyPositions.map((_p, i) => `k${i}`).join(', ')}, ord) JOIN ${table.sql} t ON ` +
      table.primaryKey.map((k, i) => `t.${quoteTableName(k)} = u.k${i}::${keyCasts[i]}`).join(' AND ');
    const copyTarget = `COPY ${table.sql} (${colList}) FROM STDIN WITH (FORMAT csv)`;
    const copyKeys = 'COPY golive_batch_key (batch_id, table_name, key_json) FROM STDIN WITH (FORMAT csv)';
    const keyPrefix = `${csvField(batchId, true)},${csvField(table.name, true)},`;
    let staged = 0;
    let loaded = 0;
    let failure: unknown;
    let inFlight = 0;
    let tail: Promise<void> = Promise.resolve();
    let buffer: (string | null)[][] = [];
    let encoded: EncodedRows[] = [];
    let encodedRows = 0;
    const keyFormat: KeyLineFormat = {
      wantKeys: true,
      json: (texts) => texts.map((t, k) => keyJsonFns[k](t)).join(','),
      needKeyTexts: !startedEmpty,
    };

    /** Lines of encoded parts, leaving out the rows in `skip` (1-based over all parts). */
    function* encodedPieces(parts: EncodedRows[], skip: Set<number> | undefined): Generator<Buffer> {
      let ordinal = 0;
      for (const part of parts) {
        const bytes = part.data;
        const ends = part.dataEnds;
        if (!skip) {
          yield bytes;
          continue;
        }
        let start = 0;
        let runStart = 0;
        for (let r = 0; r < part.rows; r++) {
          if (skip.has(++ordinal)) {
            if (start > runStart) yield bytes.subarray(runStart, start);
            runStart = ends[r];
          }
          start = ends[r];
        }
        if (start > runStart) yield bytes.subarray(runStart, start);
      }
    }

    const writeEncoded = async (parts: EncodedRows[]): Promise<void> => {
      let skip: Set<number> | undefined;
      let rows = 0;
      for (const part of parts) rows += part.rows;
      if (!startedEmpty) {
        const params = keyPositions.map((_p, k) => parts.flatMap((part) => part.keyTexts![k]));
        const found = await client.query<{ ord: string }>(lookup, params);
        if (found.rows.length > 0) skip = new Set(found.rows.map((r) => Number(r.ord)));
      }
      const written = await copyIn(copyTarget, encodedPieces(parts, skip));
      const chunk = encodedKeyChunk(parts, skip);
      if (chunk) await copyIn(copyKeys, [chunk.line]);
      staged += rows;
      loaded += written;
      if ((chunk?.keys ?? 0) !== written) throw new Error(`recorded ${chunk?.keys ?? 0} keys for ${written} rows`);
    };

    /**
     * One golive_batch_key COPY line holding the keys of the encoded rows not in `skip` as a chunk
     * (see {@link KEY_CHUNK_START}): the encoded keys joined with commas inside one quoted field.
     */
    function rowCount(parts: EncodedRows[]): number {
      let rows = 0;
      for (const part of parts) rows += part.rows;
      return rows;
    }

    function encodedKeyChunk(parts: EncodedRows[], skip: Set<number> | undefined): { line: Buffer; keys: number } | undefined {
      let total = 0;
      for (const part of parts) total += part.keys!.length;
      const prefix = Buffer.from(keyPrefix, 'utf8');
      const out = Buffer.allocUnsafe(prefix.length + total + rowCount(parts) + 8);
      let o = prefix.copy(out, 0);
      out[o++] = 0x22; // "
      out[o++] = 0x5b; // [
      let keys = 0;
      let ordinal = 0;
      for (const part of parts) {
        const bytes = part.keys!;
        const ends = part.keyEnds!;
        let start = 0;
        for (let r = 0; r < part.rows; r++) {
          const end = ends[r];
          if (!skip?.has(++ordinal)) {
            if (keys++ > 0) out[o++] = 0x2c; // ,
            o += bytes.copy(out, o, start, end);
          }
          start = end;
        }
      }
      if (keys === 0) return undefined;
      out[o++] = 0x5d; // ]
      out[o++] = 0x22; // "
      out[o++] = 0x0a; // \n
      return { line: out.subarray(0, o), keys };
    }

    function* csvPieces(rows: (string | null)[][], skip: Set<number> | undefined): Generator<string> {
      let text = '';
      for (let r = 0; r < rows.length; r++) {
        if (skip?.has(r + 1)) continue;
        const row = rows[r];
        let line = csvField(row[0], quoteable[0]);
        for (let c = 1; c < width; c++) line += `,${csvField(row[c], quoteable[c])}`;
        text += `${line}\n`;
        if (text.length > 1 << 20) {
          yield text;
          text = '';
        }
      }
      if (text) yield text;
    }

    const writeChunk = async (rows: (string | null)[][]): Promise<void> => {
      let skip: Set<number> | undefined;
      if (!startedEmpty) {
        const params = keyPositions.map((p) => rows.map((row) => row[p]));
        const found = await client.query<{ ord: string }>(lookup, params);
        skip = new Set(found.rows.map((r) => Number(r.ord)));
      }
      const written = await copyIn(copyTarget, csvPieces(rows, skip));
      const items: string[] = [];
      for (let r = 0; r < rows.length; r++) {
        if (skip?.has(r + 1)) continue;
        const row = rows[r];
        let json = keyJsonFns[0](row[keyPositions[0]]!);
        for (let k = 1; k < keyPositions.length; k++) json += `,${keyJsonFns[k](row[keyPositions[k]]!)}`;
        items.push(`[${json}]`);
      }
      if (items.length > 0) await copyIn(copyKeys, [`${keyPrefix}"[${items.join(',').replace(/"/g, '""')}]"\n`]);
      staged += rows.length;
      loaded += written;
      if (items.length !== written) throw new Error(`recorded ${items.length} keys for ${written} rows`);
    };

    const flush = async (): Promise<void> => {
      if (buffer.length === 0 && encoded.length === 0) return;
      const rows = buffer;
      const parts = encoded;
      buffer = [];
      encoded = [];
      encodedRows = 0;
      inFlight++;
      const previous = tail;
      tail = tail
        .then(async () => {
          if (failure) return;
          if (rows.length > 0) await writeChunk(rows);
          if (parts.length > 0) await writeEncoded(parts);
        })
        .catch((error: unknown) => {
          failure ??= error;
        })
        .finally(() => {
          inFlight--;
        });
      // Read ahead by at most one chunk while the server takes the previous one.
      if (inFlight > 1) await previous;
      if (failure) throw failure;
    };

    return {
      keyFormat,
      async addRows(rows) {
        if (failure) throw failure;
        for (const row of rows) buffer.push(row);
        if (buffer.length >= chunkRows) await flush();
      },
      async addEncoded(part) {
        if (failure) throw failure;
        if (part.rows === 0) return;
        encoded.push(part);
        encodedRows += part.rows;
        if (encodedRows >= chunkRows) await flush();
      },
      async settle() {
        await flush();
        await tail;
        if (failure) throw failure;
      },
      async abort() {
        failure ??= new Error('load stopped');
        buffer = [];
        encoded = [];
        await tail;
      },
      async finish() {
        await flush();
        await tail;
        if (failure) throw failure;
        return { staged, loaded };
      },
    };
  };

  const deleteBatchRows = async (table: TargetTable, batchId: string): Promise<number> => {
    const types = new Map(table.columns.map((c) => [c.name, c.type.declared]));
    const keys = table.primaryKey.map((k) => quoteTableName(k)).join(', ');
    const values = table.primaryKey.map((k, i) => `(key_json::json->>${i})::${types.get(k)}`).join(', ');
    const result = await query(
      `DELETE FROM ${table.sql} WHERE (${keys}) IN (SELECT ${values} FROM ${batchKeysRelation('postgres')} k WHERE batch_id = ? AND table_name = ?)`,
      [batchId, table.name],
    );
    return result.rowCount;
  };

  return {
    dialect: 'postgres',
    description: spec.description,
    query,
    describeTable,
    openWriter,
    deleteBatchRows,
    close: () => client.end().catch(() => {}),
  };
}

/** A canonical key value as a JSON literal, as json_build_array would write it. */
function jsonValueFn(type: ColumnType): (text: string) => string {
  switch (type.kind) {
    case 'smallint':
    case 'integer':
    case 'bigint':
    case 'numeric':
      return (t) => t;
    case 'real':
    case 'double':
      return (t) => String(Number(t));
    case 'boolean':
      return (t) => t;
    default:
      return (t) => JSON.stringify(t);
  }
}

// ---------------------------------------------------------------------------------------------
// SQLite

type SqliteValue = string | number | bigint | null;

/** Canonical text → the value SQLite stores (integers as numbers, booleans as 1/0). */
function sqliteValueFn(type: ColumnType): (text: string) => SqliteValue {
  switch (type.kind) {
    case 'smallint':
    case 'integer':
    case 'bigint':
      return (t) => (t.length < 16 ? Number(t) : BigInt(t));
    case 'real':
    case 'double':
      return (t) => Number(t);
    case 'boolean':
      return (t) => (t === 'true' ? 1 : 0);
    default:
      return (t) => t;
  }
}

/** Key values as JSON: integers beyond 2^53 as strings (SQLite compares them back numerically). */
function keyJson(values: unknown[]): string {
  return JSON.stringify(values, (_k, v: unknown) =>
    typeof v === 'bigint' ? (v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString()) : v,
  );
}

function openSqliteTarget(spec: TargetSpec): TargetDb {
  let db: SQLite.Database;
  try {
    db = new SQLite(spec.url, { fileMustExist: true });
  } catch (error) {
    throw targetError(spec.description, error);
  }
  db.pragma('busy_timeout = 5000');

  const query: TargetDb['query'] = async <T>(sql: string, params: unknown[] = []) => {
    const stmt = db.prepare(sql);
    if (stmt.reader) return { rows: stmt.all(...params) as T[], rowCount: 0 };
    const info = stmt.run(...params);
    return { rows: [], rowCount: info.changes };
  };

  const describeTable = async (name: string): Promise<TargetTable> => {
    const { schema, table } = splitTableName(name);
    const pragma = `${schema ? `${quoteTableName(schema)}.` : ''}table_info(${quoteTableName(table)})`;
    const cols = db.pragma(pragma) as { name: string; type: string; notnull: number; dflt_value: unknown; pk: number }[];
    if (cols.length === 0) throw new AppError('BAD_INPUT', { summary: `${spec.description}: table ${name} does not exist` });
    const pk = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    if (pk.length === 0) throw noPrimaryKey(spec.description, name);
    return {
      name,
      sql: quoteTableName(name),
      columns: cols.map((c) => ({
        name: c.name,
        type: classifyColumnType(c.type, 'sqlite'),
        // An INTEGER PRIMARY KEY is the rowid: NOT NULL in effect, filled when absent.
        notNull: c.notnull === 1,
        hasDefault: c.dflt_value !== null || (pk.length === 1 && c.pk === 1 && /^integer$/i.test(c.type.trim())),
      })),
      primaryKey: pk.map((c) => c.name),
    };
  };

  const openWriter = async (table: TargetTable, columns: TargetColumn[], batchId: string, options: WriterOptions): Promise<TableWriter> => {
    const chunkRows = options.chunkRows;
    const colList = columns.map((c) => quoteTableName(c.name)).join(', ');
    const keyList = table.primaryKey.map((k) => quoteTableName(k)).join(', ');
    const toValue = columns.map((c) => sqliteValueFn(c.type));
    const width = columns.length;
    // SQLite allows 32766 bound parameters per statement.
    const perStatement = Math.max(1, Math.min(chunkRows, 500, Math.floor(32000 / width)));
    const statementFor = (rows: number): SQLite.Statement => {
      const tuple = `(${new Array<string>(width).fill('?').join(', ')})`;
      const stmt = db.prepare(
        `INSERT INTO ${table.sql} (${colList}) VALUES ${new Array<string>(rows).fill(tuple).join(', ')} ON CONFLICT DO NOTHING RETURNING ${keyList}`,
      );
      stmt.raw(true);
      stmt.safeIntegers(true);
      return stmt;
    };
    const full = statementFor(perStatement);
    const recordKey = db.prepare('INSERT INTO golive_batch_key (batch_id, table_name, key_json) VALUES (?, ?, ?)');
    let staged = 0;
    let loaded = 0;
    let buffer: SqliteValue[] = [];
    let buffered = 0;
    const flush = (stmt: SQLite.Statement): void => {
      const keys = stmt.all(buffer) as unknown[][];
      for (const key of keys) recordKey.run(batchId, table.name, keyJson(key));
      loaded += keys.length;
      staged += buffered;
      buffer = [];
      buffered = 0;
    };
    return {
      async addRows(rows) {
        for (const row of rows) {
          for (let c = 0; c < width; c++) {
            const v = row[c];
            buffer.push(v === null ? null : toValue[c](v));
          }
          if (++buffered === perStatement) flush(full);
        }
      },
      async settle() {},
      async abort() {
        buffer = [];
        buffered = 0;
      },
      async finish() {
        if (buffered > 0) flush(statementFor(buffered));
        return { staged, loaded };
      },
    };
  };

  const deleteBatchRows = async (table: TargetTable, batchId: string): Promise<number> => {
    const keys = table.primaryKey.map((k) => quoteTableName(k)).join(', ');
    const values = table.primaryKey.map((_k, i) => `json_extract(key_json, '$[${i}]')`).join(', ');
    const lhs = table.primaryKey.length > 1 ? `(${keys})` : keys;
    const info = db
      .prepare(`DELETE FROM ${table.sql} WHERE ${lhs} IN (SELECT ${values} FROM golive_batch_key WHERE batch_id = ? AND table_name = ?)`)
      .run(batchId, table.name);
    return info.changes;
  };

  return {
    dialect: 'sqlite',
    description: spec.description,
    query,
    describeTable,
    openWriter,
    deleteBatchRows,
    close: async () => {
      db.close();
    },
  };
}
