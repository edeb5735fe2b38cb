import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { AppError, badInput } from '../../shared/app-error';
import { formatSourceValue } from '../sources/format-source-value';
import { openSource } from '../sources/open-source';
import type { SourceValue, TabularSource } from '../sources/source-types';
import { canReadUtf8Spans, readUtf8CsvSpans } from '../sources/utf8-csv-reader';
import { converterFor, isTextKind } from './column-types';
import { CopyEncoder } from './copy-encoder';
import { RejectsWriter, type RejectedRow } from './rejects-writer';
import {
  batchKeyCountExpr,
  openTargetDb,
  targetError,
  type PgMethod,
  type TargetColumn,
  type TargetDb,
  type TargetSpec,
  type TargetTable,
} from './target-db';
import { checkValue, KeyTracker, Refusal, type ColumnPlan } from './value-check';

/** What to load where, and how to treat bad rows. */
export interface LoadOptions {
  /** Source spec (file.csv, file.xlsx#Sheet, sqlite:…#table, postgres://…#table, mysql://…#table). */
  source: string;
  target: TargetSpec;
  /** Rows per write round (PostgreSQL: per COPY + INSERT chunk). Default 50 000. */
  batchSize?: number;
  onError?: 'skip' | 'stop';
  /** How rows reach PostgreSQL (see {@link PgMethod}); default direct when the table allows it, else staged. */
  pgMethod?: PgMethod;
  /** Rejects CSV path; default `golive-rejects-<batch>.csv` in `cwd`, created only when a row is rejected. */
  rejectsFile?: string;
  simulate?: boolean;
  /** Source column → target column. */
  mapColumns?: Record<string, string>;
  encoding?: string;
  /** Base directory for relative paths. */
  cwd?: string;
  onProgress?: (rowsRead: number) => void;
  /** Test hook: after this many source rows, call `onPause` and wait (the transaction stays open). */
  pauseAfterRows?: number;
  onPause?: (rowsRead: number) => Promise<void>;
  /**
   * An already opened source to read instead of opening `source` (which then only names it); the
   * load closes it. Lets a caller feed rows it mapped itself (constants, value maps, key lookups).
   */
  openedSource?: TabularSource;
  /**
   * Rows the caller already refused (e.g. a value missing from its value map), by 1-based source row
   * number: they go to the rejects file with these columns and reasons, like a conversion failure.
   */
  rejectRow?: (rowNumber: number) => { columns: string[]; reasons: string[] } | undefined;
  /**
   * Called once per source batch with the rows that passed validation (canonical text per target
   * column, in `columns` order) and their source row numbers, before they are written.
   */
  onRowsAccepted?: (rows: (string | null)[][], rowNumbers: number[], columns: readonly TargetColumn[]) => void | Promise<void>;
}

/** The independent counts compared after a load. */
export interface CountCheck {
  source_rows: number;
  accounted: number;
  target_rows_before: number;
  target_rows_after: number;
  keys_recorded: number;
  ok: boolean;
}

/** The result of one load batch. */
export interface LoadSummary {
  batch: string;
  status: 'loaded' | 'simulated' | 'stopped';
  target: string;
  table: string;
  source: string;
  source_rows: number;
  loaded: number;
  rejected: number;
  skipped_existing: number;
  rejects_file: string | null;
  /** With --on-error stop: the first bad row. */
  first_rejected?: { row: number; column: string; reason: string };
  count_check?: CountCheck;
  seconds: number;
}

/** A new batch id: sortable by time, unique enough across machines. */
export function newBatchId(): string {
  const iso = new Date().toISOString();
  return `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}-${randomBytes(3).toString('hex')}`;
}

