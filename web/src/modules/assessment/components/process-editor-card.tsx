import { DeleteOutlined, DownloadOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Popconfirm, Space, Spin, Tag, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useProject } from '../../../components/project';
import { assessmentApi } from '../api';
import type { ProcessView } from '../types';
import { BottleneckPanel } from './bottleneck-panel';
import type { Bottlenecks } from './use-bottlenecks';
import type { ProcessMaps } from './use-process-maps';

const BpmnCanvas = lazy(() => import('./bpmn-canvas'));

/**
 * The chosen process: save / export / delete, the bpmn-js editor, the selected step (to mark as a
 * bottleneck) and, for as-is maps, the bottleneck panel.
 */
export function ProcessEditorCard({
  process,
  maps,
  bottlenecks,
  withBottlenecks,
}: {
  process: ProcessView;
  maps: ProcessMaps;
  bottlenecks: Bottlenecks;
  withBottlenecks: boolean;
}) {
  const { t } = useTranslation();
  const { project, can } = useProject();
  const canUpdate = can('process:update');
  const { dirty, saving, selection, canvasError } = maps;
  const selectedBottleneck = selection ? process.bottlenecks.find((b) => b.elementId === selection.elementId) : undefined;
  return (
    <Card
      size="small"
      data-testid="process-editor"
      title={
        <Space>
          <span data-testid="process-title" data-process-id={process.id}>
            {process.department} · {process.name}
          </span>
          {dirty && <Tag color="orange">{t('assessment.process.unsaved')}</Tag>}
        </Space>
      }
      extra={
        <Space size={4} wrap>
          {canUpdate && (
            <Button
              type="primary"
              icon={<SaveOutlined />}
              disabled={!dirty}
              loading={saving}
              onClick={() => void maps.save()}
              data-testid="process-save"
            >
              {t('common.save')}
            </Button>
          )}
          {can('process:export') && (
            <Button
              icon={<DownloadOutlined />}
              onClick={() => void assessmentApi.exportProcess(project.id, process.id)}
              data-testid="process-export"
            >
              {t('assessment.process.export')}
            </Button>
          )}
          {can('process:delete') && (
            <Popconfirm title={t('assessment.process.deleteConfirm')} onConfirm={() => void maps.removeProcess()}>
              <Button danger icon={<DeleteOutlined />} />
            </Popconfirm>
          )}
        </Space>
      }
    >
      {process.description && <Typography.Paragraph type="secondary">{process.description}</Typography.Paragraph>}
      {canvasError && <Alert type="error" showIcon message={canvasError} style={{ marginBottom: 8 }} />}
      <Suspense fallback={<Spin />}>
        <BpmnCanvas
          xml={process.bpmnXml}
          highlights={bottlenecks.highlights}
          readOnly={!canUpdate}
          onReady={(h) => {
            maps.handle.current = h;
          }}
          onSelect={maps.setSelection}
          onDirty={() => maps.setDirty(true)}
          onError={(text) => maps.setCanvasError(text || undefined)}
        />
      </Suspense>
      <div style={{ minHeight: 40, marginTop: 8 }} data-testid="process-selection">
        {selection ? (
          <Space wrap>
            <Typography.Text>
              {t('assessment.bottleneck.selected')}：<strong>{selection.name || selection.elementId}</strong>
            </Typography.Text>
            {selectedBottleneck ? <Tag color="red">{bottlenecks.typeLabel(selectedBottleneck.type)}</Tag> : null}
            {canUpdate && withBottlenecks && (
              <Button size="small" danger onClick={() => void bottlenecks.markSelected()} data-testid="mark-bottleneck">
                {selectedBottleneck ? t('assessment.bottleneck.edit') : t('assessment.bottleneck.mark')}
              </Button>
            )}
          </Space>
        ) : withBottlenecks ? (
          <Typography.Text type="secondary">{t('assessment.bottleneck.hint')}</Typography.Text>
        ) : null}
      </div>
      {withBottlenecks && <BottleneckPanel items={process.bottlenecks} bottlenecks={bottlenecks} canUpdate={canUpdate} />}
    </Card>
  );
}
