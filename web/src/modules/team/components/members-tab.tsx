import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../api/types';
import { useMemberColumns } from './use-member-columns';

/** The members tab: the add button and the member table. */
export function MembersTab(props: {
  items: Member[];
  loading: boolean;
  canCreate: boolean;
  canUpdate: boolean;
  canDelete: boolean;
  onCreate: () => void;
  onEdit: (m: Member) => void;
  onRemove: (m: Member) => Promise<void>;
}) {
  const { t } = useTranslation();
  const columns = useMemberColumns(props);
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'flex-end', marginBottom: 12 }}>
        {props.canCreate && (
          <Button type="primary" icon={<PlusOutlined />} data-testid="member-add" onClick={props.onCreate}>
            {t('team.addMember')}
          </Button>
        )}
      </Space>
      <Table<Member>
        rowKey="id"
        data-testid="member-table"
        loading={props.loading}
        dataSource={props.items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 1000 }}
        locale={{ emptyText: t('team.empty') }}
        onRow={(m) => ({ 'data-testid': `member-row-${m.id}`, 'data-name': m.name }) as React.HTMLAttributes<HTMLTableRowElement>}
        columns={columns}
      />
    </>
  );
}
