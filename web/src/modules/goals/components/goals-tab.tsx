import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../api/client';
import type { Goal } from '../../../api/types';
import { ErrorAlert } from '../../../components/error-alert';
import { useGoalColumns } from './use-goal-columns';

/** The goals tab: an intro with the create button, and the goal table. */
export function GoalsTab(props: {
  items: Goal[];
  loading: boolean;
  error: ApiError | undefined;
  onRetry: () => void;
  canCreate: boolean;
  canUpdate: boolean;
  canDelete: boolean;
  onCreate: () => void;
  onOpen: (goal: Goal) => void;
  onEdit: (goal: Goal) => void;
  onRemove: (goal: Goal) => Promise<void>;
}) {
  const { t } = useTranslation();
  const columns = useGoalColumns(props);
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Text type="secondary">{t('goals.intro')}</Typography.Text>
        {props.canCreate && (
          <Button type="primary" icon={<PlusOutlined />} data-testid="goal-create" onClick={props.onCreate}>
            {t('goals.create')}
          </Button>
        )}
      </Space>
      <ErrorAlert error={props.error} onRetry={props.onRetry} />
      <Table<Goal>
        rowKey="id"
        data-testid="goal-table"
        loading={props.loading}
        dataSource={props.items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('goals.empty') }}
        scroll={{ x: 1340 }}
        onRow={(g) => ({ 'data-testid': `goal-row-${g.id}`, 'data-statement': g.statement }) as React.HTMLAttributes<HTMLTableRowElement>}
        columns={columns}
      />
    </>
  );
}
