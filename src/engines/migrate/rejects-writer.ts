import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { formatSourceValue } from '../sources/format-source-value';
import type { SourceValue } from '../sources/source-types';

/** One rejected source row: its 1-based data row number, the failing columns and why. */
export interface RejectedRow {
  row: number;
  columns: string[];
  reasons: string[];
  values: SourceValue[];
}

function csvCell(value: string | null): string {
  if (value === null) return '';
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Writes rejected rows as CSV (UTF-8 with BOM so Excel opens Chinese text correctly):
 * 行号 (data row in the source, header excluded), 列, 原因, then the row's original values.
 * The file is created on the first reject only.
 */
export class RejectsWriter {
  private stream: WriteStream | undefined;
  count = 0;

  constructor(
    readonly path: string,
    private readonly sourceColumns: readonly string[],
  ) {}

  async write(rejected: RejectedRow): Promise<void> {
    if (!this.stream) {
      this.stream = createWriteStream(this.path, { encoding: 'utf8' });
      this.stream.write(`\uFEFF${['行号', '列', '原因', ...this.sourceColumns].map(csvCell).join(',')}\r\n`);
    }
    this.count++;
    const cells = [
      String(rejected.row),
      rejected.columns.join('; '),
      rejected.reasons.join('; '),
      ...rejected.values.map(formatSourceValue),
    ];
    if (!this.stream.write(`${cells.map(csvCell).join(',')}\r\n`)) await once(this.stream, 'drain');
  }

  /** True once a row was written (the file exists). */
  get written(): boolean {
    return this.stream !== undefined;
  }

  async close(): Promise<void> {
    if (!this.stream) return;
    const stream = this.stream;
    await new Promise<void>((done, fail) => {
      stream.on('error', fail);
      stream.end(() => done());
    });
  }
}
