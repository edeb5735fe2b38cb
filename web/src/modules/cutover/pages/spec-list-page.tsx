import { CaretRightOutlined, EditOutlined, FolderOpenOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../../api/api';
import type { ReconcileSpec } from '../../../api/types';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDateTime } from '../../../components/format';
import { useProject } from '../../../components/project';
import { toApiError, useApi } from '../../../components/use-api';
import { describeCron } from '../spec-form';
import { ExitCriterionTag, RunStatusTag } from '../components/tags';

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
        columns={[
          {
            title: t('cutover.spec.name'),
            dataIndex: 'name',
            width: 180,
            render: (v: string, s) => (
              <Link to={`${base}/${s.id}`} data-testid="spec-open-link">
                {v}
              </Link>
            ),
          },
          {
            title: t('cutover.list.sources'),
            width: 260,
            render: (_, s) => (
              <span>
                <Tag>{t('cutover.side.left')}</Tag>
                {s.leftLabel}
                <br />
                <Tag color="blue">{t('cutover.side.right')}</Tag>
                {s.rightLabel}
              </span>
            ),
          },
          {
            title: t('cutover.list.schedule'),
            width: 190,
            render: (_, s) => (
              <span data-testid="spec-schedule">
                <Tooltip title={`${s.schedule.cron} (${s.schedule.timeZone})`}>{describeCron(t, s.schedule.cron)}</Tooltip>{' '}
                {s.schedule.enabled ? <Tag color="green">{t('cutover.list.enabled')}</Tag> : <Tag>{t('cutover.list.disabled')}</Tag>}
                {s.schedule.nextRunAt && (
                  <>
                    <br />
                    <Typography.Text type="secondary">
                      {t('cutover.list.nextRun', { at: formatDateTime(s.schedule.nextRunAt) })}
                    </Typography.Text>
                  </>
                )}
              </span>
            ),
          },
          {
            title: t('cutover.list.lastRun'),
            width: 260,
            render: (_, s) =>
              s.lastRun ? (
                <span data-testid="spec-last-run">
                  {s.lastRun.businessDate} <RunStatusTag status={s.lastRun.status} />
                  {s.lastRun.status === 'succeeded' && (
                    <>
                      <br />
                      <Typography.Text>
                        {t('cutover.list.differences', { count: s.lastRun.differencesTotal })} ·{' '}
                        <Typography.Text type={s.lastRun.unexplained > 0 ? 'danger' : 'success'}>
                          {t('cutover.list.unexplained', { count: s.lastRun.unexplained })}
                        </Typography.Text>
                      </Typography.Text>
                    </>
                  )}
                </span>
              ) : (
                <Typography.Text type="secondary">{t('cutover.list.never')}</Typography.Text>
              ),
          },
          {
            title: t('cutover.exit.title'),
            width: 200,
            render: (_, s) => <ExitCriterionTag criterion={s.exitCriterion} testId="spec-exit" />,
          },
          {
            title: t('common.actions'),
            width: 230,
            fixed: 'right',
            render: (_, s) => (
              <Space size={4} wrap>
                {can('reconcile:create') && (
                  <Button
                    size="small"
                    type="primary"
                    ghost
                    icon={<CaretRightOutlined />}
                    loading={starting === s.id}
                    data-testid="spec-run"
                    onClick={() => void runNow(s)}
                  >
                    {t('cutover.run.now')}
                  </Button>
                )}
                <Button size="small" icon={<FolderOpenOutlined />} data-testid="spec-open" onClick={() => navigate(`${base}/${s.id}`)}>
                  {t('cutover.list.open')}
                </Button>
                {can('reconcile:update') && (
                  <Button
                    size="small"
                    type="text"
                    icon={<EditOutlined />}
                    aria-label={t('common.edit')}
                    data-testid="spec-edit"
                    onClick={() => navigate(`${base}/${s.id}/edit`)}
                  />
                )}
              </Space>
            ),
          },
        ]}
      />
    </div>
  );
}
