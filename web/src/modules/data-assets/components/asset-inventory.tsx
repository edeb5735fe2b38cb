import { CaretRightOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDateTime, formatPercent } from '../../../components/format';
import { useProject } from '../../../components/project';
import { toApiError, useApi } from '../../../components/use-api';
import { dataAssetsApi } from '../api';
import { RegisterAssetModal } from './register-asset-modal';
import { isRunning, ProfileStatus, ScoreTag } from './tags';
import type { DataAsset } from '../types';

/** 数据资产清单: every registered asset with its latest profile; register, profile, delete. */
export function AssetInventory() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { project, can } = useProject();
  const assets = useApi(() => dataAssetsApi.list(project.id), [project.id]);
  const [registering, setRegistering] = useState(false);
  const [starting, setStarting] = useState<string | null>(null);
  const items = assets.data?.items ?? [];
  const anyRunning = items.some((a) => isRunning(a.latestRun));
  const { reload } = assets;

  useEffect(() => {
    if (!anyRunning) return;
    const timer = window.setInterval(() => void reload(), 1000);
    return () => window.clearInterval(timer);
  }, [anyRunning, reload]);

  const profile = async (asset: DataAsset) => {
    setStarting(asset.id);
    try {
      await dataAssetsApi.profile(project.id, asset.id);
      message.success(t('dataAssets.profileStarted'));
      await reload();
    } catch (cause) {
      message.error(toApiError(cause).message);
    } finally {
      setStarting(null);
    }
  };

  const remove = async (asset: DataAsset) => {
    try {
      await dataAssetsApi.remove(project.id, asset.id);
      message.success(t('dataAssets.deleted'));
      await reload();
    } catch (cause) {
      message.error(toApiError(cause).message);
    }
  };

  const base = `/projects/${project.id}/assessment/data-assets`;
  return (
    <div data-testid="data-asset-inventory">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('dataAssets.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('dataAssets.intro')}</Typography.Text>
        </div>
        {can('data_asset:create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)} data-testid="data-asset-register">
            {t('dataAssets.register')}
          </Button>
        )}
      </Space>
      <ErrorAlert error={assets.error} onRetry={() => void reload()} />
      <Table<DataAsset>
        rowKey="id"
        size="middle"
        loading={assets.loading && !assets.data}
        dataSource={items}
        pagination={false}
        scroll={{ x: 1100 }}
        data-testid="data-asset-table"
        locale={{ emptyText: t('dataAssets.empty') }}
        onRow={(record) => ({ 'data-testid': `data-asset-row-${record.name}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('dataAssets.field.name'),
            dataIndex: 'name',
            render: (_, a) => (
              <Space direction="vertical" size={0}>
                <Link to={`${base}/${a.id}`} data-testid="data-asset-link">
                  {a.name}
                </Link>
                {a.derivedFrom && <Tag color="cyan">{t('dataAssets.derived')}</Tag>}
              </Space>
            ),
          },
          { title: t('dataAssets.field.businessOwner'), dataIndex: 'businessOwnerName', render: (v: string) => v || '—' },
          { title: t('dataAssets.field.systemOfOrigin'), dataIndex: 'systemOfOrigin', render: (v: string) => v || '—' },
          {
            title: t('dataAssets.field.storage'),
            dataIndex: 'storage',
            render: (v: DataAsset['storage']) => t(`dataAssets.storage.${v}`),
          },
          {
            title: t('dataAssets.field.source'),
            render: (_, a) =>
              a.source.type === 'upload'
                ? (a.source.fileName ?? '—')
                : `${a.source.connectionName ?? '—'} · ${a.source.table ?? t('dataAssets.query')}`,
          },
          { title: t('dataAssets.field.format'), dataIndex: 'format', render: (v: string) => <Tag>{v.toUpperCase()}</Tag> },
          { title: t('dataAssets.field.rows'), align: 'right', render: (_, a) => a.latestRun?.rows?.toLocaleString() ?? '—' },
          { title: t('dataAssets.missingRatio'), align: 'right', render: (_, a) => formatPercent(a.latestRun?.missingRatio ?? null, 1) },
          {
            title: t('dataAssets.qualityScore'),
            render: (_, a) => (
              <ScoreTag score={a.latestRun?.status === 'succeeded' ? a.latestRun.qualityScore : null} testId="data-asset-score" />
            ),
          },
          {
            title: t('dataAssets.profileStatus'),
            render: (_, a) => (
              <Space direction="vertical" size={0}>
                <ProfileStatus run={a.latestRun} testId="data-asset-status" />
                {a.latestRun?.finishedAt && <Typography.Text type="secondary">{formatDateTime(a.latestRun.finishedAt)}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: t('common.actions'),
            fixed: 'right',
            render: (_, a) => (
              <Space>
                {can('data_asset:update') && (
                  <Button
                    size="small"
                    icon={<CaretRightOutlined />}
                    loading={starting === a.id}
                    disabled={isRunning(a.latestRun)}
                    onClick={() => void profile(a)}
                    data-testid="data-asset-profile"
                  >
                    {t('dataAssets.profile')}
                  </Button>
                )}
                {can('data_asset:delete') && (
                  <Popconfirm title={t('dataAssets.confirmDelete', { name: a.name })} onConfirm={() => void remove(a)}>
                    <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <RegisterAssetModal
        open={registering}
        onClose={() => setRegistering(false)}
        onRegistered={() => {
          setRegistering(false);
          void reload();
        }}
      />
    </div>
  );
}
