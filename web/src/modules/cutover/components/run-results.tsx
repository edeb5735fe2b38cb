import { CheckCircleOutlined, DownloadOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Dropdown,
  Empty,
  Form,
  Input,
  Modal,
  Progress,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/api';
import { DIFF_STATUSES, type Difference, type DifferenceFilter, type ReconcileRun, type ReconcileSummary } from '../../../api/types';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDateTime, formatNumber } from '../../../components/format';
import { diffStatusLabel } from '../../../components/labels';
import { useProject } from '../../../components/project';
import { applyServerErrors } from '../../../components/server-errors';
import { toApiError, useApi } from '../../../components/use-api';
import { DiffStatusTag, RunStatusTag } from './tags';
import { isActive, useRunPolling } from '../use-run-polling';

function Stat(props: { id: string; title: string; value: number; danger?: boolean; hint?: string }) {
  return (
    <Card size="small" data-testid={`stat-${props.id}`} data-value={props.value}>
      <Statistic
        title={props.hint ? <Tooltip title={props.hint}>{props.title}</Tooltip> : props.title}
        value={props.value}
        formatter={(v) => formatNumber(Number(v), 0)}
        valueStyle={props.danger && props.value > 0 ? { color: '#cf1322' } : undefined}
      />
    </Card>
  );
}

function SummaryCards({ run, summary }: { run: ReconcileRun; summary: ReconcileSummary }) {
  const { t } = useTranslation();
  const s = summary;
  const stats: { id: string; title: string; value: number; danger?: boolean }[] = [
    { id: 'left-rows', title: t('cutover.summary.leftRows'), value: s.left_rows },
    { id: 'right-rows', title: t('cutover.summary.rightRows'), value: s.right_rows },
    { id: 'matched', title: t('cutover.summary.matched'), value: s.matched },
    { id: 'changed', title: t('cutover.summary.changed'), value: s.changed, danger: true },
    { id: 'only-left', title: t('cutover.summary.onlyLeft'), value: s.only_left, danger: true },
    { id: 'only-right', title: t('cutover.summary.onlyRight'), value: s.only_right, danger: true },
    {
      id: 'duplicate-keys',
      title: t('cutover.summary.duplicateKeys'),
      value: s.duplicate_keys_left + s.duplicate_keys_right,
      danger: true,
    },
    { id: 'null-keys', title: t('cutover.summary.nullKeys'), value: s.null_keys_left + s.null_keys_right, danger: true },
    { id: 'differences', title: t('cutover.summary.differences'), value: run.differencesTotal, danger: true },
    { id: 'unexplained', title: t('cutover.summary.unexplained'), value: run.unexplained, danger: true },
  ];
  return (
    <Row gutter={[12, 12]} data-testid="run-summary">
      {stats.map((stat) => (
        <Col key={stat.id} xs={12} md={8} xl={4} xxl={4}>
          <Stat {...stat} />
        </Col>
      ))}
      <Col xs={24} xl={8}>
        <Card size="small" style={{ height: '100%' }}>
          <Typography.Text type="secondary">{t('cutover.summary.tracking')}</Typography.Text>
          <div style={{ marginTop: 6 }} data-testid="run-tracking">
            <Tag color="red">{t('cutover.summary.new', { count: run.newCount })}</Tag>
            <Tag color="orange">{t('cutover.summary.open', { count: run.openCount })}</Tag>
            <Tag color="green">{t('cutover.summary.resolved', { count: run.resolvedCount })}</Tag>
          </div>
          {s.duplicate_keys_left + s.duplicate_keys_right + s.null_keys_left + s.null_keys_right > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('cutover.summary.keysDetail', {
                dl: s.duplicate_keys_left,
                dr: s.duplicate_keys_right,
                nl: s.null_keys_left,
                nr: s.null_keys_right,
              })}
            </Typography.Text>
          )}
        </Card>
      </Col>
    </Row>
  );
}

