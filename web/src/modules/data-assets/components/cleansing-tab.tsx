import { EyeOutlined, PlusOutlined, SaveOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useProject } from '../../../components/project';
import { useApi } from '../../../components/use-api';
import { dataAssetsApi } from '../api';
import type { DataAsset } from '../types';
import { useAssetColumns } from '../use-asset-columns';
import { AddStepModal } from './add-step-modal';
import { CleansingPreview } from './cleansing-preview';
import { useCleansing } from './use-cleansing';
import { useCleansingStepColumns, type StepRow } from './use-cleansing-step-columns';

/** 数据清洗: an ordered recipe, its before/after preview, and the cleaned asset. */
export function CleansingTab({ asset, onSaved }: { asset: DataAsset; onSaved: (asset: DataAsset) => void }) {
  const { t } = useTranslation();
  const { project, can } = useProject();
  const columns = useAssetColumns(project.id, asset.id);
  const assets = useApi(() => dataAssetsApi.list(project.id), [project.id]);
  const [adding, setAdding] = useState(false);
  const { steps, busy, preview, error, made, dirty, runPreview, save, make, move, remove, add } = useCleansing(asset, onSaved);
  const editable = can('data_asset:update');
  const stepColumns = useCleansingStepColumns({
    assets: assets.data?.items ?? [],
    count: steps.length,
    editable,
    onMove: move,
    onRemove: remove,
  });

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle" data-testid="cleansing-tab">
      <Alert type="info" showIcon message={t('dataAssets.cleansing.sourceUntouched')} />
      <Card
        size="small"
        title={t('dataAssets.cleansing.recipe')}
        extra={
          <Space>
            {editable && (
              <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="step-add">
                {t('dataAssets.cleansing.addStep')}
              </Button>
            )}
            <Button
              icon={<EyeOutlined />}
              loading={busy === 'preview'}
              disabled={steps.length === 0}
              onClick={() => void runPreview()}
              data-testid="cleansing-preview-run"
            >
              {t('dataAssets.cleansing.preview')}
            </Button>
            {editable && (
              <Button
                icon={<SaveOutlined />}
                disabled={!dirty}
                loading={busy === 'save'}
                onClick={() => void save()}
                data-testid="cleansing-save"
              >
                {t('common.save')}
              </Button>
            )}
            {can('data_asset:create') && (
              <Button
                type="primary"
                icon={<ThunderboltOutlined />}
                loading={busy === 'make'}
                onClick={() => void make()}
                data-testid="cleansing-make"
              >
                {t('dataAssets.cleansing.make')}
              </Button>
            )}
          </Space>
        }
      >
        <Table<StepRow>
          size="small"
          rowKey="index"
          pagination={false}
          dataSource={steps.map((s, index) => ({ ...s, index }))}
          data-testid="cleansing-steps"
          locale={{ emptyText: t('dataAssets.cleansing.empty') }}
          columns={stepColumns}
        />
        {error && <Alert style={{ marginTop: 8 }} type="error" showIcon message={error} data-testid="cleansing-error" />}
        {made && (
          <Alert
            style={{ marginTop: 8 }}
            type="success"
            showIcon
            data-testid="cleansing-made"
            message={
              <span>
                {t('dataAssets.cleansing.madeHint')}{' '}
                <Link to={`/projects/${project.id}/assessment/data-assets/${made.id}`}>{made.name}</Link>
              </span>
            }
          />
        )}
      </Card>
      {preview && (
        <Card size="small" title={t('dataAssets.cleansing.previewTitle')}>
          <CleansingPreview preview={preview} />
        </Card>
      )}
      <AddStepModal
        open={adding}
        columns={columns}
        assets={(assets.data?.items ?? []).filter((a) => a.id !== asset.id)}
        onAdd={(step) => {
          add(step);
          setAdding(false);
        }}
        onClose={() => setAdding(false)}
      />
    </Space>
  );
}
