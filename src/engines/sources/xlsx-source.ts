import { access } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { AppError } from '../../shared/app-error';
import { uniqueColumnNames } from './csv-source';
import { formatSourceValue } from './format-source-value';
import type { OpenSourceOptions, SourceRowBatch, SourceValue, TabularSource } from './source-types';

interface SheetRow {
  number: number;
  values: SourceValue[];
}

/** Excel's column letters for a 1-based column number (1 → A, 27 → AA). */
export function columnLetter(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Flattens exceljs cell shapes (rich text, formulas, hyperlinks, errors) to a plain value. */
export function xlsxCellValue(value: unknown): SourceValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const cell = value as Record<string, unknown>;
    if (Array.isArray(cell.richText)) {
      return (cell.richText as { text?: string }[]).map((part) => part.text ?? '').join('');
    }
    if ('formula' in cell || 'sharedFormula' in cell) return xlsxCellValue(cell.result);
    if (typeof cell.text === 'string') return cell.text;
    if (typeof cell.error === 'string') return cell.error;
  }
  return String(value);
}

async function* sheetRows(path: string, sheet: string | undefined, description: string): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell exceljs which numbers are dates.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let found = false;
  const seen: string[] = [];
  for await (const worksheet of reader) {
    const name = (worksheet as unknown as { name: string }).name;
    seen.push(name);
    const wanted = !found && (sheet === undefined || name === sheet);
    for await (const row of worksheet) {
      if (!wanted) continue;
      const raw = row.values as unknown[];
      const values: SourceValue[] = [];
      for (let i = 1; i < raw.length; i++) values.push(xlsxCellValue(raw[i]));
      yield { number: row.number, values };
    }
    if (wanted) found = true;
  }
  if (!found) {
    throw new AppError('BAD_INPUT', {
      summary: `${description}: no sheet named "${sheet ?? ''}" (sheets: ${seen.join(', ') || 'none'})`,
    });
  }
}

/** Opens an XLSX sheet (the first when none is named) with the streaming reader; row 1 is the header. */
export async function openXlsxSource(
  path: string,
  sheet: string | undefined,
  description: string,
  options: OpenSourceOptions,
): Promise<TabularSource> {
  try {
    await access(path);
  } catch {
    throw new AppError('BAD_INPUT', { summary: `${description}: file not found` });
  }
  const rows = sheetRows(path, options.sheet ?? sheet, description);
  let first: IteratorResult<SheetRow>;
  try {
    first = await rows.next();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('BAD_INPUT', {
      summary: `${description}: not a readable XLSX file (${(error as Error).message})`,
    });
  }
  const header = first.done ? [] : first.value.values.map((v) => formatSourceValue(v) ?? '');
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  const columns = uniqueColumnNames(header);
  const headerRow = first.done ? 1 : first.value.number;
  const batchSize = options.batchSize ?? 8192;
  const sheetName = options.sheet ?? sheet;
  const where = sheetName ? `${description} sheet ${sheetName}` : description;

  async function* batches(): AsyncGenerator<SourceRowBatch> {
    let batch: SourceValue[][] = [];
    let dataRow = 0;
    let firstRow = 1;
    for await (const row of rows) {
      for (let i = columns.length; i < row.values.length; i++) {
        const extra = row.values[i];
        if (extra !== null && formatSourceValue(extra) !== '') {
          throw new AppError(
            'BAD_INPUT',
            { summary: `${where}: row ${row.number}, column ${columnLetter(i + 1)} has a value but no header` },
            [{ field: `row:${row.number}`, reason: `column ${columnLetter(i + 1)}: no header` }],
          );
        }
      }
      // Blank rows are not emitted by the streaming reader; keep data row numbers aligned with Excel.
      // A batch's rows are numbered firstRow + i, so a gap (skipped blank rows) starts a new batch.
      dataRow = row.number - headerRow;
      const values = row.values.slice(0, columns.length);
      while (values.length < columns.length) values.push(null);
      if (batch.length > 0 && dataRow !== firstRow + batch.length) {
        yield { rows: batch, firstRow };
        batch = [];
      }
      if (batch.length === 0) firstRow = dataRow;
      batch.push(values);
      if (batch.length >= batchSize) {
        yield { rows: batch, firstRow };
        batch = [];
      }
    }
    if (batch.length > 0) yield { rows: batch, firstRow };
  }

  return {
    kind: 'xlsx',
    description: where,
    columns,
    batches,
    close: async () => {
      await rows.return(undefined);
    },
  };
}
