import type ExcelJS from 'exceljs';
import { styleXlsxHeader } from '../../shared/xlsx-style';
import type { ExportCell } from './csv-encode';

/** Rows per worksheet in XLSX (Excel's limit), header included. */
export const XLSX_MAX_ROWS = 1_048_576;

/** What a streamed workbook looks like. */
export interface XlsxWriterOptions {
  /** Name of the first sheet; further sheets (past Excel's row limit) get `2`, `3`… appended. */
  sheetName: string;
  header: readonly string[];
  /** Rows per sheet, header included (default {@link XLSX_MAX_ROWS}; tests use a small one). */
  maxRowsPerSheet?: number;
}

/**
 * A streaming XLSX writer over exceljs's `WorkbookWriter`: rows are committed as they come, so the
 * workbook is never held in memory. Every sheet starts with golive's header row style; past
 * {@link XLSX_MAX_ROWS} the rows continue on a new sheet with the same header.
 */
export class XlsxWriter {
  /** Data rows written so far (headers excluded). */
  rows = 0;
  private sheet: ExcelJS.Worksheet;
  private sheetCount = 1;
  private inSheet = 0;

  private constructor(
    private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter,
    private readonly options: XlsxWriterOptions,
  ) {
    this.sheet = this.addSheet(options.sheetName);
  }

  /** Starts the workbook at `path`. exceljs is loaded here, on demand: it is slow to import. */
  static async toFile(path: string, options: XlsxWriterOptions): Promise<XlsxWriter> {
    const { default: excel } = await import('exceljs');
    // Shared strings off: they would keep every distinct text in memory until the end.
    const workbook = new excel.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: true });
    return new XlsxWriter(workbook, options);
  }

  /** Appends one row. */
  writeRow(cells: readonly ExportCell[]): void {
    if (this.inSheet >= (this.options.maxRowsPerSheet ?? XLSX_MAX_ROWS)) {
      this.sheet.commit();
      this.sheetCount++;
      this.sheet = this.addSheet(`${this.options.sheetName}${this.sheetCount}`);
    }
    this.sheet.addRow([...cells]).commit();
    this.inSheet++;
    this.rows++;
  }

  /** Appends a batch of rows. */
  writeRows(rows: readonly (readonly ExportCell[])[]): void {
    for (const row of rows) this.writeRow(row);
  }

  /** Finishes the last sheet and the file. */
  async close(): Promise<void> {
    this.sheet.commit();
    await this.workbook.commit();
  }

  private addSheet(name: string): ExcelJS.Worksheet {
    const sheet = this.workbook.addWorksheet(name);
    const header = sheet.addRow([...this.options.header]);
    styleXlsxHeader(header);
    header.commit();
    this.inSheet = 1;
    return sheet;
  }
}
