import { DeleteOutlined } from '@ant-design/icons';
import { Button, Popconfirm, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Measurement } from '../../../api/types';
import { formatNumber } from '../../../components/format';

/** The measurement table's columns: date, value with the KPI unit, note, and delete when allowed. */
export function useMeasurementColumns(props: {
  unit: string;
  canDelete: boolean;
  onDelete: (m: Measurement) => Promise<void>;
}): TableColumnsType<Measurement> {
  const { t } = useTranslation();
  const { unit } = props;
  return [
    { title: t('goals.measuredOn'), dataIndex: 'measuredOn', width: 130 },
    { title: t('goals.value'), dataIndex: 'value', render: (v: number) => `${formatNumber(v)} ${unit}` },
    { title: t('goals.note'), dataIndex: 'note' },
    ...(props.canDelete
      ? [
          {
            key: 'actions',
            width: 60,
            render: (_: unknown, m: Measurement) => (
              <Popconfirm
                title={t('common.deleteConfirm')}
                onConfirm={() => props.onDelete(m)}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
              >
                <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];
}
