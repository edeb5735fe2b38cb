import { RollbackOutlined, StopOutlined } from '@ant-design/icons';
import { Button, type ButtonProps, Popconfirm, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../components/format';
import { useProject } from '../../../components/project';
import type { MigrationRun } from '../types';
import { StatusTag } from './labels';
import type { RollbackTarget } from './rollback-target';
import { isRunActive } from './run-activity';

/**
 * The run history's columns: number, mode, status with the run's and its rollbacks' errors, totals,
 * who and when, and cancel (queued or running) or rollback (a real run with loaded batches).
 */
export function useRunColumns(props: {
  onCancel: (run: MigrationRun) => Promise<void>;
  onRollback: (target: RollbackTarget) => void;
}): TableColumnsType<MigrationRun> {
  const { t } = useTranslation();
  const { can } = useProject();
  return [
    {
      title: t('migration.run.number'),
      dataIndex: 'number',
      width: 90,
      render: (n: number) => <span data-testid={`run-number-${n}`}>#{n}</span>,
    },
    {
      title: t('migration.run.mode'),
      dataIndex: 'mode',
      render: (mode: MigrationRun['mode']) => (
        <Tag color={mode === 'real' ? 'blue' : 'cyan'}>{mode === 'real' ? t('migration.plan.run') : t('migration.plan.simulate')}</Tag>
      ),
    },
    {
      title: t('migration.run.status'),
      dataIndex: 'status',
      render: (s: string, run) => (
        <Space direction="vertical" size={0}>
          <StatusTag status={s} testId={`run-status-${run.number}`} />
          {run.error && (
            <Typography.Text type="danger" style={{ fontSize: 12 }}>
              {run.error}
            </Typography.Text>
          )}
          {run.rollbacks
            .filter((r) => r.error)
            .map((r) => (
              <Typography.Text key={r.id} type="danger" style={{ fontSize: 12 }}>
                {t('migration.rollback.failed', { error: r.error })}
              </Typography.Text>
            ))}
        </Space>
      ),
    },
    {
      title: t('migration.run.totals'),
      render: (_v, run) =>
        t('migration.run.totalsText', {
          loaded: run.batches.reduce((s, b) => s + (b.loaded ?? 0), 0),
          rejected: run.batches.reduce((s, b) => s + (b.rejected ?? 0), 0),
        }),
    },
    { title: t('migration.run.by'), dataIndex: 'createdBy' },
    { title: t('migration.run.at'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
    {
      title: t('migration.batch.actions'),
      render: (_v, run) =>
        (run.status === 'queued' || run.status === 'running') && run.jobId && can('migration:create') ? (
          <Popconfirm
            title={t('migration.cancelRun.confirm', { number: run.number })}
            okText={t('migration.cancelRun.ok')}
            okButtonProps={{ danger: true, 'data-testid': 'cancel-run-ok' } as ButtonProps}
            onConfirm={() => props.onCancel(run)}
          >
            <Button size="small" icon={<StopOutlined />} data-testid={`cancel-run-${run.number}`}>
              {t('migration.cancelRun.button')}
            </Button>
          </Popconfirm>
        ) : (
          run.mode === 'real' &&
          run.batches.some((b) => b.status === 'loaded') &&
          can('migration:update') &&
          !isRunActive(run) && (
            <Button
              danger
              size="small"
              icon={<RollbackOutlined />}
              data-testid={`rollback-run-${run.number}`}
              onClick={() => props.onRollback({ kind: 'run', run })}
            >
              {t('migration.rollback.run')}
            </Button>
          )
        ),
    },
  ];
}
