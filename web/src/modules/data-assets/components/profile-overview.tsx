import { Alert, Card, Col, Empty, List, Row, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type ChartOption } from '../../../components/echart';
import { ErrorAlert } from '../../../components/error-alert';
import { formatPercent } from '../../../components/format';
import { useProject } from '../../../components/project';
import { useApi } from '../../../components/use-api';
import { dataAssetsApi } from '../api';
import { ScoreTag } from './tags';
import type { ColumnProfile, DataAsset, QualityComponents, QualityReason, SourceProfile } from '../types';

/** A reason in the UI language. */
export function useReasonText() {
  const { i18n } = useTranslation();
  return (r: QualityReason) => (i18n.language === 'en' ? r.en : r.zh);
}

const IMPORTANCE_KEYS: Record<QualityComponents['importance'], string> = {
  key: 'importanceKey',
  amount: 'importanceAmount',
  identifier: 'importanceIdentifier',
  optional: 'importanceOptional',
};

/** A factor as a percentage with one decimal (0.652 → 65.2%). */
const factor = (value: number) => formatPercent(value, 1);

/** 质量评分怎么算: the formula in words and, for this asset, its weighted mean, cap and column factors. */
function QualityFormula({ profile }: { profile: SourceProfile }) {
  const { t } = useTranslation();
  const breakdown = profile.quality.breakdown;
  const scored = profile.columns.filter((c) => c.quality.components);
  return (
    <Card size="small" title={t('dataAssets.formula.title')} data-testid="quality-formula">
      <Typography.Paragraph style={{ marginBottom: 4 }}>{t('dataAssets.formula.column')}</Typography.Paragraph>
      <Typography.Paragraph style={{ marginBottom: 8 }}>{t('dataAssets.formula.asset')}</Typography.Paragraph>
      {breakdown ? (
        <Typography.Paragraph strong data-testid="quality-formula-result" style={{ marginBottom: 8 }}>
          {breakdown.cappedBy
            ? t('dataAssets.formula.capped', {
                mean: breakdown.weightedMean,
                column: breakdown.cappedBy.column,
                score: breakdown.cappedBy.score,
              })
            : t('dataAssets.formula.notCapped', { mean: breakdown.weightedMean })}
        </Typography.Paragraph>
      ) : (
        <Typography.Paragraph type="secondary">{t('dataAssets.formula.legacy')}</Typography.Paragraph>
      )}
      {scored.length > 0 && (
        <Table
          size="small"
          pagination={false}
          rowKey="name"
          data-testid="quality-formula-columns"
          dataSource={scored}
          columns={[
            { title: t('dataAssets.formula.colName'), dataIndex: 'name' },
            {
              title: t('dataAssets.formula.importance'),
              render: (_, c) => t(`dataAssets.formula.${IMPORTANCE_KEYS[c.quality.components!.importance]}`),
            },
            { title: t('dataAssets.formula.weight'), align: 'right', render: (_, c) => c.quality.components!.weight },
            { title: t('dataAssets.formula.completeness'), align: 'right', render: (_, c) => factor(c.quality.components!.completeness) },
            { title: t('dataAssets.formula.validity'), align: 'right', render: (_, c) => factor(c.quality.components!.validity) },
            { title: t('dataAssets.formula.uniqueness'), align: 'right', render: (_, c) => factor(c.quality.components!.uniqueness) },
            { title: t('dataAssets.formula.score'), align: 'right', render: (_, c) => <ScoreTag score={c.quality.score} /> },
          ]}
        />
      )}
    </Card>
  );
}

function TopValuesChart({ column }: { column: ColumnProfile }) {
  const option = useMemo<ChartOption>(() => {
    const top = [...column.top].reverse();
    return {
      grid: { left: 8, right: 24, top: 4, bottom: 4, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 10 } },
      yAxis: {
        type: 'category',
        data: top.map((v) => (v.value.length > 14 ? `${v.value.slice(0, 14)}…` : v.value || '∅')),
        axisLabel: { fontSize: 10 },
      },
      tooltip: { trigger: 'axis' },
      series: [{ type: 'bar', data: top.map((v) => v.count), itemStyle: { color: '#1677ff' }, barMaxWidth: 14 }],
    };
  }, [column]);
  return <EChart option={option} height={Math.max(80, column.top.length * 18 + 16)} />;
}