/** Matches source columns to target columns and refuses loads that cannot work, naming the columns. */
export function planColumns(source: TabularSource, table: TargetTable, mapColumns: Record<string, string>, where: string): ColumnPlan[] {
  for (const from of Object.keys(mapColumns)) {
    if (!source.columns.includes(from)) {
      throw badInput(
        '--map-column',
        `${where}: "${from}" is not a column of ${source.description} (columns: ${source.columns.join(', ')})`,
      );
    }
  }
  const byName = new Map(table.columns.map((c) => [c.name, c]));
  const byLower = new Map(table.columns.map((c) => [c.name.toLowerCase(), c]));
  const plans: ColumnPlan[] = [];
  const unknown: string[] = [];
  const used = new Map<string, string>();
  source.columns.forEach((sourceName, sourceIndex) => {
    const wanted = mapColumns[sourceName] ?? sourceName;
    const target = byName.get(wanted) ?? byLower.get(wanted.toLowerCase());
    if (!target) {
      unknown.push(mapColumns[sourceName] ? `${sourceName} (mapped to ${wanted})` : sourceName);
      return;
    }
    const previous = used.get(target.name);
    if (previous !== undefined) {
      throw badInput(
        '--map-column',
        `${where}: source columns "${previous}" and "${sourceName}" both go to column ${target.name} of ${table.name}`,
      );
    }
    used.set(target.name, sourceName);
    // A key value is required even where the database would take a NULL (SQLite's non-integer keys).
    const checked = table.primaryKey.includes(target.name) && !target.notNull ? { ...target, notNull: true } : target;
    plans.push({ target: checked, sourceIndex, sourceName, convert: converterFor(target.type), trim: !isTextKind(target.type.kind) });
  });
  if (unknown.length) {
    throw badInput(
      'columns',
      `${where}: ${table.name} has no column for source column(s) ${unknown.join(', ')}; ` +
        `name them with --map-column SOURCE=TARGET (target columns: ${table.columns.map((c) => c.name).join(', ')})`,
    );
  }
  const missingKey = table.primaryKey.filter((k) => !used.has(k));
  if (missingKey.length) {
    throw badInput('columns', `${where}: the source has no value for primary key column(s) ${missingKey.join(', ')} of ${table.name}`);
  }
  const required = table.columns.filter((c) => c.notNull && !c.hasDefault && !used.has(c.name)).map((c) => c.name);
  if (required.length) {
    throw badInput(
      'columns',
      `${where}: ${table.name} requires column(s) ${required.join(', ')} (NOT NULL, no default) but the source has none`,
    );
  }
  return plans;
}

/**
 * Loads one source into one table inside the caller's open transaction: validates and converts
 * every row in JS, writes good rows with INSERT … ON CONFLICT DO NOTHING semantics, records the
 * keys of the rows it inserted, and checks the counts. Does not commit and does not record the batch.
 */
