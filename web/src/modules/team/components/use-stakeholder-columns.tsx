import { DeleteOutlined, EditOutlined, FormOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Stakeholder } from '../../../api/types';
import { supportLabel, supportTrend } from './stakeholder-support';

/** The stakeholder table's columns: name with organization, influence, support with its trend, and the row actions. */
export function useStakeholderColumns(props: {
  canUpdate: boolean;
  canDelete: boolean;
  onAssess: (s: Stakeholder) => void;
  onEdit: (s: Stakeholder) => void;
  onRemove: (s: Stakeholder) => Promise<void>;
}): TableColumnsType<Stakeholder> {
  const { t } = useTranslation();
  return [
    {
      title: t('stakeholders.name'),
      dataIndex: 'name',
      render: (v: string, s) => (s.organization ? `${v}（${s.organization}）` : v),
    },
    { title: t('stakeholders.influence'), dataIndex: 'influence', width: 70, align: 'center' },
    {
      title: t('stakeholders.support'),
      dataIndex: 'support',
      render: (v: number | null, s) => {
        const trend = supportTrend(s);
        return (
          <Space size={4}>
            <Tag color={v !== null && v <= 2 ? 'red' : v !== null && v >= 4 ? 'green' : 'default'}>{supportLabel(t, v)}</Tag>
            {trend !== 0 && <Typography.Text type={trend > 0 ? 'success' : 'danger'}>{trend > 0 ? '↑' : '↓'}</Typography.Text>}
          </Space>
        );
      },
    },
    {
      title: t('common.actions'),
      width: 120,
      render: (_, s) => (
        <Space size={0}>
          {props.canUpdate && (
            <Button
              size="small"
              type="text"
              icon={<FormOutlined />}
              title={t('stakeholders.recordAssessment')}
              aria-label={t('stakeholders.recordAssessment')}
              onClick={() => props.onAssess(s)}
            />
          )}
          {props.canUpdate && (
            <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={() => props.onEdit(s)} />
          )}
          {props.canDelete && (
            <Popconfirm
              title={t('common.deleteConfirm')}
              onConfirm={() => props.onRemove(s)}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
            >
              <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];
}
