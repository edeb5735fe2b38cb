import { CheckCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Card, Col, Empty, Row, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/api';
import { DIFF_STATUSES, type ExitCriterion, type ReconcileHistory, type ReconcileRun, type ResolvedItem } from '../../../api/types';
import { EChart, type ChartOption } from '../../../components/echart';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDateTime } from '../../../components/format';
import { diffStatusLabel } from '../../../components/labels';
import { useProject } from '../../../components/project';
import { useApi } from '../../../components/use-api';
import { DiffStatusTag, RunStatusTag } from './tags';

const STATUS_COLORS: Record<string, string> = {
  changed: '#fa8c16',
  only_left: '#f5222d',
  only_right: '#1677ff',
  duplicate_left: '#722ed1',
  duplicate_right: '#9254de',
  null_key_left: '#eb2f96',
  null_key_right: '#f759ab',
};

function trendOption(
  history: ReconcileHistory,
  labels: { status: (s: string) => string; total: string; unexplained: string },
): ChartOption {
  const dates = history.trend.map((p) => p.businessDate);
  const present = DIFF_STATUSES.filter((s) => history.trend.some((p) => (p.statusCounts[s] ?? 0) > 0));
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 24, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: dates },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      ...present.map((s) => ({
        name: labels.status(s),
        type: 'bar',
        stack: 'status',
        barMaxWidth: 36,
        itemStyle: { color: STATUS_COLORS[s] },
        data: history.trend.map((p) => p.statusCounts[s] ?? 0),
      })),
      {
        name: labels.total,
        type: 'line',
        symbol: 'circle',
        lineStyle: { type: 'dashed', color: '#595959' },
        itemStyle: { color: '#595959' },
        data: history.trend.map((p) => p.differencesTotal),
      },
      {
        name: labels.unexplained,
        type: 'line',
        symbol: 'diamond',
        symbolSize: 9,
        lineStyle: { width: 3, color: '#cf1322' },
        itemStyle: { color: '#cf1322' },
        data: history.trend.map((p) => p.unexplained),
      },
    ],
  };
}

/** Met / not met, the streak and the server's reason. */
export function ExitCriterionPanel({ criterion }: { criterion: ExitCriterion }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={t('cutover.exit.title')}
      data-testid="exit-criterion"
      data-met={criterion.met ? 'true' : 'false'}
      style={{ height: '100%' }}
    >
      <Space align="start">
        {criterion.met ? (
          <CheckCircleFilled style={{ color: '#52c41a', fontSize: 28 }} />
        ) : (
          <ExclamationCircleFilled style={{ color: '#faad14', fontSize: 28 }} />
        )}
        <div>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {criterion.met ? t('cutover.exit.met') : t('cutover.exit.notMet')}
          </Typography.Title>
          <Typography.Text data-testid="exit-streak" data-streak={criterion.streak}>
            {t('cutover.exit.streak', { streak: criterion.streak, required: criterion.required })}
          </Typography.Text>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }} data-testid="exit-reason">
            {criterion.reason}
          </Typography.Paragraph>
          {criterion.streakDates.length > 0 && (
            <div style={{ marginTop: 8 }}>
              {[...criterion.streakDates].reverse().map((d) => (
                <Tag key={d} color="green">
                  {d}
                </Tag>
              ))}
            </div>
          )}
        </div>
      </Space>
    </Card>
  );
}

