import { Alert, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/api';
import { ErrorAlert } from '../../../components/error-alert';
import { actionLabel, resourceLabel, roleLabel } from '../../../components/labels';
import { useProject } from '../../../components/project';
import { useApi } from '../../../components/use-api';

interface Row {
  resource: string;
  byRole: Record<string, Set<string>>;
}

/** 权限矩阵: what each project role may do, read-only (the server enforces it). */
export default function PermissionsPage() {
  const { t } = useTranslation();
  const { role } = useProject();
  const matrix = useApi(() => api.permissions(), []);
  const m = matrix.data;

  const rows: Row[] = (m?.resources ?? []).map((resource) => {
    const byRole: Record<string, Set<string>> = {};
    for (const r of m?.roles ?? []) byRole[r] = new Set();
    for (const g of m?.grants ?? []) if (g.resource === resource) (byRole[g.role] ??= new Set()).add(g.action);
    return { resource, byRole };
  });

  return (
    <div data-testid="permissions-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('nav.permissions')}
      </Typography.Title>
      <Alert type="info" showIcon message={t('permissions.readOnly')} style={{ marginBottom: 16 }} />
      <ErrorAlert error={matrix.error} onRetry={() => void matrix.reload()} />
      <Table<Row>
        rowKey="resource"
        size="small"
        bordered
        data-testid="permissions-table"
        loading={matrix.loading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('permissions.resource'),
            dataIndex: 'resource',
            fixed: 'left',
            render: (r: string) => resourceLabel(t, r),
          },
          ...(m?.roles ?? []).map((r) => ({
            key: r,
            title: (
              <span>
                {roleLabel(t, r)}
                {r === role && (
                  <Tag color="blue" style={{ marginInlineStart: 4 }}>
                    {t('permissions.you')}
                  </Tag>
                )}
              </span>
            ),
            render: (_: unknown, row: Row) => (
              <span data-testid={`perm-${r}-${row.resource}`}>
                {(m?.actions ?? [])
                  .filter((a) => row.byRole[r]?.has(a))
                  .map((a) => (
                    <Tooltip key={a} title={actionLabel(t, a)}>
                      <Tag color={a === 'delete' ? 'red' : a === 'read' ? 'default' : 'green'} style={{ marginInlineEnd: 2 }}>
                        {actionLabel(t, a)}
                      </Tag>
                    </Tooltip>
                  ))}
              </span>
            ),
          })),
        ]}
      />
    </div>
  );
}
