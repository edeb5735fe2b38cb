import { DeleteOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RoiItem, RoiItemKind } from '../../../api/types';
import { formatMoney } from '../../../components/format';

const KIND_COLOR: Record<RoiItemKind, string> = { one_off_cost: 'volcano', recurring_cost: 'orange', benefit: 'green' };

/** The ROI item table's columns: kind as a coloured tag, label, amount, and delete when editable. */
export function useRoiItemColumns(props: {
  currency: string;
  canEdit: boolean;
  onRemove: (item: RoiItem) => Promise<void>;
}): TableColumnsType<RoiItem> {
  const { t } = useTranslation();
  return [
    {
      title: t('roi.kindLabel'),
      dataIndex: 'kind',
      width: 170,
      render: (k: RoiItemKind) => <Tag color={KIND_COLOR[k]}>{t(`roi.kind.${k}`)}</Tag>,
    },
    { title: t('roi.label'), dataIndex: 'label' },
    { title: t('roi.amount'), dataIndex: 'amount', align: 'right', render: (v: number) => formatMoney(v, props.currency) },
    ...(props.canEdit
      ? [
          {
            key: 'actions',
            width: 60,
            render: (_: unknown, item: RoiItem) => (
              <Popconfirm
                title={t('common.deleteConfirm')}
                onConfirm={() => props.onRemove(item)}
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