/** History of a spec: the trend per business date, the exit criterion, the runs and what the latest run resolved. */
export function HistoryTab({
  specId,
  refreshToken,
  onOpenRun,
}: {
  specId: string;
  refreshToken: number;
  onOpenRun: (runId: string) => void;
}) {
  const { t } = useTranslation();
  const { project } = useProject();
  const [page, setPage] = useState({ current: 1, pageSize: 10 });
  const history = useApi(() => api.cutover.history(project.id, specId), [project.id, specId, refreshToken]);
  const runs = useApi(
    () => api.cutover.runs(project.id, specId, { limit: page.pageSize, offset: (page.current - 1) * page.pageSize }),
    [project.id, specId, page.current, page.pageSize, refreshToken],
  );
  const latest = history.data?.trend.length ? history.data.trend[history.data.trend.length - 1] : undefined;
  const latestRunId = latest?.runId;
  const resolved = useApi<{ items: ResolvedItem[] }>(
    () => (latestRunId ? api.cutover.resolved(project.id, latestRunId) : Promise.resolve({ items: [] })),
    [project.id, latestRunId, refreshToken],
  );

  const option = useMemo(
    () =>
      history.data
        ? trendOption(history.data, {
            status: (s) => diffStatusLabel(t, s),
            total: t('cutover.history.total'),
            unexplained: t('cutover.history.unexplained'),
          })
        : null,
    [history.data, t],
  );

  return (
    <div data-testid="history-tab">
      <ErrorAlert error={history.error} onRetry={() => void history.reload()} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card size="small" title={t('cutover.history.trend')}>
            {history.data && history.data.trend.length === 0 ? (
              <Empty description={t('cutover.history.noRuns')} />
            ) : (
              option && <EChart option={option} height={300} testId="trend-chart" />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          {history.data && <ExitCriterionPanel criterion={history.data.exitCriterion} />}
        </Col>
      </Row>
      <Card
        size="small"
        style={{ marginTop: 16 }}
        title={latest ? t('cutover.history.resolvedTitle', { date: latest.businessDate }) : t('cutover.history.resolvedTitleNone')}
      >
        <Table<ResolvedItem>
          size="small"
          rowKey="itemId"
          data-testid="resolved-table"
          dataSource={resolved.data?.items ?? []}
          loading={resolved.loading}
          pagination={(resolved.data?.items.length ?? 0) > 10 ? { pageSize: 10, size: 'small' } : false}
          locale={{ emptyText: t('cutover.history.resolvedEmpty') }}
          columns={[
            { title: t('cutover.diff.key'), dataIndex: 'keyText' },
            { title: t('cutover.diff.status'), dataIndex: 'status', render: (v: string) => <DiffStatusTag status={v} /> },
            { title: t('cutover.diff.column'), dataIndex: 'column', render: (v: string | null) => v ?? '—' },
            { title: t('cutover.history.firstSeen'), dataIndex: 'firstSeenDate' },
            {
              title: t('cutover.diff.explanation'),
              render: (_, r) => (r.explained ? <span>{r.explanation}</span> : <Tag>{t('cutover.diff.explainedNo')}</Tag>),
            },
          ]}
        />
      </Card>
      <Card size="small" style={{ marginTop: 16 }} title={t('cutover.history.runs')}>
        <ErrorAlert error={runs.error} onRetry={() => void runs.reload()} />
        <Table<ReconcileRun>
          size="small"
          rowKey="id"
          data-testid="run-table"
          loading={runs.loading}
          dataSource={runs.data?.items ?? []}
          onRow={(r) => ({ 'data-testid': `run-row-${r.id}`, 'data-date': r.businessDate }) as React.HTMLAttributes<HTMLTableRowElement>}
          pagination={{
            current: page.current,
            pageSize: page.pageSize,
            total: runs.data?.total ?? 0,
            hideOnSinglePage: true,
            onChange: (current, pageSize) => setPage({ current, pageSize }),
          }}
          columns={[
            {
              title: t('cutover.history.businessDate'),
              dataIndex: 'businessDate',
              render: (v: string, r) => (
                <a onClick={() => onOpenRun(r.id)} data-testid="run-open">
                  {v}
                </a>
              ),
            },
            { title: t('cutover.history.status'), dataIndex: 'status', render: (_, r) => <RunStatusTag status={r.status} /> },
            {
              title: t('cutover.history.trigger'),
              dataIndex: 'trigger',
              render: (v: string) => (v === 'schedule' ? t('cutover.run.triggerSchedule') : t('cutover.run.triggerManual')),
            },
            { title: t('cutover.summary.differences'), dataIndex: 'differencesTotal' },
            {
              title: t('cutover.summary.unexplained'),
              dataIndex: 'unexplained',
              render: (v: number) => <Typography.Text type={v > 0 ? 'danger' : 'success'}>{v}</Typography.Text>,
            },
            {
              title: t('cutover.summary.tracking'),
              render: (_, r) => `${r.newCount} / ${r.openCount} / ${r.resolvedCount}`,
            },
            { title: t('cutover.history.finishedAt'), render: (_, r) => formatDateTime(r.finishedAt ?? r.createdAt) },
          ]}
        />
      </Card>
    </div>
  );
}
