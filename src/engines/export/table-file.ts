import { CsvWriter } from './csv-writer';
import type { ExportCell } from './csv-encode';
import { XlsxWriter } from './xlsx-writer';

/** The two table formats golive exports. */
export type TableFormat = 'csv' | 'xlsx';

/** What to write: the header per format (CSV may differ, e.g. English headers for machines) and the rows. */
export interface TableFileInput {
  format: TableFormat;
  /** XLSX sheet name. */
  sheetName: string;
  header: readonly string[];
  /** CSV header when it differs from the XLSX one. */
  csvHeader?: readonly string[];
  /** UTF-8 BOM before the CSV (default true: exports are opened in Excel). */
  bom?: boolean;
  rows: AsyncIterable<readonly (readonly ExportCell[])[]>;
}

/** Streams a table to a CSV or XLSX file and returns the number of data rows. */
export async function writeTableFile(path: string, input: TableFileInput): Promise<number> {
  const writer =
    input.format === 'csv'
      ? CsvWriter.toFile(path, input.csvHeader ?? input.header, { bom: input.bom ?? true })
      : await XlsxWriter.toFile(path, { sheetName: input.sheetName, header: input.header });
  try {
    for await (const batch of input.rows) await writer.writeRows(batch);
  } finally {
    await writer.close();
  }
  return writer.rows;
}
