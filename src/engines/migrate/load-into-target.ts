import { resolve } from 'node:path';
import { AppError } from '../../shared/app-error';
import { openSource } from '../sources/open-source';
import type { TabularSource } from '../sources/source-types';
import { canReadUtf8Spans, readUtf8CsvSpans } from '../sources/utf8-csv-reader';
import { checkSourceRow, type RowCheck } from './check-source-row';
import { CopyEncoder } from './copy-encoder';
import type { LoadOptions, LoadSummary } from './load-types';
import { planColumns } from './plan-columns';
import { RejectsWriter, type RejectedRow } from './rejects-writer';
import type { TableWriter, TargetColumn, TargetDb, TargetTable } from './target-db';
import { countRows, verifyLoadCounts } from './verify-load-counts';
import { KeyTracker } from './value-check';

type LoadResult = Omit<LoadSummary, 'seconds'>;

/** One load while its rows stream through: the counts, the first refusal and the test pause. */
class LoadState {
  sourceRows = 0;
  rejected = 0;
  firstRejected: LoadSummary['first_rejected'];
  private paused = false;

  constructor(
    private readonly options: LoadOptions,
    private readonly writer: TableWriter,
    private readonly rejects: RejectsWriter,
    /** The summary fields that do not depend on the rows. */
    private readonly base: Pick<LoadResult, 'batch' | 'target' | 'table' | 'source'>,
  ) {}

  /** Counts a refused row; with --on-error stop, the summary to return at once. */
  async refuse(entry: RejectedRow): Promise<LoadResult | undefined> {
    this.rejected++;
    this.firstRejected ??= { row: entry.row, column: entry.columns.join(', '), reason: entry.reasons.join('; ') };
    if ((this.options.onError ?? 'skip') !== 'stop') {
      await this.rejects.write(entry);
      return undefined;
    }
    await this.writer.abort();
    if (this.options.rejectsFile) await this.rejects.write(entry);
    await this.rejects.close();
    return {
      ...this.base,
      status: 'stopped',
      source_rows: entry.row,
      loaded: 0,
      rejected: this.rejected,
      skipped_existing: 0,
      rejects_file: this.rejects.written ? this.rejects.path : null,
      first_rejected: this.firstRejected,
    };
  }

  /** Reports progress and, once, pauses where the test hook asks (the transaction stays open). */
  async afterBatch(): Promise<void> {
    this.options.onProgress?.(this.sourceRows);
    if (!this.paused && this.options.pauseAfterRows !== undefined && this.sourceRows >= this.options.pauseAfterRows) {
      this.paused = true;
      await this.writer.settle();
      await this.options.onPause?.(this.sourceRows);
    }
  }
}

/**
 * The byte path: plain UTF-8 CSV into PostgreSQL, bytes going from the file to the COPY text without
 * a string or an array per row, checked and converted exactly as the row path does it.
 */
async function streamEncodedRows(
  state: LoadState,
  source: TabularSource,
  encoder: CopyEncoder,
  writer: TableWriter,
): Promise<LoadResult | undefined> {
  for await (const batch of readUtf8CsvSpans(source.csv!, source.description, source.columns)) {
    const refused: RejectedRow[] = [];
    const encoded = encoder.encode(batch, refused);
    for (const entry of refused) {
      const stopped = await state.refuse(entry);
      if (stopped) return stopped;
    }
    state.sourceRows += batch.to - batch.from;
    await writer.addEncoded!(encoded);
    await state.afterBatch();
  }
  return undefined;
}

