import { ensureBookkeeping } from './bookkeeping';
import { openPostgresTarget } from './pg-target';
import { openSqliteTarget } from './sqlite-target';
import { targetError } from './target-error';
import type { ColumnType } from './column-types';

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
