import { Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type ChartOption } from '../../../components/echart';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDateTime, formatPercent } from '../../../components/format';
import { useProject } from '../../../components/project';
import { useApi } from '../../../components/use-api';
import { dataAssetsApi } from '../api';
import { ProfileStatus } from './tags';
import type { ColumnProfile, DataAsset, ProfileRun } from '../types';

interface ColumnCompare {
  name: string;
  before: ColumnProfile | null;
  after: ColumnProfile | null;
}

function Delta({ value, better }: { value: number | null; better: 'up' | 'down' }) {
  if (value === null || Math.abs(value) < 1e-9) return <Typography.Text type="secondary">—</Typography.Text>;
  const good = better === 'up' ? value > 0 : value < 0;
  return <Tag color={good ? 'green' : 'red'}>{`${value > 0 ? '+' : ''}${value.toFixed(1)}`}</Tag>;
}

/** 历史: the quality-score trend over runs and a per-column comparison of the latest two. */
export function HistoryTab({ asset }: { asset: DataAsset }) {
  const { t } = useTranslation();
  const { project } = useProject();
  const history = useApi(async () => {
    const runs = (await dataAssetsApi.profileRuns(project.id, asset.id)).items;
    const done = runs.filter((r) => r.status === 'succeeded');
    const latestTwo = await Promise.all(done.slice(0, 2).map((r) => dataAssetsApi.profileRun(project.id, asset.id, r.id)));
    return { runs, latestTwo };
  }, [project.id, asset.id, asset.latestRun?.id, asset.latestRun?.status]);

  const trend = useMemo<ChartOption | null>(() => {
    const done = (history.data?.runs ?? []).filter((r) => r.status === 'succeeded').reverse();
    if (!done.length) return null;
    return {
      grid: { left: 40, right: 40, top: 30, bottom: 30 },
      tooltip: { trigger: 'axis' },
      legend: { data: [t('dataAssets.qualityScore'), t('dataAssets.missingRatio')] },
      xAxis: { type: 'category', data: done.map((r) => formatDateTime(r.finishedAt ?? r.createdAt)) },
      yAxis: [
        { type: 'value', min: 0, max: 100, name: t('dataAssets.qualityScore') },
        { type: 'value', min: 0, max: 100, name: '%', splitLine: { show: false } },
      ],
      series: [
        {
          name: t('dataAssets.qualityScore'),
          type: 'line',
          data: done.map((r) => r.qualityScore),
          smooth: true,
          itemStyle: { color: '#1677ff' },
        },
        {
          name: t('dataAssets.missingRatio'),
          type: 'line',
          yAxisIndex: 1,
          data: done.map((r) => Number(((r.missingRatio ?? 0) * 100).toFixed(2))),
          itemStyle: { color: '#fa8c16' },
        },
      ],
    };
  }, [history.data, t]);

  const compare = useMemo<ColumnCompare[]>(() => {
    const [now, before] = history.data?.latestTwo ?? [];
    if (!now?.profile || !before?.profile) return [];
    const names = [...new Set([...now.profile.columns.map((c) => c.name), ...before.profile.columns.map((c) => c.name)])];
    return names.map((name) => ({
      name,
      before: before.profile?.columns.find((c) => c.name === name) ?? null,
      after: now.profile?.columns.find((c) => c.name === name) ?? null,
    }));
  }, [history.data]);

  if (history.error) return <ErrorAlert error={history.error} onRetry={() => void history.reload()} />;
  const runs = history.data?.runs ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle" data-testid="history-tab">
      <Card size="small" title={t('dataAssets.history.trend')}>
        {trend ? <EChart option={trend} height={260} testId="history-trend" /> : <Empty description={t('dataAssets.noProfile')} />}
      </Card>
      {compare.length > 0 && (
        <Card size="small" title={t('dataAssets.history.compare')} data-testid="history-compare">
          <Table<ColumnCompare>
            size="small"
            rowKey="name"
            pagination={false}
            dataSource={compare}
            columns={[
              { title: t('dataAssets.rules.column'), dataIndex: 'name' },
              { title: t('dataAssets.history.scoreBefore'), render: (_, c) => c.before?.quality.score.toFixed(1) ?? '—' },
              { title: t('dataAssets.history.scoreAfter'), render: (_, c) => c.after?.quality.score.toFixed(1) ?? '—' },
              {
                title: t('dataAssets.history.scoreDelta'),
                render: (_, c) => <Delta value={c.before && c.after ? c.after.quality.score - c.before.quality.score : null} better="up" />,
              },
              {
                title: t('dataAssets.column.nullRatio'),
                render: (_, c) => `${formatPercent(c.before?.null_ratio ?? null, 1)} → ${formatPercent(c.after?.null_ratio ?? null, 1)}`,
              },
              { title: t('dataAssets.column.distinct'), render: (_, c) => `${c.before?.distinct ?? '—'} → ${c.after?.distinct ?? '—'}` },
            ]}
          />
        </Card>
      )}
      <Card size="small" title={t('dataAssets.history.runs')}>
        <Table<ProfileRun>
          size="small"
          rowKey="id"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={runs}
          columns={[
            { title: t('dataAssets.history.started'), render: (_, r) => formatDateTime(r.createdAt) },
            { title: t('dataAssets.profileStatus'), render: (_, r) => <ProfileStatus run={r} /> },
            { title: t('dataAssets.field.rows'), align: 'right', render: (_, r) => r.rows?.toLocaleString() ?? '—' },
            { title: t('dataAssets.missingRatio'), align: 'right', render: (_, r) => formatPercent(r.missingRatio, 1) },
            { title: t('dataAssets.qualityScore'), align: 'right', render: (_, r) => r.qualityScore?.toFixed(1) ?? '—' },
          ]}
        />
      </Card>
    </Space>
  );
}
