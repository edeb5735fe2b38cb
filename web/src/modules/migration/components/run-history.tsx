import { DownloadOutlined, RollbackOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, type ButtonProps, Input, Modal, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../components/format';
import { useProject } from '../../../components/project';
import { toApiError } from '../../../components/use-api';
import { StatusTag } from './labels';
import { migrationApi } from '../api';
import type { MigrationBatch, MigrationCheck, MigrationRun } from '../types';

/** 迁移后核对: pass/fail with the row counts and per-column totals. */
function CheckCell({ check, testId }: { check: MigrationCheck | null; testId: string }) {
  const { t } = useTranslation();
  if (!check) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space direction="vertical" size={0} data-testid={testId} data-ok={check.ok ? 'true' : 'false'}>
      <Tag color={check.ok ? 'success' : 'error'}>{check.ok ? t('migration.check.pass') : t('migration.check.fail')}</Tag>
      <Typography.Text style={{ fontSize: 12 }}>
        {t('migration.check.rows', { source: check.sourceRows, target: check.targetRows })}
      </Typography.Text>
      {check.sums.map((s) => (
        <Typography.Text key={s.column} style={{ fontSize: 12 }} type={s.ok ? undefined : 'danger'}>
          {t('migration.check.sum', { column: s.column, source: s.source, target: s.target })}
        </Typography.Text>
      ))}
      {check.message && (
        <Typography.Text type="danger" style={{ fontSize: 12 }}>
          {check.message}
        </Typography.Text>
      )}
    </Space>
  );
}

type Pending = { kind: 'run'; run: MigrationRun } | { kind: 'batch'; run: MigrationRun; batch: MigrationBatch };

/** 批次: every run with its batches (counts, rejects, check) and the rollback behind a typed confirmation. */
export function RunHistory({ runs, onChanged }: { runs: MigrationRun[]; onChanged: (run?: MigrationRun) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { project, can } = useProject();
  const [pending, setPending] = useState<Pending | null>(null);
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [expanded, setExpanded] = useState<string[]>([]);
  const newest = runs[0]?.id;
  // The newest run opens by itself, so its batches show as soon as it starts.
  useEffect(() => {
    if (newest) setExpanded((keys) => (keys.includes(newest) ? keys : [...keys, newest]));
  }, [newest]);

  const busyRun = (run: MigrationRun) =>
    run.status === 'queued' || run.status === 'running' || run.rollbacks.some((r) => r.status === 'queued' || r.status === 'running');
  const expected = pending ? (pending.kind === 'run' ? String(pending.run.number) : pending.batch.objectName) : '';

  const cancelRun = async (run: MigrationRun) => {
    if (!run.jobId) return;
    try {
      await migrationApi.cancelJob(project.id, run.jobId);
      message.success(t('migration.cancelRun.requested'));
      onChanged();
    } catch (cause) {
      message.error(toApiError(cause).message);
    }
  };

  const submit = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      const result =
        pending.kind === 'run'
          ? await migrationApi.rollbackRun(project.id, pending.run.id, confirm)
          : await migrationApi.rollbackBatch(project.id, pending.batch.id, confirm);
      message.success(t('migration.rollback.started'));
      setPending(null);
      setConfirm('');
      onChanged(result.run);
    } catch (cause) {
      message.error(toApiError(cause).message);
    } finally {
      setBusy(false);
    }
  };

  const download = (fn: () => Promise<void>) => () => void fn().catch((cause) => message.error(toApiError(cause).message));

  return (
    <>
      <Table<MigrationRun>
        rowKey="id"
        size="middle"
        data-testid="run-history"
        dataSource={runs}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        expandable={{
          expandedRowKeys: expanded,
          onExpandedRowsChange: (keys) => setExpanded(keys.map(String)),
          expandedRowRender: (run) => (
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
                        <Button
                          size="small"
                          icon={<DownloadOutlined />}
                          onClick={download(() => migrationApi.downloadRejects(project.id, b.id))}
                        >
                          {t('migration.batch.rejects')}
                        </Button>
                      )}
                      {b.hasOutput && can('migration:export') && (
                        <Button
                          size="small"
                          icon={<DownloadOutlined />}
                          onClick={download(() => migrationApi.downloadOutput(project.id, b.id))}
                        >
                          {t('migration.batch.output')}
                        </Button>
                      )}
                      {b.status === 'loaded' && run.mode === 'real' && can('migration:update') && !busyRun(run) && (
                        <Button
                          size="small"
                          danger
                          icon={<RollbackOutlined />}
                          data-testid={`rollback-batch-${run.number}-${b.objectName}`}
                          onClick={() => setPending({ kind: 'batch', run, batch: b })}
                        >
                          {t('migration.rollback.batch')}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]}
            />
          ),
        }}
        columns={[
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
              <Tag color={mode === 'real' ? 'blue' : 'cyan'}>
                {mode === 'real' ? t('migration.plan.run') : t('migration.plan.simulate')}
              </Tag>
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
                  onConfirm={() => cancelRun(run)}
                >
                  <Button size="small" icon={<StopOutlined />} data-testid={`cancel-run-${run.number}`}>
                    {t('migration.cancelRun.button')}
                  </Button>
                </Popconfirm>
              ) : (
                run.mode === 'real' &&
                run.batches.some((b) => b.status === 'loaded') &&
                can('migration:update') &&
                !busyRun(run) && (
                  <Button
                    danger
                    size="small"
                    icon={<RollbackOutlined />}
                    data-testid={`rollback-run-${run.number}`}
                    onClick={() => setPending({ kind: 'run', run })}
                  >
                    {t('migration.rollback.run')}
                  </Button>
                )
              ),
          },
        ]}
      />
      <Modal
        open={pending !== null}
        title={t('migration.rollback.title')}
        okText={t('migration.rollback.confirm')}
        okButtonProps={{ danger: true, disabled: confirm.trim() !== expected, loading: busy, 'data-testid': 'rollback-ok' } as ButtonProps}
        onOk={() => void submit()}
        onCancel={() => {
          setPending(null);
          setConfirm('');
        }}
      >
        <Typography.Paragraph>
          {pending?.kind === 'run'
            ? t('migration.rollback.runText', { number: pending.run.number })
            : t('migration.rollback.batchText', { name: pending?.kind === 'batch' ? pending.batch.objectName : '' })}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('migration.rollback.typeToConfirm', { text: expected })}</Typography.Paragraph>
        <Input value={confirm} onChange={(e) => setConfirm(e.target.value)} data-testid="rollback-confirm" placeholder={expected} />
      </Modal>
    </>
  );
}
