import { createWriteStream } from 'node:fs';
import { extname } from 'node:path';
import { once } from 'node:events';
import { badInput } from '../../shared/app-error';
import type { DiffRow, DiffStatus } from './diff-row';

/** Status words in the XLSX report, for business users reading old system vs new system. */
export const STATUS_LABELS_ZH: Record<DiffStatus, string> = {
  changed: '值不同',
  only_left: '仅旧系统',
  only_right: '仅新系统',
  duplicate_left: '旧系统重复键',
  duplicate_right: '新系统重复键',
  null_key_left: '旧系统空键',
  null_key_right: '新系统空键',
};

const HEADERS_EN = ['key', 'status', 'column', 'left_value', 'right_value', 'delta'];
const HEADERS_ZH = ['键', '状态', '列', '旧系统值', '新系统值', '差额'];
const XLSX_MAX_ROWS = 1_048_576;

/** The six report cells of a difference; duplicate and null keys put their count/row on their side. */
export function diffRowCells(row: DiffRow, statusLabel: (s: DiffStatus) => string): (string | null)[] {
  const key = row.key.map((k) => k ?? '').join('|');
  let left = row.left;
  let right = row.right;
  if (row.count !== undefined) {
    if (row.status === 'duplicate_left') left = `${row.count} rows`;
    else right = `${row.count} rows`;
  }
  if (row.row !== undefined) {
    if (row.status === 'null_key_left') left = `row ${row.row}`;
    else right = `row ${row.row}`;
  }
  return [key, statusLabel(row.status), row.column, left, right, row.delta];
}

function csvCell(value: string | null): string {
  if (value === null) return '';
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

async function writeCsv(path: string, rows: AsyncIterable<DiffRow[]>): Promise<number> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  let count = 0;
  // A BOM lets Excel open UTF-8 with Chinese text correctly.
  out.write(`\ufeff${HEADERS_EN.join(',')}\r\n`);
  for await (const batch of rows) {
    const text = batch
      .map((r) =>
        diffRowCells(r, (s) => s)
          .map(csvCell)
          .join(','),
      )
      .join('\r\n');
    count += batch.length;
    if (batch.length && !out.write(`${text}\r\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return count;
}

async function writeXlsx(path: string, rows: AsyncIterable<DiffRow[]>): Promise<number> {
  // Loaded on demand: exceljs is slow to import and only the XLSX report needs it.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: false });
  let sheetNo = 1;
  let sheet = workbook.addWorksheet('差异');
  sheet.addRow(HEADERS_ZH).commit();
  let inSheet = 1;
  let count = 0;
  for await (const batch of rows) {
    for (const row of batch) {
      if (inSheet >= XLSX_MAX_ROWS) {
        sheet.commit();
        sheetNo++;
        sheet = workbook.addWorksheet(`差异${sheetNo}`);
        sheet.addRow(HEADERS_ZH).commit();
        inSheet = 1;
      }
      sheet.addRow(diffRowCells(row, (s) => STATUS_LABELS_ZH[s])).commit();
      inSheet++;
      count++;
    }
  }
  sheet.commit();
  await workbook.commit();
  return count;
}

/** Writes every difference to `.csv` (English headers) or `.xlsx` (Chinese headers); returns the row count. */
export async function writeDiffFile(path: string, rows: AsyncIterable<DiffRow[]>): Promise<number> {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return writeCsv(path, rows);
  if (ext === '.xlsx') return writeXlsx(path, rows);
  throw badInput('--out', `"${path}" must end in .csv or .xlsx`);
}
