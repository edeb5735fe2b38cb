import { extname } from 'node:path';
import { writeTableFile } from '../export/table-file';
import { AppError } from '../../shared/app-error';
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

/** Writes every difference to `.csv` (English headers) or `.xlsx` (Chinese headers); returns the row count. */
export async function writeDiffFile(path: string, rows: AsyncIterable<DiffRow[]>): Promise<number> {
  const ext = extname(path).toLowerCase();
  if (ext !== '.csv' && ext !== '.xlsx')
    throw new AppError('RECONCILE_DIFF_FILE_TYPE', { path, extensions: '.csv, .xlsx' }, [{ field: '--out' }]);
  const csv = ext === '.csv';
  async function* cells(): AsyncGenerator<(string | null)[][]> {
    for await (const batch of rows) yield batch.map((r) => diffRowCells(r, csv ? (s) => s : (s) => STATUS_LABELS_ZH[s]));
  }
  return writeTableFile(path, {
    format: csv ? 'csv' : 'xlsx',
    sheetName: '差异',
    header: HEADERS_ZH,
    csvHeader: HEADERS_EN,
    rows: cells(),
  });
}