function ColumnCounts({ summary }: { summary: ReconcileSummary }) {
  const { t } = useTranslation();
  const rows = Object.entries(summary.columns)
    .map(([column, count]) => ({ column, count }))
    .sort((a, b) => b.count - a.count);
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <Card size="small" title={t('cutover.summary.columns')} style={{ height: '100%' }}>
      <Table
        size="small"
        rowKey="column"
        dataSource={rows}
        pagination={rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
        data-testid="column-counts"
        onRow={(r) =>
          ({ 'data-testid': 'column-count', 'data-column': r.column, 'data-count': r.count }) as React.HTMLAttributes<HTMLTableRowElement>
        }
        locale={{ emptyText: t('cutover.summary.noColumns') }}
        columns={[
          { title: t('cutover.diff.column'), dataIndex: 'column', width: '40%' },
          {
            title: t('cutover.summary.mismatches'),
            dataIndex: 'count',
            render: (v: number) => (
              <Progress
                percent={(v / max) * 100}
                format={() => formatNumber(v, 0)}
                size="small"
                status={v > 0 ? 'exception' : 'success'}
                strokeColor={v > 0 ? '#fa8c16' : undefined}
              />
            ),
          },
        ]}
      />
      {summary.skipped_columns.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('cutover.summary.skipped', { columns: summary.skipped_columns.join('、') })}
        </Typography.Text>
      )}
    </Card>
  );
}

function Aggregates({ summary }: { summary: ReconcileSummary }) {
  const { t } = useTranslation();
  if (!summary.aggregates?.length) return null;
  return (
    <Card size="small" title={t('cutover.aggregates.title')} style={{ marginTop: 16 }} data-testid="aggregate-results">
      {summary.aggregates.map((a, i) => (
        <div key={i} style={{ marginBottom: 12 }}>
          <Typography.Text strong>{a.name}</Typography.Text>{' '}
          <Tag color={a.mismatched_groups ? 'orange' : 'green'}>
            {t('cutover.aggregates.result', { mismatched: a.mismatched_groups, groups: a.groups })}
          </Tag>
          {a.mismatches.length > 0 && (
            <Table
              size="small"
              rowKey={(_, index) => String(index)}
              pagination={a.mismatches.length > 10 ? { pageSize: 10, size: 'small' } : false}
              dataSource={a.mismatches}
              columns={[
                {
                  title: t('cutover.aggregates.group'),
                  render: (_, m) =>
                    Object.entries(m.group)
                      .map(([k, v]) => `${k}=${v ?? '∅'}`)
                      .join('，') || '—',
                },
                { title: t('cutover.aggregates.count'), render: (_, m) => `${m.left_count} / ${m.right_count}` },
                ...a.sum.map((column) => ({
                  title: column,
                  render: (_: unknown, m: (typeof a.mismatches)[number]) => {
                    const s = m.sums[column];
                    return s ? `${s.left ?? '∅'} / ${s.right ?? '∅'}${s.delta ? `（Δ ${s.delta}）` : ''}` : '—';
                  },
                })),
              ]}
            />
          )}
        </div>
      ))}
    </Card>
  );
}

/** A run in progress: the job's progress and message, and cancel. */
function RunProgress({
  run,
  progress,
  message: text,
  onCancel,
  canCancel,
}: {
  run: ReconcileRun;
  progress: number;
  message: string;
  onCancel: () => void;
  canCancel: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Card data-testid="run-progress" data-status={run.status}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space>
          <RunStatusTag status={run.status} />
          <Typography.Text>{t('cutover.run.runningFor', { date: run.businessDate })}</Typography.Text>
        </Space>
        <Progress percent={Math.round(progress * 100)} status="active" />
        <Typography.Text type="secondary">{text || t('cutover.run.waiting')}</Typography.Text>
        {canCancel && (
          <Button danger icon={<StopOutlined />} onClick={onCancel} data-testid="run-cancel">
            {t('cutover.run.cancel')}
          </Button>
        )}
      </Space>
    </Card>
  );
}

interface ExplainForm {
  reason: string;
}

