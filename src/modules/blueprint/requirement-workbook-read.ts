import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/connection';
import type { ErrorDetail, Locale } from '../../shared/app-error';
import { getUploadPath } from '../uploads/upload.service';
import { blueprintMessage } from './blueprint-labels';
import {
  HEADER_OF,
  importFailure,
  REQUIRED_HEADERS,
  REQUIREMENT_COLUMNS,
  SHEET_NAME,
  type ColumnKey,
} from './requirement-workbook-columns';

/** Plain text of a cell, whatever exceljs made of it (rich text, formula result, hyperlink, date). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value)
    return value.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if ('text' in value && typeof value.text === 'string') return value.text.trim();
  if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ('error' in value) return '';
  return '';
}

/** One filled row of the uploaded sheet: its number, its code and its cells by column. */
export interface ParsedRow {
  row: number;
  code: string | undefined;
  values: Partial<Record<ColumnKey, string>>;
}

/**
 * Reads the uploaded requirement workbook: the list sheet (or the first), its headers matched to the
 * columns (the required ones must be there) and every non-blank row. Fails with row-level details.
 */
export async function readRequirementRows(db: Db, projectId: string, uploadId: string, locale: Locale): Promise<ParsedRow[]> {
  const { path } = await getUploadPath(db, projectId, uploadId);
  const workbook = new ExcelJS.Workbook();
  const fail = (details: ErrorDetail[]) => importFailure(details, locale);
  try {
    const bytes = await readFile(path);
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    throw fail([{ field: 'uploadId', reason: blueprintMessage('noSheet', locale) }]);
  }
  const sheet = workbook.getWorksheet(SHEET_NAME) ?? workbook.worksheets[0];
  if (!sheet) throw fail([{ field: 'uploadId', reason: blueprintMessage('noSheet', locale) }]);

  const columnOf = new Map<ColumnKey, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const text = cellText(cell.value).replace(/\s+/g, '').replace('（', '(').replace('）', ')');
    const column = REQUIREMENT_COLUMNS.find((c) => c.header === text);
    if (column) columnOf.set(column.key, col);
  });
  const missing = REQUIRED_HEADERS.filter((k) => !columnOf.has(k));
  if (missing.length) {
    throw fail(
      missing.map((k) => ({ field: `row:1:${HEADER_OF[k]}`, reason: blueprintMessage('noHeader', locale, { header: HEADER_OF[k] }) })),
    );
  }

  const parsed: ParsedRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const values: Partial<Record<ColumnKey, string>> = {};
    for (const [key, col] of columnOf) values[key] = cellText(row.getCell(col).value);
    if (Object.entries(values).every(([k, v]) => k === 'approval' || !v)) return; // blank line
    parsed.push({ row: rowNumber, code: values.code || undefined, values });
  });
  if (parsed.length === 0) throw fail([{ field: 'uploadId', reason: blueprintMessage('emptyFile', locale) }]);
  return parsed;
}