export async function loadIntoTarget(db: TargetDb, options: LoadOptions, batchId: string): Promise<Omit<LoadSummary, 'seconds'>> {
  const cwd = options.cwd ?? process.cwd();
  const tableName = options.target.table;
  if (!tableName) throw badInput('--into', `${options.target.description}: name the target table after '#', e.g. #public.customer`);
  const onError = options.onError ?? 'skip';
  const chunkRows = options.batchSize ?? 50_000;
  const table = await db.describeTable(tableName);
  const source =
    options.openedSource ??
    (await openSource(options.source, { encoding: options.encoding, baseDir: cwd, batchSize: Math.min(chunkRows, 8192) }));
  const rejects = new RejectsWriter(resolve(cwd, options.rejectsFile ?? `golive-rejects-${batchId}.csv`), source.columns);
  try {
    const columns = planColumns(source, table, options.mapColumns ?? {}, `${source.description} → ${table.name}`);
    const width = columns.length;
    const keyPositions = table.primaryKey.map((k) => columns.findIndex((c) => c.target.name === k));
    const targetColumns = columns.map((c) => c.target);
    const before = await countRows(db, table);
    const writer = await db.openWriter(table, targetColumns, batchId, { chunkRows, pgMethod: options.pgMethod });
    const keys = new KeyTracker(columns, keyPositions);
    let sourceRows = 0;
    let rejected = 0;
    let firstRejected: LoadSummary['first_rejected'];
    let paused = false;

    /** Counts a refused row; with --on-error stop, the summary to return at once. */
    const refuse = async (entry: RejectedRow): Promise<Omit<LoadSummary, 'seconds'> | undefined> => {
      rejected++;
      firstRejected ??= { row: entry.row, column: entry.columns.join(', '), reason: entry.reasons.join('; ') };
      if (onError !== 'stop') {
        await rejects.write(entry);
        return undefined;
      }
      await writer.abort();
      if (options.rejectsFile) await rejects.write(entry);
      await rejects.close();
      return {
        batch: batchId,
        status: 'stopped',
        target: db.description,
        table: table.name,
        source: source.description,
        source_rows: entry.row,
        loaded: 0,
        rejected,
        skipped_existing: 0,
        rejects_file: rejects.written ? rejects.path : null,
        first_rejected: firstRejected,
      };
    };
    const afterBatch = async (): Promise<void> => {
      options.onProgress?.(sourceRows);
      if (!paused && options.pauseAfterRows !== undefined && sourceRows >= options.pauseAfterRows) {
        paused = true;
        await writer.settle();
        await options.onPause?.(sourceRows);
      }
    };
    // Plain UTF-8 CSV into PostgreSQL: bytes go from the file to the COPY text without a string or
    // an array per row, checked and converted exactly as the row path below does it.
    const layout = source.csv;
    const bytePath =
      !options.openedSource && !options.rejectRow && !options.onRowsAccepted && layout !== undefined && canReadUtf8Spans(layout);
    const encoder =
      bytePath && writer.addEncoded && writer.keyFormat
        ? new CopyEncoder(columns, keyPositions, keys, table.name, writer.keyFormat)
        : undefined;

    try {
      if (encoder && layout) {
        for await (const batch of readUtf8CsvSpans(layout, source.description, source.columns)) {
          const refused: RejectedRow[] = [];
          const encoded = encoder.encode(batch, refused);
          for (const entry of refused) {
            const stopped = await refuse(entry);
            if (stopped) return stopped;
          }
          sourceRows += batch.to - batch.from;
          await writer.addEncoded!(encoded);
          await afterBatch();
        }
      } else {
        for await (const batch of source.batches()) {
          const good: (string | null)[][] = [];
          const goodRowNumbers: number[] = [];
          for (let i = 0; i < batch.rows.length; i++) {
            const row = batch.rows[i];
            const rowNumber = batch.firstRow + i;
            const out = new Array<string | null>(width);
            const refusedByCaller = options.rejectRow?.(rowNumber);
            let badColumns: string[] | undefined = refusedByCaller ? [...refusedByCaller.columns] : undefined;
            let reasons: string[] | undefined = refusedByCaller ? [...refusedByCaller.reasons] : undefined;
            for (let c = 0; c < width && !refusedByCaller; c++) {
              const plan = columns[c];
              const raw: SourceValue | undefined = row[plan.sourceIndex];
              const text = raw === null || raw === undefined ? null : typeof raw === 'string' ? raw : formatSourceValue(raw);
              const value = checkValue(plan, text, table.name);
              if (value instanceof Refusal) {
                (badColumns ??= []).push(plan.sourceName);
                (reasons ??= []).push(value.reason);
                out[c] = null;
              } else {
                out[c] = value;
              }
            }
            if (!badColumns) {
              const refusal = keys.check(keys.keyOf(out), rowNumber, () => out);
              if (refusal) {
                badColumns = keys.sourceNames;
                reasons = [refusal.reason];
              }
            }
            if (badColumns) {
              const stopped = await refuse({ row: rowNumber, columns: badColumns, reasons: reasons!, values: row });
              if (stopped) return stopped;
              continue;
            }
            good.push(out);
            if (options.onRowsAccepted) goodRowNumbers.push(rowNumber);
          }
          sourceRows += batch.rows.length;
          if (options.onRowsAccepted && good.length > 0) await options.onRowsAccepted(good, goodRowNumbers, targetColumns);
          await writer.addRows(good);
          await afterBatch();
        }
      }
    } catch (error) {
      // Let the statement in flight finish before the caller rolls back on this connection.
      await writer.abort().catch(() => {});
      throw error;
    }
    const { staged, loaded } = await writer.finish();
    await rejects.close();
    const after = await countRows(db, table);
    const recorded = await db.query<{ n: unknown }>(
      `SELECT ${batchKeyCountExpr(db.dialect)} AS n FROM golive_batch_key WHERE batch_id = ? AND table_name = ?`,
      [batchId, table.name],
    );
    const keysRecorded = Number(recorded.rows[0]?.n ?? 0);
    const skipped = staged - loaded;
    const check: CountCheck = {
      source_rows: sourceRows,
      accounted: loaded + rejected + skipped,
      target_rows_before: before,
      target_rows_after: after,
      keys_recorded: keysRecorded,
      ok: staged === sourceRows - rejected && after - before === loaded && keysRecorded === loaded,
    };
    if (!check.ok) {
      throw new AppError('CONFLICT', {
        summary:
          `${table.name}: count check failed, nothing was committed: source rows ${sourceRows}, written ${staged}, rejected ${rejected}, ` +
          `loaded ${loaded}, target grew by ${after - before}, keys recorded ${keysRecorded}`,
      });
    }
    return {
      batch: batchId,
      status: options.simulate ? 'simulated' : 'loaded',
      target: db.description,
      table: table.name,
      source: source.description,
      source_rows: sourceRows,
      loaded,
      rejected,
      skipped_existing: skipped,
      rejects_file: rejects.written ? rejects.path : null,
      ...(firstRejected ? { first_rejected: firstRejected } : {}),
      count_check: check,
    };
  } finally {
    await rejects.close().catch(() => {});
    await source.close();
  }
}

