import { access } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { Open } from 'unzipper';
import { AppError } from '../../shared/app-error';
import { childOf, findAll, parseXml } from '../../shared/xml-lite';
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

/** A sheet as the workbook lists it: its tab name and the number of its part `xl/worksheets/sheetN.xml`. */
export interface XlsxSheetEntry {
  name: string;
  partNumber: string;
}

type ZipDirectory = Awaited<ReturnType<typeof Open.file>>;

/**
 * The parts of exceljs's streaming WorkbookReader that golive drives itself. The reader's own loop takes
 * the zip entries in stored order, and goes wrong when workbook.xml comes after the sheets — which is how
 * exceljs itself often writes files (it crashed, or read no rows, or named sheets `SheetN`). golive opens
 * the zip by its central directory instead and hands the reader the parts in the order it needs them.
 * exceljs 4.4.0 is the last release, so these internals do not move.
 */
interface WorkbookReaderParts {
  _parseRels(entry: AsyncIterable<Buffer>): Promise<void>;
  _parseWorkbook(entry: AsyncIterable<Buffer>): Promise<void>;
  _parseStyles(entry: AsyncIterable<Buffer>): Promise<void>;
  _parseSharedStrings(entry: AsyncIterable<Buffer>): AsyncGenerator<unknown>;
  _parseWorksheet(entry: AsyncIterable<Buffer>, partNumber: string): Generator<{ eventType: string; value: unknown }>;
}

function zipPart(directory: ZipDirectory, name: string): ZipDirectory['files'][number] | undefined {
  return directory.files.find((f) => f.path === name);
}

function requiredPart(directory: ZipDirectory, name: string): ZipDirectory['files'][number] {
  const part = zipPart(directory, name);
  if (!part) throw new Error(`${name} is missing`);
  return part;
}

/** Reads the sheet list (tab names in tab order, with their parts) from workbook.xml and its relationships. */
export async function readXlsxSheets(directory: ZipDirectory): Promise<XlsxSheetEntry[]> {
  const text = async (name: string): Promise<string> => (await requiredPart(directory, name).buffer()).toString('utf8');
  const workbook = parseXml(await text('xl/workbook.xml'), 'xl/workbook.xml');
  const rels = parseXml(await text('xl/_rels/workbook.xml.rels'), 'xl/_rels/workbook.xml.rels');
  const targetById = new Map<string, string>();
  for (const rel of findAll(rels, 'Relationship')) {
    if (rel.attrs.Id && rel.attrs.Target) targetById.set(rel.attrs.Id, rel.attrs.Target);
  }
  const sheets = childOf(workbook, 'sheets');
  const entries: XlsxSheetEntry[] = [];
  for (const sheet of sheets ? findAll(sheets, 'sheet') : []) {
    const relId = Object.entries(sheet.attrs).find(([key]) => key.endsWith(':id'))?.[1];
    const target = relId ? targetById.get(relId) : undefined;
    const partNumber = target?.match(/worksheets\/sheet(\d+)\.xml$/)?.[1];
    if (sheet.attrs.name && partNumber) entries.push({ name: sheet.attrs.name, partNumber });
  }
  return entries;
}

async function* sheetRows(path: string, directory: ZipDirectory, wanted: XlsxSheetEntry): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell exceljs which numbers are dates.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as WorkbookReaderParts;
  await reader._parseRels(requiredPart(directory, 'xl/_rels/workbook.xml.rels').stream());
  await reader._parseWorkbook(requiredPart(directory, 'xl/workbook.xml').stream());
  const styles = zipPart(directory, 'xl/styles.xml');
  if (styles) await reader._parseStyles(styles.stream());
  const sharedStrings = zipPart(directory, 'xl/sharedStrings.xml');
  // With sharedStrings 'cache' the parser fills the table and yields nothing.
  if (sharedStrings) for await (const event of reader._parseSharedStrings(sharedStrings.stream())) void event;
  const part = requiredPart(directory, `xl/worksheets/sheet${wanted.partNumber}.xml`);
  for (const { value } of reader._parseWorksheet(part.stream(), wanted.partNumber)) {
    for await (const row of value as AsyncIterable<ExcelJS.Row>) {
      const raw = row.values as unknown[];
      const values: SourceValue[] = [];
      for (let i = 1; i < raw.length; i++) values.push(xlsxCellValue(raw[i]));
      yield { number: row.number, values };
    }
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
    throw new AppError('SOURCES_FILE_NOT_FOUND', { file: description });
  }
  const sheetName = options.sheet ?? sheet;
  let directory: ZipDirectory;
  let sheets: XlsxSheetEntry[];
  try {
    directory = await Open.file(path);
    sheets = await readXlsxSheets(directory);
  } catch (error) {
    throw new AppError('SOURCES_XLSX_UNREADABLE', { file: description, reason: (error as Error).message });
  }
  const wanted = sheetName === undefined ? sheets[0] : sheets.find((s) => s.name === sheetName);
  if (!wanted) {
    throw new AppError(
      'SOURCES_XLSX_SHEET_MISSING',
      { file: description, sheet: sheetName ?? '', sheets: sheets.map((s) => s.name).join(', ') || '—' },
      [{ field: 'sheet' }],
    );
  }
  const rows = sheetRows(path, directory, wanted);
  let first: IteratorResult<SheetRow>;
  try {
    first = await rows.next();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('SOURCES_XLSX_UNREADABLE', { file: description, reason: (error as Error).message });
  }
  const header = first.done ? [] : first.value.values.map((v) => formatSourceValue(v) ?? '');
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  const columns = uniqueColumnNames(header);
  const headerRow = first.done ? 1 : first.value.number;
  const batchSize = options.batchSize ?? 8192;
  const where = sheetName ? `${description} sheet ${sheetName}` : description;
  const sheetShown = wanted.name;

  async function* batches(): AsyncGenerator<SourceRowBatch> {
    let batch: SourceValue[][] = [];
    let dataRow = 0;
    let firstRow = 1;
    for await (const row of rows) {
      for (let i = columns.length; i < row.values.length; i++) {
        const extra = row.values[i];
        if (extra !== null && formatSourceValue(extra) !== '') {
          throw new AppError(
            'SOURCES_XLSX_VALUE_WITHOUT_HEADER',
            { file: description, sheet: sheetShown, row: row.number, column: columnLetter(i + 1) },
            [{ field: `row:${row.number}` }],
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