/** The row path: every source row checked and converted in JS, good rows handed to the writer. */
async function streamSourceRows(
  state: LoadState,
  source: TabularSource,
  check: RowCheck,
  targetColumns: readonly TargetColumn[],
  writer: TableWriter,
  options: LoadOptions,
): Promise<LoadResult | undefined> {
  for await (const batch of source.batches()) {
    const good: (string | null)[][] = [];
    const goodRowNumbers: number[] = [];
    for (let i = 0; i < batch.rows.length; i++) {
      const rowNumber = batch.firstRow + i;
      const checked = checkSourceRow(check, batch.rows[i], rowNumber, options.rejectRow?.(rowNumber));
      if (!Array.isArray(checked)) {
        const stopped = await state.refuse(checked);
        if (stopped) return stopped;
        continue;
      }
      good.push(checked);
      if (options.onRowsAccepted) goodRowNumbers.push(rowNumber);
    }
    state.sourceRows += batch.rows.length;
    if (options.onRowsAccepted && good.length > 0) await options.onRowsAccepted(good, goodRowNumbers, targetColumns);
    await writer.addRows(good);
    await state.afterBatch();
  }
  return undefined;
}

/** The table named by the target, described (its columns and primary key). */
async function describeTargetTable(db: TargetDb, options: LoadOptions): Promise<TargetTable> {
  const tableName = options.target.table;
  if (!tableName) {
    throw new AppError('MIGRATE_TARGET_TABLE_MISSING', { target: options.target.description, example: '#public.customer' }, [
      { field: '--into' },
    ]);
  }
  return db.describeTable(tableName);
}

/**
 * Loads one source into one table inside the caller's open transaction: validates and converts
 * every row in JS, writes good rows with INSERT … ON CONFLICT DO NOTHING semantics, records the
 * keys of the rows it inserted, and checks the counts. Does not commit and does not record the batch.
 */
export async function loadIntoTarget(db: TargetDb, options: LoadOptions, batchId: string): Promise<LoadResult> {
  const cwd = options.cwd ?? process.cwd();
  const chunkRows = options.batchSize ?? 50_000;
  const table = await describeTargetTable(db, options);
  const source =
    options.openedSource ??
    (await openSource(options.source, { encoding: options.encoding, baseDir: cwd, batchSize: Math.min(chunkRows, 8192) }));
  const rejects = new RejectsWriter(resolve(cwd, options.rejectsFile ?? `golive-rejects-${batchId}.csv`), source.columns);
  try {
    const columns = planColumns(source, table, options.mapColumns ?? {});
    const keyPositions = table.primaryKey.map((k) => columns.findIndex((c) => c.target.name === k));
    const targetColumns = columns.map((c) => c.target);
    const before = await countRows(db, table);
    const writer = await db.openWriter(table, targetColumns, batchId, { chunkRows, pgMethod: options.pgMethod });
    const keys = new KeyTracker(columns, keyPositions);
    const state = new LoadState(options, writer, rejects, {
      batch: batchId,
      target: db.description,
      table: table.name,
      source: source.description,
    });
    const layout = source.csv;
    const bytePath =
      !options.openedSource && !options.rejectRow && !options.onRowsAccepted && layout !== undefined && canReadUtf8Spans(layout);
    const encoder =
      bytePath && writer.addEncoded && writer.keyFormat
        ? new CopyEncoder(columns, keyPositions, keys, table.name, writer.keyFormat)
        : undefined;
    try {
      const stopped = encoder
        ? await streamEncodedRows(state, source, encoder, writer)
        : await streamSourceRows(state, source, { columns, keys, tableName: table.name }, targetColumns, writer, options);
      if (stopped) return stopped;
    } catch (error) {
      // Let the statement in flight finish before the caller rolls back on this connection.
      await writer.abort().catch(() => {});
      throw error;
    }
    const { staged, loaded } = await writer.finish();
    await rejects.close();
    const check = await verifyLoadCounts(db, table, batchId, {
      sourceRows: state.sourceRows,
      rejected: state.rejected,
      staged,
      loaded,
      before,
    });
    return {
      batch: batchId,
      status: options.simulate ? 'simulated' : 'loaded',
      target: db.description,
      table: table.name,
      source: source.description,
      source_rows: state.sourceRows,
      loaded,
      rejected: state.rejected,
      skipped_existing: staged - loaded,
      rejects_file: rejects.written ? rejects.path : null,
      ...(state.firstRejected ? { first_rejected: state.firstRejected } : {}),
      count_check: check,
    };
  } finally {
    await rejects.close().catch(() => {});
    await source.close();
  }
}