async function countRows(db: TargetDb, table: TargetTable): Promise<number> {
  const result = await db.query<{ n: unknown }>(`SELECT count(*) AS n FROM ${table.sql}`);
  return Number(result.rows[0]?.n ?? 0);
}

/** Inserts the `golive_batch` row of a finished load. */
export async function recordBatch(db: TargetDb, summary: Omit<LoadSummary, 'seconds'>, startedAt: string): Promise<void> {
  await db.query(
    `INSERT INTO golive_batch (id, target_table, source, status, source_rows, loaded, rejected, skipped_existing, rejects_file, started_at, finished_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      summary.batch,
      summary.table,
      summary.source,
      summary.status === 'simulated' ? 'simulated' : 'loaded',
      summary.source_rows,
      summary.loaded,
      summary.rejected,
      summary.skipped_existing,
      summary.rejects_file,
      startedAt,
      new Date().toISOString(),
    ],
  );
}

export async function begin(db: TargetDb): Promise<void> {
  await db.query(db.dialect === 'sqlite' ? 'BEGIN IMMEDIATE' : 'BEGIN');
}

/**
 * Runs one load as one batch in one transaction: target rows, recorded keys and the batch record
 * commit together, so a killed process leaves nothing behind and re-running it resumes cleanly.
 * Simulate mode does the same work, rolls it back and then records the batch as `simulated`.
 * With --on-error stop the first bad row rolls everything back (status `stopped`).
 */
export async function runLoad(options: LoadOptions): Promise<LoadSummary> {
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  const batchId = newBatchId();
  const db = await openTargetDb(options.target);
  try {
    await begin(db);
    let summary: Omit<LoadSummary, 'seconds'>;
    try {
      summary = await loadIntoTarget(db, options, batchId);
      if (summary.status === 'loaded') {
        await recordBatch(db, summary, startedAt);
        await db.query('COMMIT');
      } else {
        await db.query('ROLLBACK');
      }
    } catch (error) {
      await db.query('ROLLBACK').catch(() => {});
      throw error;
    }
    if (summary.status === 'simulated') await recordBatch(db, summary, startedAt);
    return { ...summary, seconds: Math.round((Date.now() - started) / 10) / 100 };
  } catch (error) {
    throw targetError(options.target.description, error);
  } finally {
    await db.close();
  }
}
