import { CsvWriter } from '../export/csv-writer';
import { formatSourceValue } from '../sources/format-source-value';
import type { SourceValue } from '../sources/source-types';

/** One rejected source row: its 1-based data row number, the failing columns and why. */
export interface RejectedRow {
  row: number;
  columns: string[];
  reasons: string[];
  values: SourceValue[];
}

/**
 * Writes rejected rows as CSV (UTF-8 with BOM so Excel opens Chinese text correctly):
 * 行号 (data row in the source, header excluded), 列, 原因, then the row's original values.
 * The file is created on the first reject only.
 */
export class RejectsWriter {
  private stream: CsvWriter | undefined;
  count = 0;

  constructor(
    readonly path: string,
    private readonly sourceColumns: readonly string[],
  ) {}

  async write(rejected: RejectedRow): Promise<void> {
    if (!this.stream) {
      this.stream = CsvWriter.toFile(this.path, ['行号', '列', '原因', ...this.sourceColumns], { bom: true });
    }
    this.count++;
    const cells = [
      String(rejected.row),
      rejected.columns.join('; '),
      rejected.reasons.join('; '),
      ...rejected.values.map(formatSourceValue),
    ];
    await this.stream.writeRow(cells);
  }

  /** True once a row was written (the file exists). */
  get written(): boolean {
    return this.stream !== undefined;
  }

  async close(): Promise<void> {
    await this.stream?.close();
  }
}
