import { ArrowLeftOutlined, CaretRightOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Space, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../../components/error-alert';
import { PageSpinner } from '../../../components/page-spinner';
import { formatDateTime } from '../../../components/format';
import { useProject } from '../../../components/project';
import { toApiError, useApi } from '../../../components/use-api';
import { CleansingTab } from './cleansing-tab';
import { dataAssetsApi } from '../api';
import { EditAssetModal } from './edit-asset-modal';
import { HistoryTab } from './history-tab';
import { ProfileOverview } from './profile-overview';
import { RulesTab } from './rules-tab';
import { isRunning, ProfileStatus, ScoreTag } from './tags';
import { useAssetColumns } from '../use-asset-columns';

const TABS = ['overview', 'rules', 'cleansing', 'history'] as const;

/** One data asset: 概况 (per-column profile), 质量规则, 数据清洗, 历史. */
export function AssetDetail() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { project, can } = useProject();
  const { assetId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? params.get('tab')! : 'overview';
  const asset = useApi(() => dataAssetsApi.get(project.id, assetId), [project.id, assetId]);
  const latest = asset.data?.latestRun ?? null;
  const running = isRunning(latest);
  const [starting, setStarting] = useState(false);
  const [editing, setEditing] = useState(false);
  const columns = useAssetColumns(project.id, assetId);
  const { reload } = asset;

  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => void reload(), 800);
    return () => window.clearInterval(timer);
  }, [running, reload]);

  const profile = async () => {
    setStarting(true);
    try {
      await dataAssetsApi.profile(project.id, assetId);
      message.success(t('dataAssets.profileStarted'));
      await reload();
    } catch (cause) {
      message.error(toApiError(cause).message);
    } finally {
      setStarting(false);
    }
  };

  if (asset.error) return <ErrorAlert error={asset.error} onRetry={() => void reload()} />;
  if (!asset.data) return <PageSpinner />;
  const a = asset.data;
  const list = `/projects/${project.id}/assessment/data-assets`;

  return (
    <div data-testid="data-asset-detail">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Space>
          <Link to={list}>
            <ArrowLeftOutlined /> {t('dataAssets.backToList')}
          </Link>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="data-asset-title">
            {a.name}
          </Typography.Title>
          <ScoreTag score={latest?.status === 'succeeded' ? latest.qualityScore : null} testId="data-asset-detail-score" />
          <ProfileStatus run={latest} testId="data-asset-detail-status" />
        </Space>
        {can('data_asset:update') && (
          <Space>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="data-asset-edit">
              {t('dataAssets.edit')}
            </Button>
            <Button
              type="primary"
              icon={<CaretRightOutlined />}
              loading={starting}
              disabled={running}
              onClick={() => void profile()}
              data-testid="data-asset-detail-profile"
            >
              {t('dataAssets.profile')}
            </Button>
          </Space>
        )}
      </Space>
      <EditAssetModal
        asset={editing ? a : null}
        columns={columns}
        onClose={() => setEditing(false)}
        onSaved={(saved) => {
          setEditing(false);
          asset.setData(saved);
        }}
      />
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 8 }}>
        <Descriptions.Item label={t('dataAssets.field.businessOwner')}>{a.businessOwnerName || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('dataAssets.field.systemOfOrigin')}>{a.systemOfOrigin || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('dataAssets.field.storage')}>{t(`dataAssets.storage.${a.storage}`)}</Descriptions.Item>
        <Descriptions.Item label={t('dataAssets.field.source')}>
          {a.source.type === 'upload' ? a.source.fileName : `${a.source.connectionName ?? ''} · ${a.source.table ?? a.source.query ?? ''}`}
        </Descriptions.Item>
        <Descriptions.Item label={t('dataAssets.field.keyColumns')}>
          {a.keyColumns.length ? a.keyColumns.map((k) => <Tag key={k}>{k}</Tag>) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('dataAssets.lastProfiled')}>{formatDateTime(latest?.finishedAt ?? null)}</Descriptions.Item>
        {a.notes && <Descriptions.Item label={t('dataAssets.field.notes')}>{a.notes}</Descriptions.Item>}
      </Descriptions>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        items={[
          {
            key: 'overview',
            label: <span data-testid="data-asset-tab-overview">{t('dataAssets.tab.overview')}</span>,
            children: <ProfileOverview asset={a} />,
          },
          {
            key: 'rules',
            label: <span data-testid="data-asset-tab-rules">{t('dataAssets.tab.rules')}</span>,
            children: <RulesTab asset={a} onSaved={(updated) => asset.setData(updated)} />,
          },
          {
            key: 'cleansing',
            label: <span data-testid="data-asset-tab-cleansing">{t('dataAssets.tab.cleansing')}</span>,
            children: <CleansingTab asset={a} onSaved={(updated) => asset.setData(updated)} />,
          },
          {
            key: 'history',
            label: <span data-testid="data-asset-tab-history">{t('dataAssets.tab.history')}</span>,
            children: <HistoryTab asset={a} />,
          },
        ]}
      />
    </div>
  );
}
