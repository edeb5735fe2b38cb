import { DeleteOutlined, EditOutlined, ExperimentOutlined, KeyOutlined, PlayCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  type ButtonProps,
  Card,
  Col,
  Input,
  Modal,
  Popconfirm,
  Progress,
  Row,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Job } from '../../../api/types';
import { ErrorAlert } from '../../../components/error-alert';
import { useProject } from '../../../components/project';
import { toApiError, useApi } from '../../../components/use-api';
import { CategoryTag, StatusTag } from '../components/labels';
import { migrationApi } from '../api';
import { ObjectEditor } from '../components/object-editor';
import { PlanGraph } from '../components/plan-graph';
import { RunHistory } from '../components/run-history';
import type { KeyMapPage, MigrationObject, MigrationRun } from '../types';

const active = (run: MigrationRun) =>
  run.status === 'queued' || run.status === 'running' || run.rollbacks.some((r) => r.status === 'queued' || r.status === 'running');

/** 键映射: legacy key → new key of an object's loaded batches, searchable and exportable. */
function KeyMapModal({ object, onClose }: { object: MigrationObject | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { project, can } = useProject();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const data = useApi<KeyMapPage | undefined>(
    () => (object ? migrationApi.keyMap(project.id, object.id, { q, limit: 20, offset: (page - 1) * 20 }) : Promise.resolve(undefined)),
    [object?.id, project.id, q, page],
  );
  return (
    <Modal
      open={object !== null}
      onCancel={onClose}
      footer={null}
      width={720}
      title={t('migration.keyMap.title', { name: object?.name ?? '' })}
    >
      <Space style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('migration.keyMap.search')} onSearch={(v) => (setQ(v), setPage(1))} />
        {can('migration:export') && object && (
          <Button onClick={() => void migrationApi.exportKeyMap(project.id, object.id).catch((c) => message.error(toApiError(c).message))}>
            {t('migration.keyMap.export')}
          </Button>
        )}
      </Space>
      <Table
        size="small"
        rowKey={(r) => `${r.batchId}-${r.rowNumber}`}
        loading={data.loading}
        dataSource={data.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: data.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: t('migration.keyMap.legacy'), dataIndex: 'legacyKey' },
          { title: t('migration.keyMap.new'), dataIndex: 'newKey' },
          { title: t('migration.run.number'), dataIndex: 'runNumber', render: (n: number) => `#${n}` },
          { title: t('migration.keyMap.row'), dataIndex: 'rowNumber' },
        ]}
      />
    </Modal>
  );
}

