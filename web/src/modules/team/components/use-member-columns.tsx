import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../api/types';
import { roleLabel, tierLabel } from '../../../components/labels';

/** The member table's columns: who they are, their role, tier and allocation, contact, account, and the row actions. */
export function useMemberColumns(props: {
  canUpdate: boolean;
  canDelete: boolean;
  onEdit: (m: Member) => void;
  onRemove: (m: Member) => Promise<void>;
}): TableColumnsType<Member> {
  const { t } = useTranslation();
  return [
    { title: t('team.name'), dataIndex: 'name', fixed: 'left', width: 110 },
    { title: t('team.department'), dataIndex: 'department' },
    { title: t('team.title'), dataIndex: 'title' },
    { title: t('team.projectRole'), dataIndex: 'projectRole', render: (v: string) => <Tag color="blue">{roleLabel(t, v)}</Tag> },
    { title: t('team.tier'), dataIndex: 'tier', render: (v: string) => tierLabel(t, v) },
    { title: t('team.organization'), dataIndex: 'organization' },
    { title: t('team.allocation'), dataIndex: 'allocationPct', width: 90, align: 'right', render: (v: number) => `${v}%` },
    {
      title: t('team.contact'),
      render: (_, m) => (
        <span style={{ fontSize: 12 }}>
          {m.phone}
          {m.phone && m.email ? <br /> : null}
          {m.email}
        </span>
      ),
    },
    { title: t('team.account'), dataIndex: 'accountEmail', render: (v: string | null) => (v ? <Tag color="green">{v}</Tag> : '—') },
    {
      title: t('common.actions'),
      fixed: 'right',
      width: 90,
      render: (_, m) => (
        <Space size={0}>
          {props.canUpdate && (
            <Button
              size="small"
              type="text"
              icon={<EditOutlined />}
              aria-label={t('common.edit')}
              data-testid="member-edit"
              onClick={() => props.onEdit(m)}
            />
          )}
          {props.canDelete && (
            <Popconfirm
              title={t('team.removeConfirm', { name: m.name })}
              onConfirm={() => props.onRemove(m)}
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
