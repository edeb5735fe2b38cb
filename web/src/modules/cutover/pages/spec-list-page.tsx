import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../../../api/api';
import type { ReconcileSpec } from '../../../api/types';
import { ErrorAlert } from '../../../components/error-alert';
import { useProject } from '../../../components/project';
import { toApiError, useApi } from '../../../components/use-api';
import { useSpecListColumns } from '../use-spec-list-columns';

/** 双轨运行: every reconciliation spec with its schedule, last run and exit criterion. */
export function SpecListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { project, can } = useProject();
  const specs = useApi(() => api.cutover.specs(project.id), [project.id]);
  const criteria = useApi(() => api.cutover.exitCriteria(project.id), [project.id]);
  const [starting, setStarting] = useState<string | null>(null);
  const base = `/projects/${project.id}/cutover/dual-run`;

  const runNow = async (spec: ReconcileSpec) => {
    setStarting(spec.id);
    try {
      const { run } = await api.cutover.startRun(project.id, spec.id);
      message.success(t('cutover.run.started'));
      navigate(`${base}/${spec.id}?run=${run.id}`);
    } catch (cause) {
      message.error(toApiError(cause).message);
    } finally {
      setStarting(null);
    }
  };
  const columns = useSpecListColumns({ base, starting, onRun: (s) => void runNow(s) });

  const items = specs.data?.items ?? [];
  const summary = criteria.data;

  return (
    <div data-testid="spec-list-page">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Text type="secondary">{t('cutover.list.intro')}</Typography.Text>
        {can('reconcile:create') && (
          <Button type="primary" icon={<PlusOutlined />} data-testid="spec-create" onClick={() => navigate(`${base}/new`)}>
            {t('cutover.list.create')}
          </Button>
        )}
      </Space>
      {summary && summary.items.length > 0 && (
        <Alert
          type={summary.allMet ? 'success' : 'info'}
          showIcon
          data-testid="exit-summary"
          data-all-met={summary.allMet ? 'true' : 'false'}
          message={
            summary.allMet
              ? t('cutover.list.allMet')
              : t('cutover.list.someMet', { met: summary.items.filter((i) => i.exitCriterion.met).length, total: summary.items.length })
          }
          style={{ marginBottom: 12 }}
        />
      )}
      <ErrorAlert error={specs.error} onRetry={() => void specs.reload()} />
      <Table<ReconcileSpec>
        rowKey="id"
        data-testid="spec-table"
        loading={specs.loading}
        dataSource={items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('cutover.list.empty') }}
        scroll={{ x: 1200 }}
        onRow={(s) => ({ 'data-testid': `spec-row-${s.id}`, 'data-name': s.name }) as React.HTMLAttributes<HTMLTableRowElement>}
        columns={columns}
      />
    </div>
  );
}