function ColumnCard({ column, rows }: { column: ColumnProfile; rows: number }) {
  const { t } = useTranslation();
  const reason = useReasonText();
  const ratio = (part: number) => formatPercent(part, 1);
  const value = (v: number | string | null) => (v === null ? '—' : String(v));
  return (
    <Card
      size="small"
      data-testid={`column-card-${column.name}`}
      title={
        <Space wrap>
          <Typography.Text strong>{column.name}</Typography.Text>
          <Tooltip title={t('dataAssets.column.typeFit')}>
            <Tag color="blue" data-testid="column-type">
              {t(`dataAssets.type.${column.type}`, { defaultValue: column.type })} · {ratio(column.type_ratio)}
            </Tag>
          </Tooltip>
        </Space>
      }
      extra={
        column.quality.components ? (
          <Tooltip
            title={t('dataAssets.formula.columnTip', {
              score: column.quality.score,
              completeness: factor(column.quality.components.completeness),
              validity: factor(column.quality.components.validity),
              uniqueness: factor(column.quality.components.uniqueness),
              importance: t(`dataAssets.formula.${IMPORTANCE_KEYS[column.quality.components.importance]}`),
              weight: column.quality.components.weight,
            })}
          >
            <span>
              <ScoreTag score={column.quality.score} />
            </span>
          </Tooltip>
        ) : (
          <ScoreTag score={column.quality.score} />
        )
      }
    >
      <Row gutter={[8, 4]}>
        <Col span={8}>
          <Statistic title={t('dataAssets.column.nullRatio')} value={ratio(column.null_ratio)} valueStyle={{ fontSize: 15 }} />
        </Col>
        <Col span={8}>
          <Statistic title={t('dataAssets.column.emptyRatio')} value={ratio(column.empty_ratio)} valueStyle={{ fontSize: 15 }} />
        </Col>
        <Col span={8}>
          <Statistic title={t('dataAssets.column.blankRatio')} value={ratio(column.blank_ratio)} valueStyle={{ fontSize: 15 }} />
        </Col>
        <Col span={8}>
          <Statistic title={t('dataAssets.column.distinct')} value={column.distinct} valueStyle={{ fontSize: 15 }} />
        </Col>
        <Col span={8}>
          <Statistic
            title={t('dataAssets.column.length')}
            value={column.length ? `${column.length.min}–${column.length.max}` : '—'}
            suffix={
              column.length ? (
                <Typography.Text type="secondary" style={{ fontSize: 11 }}>{`⌀${column.length.avg.toFixed(1)}`}</Typography.Text>
              ) : null
            }
            valueStyle={{ fontSize: 15 }}
          />
        </Col>
        <Col span={8}>
          <Statistic title={t('dataAssets.column.padded')} value={column.padded} valueStyle={{ fontSize: 15 }} />
        </Col>
        <Col span={24}>
          <Typography.Text type="secondary">{t('dataAssets.column.minMax')}：</Typography.Text>
          <Typography.Text code>{value(column.min)}</Typography.Text> ~ <Typography.Text code>{value(column.max)}</Typography.Text>
        </Col>
      </Row>
      {column.top.length > 0 && (
        <>
          <Typography.Text type="secondary">{t('dataAssets.column.topValues')}</Typography.Text>
          <TopValuesChart column={column} />
        </>
      )}
      <Typography.Text type="secondary">{t('dataAssets.column.patterns', { count: column.pattern_count })}</Typography.Text>
      <div data-testid="column-patterns">
        {column.patterns.slice(0, 5).map((p) => (
          <Tag key={p.pattern} style={{ marginBottom: 4 }}>
            <code>{p.pattern}</code> × {p.count} ({formatPercent(rows ? p.count / rows : 0, 0)})
          </Tag>
        ))}
      </div>
      {column.date_formats && (
        <div>
          <Typography.Text type="secondary">{t('dataAssets.column.dateFormats')}：</Typography.Text>
          {Object.entries(column.date_formats).map(([f, n]) => (
            <Tag key={f}>
              {f} × {n}
            </Tag>
          ))}
        </div>
      )}
      {column.quality.reasons.length > 0 && (
        <ul style={{ margin: '6px 0 0', paddingInlineStart: 18 }} data-testid="column-reasons">
          {column.quality.reasons.map((r) => (
            <li key={r.code}>
              <Typography.Text type="warning">{reason(r)}</Typography.Text>
              <Typography.Text type="secondary"> (−{r.penalty})</Typography.Text>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function ProfileView({ profile, missingRatio }: { profile: SourceProfile; missingRatio: number | null }) {
  const { t } = useTranslation();
  const reason = useReasonText();
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Row gutter={16}>
        <Col xs={12} md={6}>
          <Statistic title={t('dataAssets.field.rows')} value={profile.rows} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('dataAssets.columns')} value={profile.columns.length} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('dataAssets.missingRatio')} value={formatPercent(missingRatio, 1)} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('dataAssets.qualityScore')}
            value={profile.quality.score.toFixed(1)}
            valueStyle={{ color: profile.quality.score >= 90 ? '#389e0d' : profile.quality.score >= 70 ? '#d48806' : '#cf1322' }}
          />
        </Col>
      </Row>
      <QualityFormula profile={profile} />
      {profile.quality.reasons.length > 0 && (
        <Card size="small" title={t('dataAssets.reasons')} data-testid="profile-reasons">
          <List
            size="small"
            dataSource={profile.quality.reasons}
            renderItem={(r) => <List.Item extra={<Tag color="red">−{r.penalty}</Tag>}>{reason(r)}</List.Item>}
          />
        </Card>
      )}
      {profile.key && profile.key.duplicate_values > 0 && (
        <Card
          size="small"
          title={t('dataAssets.duplicateKeys', { columns: profile.key.columns.join(' + ') })}
          data-testid="profile-duplicates"
        >
          <Table
            size="small"
            pagination={false}
            rowKey={(r) => JSON.stringify(r.key)}
            dataSource={profile.key.examples}
            columns={[
              { title: t('dataAssets.key'), render: (_, r) => r.key.join(' | ') },
              { title: t('dataAssets.count'), dataIndex: 'count' },
              { title: t('dataAssets.rowNumbers'), render: (_, r) => r.rows.join(', ') },
            ]}
          />
        </Card>
      )}
      <Row gutter={[12, 12]} data-testid="column-cards">
        {profile.columns.map((c) => (
          <Col key={c.name} xs={24} md={12} xl={8}>
            <ColumnCard column={c} rows={profile.rows} />
          </Col>
        ))}
      </Row>
    </Space>
  );
}

/** 概况: the latest successful profile of the asset. */
export function ProfileOverview({ asset }: { asset: DataAsset }) {
  const { t } = useTranslation();
  const { project } = useProject();
  const latest = asset.latestRun;
  const detail = useApi(async () => {
    const runs = await dataAssetsApi.profileRuns(project.id, asset.id);
    const done = runs.items.find((r) => r.status === 'succeeded');
    return done ? dataAssetsApi.profileRun(project.id, asset.id, done.id) : null;
  }, [project.id, asset.id, latest?.id, latest?.status]);
  if (detail.error) return <ErrorAlert error={detail.error} onRetry={() => void detail.reload()} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {latest?.status === 'failed' && (
        <Alert type="error" showIcon message={t('dataAssets.profileFailed')} description={latest.error} data-testid="profile-error" />
      )}
      {detail.data?.profile ? (
        <ProfileView profile={detail.data.profile} missingRatio={detail.data.missingRatio} />
      ) : (
        !detail.loading && <Empty description={t('dataAssets.noProfile')} />
      )}
    </Space>
  );
}