function DifferencesTable({
  run,
  specId,
  columns,
  onExplained,
}: {
  run: ReconcileRun;
  specId: string;
  columns: string[];
  onExplained: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { project, can } = useProject();
  const [filter, setFilter] = useState<DifferenceFilter>({});
  const [keyText, setKeyText] = useState('');
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const [selected, setSelected] = useState<string[]>([]);
  const [explainOpen, setExplainOpen] = useState(false);
  const [explainError, setExplainError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<ExplainForm>();
  const filterKey = JSON.stringify(filter);
  const diffs = useApi(
    () =>
      api.cutover.differences(project.id, run.id, {
        ...(JSON.parse(filterKey) as DifferenceFilter),
        limit: page.pageSize,
        offset: (page.current - 1) * page.pageSize,
      }),
    [project.id, run.id, filterKey, page.current, page.pageSize],
  );

  const setFilterPart = (patch: Partial<DifferenceFilter>) => {
    setFilter((f) => {
      const next = { ...f, ...patch };
      for (const k of Object.keys(next) as (keyof DifferenceFilter)[]) if (!next[k]) delete next[k];
      return next;
    });
    setPage((p) => ({ ...p, current: 1 }));
    setSelected([]);
  };

  const mark = async (explained: boolean, reason: string) => {
    setBusy(true);
    setExplainError(undefined);
    try {
      const result = await api.cutover.explain(project.id, specId, { differenceIds: selected, explained, reason });
      message.success(
        explained ? t('cutover.explain.done', { count: result.items }) : t('cutover.explain.undone', { count: result.items }),
      );
      setSelected([]);
      setExplainOpen(false);
      await diffs.reload();
      onExplained();
    } catch (cause) {
      if (explained) {
        const { message: text, unmatched } = applyServerErrors(form, cause, ['reason']);
        setExplainError([text, ...unmatched].join(' '));
      } else message.error(toApiError(cause).message);
    } finally {
      setBusy(false);
    }
  };

  const exportAs = async (format: 'xlsx' | 'csv') => {
    try {
      await api.cutover.exportDifferences(project.id, run.id, format, filter);
    } catch (cause) {
      message.error(toApiError(cause).message);
    }
  };

  const canExplain = can('reconcile:update');
  return (
    <Card
      size="small"
      title={t('cutover.diff.title')}
      style={{ marginTop: 16 }}
      data-testid="differences"
      extra={
        can('reconcile:export') && (
          <Dropdown
            menu={{
              items: [
                { key: 'xlsx', label: <span data-testid="export-xlsx">Excel (XLSX)</span> },
                { key: 'csv', label: <span data-testid="export-csv">CSV</span> },
              ],
              onClick: ({ key }) => void exportAs(key as 'xlsx' | 'csv'),
            }}
          >
            <Button size="small" icon={<DownloadOutlined />} data-testid="diff-export">
              {t('cutover.diff.export')}
            </Button>
          </Dropdown>
        )
      }
    >
      <Space wrap style={{ marginBottom: 12 }} data-testid="diff-filters">
        <Select
          allowClear
          size="small"
          style={{ width: 150 }}
          placeholder={t('cutover.diff.status')}
          value={filter.status}
          onChange={(status) => setFilterPart({ status })}
          options={DIFF_STATUSES.map((s) => ({ value: s, label: diffStatusLabel(t, s) }))}
          data-testid="diff-filter-status"
        />
        <Select
          allowClear
          showSearch
          size="small"
          style={{ width: 160 }}
          placeholder={t('cutover.diff.column')}
          value={filter.column}
          onChange={(column) => setFilterPart({ column })}
          options={columns.map((c) => ({ value: c, label: c }))}
          data-testid="diff-filter-column"
        />
        <Input.Search
          allowClear
          size="small"
          style={{ width: 200 }}
          placeholder={t('cutover.diff.keyContains')}
          value={keyText}
          onChange={(e) => setKeyText(e.target.value)}
          onSearch={(v) => setFilterPart({ key: v.trim() || undefined })}
          data-testid="diff-filter-key"
        />
        <Select
          allowClear
          size="small"
          style={{ width: 130 }}
          placeholder={t('cutover.diff.explained')}
          value={filter.explained}
          onChange={(explained) => setFilterPart({ explained })}
          options={[
            { value: 'yes', label: t('cutover.diff.explainedYes') },
            { value: 'no', label: t('cutover.diff.explainedNo') },
          ]}
          data-testid="diff-filter-explained"
        />
        <Select
          allowClear
          size="small"
          style={{ width: 130 }}
          placeholder={t('cutover.diff.track')}
          value={filter.track}
          onChange={(track) => setFilterPart({ track })}
          options={[
            { value: 'new', label: t('cutover.diff.trackNew') },
            { value: 'open', label: t('cutover.diff.trackOpen') },
          ]}
          data-testid="diff-filter-track"
        />
        {canExplain && (
          <>
            <Button
              size="small"
              type="primary"
              icon={<CheckCircleOutlined />}
              disabled={selected.length === 0}
              data-testid="diff-explain"
              onClick={() => {
                setExplainError(undefined);
                form.resetFields();
                setExplainOpen(true);
              }}
            >
              {t('cutover.explain.button', { count: selected.length })}
            </Button>
            <Button
              size="small"
              icon={<UndoOutlined />}
              disabled={selected.length === 0}
              loading={busy && !explainOpen}
              onClick={() => void mark(false, '')}
              data-testid="diff-unexplain"
            >
              {t('cutover.explain.undo')}
            </Button>
          </>
        )}
      </Space>
      <ErrorAlert error={diffs.error} onRetry={() => void diffs.reload()} />
      <Table<Difference>
        rowKey="id"
        size="small"
        data-testid="diff-table"
        data-total={diffs.data?.total ?? ''}
        loading={diffs.loading}
        dataSource={diffs.data?.items ?? []}
        scroll={{ x: 1100 }}
        rowSelection={
          canExplain
            ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), preserveSelectedRowKeys: false }
            : undefined
        }
        locale={{ emptyText: t('cutover.diff.empty') }}
        onRow={(d) =>
          ({
            'data-testid': 'diff-row',
            'data-key': d.keyText,
            'data-status': d.status,
            'data-explained': d.explained ? 'true' : 'false',
          }) as React.HTMLAttributes<HTMLTableRowElement>
        }
        pagination={{
          current: page.current,
          pageSize: page.pageSize,
          total: diffs.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => t('common.total', { count: total }),
          onChange: (current, pageSize) => setPage({ current, pageSize }),
        }}
        columns={[
          { title: t('cutover.diff.key'), dataIndex: 'keyText', width: 140, fixed: 'left' },
          { title: t('cutover.diff.status'), dataIndex: 'status', width: 110, render: (v: string) => <DiffStatusTag status={v} /> },
          { title: t('cutover.diff.column'), dataIndex: 'column', width: 120, render: (v: string | null) => v ?? '—' },
          { title: t('cutover.side.left'), dataIndex: 'left', width: 140, render: (v: string | null) => v ?? '—' },
          { title: t('cutover.side.right'), dataIndex: 'right', width: 140, render: (v: string | null) => v ?? '—' },
          { title: t('cutover.diff.delta'), dataIndex: 'delta', width: 100, render: (v: string | null) => v ?? '—' },
          {
            title: t('cutover.diff.track'),
            width: 130,
            render: (_, d) => (
              <span>
                <Tag color={d.track === 'new' ? 'red' : 'orange'}>
                  {d.track === 'new' ? t('cutover.diff.trackNew') : t('cutover.diff.trackOpen')}
                </Tag>
                {d.firstSeenDate && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {d.firstSeenDate}
                  </Typography.Text>
                )}
              </span>
            ),
          },
          {
            title: t('cutover.diff.explanation'),
            render: (_, d) =>
              d.explained ? (
                <Tooltip title={`${d.explainedBy ?? ''} · ${formatDateTime(d.explainedAt)}`}>
                  <Tag color="green">{t('cutover.diff.explainedYes')}</Tag>
                  {d.explanation}
                </Tooltip>
              ) : (
                <Tag>{t('cutover.diff.explainedNo')}</Tag>
              ),
          },
        ]}
      />
      <Modal
        open={explainOpen}
        title={t('cutover.explain.title', { count: selected.length })}
        onCancel={() => setExplainOpen(false)}
        onOk={() => form.submit()}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        okButtonProps={{ id: 'explain-submit' }}
        forceRender
      >
        <Typography.Paragraph type="secondary">{t('cutover.explain.hint')}</Typography.Paragraph>
        {explainError && <Alert type="error" showIcon message={explainError} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" onFinish={(v) => void mark(true, v.reason.trim())}>
          <Form.Item
            name="reason"
            label={t('cutover.explain.reason')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <Input.TextArea
              rows={3}
              maxLength={1000}
              showCount
              placeholder={t('cutover.explain.reasonPlaceholder')}
              data-testid="explain-reason"
            />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

/** One run: progress while it runs; afterwards its summary, per-column counts and differences. */
export function RunResults({ runId, specId, onRunChanged }: { runId: string; specId: string; onRunChanged: (run: ReconcileRun) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { project, can } = useProject();
  const run = useApi(() => api.cutover.run(project.id, runId), [project.id, runId]);
  const data = run.data;
  const { setData } = run;
  const [wasActive, setWasActive] = useState(false);

  const job = useRunPolling(project.id, data, (fresh) => setData(fresh));
  useEffect(() => {
    if (isActive(data)) setWasActive(true);
    else if (data && wasActive) {
      setWasActive(false);
      onRunChanged(data);
    }
  }, [data, wasActive, onRunChanged]);

  const cancel = async () => {
    try {
      setData(await api.cutover.cancelRun(project.id, runId));
      message.info(t('cutover.run.cancelled'));
    } catch (cause) {
      message.error(toApiError(cause).message);
    }
  };

  const summary = data?.summary ?? null;
  const columns = useMemo(() => Object.keys(summary?.columns ?? {}), [summary]);

  if (run.error) return <ErrorAlert error={run.error} onRetry={() => void run.reload()} />;
  if (!data) return null;
  if (isActive(data)) {
    return (
      <RunProgress
        run={data}
        progress={job?.progress ?? 0}
        message={job?.message ?? ''}
        onCancel={() => void cancel()}
        canCancel={can('reconcile:create')}
      />
    );
  }
  return (
    <div data-testid="run-results" data-run-id={data.id} data-status={data.status}>
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Text strong>{t('cutover.run.businessDate', { date: data.businessDate })}</Typography.Text>
        <RunStatusTag status={data.status} />
        <Typography.Text type="secondary">
          {data.trigger === 'schedule' ? t('cutover.run.triggerSchedule') : t('cutover.run.triggerManual')} ·{' '}
          {formatDateTime(data.finishedAt ?? data.createdAt)}
        </Typography.Text>
        {data.webhookStatus && (
          <Tooltip title={data.webhookError ?? undefined}>
            <Tag color={data.webhookStatus === 'sent' ? 'green' : data.webhookStatus === 'failed' ? 'red' : 'default'}>
              {t('cutover.run.webhook', { status: data.webhookStatus })}
            </Tag>
          </Tooltip>
        )}
      </Space>
      {data.status !== 'succeeded' && (
        <Alert
          type={data.status === 'cancelled' ? 'warning' : 'error'}
          showIcon
          data-testid="run-error"
          message={data.status === 'cancelled' ? t('cutover.run.wasCancelled') : t('cutover.run.failed')}
          description={data.error ?? undefined}
        />
      )}
      {data.status === 'succeeded' && summary && (
        <>
          <SummaryCards run={data} summary={summary} />
          <Row gutter={16} style={{ marginTop: 16 }}>
            <Col xs={24} xl={10}>
              <ColumnCounts summary={summary} />
            </Col>
            <Col xs={24} xl={14}>
              <Aggregates summary={summary} />
              {!summary.aggregates?.length && (
                <Card size="small" title={t('cutover.summary.byStatus')} style={{ height: '100%' }}>
                  {data.differencesTotal === 0 ? (
                    <Empty description={t('cutover.summary.noDifferences')} />
                  ) : (
                    <Space wrap>
                      {Object.entries(data.statusCounts).map(([status, count]) => (
                        <span key={status}>
                          <DiffStatusTag status={status} /> {formatNumber(count, 0)}
                        </span>
                      ))}
                    </Space>
                  )}
                </Card>
              )}
            </Col>
          </Row>
          <DifferencesTable
            run={data}
            specId={specId}
            columns={columns}
            onExplained={() =>
              void api.cutover
                .run(project.id, runId)
                .then((fresh) => {
                  setData(fresh);
                  onRunChanged(fresh);
                })
                .catch(() => undefined)
            }
          />
        </>
      )}
    </div>
  );
}
