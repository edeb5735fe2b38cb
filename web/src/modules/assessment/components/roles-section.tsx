import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useProject } from '../../../components/project';
import type { AssessmentRole } from '../types';
import { RoleModal } from './role-modal';
import { useRoleColumns } from './use-role-columns';
import { useRoles } from './use-roles';

/** User-role analysis: roles per department with headcount, tasks and today's systems. */
export default function RolesSection() {
  const { t } = useTranslation();
  const { can } = useProject();
  const { roles, items, total, editing, close, form, busy, open, submit, remove } = useRoles();
  const columns = useRoleColumns({ items, onEdit: open, onDelete: remove });

  return (
    <Card
      data-testid="assessment-roles"
      title={t('assessment.roles.title')}
      extra={
        can('assessment:create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="role-new">
            {t('assessment.roles.new')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('assessment.roles.intro')}</Typography.Paragraph>
      <ErrorAlert error={roles.error} onRetry={() => void roles.reload()} />
      <Table<AssessmentRole>
        rowKey="id"
        size="small"
        loading={roles.loading}
        dataSource={items}
        pagination={false}
        data-testid="roles-table"
        columns={columns}
        summary={() =>
          items.length > 0 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={3}>
                {t('assessment.roles.total', { count: items.length })}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                <strong>{total}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} colSpan={3} />
            </Table.Summary.Row>
          ) : null
        }
      />
      <RoleModal form={form} editing={editing} busy={busy} onClose={close} onSubmit={submit} />
    </Card>
  );
}
