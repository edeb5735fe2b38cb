import type { Db } from '../../db/connection';
import type { TableFormat } from '../../engines/export/table-file';
import { downloadTable, type FileDownload } from '../../engines/export/temp-download';
import { diffRowCells, STATUS_LABELS_ZH } from '../../engines/reconcile/write-diff-file';
import type { DiffRow, DiffStatus } from '../../engines/reconcile/diff-row';
import type { DifferenceQuery, DifferenceView } from './cutover.schema';
import { getRunRow, getSpecRow, iterateDifferences } from './run-query.service';

/** The engine report's six columns, then what the web app adds: tracking and explanation. */
const HEADERS_ZH = ['键', '状态', '列', '旧系统值', '新系统值', '差额', '跟踪', '首次出现', '已解释', '解释说明', '解释人', '解释时间'];
const TRACK_ZH: Record<DifferenceView['track'], string> = { new: '新增', open: '持续' };

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

/**
 * A run's (filtered) differences as a CSV (UTF-8 with BOM, so Excel shows the Chinese) or streamed
 * XLSX download, written to a temporary file first.
 */
export async function exportDifferences(
  db: Db,
  projectId: string,
  runId: string,
  format: TableFormat,
  filter: Omit<DifferenceQuery, 'limit' | 'offset'>,
): Promise<FileDownload> {
  const run = await getRunRow(db.kysely, projectId, runId);
  const spec = await getSpecRow(db.kysely, projectId, run.spec_id);
  async function* rows(): AsyncGenerator<(string | null)[][]> {
    for await (const batch of iterateDifferences(db, runId, filter)) yield batch.map(cells);
  }
  return downloadTable('golive-diff-export-', `${spec.name}-${run.business_date}-差异.${format}`, {
    format,
    sheetName: '差异',
    header: HEADERS_ZH,
    rows: rows(),
  });
}
