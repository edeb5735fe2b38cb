import { Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReconcileSummary } from '../../../api/types';

/** Each aggregate check's result and its mismatched groups; nothing when the spec has no aggregates. */
export function AggregateResults({ summary }: { summary: ReconcileSummary }) {
  const { t } = useTranslation();
  if (!summary.aggregates?.length) return null;
  return (
    <Card size="small" title={t('cutover.aggregates.title')} style={{ marginTop: 16 }} data-testid="aggregate-results">
      {summary.aggregates.map((a, i) => (
        <div key={i} style={{ marginBottom: 12 }}>
          <Typography.Text strong>{a.name}</Typography.Text>{' '}
          <Tag color={a.mismatched_groups ? 'orange' : 'green'}>
            {t('cutover.aggregates.result', { mismatched: a.mismatched_groups, groups: a.groups })}
          </Tag>
          {a.mismatches.length > 0 && (
            <Table
              size="small"
              rowKey={(_, index) => String(index)}
              pagination={a.mismatches.length > 10 ? { pageSize: 10, size: 'small' } : false}
              dataSource={a.mismatches}
              columns={[
                {
                  title: t('cutover.aggregates.group'),
                  render: (_, m) =>
                    Object.entries(m.group)
                      .map(([k, v]) => `${k}=${v ?? '∅'}`)
                      .join('，') || '—',
                },
                { title: t('cutover.aggregates.count'), render: (_, m) => `${m.left_count} / ${m.right_count}` },
                ...a.sum.map((column) => ({
                  title: column,
                  render: (_: unknown, m: (typeof a.mismatches)[number]) => {
                    const s = m.sums[column];
                    return s ? `${s.left ?? '∅'} / ${s.right ?? '∅'}${s.delta ? `（Δ ${s.delta}）` : ''}` : '—';
                  },
                })),
              ]}
            />
          )}
        </div>
      ))}
    </Card>
  );
}
