import { DownloadOutlined, RollbackOutlined } from '@ant-design/icons';
import { App, Button, Space, Table, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useProject } from '../../../components/project';
import { toApiError } from '../../../components/use-api';
import { migrationApi } from '../api';
import type { MigrationBatch, MigrationRun } from '../types';
import { CheckCell } from './check-cell';
import { StatusTag } from './labels';
import type { RollbackTarget } from './rollback-target';
import { isRunActive } from './run-activity';

/** A run's batches: object and target, status, counts, the after-load check, rejects / output downloads and the batch rollback. */
export function RunBatches({ run, onRollback }: { run: MigrationRun; onRollback: (target: RollbackTarget) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { project, can } = useProject();
  const download = (fn: () => Promise<void>) => () => void fn().catch((cause) => message.error(toApiError(cause).message));
  return (
    <Table<MigrationBatch>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={run.batches}
      data-testid={`run-${run.number}-batches`}
      columns={[
        { title: '#', dataIndex: 'seq', width: 40 },
        {
          title: t('migration.batch.object'),
          dataIndex: 'objectName',
          render: (name: string, b) => (
            <Space direction="vertical" size={0}>
              <span data-testid={`batch-${run.number}-${name}`}>{name}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {b.targetLabel}
              </Typography.Text>
            </Space>
          ),
        },
        { title: t('migration.batch.status'), dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
        { title: t('migration.batch.sourceRows'), dataIndex: 'sourceRows', align: 'right' },
        {
          title: t('migration.batch.loaded'),
          dataIndex: 'loaded',
          align: 'right',
          render: (v: number | null, b) => <span data-testid={`loaded-${run.number}-${b.objectName}`}>{v ?? '—'}</span>,
        },
        {
          title: t('migration.batch.rejected'),
          dataIndex: 'rejected',
          align: 'right',
          render: (v: number | null, b) => (
            <span data-testid={`rejected-${run.number}-${b.objectName}`}>
              {b.hasRejects ? (
                <Tooltip title={b.message}>
                  <Typography.Text type="danger">{v}</Typography.Text>
                </Tooltip>
              ) : (
                (v ?? '—')
              )}
            </span>
          ),
        },
        { title: t('migration.batch.skipped'), dataIndex: 'skippedExisting', align: 'right' },
        {
          title: t('migration.batch.check'),
          render: (_v, b) => <CheckCell check={b.check} testId={`check-${run.number}-${b.objectName}`} />,
        },
        {
          title: t('migration.batch.actions'),
          render: (_v, b) => (
            <Space wrap>
              {b.hasRejects && can('migration:export') && (
                <Button size="small" icon={<DownloadOutlined />} onClick={download(() => migrationApi.downloadRejects(project.id, b.id))}>
                  {t('migration.batch.rejects')}
                </Button>
              )}
              {b.hasOutput && can('migration:export') && (
                <Button size="small" icon={<DownloadOutlined />} onClick={download(() => migrationApi.downloadOutput(project.id, b.id))}>
                  {t('migration.batch.output')}
                </Button>
              )}
              {b.status === 'loaded' && run.mode === 'real' && can('migration:update') && !isRunActive(run) && (
                <Button
                  size="small"
                  danger
                  icon={<RollbackOutlined />}
                  data-testid={`rollback-batch-${run.number}-${b.objectName}`}
                  onClick={() => onRollback({ kind: 'batch', run, batch: b })}
                >
                  {t('migration.rollback.batch')}
                </Button>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}
