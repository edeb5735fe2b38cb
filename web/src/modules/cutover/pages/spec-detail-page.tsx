import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Descriptions, Empty, Space, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDateTime } from '../../../components/format';
import { PageSpinner } from '../../../components/page-spinner';
import { HistoryTab } from '../components/history-tab';
import { RunResults } from '../components/run-results';
import { SpecDetailActions } from '../components/spec-detail-actions';
import { ExitCriterionTag } from '../components/tags';
import { describeCron, keyColumns } from '../spec-form';
import { useSpecDetail } from '../use-spec-detail';

/** One spec: run it, its latest (or a chosen) run's results, and its history. */
export function SpecDetailPage() {
  const { t } = useTranslation();
  const { specId = '' } = useParams();
  const detail = useSpecDetail(specId);
  const { spec, base, runId, show } = detail;

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
        <SpecDetailActions
          specId={s.id}
          editPath={`${base}/${s.id}/edit`}
          businessDate={detail.businessDate}
          onBusinessDate={detail.setBusinessDate}
          starting={detail.starting}
          onRunNow={() => void detail.runNow()}
          onRemove={detail.remove}
        />
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
        activeKey={detail.tab}
        onChange={(key) => show({ tab: key })}
        items={[
          {
            key: 'results',
            label: <span data-testid="tab-results">{t('cutover.detail.results')}</span>,
            children: runId ? (
              <RunResults key={runId} runId={runId} specId={s.id} onRunChanged={detail.onRunChanged} />
            ) : (
              <Card>
                <Empty description={t('cutover.detail.noRuns')} />
              </Card>
            ),
          },
          {
            key: 'history',
            label: <span data-testid="tab-history">{t('cutover.detail.history')}</span>,
            children: <HistoryTab specId={s.id} refreshToken={detail.refreshToken} onOpenRun={(id) => show({ tab: 'results', run: id })} />,
          },
        ]}
      />
    </div>
  );
}