/** 上线 → 数据迁移: migration objects, the plan (dependency graph and order), simulate/run, batches and rollback. */
export default function MigrationPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { project, can } = useProject();
  const objects = useApi(() => migrationApi.objects(project.id), [project.id]);
  const plan = useApi(() => migrationApi.plan(project.id), [project.id]);
  const runs = useApi(() => migrationApi.runs(project.id), [project.id]);
  const [editing, setEditing] = useState<MigrationObject | null | 'new'>(null);
  const [keyMapOf, setKeyMapOf] = useState<MigrationObject | null>(null);
  const [starting, setStarting] = useState<'simulate' | 'real' | null>(null);
  const [job, setJob] = useState<Job | null>(null);

  const items = objects.data?.items ?? [];
  const runList = runs.data?.items ?? [];
  const current = runList.find(active);

  const reloadAll = useCallback(async () => {
    await Promise.all([objects.reload(), plan.reload(), runs.reload()]);
  }, [objects, plan, runs]);

  // Poll the active run (and its job's progress) until it ends.
  const currentId = current?.id;
  const currentJob = current?.rollbacks.find((r) => r.status === 'queued' || r.status === 'running')?.jobId ?? current?.jobId ?? null;
  useEffect(() => {
    if (!currentId) {
      setJob(null);
      return;
    }
    let stopped = false;
    const timer = window.setInterval(() => {
      void (async () => {
        try {
          const [fresh, freshJob] = await Promise.all([
            migrationApi.run(project.id, currentId),
            currentJob ? migrationApi.job(project.id, currentJob).catch(() => null) : Promise.resolve(null),
          ]);
          if (stopped) return;
          setJob(freshJob);
          if (!active(fresh)) {
            await Promise.all([runs.reload(), objects.reload()]);
          } else {
            runs.setData({ items: runList.map((r) => (r.id === fresh.id ? fresh : r)) });
          }
        } catch {
          /* try again on the next tick */
        }
      })();
    }, 700);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
    // runList changes on every poll; the interval only depends on which run is active.
  }, [currentId, currentJob, project.id]);

  const start = async (mode: 'simulate' | 'real') => {
    setStarting(mode);
    try {
      const { run } = await migrationApi.startRun(project.id, mode);
      message.success(mode === 'real' ? t('migration.plan.runStarted') : t('migration.plan.simulateStarted'));
      runs.setData({ items: [run, ...runList] });
    } catch (cause) {
      message.error(toApiError(cause).message);
    } finally {
      setStarting(null);
    }
  };

  const remove = async (object: MigrationObject) => {
    try {
      await migrationApi.removeObject(project.id, object.id);
      await reloadAll();
    } catch (cause) {
      message.error(toApiError(cause).message);
    }
  };

  const ready = (plan.data?.order ?? []).filter((o) => o.ready).length;
  const total = plan.data?.order.length ?? 0;

  return (
    <div data-testid="migration-page">
      <Typography.Paragraph type="secondary">{t('migration.intro')}</Typography.Paragraph>
      <ErrorAlert error={objects.error ?? runs.error} onRetry={() => void reloadAll()} />

      <Card
        title={t('migration.objects.title')}
        style={{ marginBottom: 16 }}
        extra={
          can('migration:create') && (
            <Button type="primary" icon={<PlusOutlined />} data-testid="object-create" onClick={() => setEditing('new')}>
              {t('migration.objects.create')}
            </Button>
          )
        }
      >
        <Table<MigrationObject>
          rowKey="id"
          size="middle"
          loading={objects.loading}
          dataSource={items}
          pagination={false}
          data-testid="object-list"
          columns={[
            {
              title: t('migration.objects.name'),
              dataIndex: 'name',
              render: (n: string) => <strong data-testid={`object-${n}`}>{n}</strong>,
            },
            {
              title: t('migration.objects.category'),
              dataIndex: 'category',
              render: (c: MigrationObject['category']) => <CategoryTag category={c} />,
            },
            {
              title: t('migration.objects.dependsOn'),
              dataIndex: 'dependsOn',
              render: (deps: MigrationObject['dependsOn']) => (deps.length ? deps.map((d) => <Tag key={d.id}>{d.name}</Tag>) : '—'),
            },
            {
              title: t('migration.objects.source'),
              render: (_v, o) => o.sourceLabel ?? <Typography.Text type="warning">{t('migration.objects.noSource')}</Typography.Text>,
            },
            {
              title: t('migration.objects.target'),
              render: (_v, o) => o.targetLabel ?? <Typography.Text type="warning">{t('migration.objects.noTarget')}</Typography.Text>,
            },
            {
              title: t('migration.objects.mapping'),
              render: (_v, o) =>
                o.issues.length ? (
                  <Typography.Text type="warning">{o.issues.join('；')}</Typography.Text>
                ) : (
                  t('migration.objects.mappingCount', { count: o.mapping.length })
                ),
            },
            {
              title: t('migration.objects.lastBatch'),
              render: (_v, o) => (o.lastBatch ? <StatusTag status={o.lastBatch.status} /> : '—'),
            },
            {
              title: t('migration.batch.actions'),
              render: (_v, o) => (
                <Space>
                  {can('migration:update') && (
                    <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(o)} data-testid={`object-edit-${o.name}`}>
                      {t('common.edit')}
                    </Button>
                  )}
                  {o.keyColumns.length > 0 && (
                    <Button size="small" icon={<KeyOutlined />} onClick={() => setKeyMapOf(o)}>
                      {t('migration.keyMap.open')}
                    </Button>
                  )}
                  {can('migration:delete') && (
                    <Popconfirm title={t('migration.objects.deleteConfirm', { name: o.name })} onConfirm={() => void remove(o)}>
                      <Button size="small" danger icon={<DeleteOutlined />} />
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>

      <Card
        title={t('migration.plan.title')}
        style={{ marginBottom: 16 }}
        extra={
          can('migration:create') && (
            <Space>
              <Button
                icon={<ExperimentOutlined />}
                loading={starting === 'simulate'}
                disabled={!!current || total === 0}
                onClick={() => void start('simulate')}
                data-testid="migration-simulate"
              >
                {t('migration.plan.simulate')}
              </Button>
              <Popconfirm
                title={t('migration.plan.runConfirm')}
                onConfirm={() => void start('real')}
                okButtonProps={{ 'data-testid': 'run-confirm-ok' } as ButtonProps}
              >
                <Button
                  type="primary"
                  icon={<PlayCircleOutlined />}
                  loading={starting === 'real'}
                  disabled={!!current || total === 0}
                  data-testid="migration-run"
                >
                  {t('migration.plan.run')}
                </Button>
              </Popconfirm>
            </Space>
          )
        }
      >
        {plan.error?.status === 409 && <Alert type="error" showIcon message={plan.error.message} data-testid="plan-cycle" />}
        {current && (
          <Alert
            style={{ marginBottom: 12 }}
            type="info"
            data-testid="migration-progress"
            message={
              <Space>
                <StatusTag status={current.status === 'succeeded' ? 'rolling_back' : current.status} />
                <span>{job?.message ?? ''}</span>
                <Progress percent={Math.round((job?.progress ?? 0) * 100)} size="small" style={{ width: 200 }} />
              </Space>
            }
          />
        )}
        {plan.data && total > 0 ? (
          <Row gutter={16}>
            <Col xs={24} lg={14}>
              <PlanGraph plan={plan.data} />
            </Col>
            <Col xs={24} lg={10}>
              <Typography.Text type="secondary">{t('migration.plan.readyCount', { ready, total })}</Typography.Text>
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                data-testid="migration-order"
                dataSource={plan.data.order}
                columns={[
                  { title: t('migration.plan.seq'), dataIndex: 'seq', width: 60 },
                  {
                    title: t('migration.objects.name'),
                    dataIndex: 'name',
                    render: (n: string) => <span data-testid="order-item">{n}</span>,
                  },
                  {
                    title: t('migration.objects.category'),
                    dataIndex: 'category',
                    render: (c: MigrationObject['category']) => <CategoryTag category={c} />,
                  },
                  {
                    title: t('migration.plan.ready'),
                    dataIndex: 'ready',
                    render: (r: boolean) =>
                      r ? <Tag color="success">{t('migration.plan.isReady')}</Tag> : <Tag>{t('migration.plan.notReady')}</Tag>,
                  },
                ]}
              />
            </Col>
          </Row>
        ) : (
          !plan.error && <Typography.Text type="secondary">{t('migration.plan.empty')}</Typography.Text>
        )}
      </Card>

      <Card title={t('migration.runs.title')}>
        <RunHistory
          runs={runList}
          onChanged={(run) => {
            if (run) runs.setData({ items: runList.map((r) => (r.id === run.id ? run : r)) });
            else void runs.reload();
          }}
        />
      </Card>

      <ObjectEditor
        open={editing !== null}
        object={editing === 'new' ? null : editing}
        objects={items}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void reloadAll();
        }}
      />
      <KeyMapModal object={keyMapOf} onClose={() => setKeyMapOf(null)} />
    </div>
  );
}
