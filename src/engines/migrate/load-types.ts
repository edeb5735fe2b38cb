import type { TabularSource } from '../sources/source-types';
import type { PgMethod, TargetColumn, TargetSpec } from './target-db';

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
