import { PlusOutlined } from '@ant-design/icons';
import { Button, Layout, Space, Table, Tag, Typography } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../../api/api';
import type { Project } from '../../../api/types';
import { ErrorAlert } from '../../../components/error-alert';
import { moduleLabel, roleLabel } from '../../../components/labels';
import { useApi } from '../../../components/use-api';

/** The create form (with its date pickers) loads only when opened. */
const CreateProjectModal = lazy(() => import('../components/create-project-modal'));

export default function ProjectListPage() {
  const { t } = useTranslation();
  const projects = useApi(() => api.projects.list(), []);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    document.title = `${t('nav.projects')} · ${t('app.title')}`;
  }, [t]);

  return (
    <Layout.Content style={{ padding: 24, maxWidth: 1200, width: '100%', margin: '0 auto' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('project.listTitle')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="project-create">
          {t('project.create')}
        </Button>
      </Space>
      <ErrorAlert error={projects.error} onRetry={() => void projects.reload()} />
      <Table<Project>
        rowKey="id"
        data-testid="project-table"
        loading={projects.loading}
        dataSource={projects.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('project.empty') }}
        columns={[
          {
            title: t('project.name'),
            dataIndex: 'name',
            render: (_, p) => (
              <Space>
                <Link to={`/projects/${p.id}/overview`} data-testid={`project-link-${p.id}`}>
                  {p.name}
                </Link>
                {p.isDemo && <Tag color="gold">{t('project.demo')}</Tag>}
              </Space>
            ),
          },
          { title: t('project.clientName'), dataIndex: 'clientName' },
          { title: t('project.erp'), render: (_, p) => `${p.erpProduct} ${p.erpVersion}`.trim() },
          {
            title: t('project.modulesInScope'),
            render: (_, p) => p.modulesInScope.map((m) => <Tag key={m}>{moduleLabel(t, m)}</Tag>),
          },
          { title: t('project.plannedGoLive'), dataIndex: 'plannedGoLive', render: (v: string | null) => v ?? '—' },
          {
            title: t('project.myRole'),
            dataIndex: 'myRole',
            render: (v: string | null) => (v ? roleLabel(t, v) : t('project.adminAccess')),
          },
        ]}
      />
      {creating && (
        <Suspense fallback={null}>
          <CreateProjectModal onClose={() => setCreating(false)} />
        </Suspense>
      )}
    </Layout.Content>
  );
}
