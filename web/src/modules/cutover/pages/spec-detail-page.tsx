import { ArrowLeftOutlined, CaretRightOutlined, DeleteOutlined, EditOutlined, ExportOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Descriptions, Empty, Popconfirm, Space, Tabs, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api } from '../../../api/api';
import type { ReconcileRun } from '../../../api/types';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDateTime } from '../../../components/format';
import { PageSpinner } from '../../../components/page-spinner';
import { useProject } from '../../../components/project';
import { toApiError, useApi } from '../../../components/use-api';
import { HistoryTab } from '../components/history-tab';
import { RunResults } from '../components/run-results';
import { describeCron, keyColumns } from '../spec-form';
import { ExitCriterionTag } from '../components/tags';

/** One spec: run it, its latest (or a chosen) run's results, and its history. */
export function SpecDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { specId = '' } = useParams();
  const { project, can } = useProject();
  const [params, setParams] = useSearchParams();
  const spec = useApi(() => api.cutover.spec(project.id, specId), [project.id, specId]);
  const [businessDate, setBusinessDate] = useState<Dayjs | null>(null);
  const [starting, setStarting] = useState(false);
  const [refreshToken, setRefreshToken] = useState(0);
  const base = `/projects/${project.id}/cutover/dual-run`;
  const tab = params.get('tab') ?? 'results';
  const runId = params.get('run') ?? spec.data?.lastRun?.id ?? null;
  const { reload: reloadSpec } = spec;

  useEffect(() => {
    if (spec.data) document.title = `${project.name} · ${spec.data.name}`;
  }, [project.name, spec.data]);

  const show = (next: { tab?: string; run?: string | null }) => {
    const p = new URLSearchParams(params);
    if (next.tab !== undefined) {
      if (next.tab === 'results') p.delete('tab');
      else p.set('tab', next.tab);
    }
    if (next.run !== undefined) {
      if (next.run) p.set('run', next.run);
      else p.delete('run');
    }
    setParams(p, { replace: true });
  };

  const runNow = async () => {
    setStarting(true);
    try {
      const { run } = await api.cutover.startRun(project.id, specId, businessDate ? businessDate.format('YYYY-MM-DD') : undefined);
      message.success(t('cutover.run.started'));
      show({ tab: 'results', run: run.id });
      void reloadSpec();
    } catch (cause) {
      message.error(toApiError(cause).message);
    } finally {
      setStarting(false);
    }
  };

  const remove = async () => {
    try {
      await api.cutover.removeSpec(project.id, specId);
      message.success(t('common.deleted'));
      navigate(base);
    } catch (cause) {
      message.error(toApiError(cause).message);
    }
  };

  const onRunChanged = useCallback(
    (_run: ReconcileRun) => {
      void reloadSpec();
      setRefreshToken((n) => n + 1);
    },
    [reloadSpec],
  );

  if (spec.error) return <ErrorAlert error={spec.error} onRetry={() => void spec.reload()} />;
  if (!spec.data) return <PageSpinner />;
  const s = spec.data;

  return (
    <div data-testid="spec-detail" data-spec-id={s.id}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Space>
          <Link to={base}>
            <ArrowLeftOutlined /> {t('cutover.detail.back')}
          </Link>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="spec-title">
            {s.name}
          </Typography.Title>
          <ExitCriterionTag criterion={s.exitCriterion} testId="spec-detail-exit" />
        </Space>
        <Space wrap>
          {can('reconcile:create') && (
            <Space.Compact>
              <DatePicker
                value={businessDate}
                onChange={setBusinessDate}
                placeholder={t('cutover.run.businessDatePlaceholder')}
                style={{ width: 190 }}
                data-testid="run-business-date"
              />
              <Button type="primary" icon={<CaretRightOutlined />} loading={starting} onClick={() => void runNow()} data-testid="run-now">
                {t('cutover.run.now')}
              </Button>
            </Space.Compact>
          )}
          {can('reconcile:update') && (
            <Button icon={<EditOutlined />} onClick={() => navigate(`${base}/${s.id}/edit`)} data-testid="spec-detail-edit">
              {t('common.edit')}
            </Button>
          )}
          <Button
            icon={<ExportOutlined />}
            onClick={() => void api.cutover.exportSpecYaml(project.id, s.id).catch((e) => message.error(toApiError(e).message))}
          >
            {t('cutover.detail.exportYaml')}
          </Button>
          {can('reconcile:delete') && (
            <Popconfirm
              title={t('cutover.detail.deleteConfirm')}
              onConfirm={() => remove()}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
            >
              <Button danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
            </Popconfirm>
          )}
        </Space>
      </Space>
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }} style={{ marginBottom: 8 }}>
        <Descriptions.Item label={t('cutover.side.left')}>{s.leftLabel}</Descriptions.Item>
        <Descriptions.Item label={t('cutover.side.right')}>{s.rightLabel}</Descriptions.Item>
        <Descriptions.Item label={t('cutover.spec.key')}>{keyColumns(s.comparison.key).join(', ')}</Descriptions.Item>
        <Descriptions.Item label={t('cutover.list.schedule')}>
          {describeCron(t, s.schedule.cron)} ({s.schedule.timeZone}){' '}
          {s.schedule.enabled ? <Tag color="green">{t('cutover.list.enabled')}</Tag> : <Tag>{t('cutover.list.disabled')}</Tag>}
          {s.schedule.nextRunAt && t('cutover.list.nextRun', { at: formatDateTime(s.schedule.nextRunAt) })}
        </Descriptions.Item>
      </Descriptions>
      <Tabs
        activeKey={tab}
        onChange={(key) => show({ tab: key })}
        items={[
          {
            key: 'results',
            label: <span data-testid="tab-results">{t('cutover.detail.results')}</span>,
            children: runId ? (
              <RunResults key={runId} runId={runId} specId={s.id} onRunChanged={onRunChanged} />
            ) : (
              <Card>
                <Empty description={t('cutover.detail.noRuns')} />
              </Card>
            ),
          },
          {
            key: 'history',
            label: <span data-testid="tab-history">{t('cutover.detail.history')}</span>,
            children: <HistoryTab specId={s.id} refreshToken={refreshToken} onOpenRun={(id) => show({ tab: 'results', run: id })} />,
          },
        ]}
      />
    </div>
  );
}
