import { Card, Progress, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReconcileSummary } from '../../../api/types';
import { formatNumber } from '../../../components/format';

/** Mismatches per compared column, largest first, with the columns that were skipped. */
export function ColumnCounts({ summary }: { summary: ReconcileSummary }) {
  const { t } = useTranslation();
  const rows = Object.entries(summary.columns)
    .map(([column, count]) => ({ column, count }))
    .sort((a, b) => b.count - a.count);
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <Card size="small" title={t('cutover.summary.columns')} style={{ height: '100%' }}>
      <Table
        size="small"
        rowKey="column"
        dataSource={rows}
        pagination={rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
        data-testid="column-counts"
        onRow={(r) =>
          ({ 'data-testid': 'column-count', 'data-column': r.column, 'data-count': r.count }) as React.HTMLAttributes<HTMLTableRowElement>
        }
        locale={{ emptyText: t('cutover.summary.noColumns') }}
        columns={[
          { title: t('cutover.diff.column'), dataIndex: 'column', width: '40%' },
          {
            title: t('cutover.summary.mismatches'),
            dataIndex: 'count',
            render: (v: number) => (
              <Progress
                percent={(v / max) * 100}
                format={() => formatNumber(v, 0)}
                size="small"
                status={v > 0 ? 'exception' : 'success'}
                strokeColor={v > 0 ? '#fa8c16' : undefined}
              />
            ),
          },
        ]}
      />
      {summary.skipped_columns.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('cutover.summary.skipped', { columns: summary.skipped_columns.join('、') })}
        </Typography.Text>
      )}
    </Card>
  );
}
