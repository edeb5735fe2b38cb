import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/connection';
import { diffRowCells, STATUS_LABELS_ZH } from '../../engines/reconcile/write-diff-file';
import type { DiffRow, DiffStatus } from '../../engines/reconcile/diff-row';
import type { DifferenceQuery, DifferenceView } from './cutover.schema';
import { getRunRow, getSpecRow, iterateDifferences } from './run-query.service';

/** The engine report's six columns, then what the web app adds: tracking and explanation. */
const HEADERS_ZH = ['键', '状态', '列', '旧系统值', '新系统值', '差额', '跟踪', '首次出现', '已解释', '解释说明', '解释人', '解释时间'];
const TRACK_ZH: Record<DifferenceView['track'], string> = { new: '新增', open: '持续' };
const XLSX_MAX_ROWS = 1_048_576;

function cells(d: DifferenceView): (string | null)[] {
  const row: DiffRow = {
    key: d.key,
    status: d.status as DiffStatus,
    column: d.column,
    left: d.left,
    right: d.right,
    delta: d.delta,
    ...(d.count !== null ? { count: d.count } : {}),
    ...(d.row !== null ? { row: d.row } : {}),
  };
  return [
    ...diffRowCells(row, (s) => STATUS_LABELS_ZH[s]),
    TRACK_ZH[d.track],
    d.firstSeenDate,
    d.explained ? '是' : '否',
    d.explanation,
    d.explainedBy,
    d.explainedAt,
  ];
}

function csvCell(value: string | null): string {
  if (value === null) return '';
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Writes a run's (filtered) differences to a temporary CSV (UTF-8 with BOM, so Excel shows the
 * Chinese) or streamed XLSX and returns a stream that deletes the file once read.
 */
export async function exportDifferences(
  db: Db,
  projectId: string,
  runId: string,
  format: 'xlsx' | 'csv',
  filter: Omit<DifferenceQuery, 'limit' | 'offset'>,
): Promise<{ fileName: string; contentType: string; body: ReadableStream<Uint8Array> }> {
  const run = await getRunRow(db.kysely, projectId, runId);
  const spec = await getSpecRow(db.kysely, projectId, run.spec_id);
  const dir = await mkdtemp(join(tmpdir(), 'golive-diff-export-'));
  const path = join(dir, `diff.${format}`);
  try {
    if (format === 'csv') {
      const out = createWriteStream(path, { encoding: 'utf8' });
      out.write(`\ufeff${HEADERS_ZH.join(',')}\r\n`);
      for await (const batch of iterateDifferences(db, runId, filter)) {
        const text = batch.map((d) => cells(d).map(csvCell).join(',')).join('\r\n');
        if (!out.write(`${text}\r\n`)) await once(out, 'drain');
      }
      out.end();
      await once(out, 'finish');
    } else {
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: false });
      let sheetNo = 1;
      let sheet = workbook.addWorksheet('差异');
      sheet.addRow(HEADERS_ZH).commit();
      let inSheet = 1;
      for await (const batch of iterateDifferences(db, runId, filter)) {
        for (const d of batch) {
          if (inSheet >= XLSX_MAX_ROWS) {
            sheet.commit();
            sheetNo++;
            sheet = workbook.addWorksheet(`差异${sheetNo}`);
            sheet.addRow(HEADERS_ZH).commit();
            inSheet = 1;
          }
          sheet.addRow(cells(d)).commit();
          inSheet++;
        }
      }
      sheet.commit();
      await workbook.commit();
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const stream = createReadStream(path);
  stream.once('close', () => void rm(dir, { recursive: true, force: true }));
  return {
    fileName: `${spec.name}-${run.business_date}-差异.${format}`,
    contentType: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: Readable.toWeb(stream) as unknown as ReadableStream<Uint8Array>,
  };
}
