import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Dropdown, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Difference, ReconcileRun } from '../../../api/types';
import { ErrorAlert } from '../../../components/error-alert';
import { useProject } from '../../../components/project';
import { useDifferenceColumns } from '../use-difference-columns';
import { useDifferences } from '../use-differences';
import { DifferenceFilters } from './difference-filters';
import { ExplainModal } from './explain-modal';

/** A run's differences: filtered, paged, selectable to explain, and exportable. */
export function DifferencesTable({
  run,
  specId,
  columns,
  onExplained,
}: {
  run: ReconcileRun;
  specId: string;
  columns: string[];
  onExplained: () => void;
}) {
  const { t } = useTranslation();
  const { can } = useProject();
  const d = useDifferences(run, specId, onExplained);
  const tableColumns = useDifferenceColumns();
  const { diffs, page, selected } = d;
  const canExplain = can('reconcile:update');
  return (
    <Card
      size="small"
      title={t('cutover.diff.title')}
      style={{ marginTop: 16 }}
      data-testid="differences"
      extra={
        can('reconcile:export') && (
          <Dropdown
            menu={{
              items: [
                { key: 'xlsx', label: <span data-testid="export-xlsx">Excel (XLSX)</span> },
                { key: 'csv', label: <span data-testid="export-csv">CSV</span> },
              ],
              onClick: ({ key }) => void d.exportAs(key as 'xlsx' | 'csv'),
            }}
          >
            <Button size="small" icon={<DownloadOutlined />} data-testid="diff-export">
              {t('cutover.diff.export')}
            </Button>
          </Dropdown>
        )
      }
    >
      <DifferenceFilters
        filter={d.filter}
        columns={columns}
        onFilter={d.setFilterPart}
        canExplain={canExplain}
        selectedCount={selected.length}
        undoing={d.busy && !d.explainOpen}
        onExplain={d.openExplain}
        onUndo={() => void d.mark(false, '')}
      />
      <ErrorAlert error={diffs.error} onRetry={() => void diffs.reload()} />
      <Table<Difference>
        rowKey="id"
        size="small"
        data-testid="diff-table"
        data-total={diffs.data?.total ?? ''}
        loading={diffs.loading}
        dataSource={diffs.data?.items ?? []}
        scroll={{ x: 1100 }}
        rowSelection={
          canExplain
            ? { selectedRowKeys: selected, onChange: (keys) => d.setSelected(keys as string[]), preserveSelectedRowKeys: false }
            : undefined
        }
        locale={{ emptyText: t('cutover.diff.empty') }}
        onRow={(row) =>
          ({
            'data-testid': 'diff-row',
            'data-key': row.keyText,
            'data-status': row.status,
            'data-explained': row.explained ? 'true' : 'false',
          }) as React.HTMLAttributes<HTMLTableRowElement>
        }
        pagination={{
          current: page.current,
          pageSize: page.pageSize,
          total: diffs.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => t('common.total', { count: total }),
          onChange: (current, pageSize) => d.setPage({ current, pageSize }),
        }}
        columns={tableColumns}
      />
      <ExplainModal
        open={d.explainOpen}
        count={selected.length}
        form={d.form}
        busy={d.busy}
        error={d.explainError}
        onCancel={d.closeExplain}
        onSubmit={(reason) => void d.mark(true, reason)}
      />
    </Card>
  );
}
