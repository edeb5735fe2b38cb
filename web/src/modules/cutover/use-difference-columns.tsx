import { Tag, Tooltip, Typography, type TableColumnsType } from 'antd';

import { useTranslation } from 'react-i18next';
import type { Difference } from '../../api/types';
import { formatDateTime } from '../../components/format';
import { DiffStatusTag } from './components/tags';

/** The differences table's columns: key, status, column, both values, delta, tracking and explanation. */
export function useDifferenceColumns(): TableColumnsType<Difference> {
  const { t } = useTranslation();
  return [
    { title: t('cutover.diff.key'), dataIndex: 'keyText', width: 140, fixed: 'left' },
    { title: t('cutover.diff.status'), dataIndex: 'status', width: 110, render: (v: string) => <DiffStatusTag status={v} /> },
    { title: t('cutover.diff.column'), dataIndex: 'column', width: 120, render: (v: string | null) => v ?? '—' },
    { title: t('cutover.side.left'), dataIndex: 'left', width: 140, render: (v: string | null) => v ?? '—' },
    { title: t('cutover.side.right'), dataIndex: 'right', width: 140, render: (v: string | null) => v ?? '—' },
    { title: t('cutover.diff.delta'), dataIndex: 'delta', width: 100, render: (v: string | null) => v ?? '—' },
    {
      title: t('cutover.diff.track'),
      width: 130,
      render: (_, d) => (
        <span>
          <Tag color={d.track === 'new' ? 'red' : 'orange'}>
            {d.track === 'new' ? t('cutover.diff.trackNew') : t('cutover.diff.trackOpen')}
          </Tag>
          {d.firstSeenDate && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {d.firstSeenDate}
            </Typography.Text>
          )}
        </span>
      ),
    },
    {
      title: t('cutover.diff.explanation'),
      render: (_, d) =>
        d.explained ? (
          <Tooltip title={`${d.explainedBy ?? ''} · ${formatDateTime(d.explainedAt)}`}>
            <Tag color="green">{t('cutover.diff.explainedYes')}</Tag>
            {d.explanation}
          </Tooltip>
        ) : (
          <Tag>{t('cutover.diff.explainedNo')}</Tag>
        ),
    },
  ];
}
