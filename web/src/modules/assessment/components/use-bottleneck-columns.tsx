import { Button, Popconfirm, Space, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Bottleneck, BottleneckType } from '../types';
import { money, type Bottlenecks } from './use-bottlenecks';

/** Columns of a process's bottleneck table; the edit / delete column only for who may edit. */
export function useBottleneckColumns(bottlenecks: Bottlenecks, canUpdate: boolean): TableColumnsType<Bottleneck> {
  const { t } = useTranslation();
  const { hourly, typeLabel } = bottlenecks;
  return [
    {
      title: t('assessment.bottleneck.step'),
      dataIndex: 'stepName',
      render: (v: string, b) => (
        <Space>
          {v}
          {b.orphaned && (
            <Tooltip title={t('assessment.bottleneck.orphanedHelp')}>
              <Tag color="warning" data-testid="bottleneck-orphaned">
                {t('assessment.bottleneck.orphaned')}
              </Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: t('assessment.bottleneck.type'),
      dataIndex: 'type',
      render: (v: BottleneckType) => <Tag color="red">{typeLabel(v)}</Tag>,
    },
    { title: t('assessment.bottleneck.duration'), dataIndex: 'durationHours', align: 'right' },
    { title: t('assessment.bottleneck.volume'), dataIndex: 'volumePerMonth', align: 'right' },
    {
      title: t('assessment.bottleneck.cost'),
      dataIndex: 'monthlyCost',
      align: 'right',
      render: (v: number, b) => (
        <Tooltip title={`${b.durationHours} × ${b.volumePerMonth} × ${hourly}`}>
          <strong data-testid={`bottleneck-cost-${b.elementId}`}>{money(v)}</strong>
        </Tooltip>
      ),
    },
    { title: t('assessment.bottleneck.note'), dataIndex: 'note', ellipsis: true },
    ...(canUpdate
      ? [
          {
            key: 'actions',
            width: 120,
            render: (_: unknown, b: Bottleneck) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => bottlenecks.open(b.elementId, b.stepName)}>
                  {t('common.edit')}
                </Button>
                <Popconfirm title={t('assessment.bottleneck.deleteConfirm')} onConfirm={() => void bottlenecks.remove(b)}>
                  <Button type="link" size="small" danger>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];
}
