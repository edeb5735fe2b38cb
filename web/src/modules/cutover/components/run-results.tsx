import { Alert, App, Card, Col, Empty, Row, Space, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/api';
import type { ReconcileRun } from '../../../api/types';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDateTime, formatNumber } from '../../../components/format';
import { useProject } from '../../../components/project';
import { toApiError, useApi } from '../../../components/use-api';
import { isActive, useRunPolling } from '../use-run-polling';
import { AggregateResults } from './aggregate-results';
import { ColumnCounts } from './column-counts';
import { DifferencesTable } from './differences-table';
import { RunProgress } from './run-progress';
import { RunSummaryCards } from './run-summary-cards';
import { DiffStatusTag, RunStatusTag } from './tags';

/** One run: progress while it runs; afterwards its summary, per-column counts and differences. */
export function RunResults({ runId, specId, onRunChanged }: { runId: string; specId: string; onRunChanged: (run: ReconcileRun) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { project, can } = useProject();
  const run = useApi(() => api.cutover.run(project.id, runId), [project.id, runId]);
  const data = run.data;
  const { setData } = run;
  const [wasActive, setWasActive] = useState(false);

  const job = useRunPolling(project.id, data, (fresh) => setData(fresh));
  useEffect(() => {
    if (isActive(data)) setWasActive(true);
    else if (data && wasActive) {
      setWasActive(false);
      onRunChanged(data);
    }
  }, [data, wasActive, onRunChanged]);

  const cancel = async () => {
    try {
      setData(await api.cutover.cancelRun(project.id, runId));
      message.info(t('cutover.run.cancelled'));
    } catch (cause) {
      message.error(toApiError(cause).message);
    }
  };

  const summary = data?.summary ?? null;
  const columns = useMemo(() => Object.keys(summary?.columns ?? {}), [summary]);

  if (run.error) return <ErrorAlert error={run.error} onRetry={() => void run.reload()} />;
  if (!data) return null;
  if (isActive(data)) {
    return (
      <RunProgress
        run={data}
        progress={job?.progress ?? 0}
        message={job?.message ?? ''}
        onCancel={() => void cancel()}
        canCancel={can('reconcile:create')}
      />
    );
  }
  return (
    <div data-testid="run-results" data-run-id={data.id} data-status={data.status}>
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Text strong>{t('cutover.run.businessDate', { date: data.businessDate })}</Typography.Text>
        <RunStatusTag status={data.status} />
        <Typography.Text type="secondary">
          {data.trigger === 'schedule' ? t('cutover.run.triggerSchedule') : t('cutover.run.triggerManual')} ·{' '}
          {formatDateTime(data.finishedAt ?? data.createdAt)}
        </Typography.Text>
        {data.webhookStatus && (
          <Tooltip title={data.webhookError ?? undefined}>
            <Tag color={data.webhookStatus === 'sent' ? 'green' : data.webhookStatus === 'failed' ? 'red' : 'default'}>
              {t('cutover.run.webhook', { status: data.webhookStatus })}
            </Tag>
          </Tooltip>
        )}
      </Space>
      {data.status !== 'succeeded' && (
        <Alert
          type={data.status === 'cancelled' ? 'warning' : 'error'}
          showIcon
          data-testid="run-error"
          message={data.status === 'cancelled' ? t('cutover.run.wasCancelled') : t('cutover.run.failed')}
          description={data.error ?? undefined}
        />
      )}
      {data.status === 'succeeded' && summary && (
        <>
          <RunSummaryCards run={data} summary={summary} />
          <Row gutter={16} style={{ marginTop: 16 }}>
            <Col xs={24} xl={10}>
              <ColumnCounts summary={summary} />
            </Col>
            <Col xs={24} xl={14}>
              <AggregateResults summary={summary} />
              {!summary.aggregates?.length && (
                <Card size="small" title={t('cutover.summary.byStatus')} style={{ height: '100%' }}>
                  {data.differencesTotal === 0 ? (
                    <Empty description={t('cutover.summary.noDifferences')} />
                  ) : (
                    <Space wrap>
                      {Object.entries(data.statusCounts).map(([status, count]) => (
                        <span key={status}>
                          <DiffStatusTag status={status} /> {formatNumber(count, 0)}
                        </span>
                      ))}
                    </Space>
                  )}
                </Card>
              )}
            </Col>
          </Row>
          <DifferencesTable
            run={data}
            specId={specId}
            columns={columns}
            onExplained={() =>
              void api.cutover
                .run(project.id, runId)
                .then((fresh) => {
                  setData(fresh);
                  onRunChanged(fresh);
                })
                .catch(() => undefined)
            }
          />
        </>
      )}
    </div>
  );
}
