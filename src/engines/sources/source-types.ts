/**
 * Shared shapes of the tabular source layer. A source is opened once, exposes its column names
 * up front, and streams its rows in batches so that callers (reconciliation, profiling,
 * migration loading) never hold a whole table in memory.
 */

/** The kinds of source golive can read. */
export type SourceKind = 'csv' | 'xlsx' | 'sqlite' | 'postgres' | 'mysql';

/**
 * A cell as the source delivered it. Database sources keep exact text for numerics and
 * timestamps (strings), SQLite integers arrive as bigint, XLSX numbers as number and dates as Date.
 * Use `formatSourceValue` to get the canonical text form.
 */
export type SourceValue = string | number | bigint | boolean | Date | Uint8Array | null;

/** One batch of rows; `firstRow` is the 1-based data row number of `rows[0]` (header excluded). */
export interface SourceRowBatch {
  rows: SourceValue[][];
  firstRow: number;
}

/** What a CSV source looked like once sniffed, kept so a faster loader can read it the same way. */
export interface CsvLayout {
  path: string;
  encoding: string;
  hasBom: boolean;
  delimiter: string;
  header: boolean;
}

/** An opened tabular source. Iterate `batches()` once, then `close()`. */
export interface TabularSource {
  readonly kind: SourceKind;
  /** Human readable name with any password masked: safe for errors and logs. */
  readonly description: string;
  readonly columns: readonly string[];
  /** Present for CSV sources. */
  readonly csv?: CsvLayout;
  batches(): AsyncIterable<SourceRowBatch>;
  close(): Promise<void>;
}

/** Options for opening a source; each applies only to the kinds that use it. */
export interface OpenSourceOptions {
  /** CSV text encoding (`utf-8`, `gbk`, `gb18030`, …); detected when omitted. */
  encoding?: string;
  /** CSV delimiter; detected when omitted. */
  delimiter?: string;
  /** Whether the CSV's first line is a header; detected when omitted. */
  header?: boolean;
  /** XLSX sheet name; overrides the `#Sheet` part of the spec. */
  sheet?: string;
  /** A SQL query to run instead of reading the table named in the spec. */
  query?: string;
  /** Rows per batch (default 8192). */
  batchSize?: number;
  /**
   * UTF-8 CSV: parse bytes (default) or decode to text and use the text parser first. Both give the
   * same rows; the text path is kept for comparison tests and as the reference implementation.
   */
  byteParser?: boolean;
}
