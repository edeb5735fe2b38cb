import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { CSV_LINE_END, encodeCsvRow, UTF8_BOM, type ExportCell } from './csv-encode';

/** How a CSV starts. */
export interface CsvWriterOptions {
  /** Put a UTF-8 BOM first (files for people, opened in Excel); off for files other programs read back. */
  bom?: boolean;
}

/**
 * A streaming CSV writer: a header line, then rows, each batch one write, waiting for `drain` when
 * the stream's buffer is full so a million-row export never sits in memory. A stream error (disk
 * full, missing directory) is kept and thrown from the next write or from `close`.
 */
export class CsvWriter {
  /** Data rows written so far (header excluded). */
  rows = 0;
  private failure: Error | undefined;
  private drained: (() => void) | undefined;

  private constructor(
    private readonly out: Writable,
    private readonly ownsStream: boolean,
    /** The file written, for writers made by {@link CsvWriter.toFile}. */
    readonly path: string | null,
  ) {
    out.on('error', (error: Error) => {
      this.failure ??= error;
      this.drained?.();
    });
    out.on('drain', () => this.drained?.());
  }

  /** Creates (or truncates) `path` and writes the header line. */
  static toFile(path: string, header: readonly string[], options: CsvWriterOptions = {}): CsvWriter {
    return CsvWriter.start(new CsvWriter(createWriteStream(path, { encoding: 'utf8' }), true, path), header, options);
  }

  /** Writes to a stream the caller opened; `close` ends it only when `end` is true. */
  static toStream(out: Writable, header: readonly string[], options: CsvWriterOptions = {}, end = false): CsvWriter {
    return CsvWriter.start(new CsvWriter(out, end, null), header, options);
  }

  private static start(writer: CsvWriter, header: readonly string[], options: CsvWriterOptions): CsvWriter {
    writer.out.write(`${options.bom ? UTF8_BOM : ''}${encodeCsvRow(header)}${CSV_LINE_END}`);
    return writer;
  }

  /** Writes one row. */
  writeRow(cells: readonly ExportCell[]): Promise<void> {
    return this.writeRows([cells]);
  }

  /** Writes a batch of rows as one chunk; resolves once the stream can take more. */
  async writeRows(rows: readonly (readonly ExportCell[])[]): Promise<void> {
    this.throwFailure();
    if (rows.length === 0) return;
    let text = '';
    for (const row of rows) text += encodeCsvRow(row) + CSV_LINE_END;
    this.rows += rows.length;
    if (!this.out.write(text)) {
      await new Promise<void>((resume) => (this.drained = resume));
      this.drained = undefined;
    }
    this.throwFailure();
  }

  /** Flushes and (for files) closes the stream. */
  async close(): Promise<void> {
    this.throwFailure();
    if (!this.ownsStream) return;
    await new Promise<void>((done, fail) => {
      this.out.once('error', fail);
      this.out.end(() => done());
    });
    this.throwFailure();
  }

  private throwFailure(): void {
    if (this.failure) throw this.failure;
  }
}
