import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EnvRequirement } from '../types';

/** How a requirement reads in the profile table: `≥ 8 GB`, `≤ 50 ms`, or the allowed values. */
function requirementText(r: EnvRequirement): string {
  if (r.operator === 'min') return `≥ ${r.threshold ?? ''} ${r.unit ?? ''}`;
  if (r.operator === 'max') return `≤ ${r.threshold ?? ''} ${r.unit ?? ''}`;
  return (r.allowed ?? []).map((a) => a.replace('>=', ' ≥ ')).join(' / ');
}

/** Columns of the requirement profile table; the edit / delete column only for who may edit. */
export function useProfileColumns({
  canEdit,
  onEdit,
  onDelete,
}: {
  canEdit: boolean;
  onEdit(index: number): void;
  onDelete(index: number): void;
}): TableColumnsType<EnvRequirement> {
  const { t } = useTranslation();
  return [
    { title: t('assessment.env.category'), dataIndex: 'category', render: (c: string) => t(`assessment.envCategory.${c}`) },
    { title: t('assessment.env.item'), dataIndex: 'label' },
    { title: t('assessment.env.requirement'), key: 'req', render: (_: unknown, r) => requirementText(r) },
    { title: t('assessment.env.warnBand'), dataIndex: 'warnBand', render: (v: number) => (v ? `${Math.round(v * 100)}%` : '—') },
    ...(canEdit
      ? [
          {
            key: 'actions',
            width: 90,
            render: (_: unknown, _r: EnvRequirement, index: number) => (
              <Space size={0}>
                <Button type="link" size="small" icon={<EditOutlined />} onClick={() => onEdit(index)} />
                <Popconfirm title={t('common.deleteConfirm')} onConfirm={() => onDelete(index)}>
                  <Button type="link" size="small" danger icon={<DeleteOutlined />} />
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];
}
