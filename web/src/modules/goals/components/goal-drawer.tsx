import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Progress,
  Table,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/api';
import type { Goal, Measurement } from '../../../api/types';
import { EChart, type ChartOption } from '../../../components/echart';
import { ErrorAlert } from '../../../components/error-alert';
import { formatNumber } from '../../../components/format';
import { moduleLabel } from '../../../components/labels';
import { applyServerErrors } from '../../../components/server-errors';
import { toApiError, useApi } from '../../../components/use-api';
import { SmartStatus } from './smart-status';

interface MeasurementForm {
  measuredOn: Dayjs;
  value: number;
  note?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A time-axis tick as a calendar day (ECharts hands the tick as epoch milliseconds in local time). */
export function formatDayTick(value: number): string {
  const d = new Date(value);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/** The chart: actual KPI values over time against baseline and target. */
export function kpiChartOption(
  goal: Goal,
  measurements: Measurement[],
  labels: { actual: string; baseline: string; target: string },
): ChartOption {
  const points = [...measurements].sort((a, b) => a.measuredOn.localeCompare(b.measuredOn)).map((m) => [m.measuredOn, m.value]);
  const markLines: { name: string; yAxis: number; lineStyle: { color: string; type: 'dashed' | 'solid' }; label: { formatter: string } }[] =
    [];
  if (goal.baseline !== null)
    markLines.push({
      name: labels.baseline,
      yAxis: goal.baseline,
      lineStyle: { color: '#8c8c8c', type: 'dashed' },
      label: { formatter: `${labels.baseline} ${goal.baseline}` },
    });
  if (goal.target !== null)
    markLines.push({
      name: labels.target,
      yAxis: goal.target,
      lineStyle: { color: '#52c41a', type: 'solid' },
      label: { formatter: `${labels.target} ${goal.target}` },
    });
  const values = [...points.map((p) => Number(p[1])), ...markLines.map((m) => m.yAxis)];
  const min = values.length ? Math.min(...values) : 0;
  const max = values.length ? Math.max(...values) : 1;
  const pad = (max - min) * 0.15 || Math.abs(max) * 0.1 || 1;
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (goal.kpiUnit ? `${String(v)} ${goal.kpiUnit}` : String(v)) },
    // containLabel keeps the value labels and the unit (drawn above the axis, left-aligned) inside the chart.
    grid: { left: 16, right: 110, top: 40, bottom: 16, containLabel: true },
    xAxis: {
      type: 'time',
      // A KPI is measured per day: never a tick between two days, labels as dates.
      minInterval: DAY_MS,
      axisLabel: { formatter: formatDayTick, hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      name: goal.kpiUnit ?? '',
      nameLocation: 'end',
      nameGap: 14,
      nameTextStyle: { align: 'left' },
      min: Math.floor(min - pad),
      max: Math.ceil(max + pad),
    },
    series: [
      {
        name: labels.actual,
        type: 'line',
        data: points,
        symbolSize: 8,
        markLine: { symbol: 'none', data: markLines, label: { position: 'end' } },
      },
    ],
  };
}

export function GoalDrawer(props: {
  projectId: string;
  goal: Goal | null;
  canRecord: boolean;
  canDelete: boolean;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { goal, projectId } = props;
  const [form] = Form.useForm<MeasurementForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const measurements = useApi(
    () => (goal ? api.goals.measurements(projectId, goal.id) : Promise.resolve({ items: [] as Measurement[] })),
    [projectId, goal?.id],
  );
  const items = useMemo(() => measurements.data?.items ?? [], [measurements.data]);
  const option = useMemo(
    () =>
      goal ? kpiChartOption(goal, items, { actual: t('goals.actual'), baseline: t('goals.baseline'), target: t('goals.target') }) : {},
    [goal, items, t],
  );

  const add = async (values: MeasurementForm) => {
    if (!goal) return;
    setBusy(true);
    setError(undefined);
    try {
      await api.goals.addMeasurement(projectId, goal.id, {
        measuredOn: values.measuredOn.format('YYYY-MM-DD'),
        value: values.value,
        note: values.note ?? '',
      });
      form.resetFields();
      form.setFieldsValue({ measuredOn: dayjs() });
      await measurements.reload();
      props.onChanged();
    } catch (cause) {
      const { message: text, unmatched } = applyServerErrors(form, cause, ['measuredOn', 'value', 'note']);
      setError([text, ...unmatched].join(' '));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (m: Measurement) => {
    if (!goal) return;
    try {
      await api.goals.removeMeasurement(projectId, goal.id, m.id);
      await measurements.reload();
      props.onChanged();
    } catch (cause) {
      message.error(toApiError(cause).message);
    }
  };

  const unit = goal?.kpiUnit ?? '';
  return (
    <Drawer open={!!goal} onClose={props.onClose} width={760} title={goal?.statement} destroyOnHidden data-testid="goal-drawer">
      {goal && (
        <>
          <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('goals.kpiName')}>{goal.kpiName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('goals.module')}>{moduleLabel(t, goal.module)}</Descriptions.Item>
            <Descriptions.Item label={t('goals.baseline')}>
              {goal.baseline !== null ? `${formatNumber(goal.baseline)} ${unit}` : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('goals.target')}>
              {goal.target !== null ? `${formatNumber(goal.target)} ${unit}` : '—'}（{t(`goals.${goal.direction}`)}）
            </Descriptions.Item>
            <Descriptions.Item label={t('goals.deadline')}>{goal.deadline ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('goals.owner')}>{goal.ownerName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('goals.smart')} span={2}>
              <SmartStatus goal={goal} />
            </Descriptions.Item>
            <Descriptions.Item label={t('goals.progress')} span={2}>
              {goal.progress === null ? (
                t('goals.noProgress')
              ) : (
                <div data-testid="goal-progress">
                  <Progress percent={Math.round(goal.progress * 100)} status={goal.progress >= 1 ? 'success' : 'active'} />
                  {t('goals.latest', { value: formatNumber(goal.latestValue), unit, date: goal.latestMeasuredOn ?? '' })}
                </div>
              )}
            </Descriptions.Item>
          </Descriptions>

          <Card size="small" title={t('goals.chartTitle')} style={{ marginBottom: 16 }}>
            {items.length === 0 && goal.baseline === null && goal.target === null ? (
              <Empty description={t('goals.noMeasurements')} />
            ) : (
              <EChart option={option} height={300} testId="kpi-chart" renderer="svg" />
            )}
          </Card>

          <Card size="small" title={t('goals.measurements')}>
            {props.canRecord && (
              <>
                {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} data-testid="measurement-error" />}
                <Form
                  form={form}
                  layout="inline"
                  onFinish={add}
                  initialValues={{ measuredOn: dayjs() }}
                  style={{ marginBottom: 12, rowGap: 8 }}
                >
                  <Form.Item name="measuredOn" rules={[{ required: true, message: t('validation.required') }]}>
                    <DatePicker data-testid="measurement-date" />
                  </Form.Item>
                  <Form.Item name="value" rules={[{ required: true, message: t('validation.required') }]}>
                    <InputNumber placeholder={t('goals.value')} data-testid="measurement-value" addonAfter={unit || undefined} />
                  </Form.Item>
                  <Form.Item name="note">
                    <Input placeholder={t('goals.note')} maxLength={500} data-testid="measurement-note" />
                  </Form.Item>
                  <Button htmlType="submit" type="primary" icon={<PlusOutlined />} loading={busy} data-testid="measurement-add">
                    {t('goals.addMeasurement')}
                  </Button>
                </Form>
              </>
            )}
            <ErrorAlert error={measurements.error} onRetry={() => void measurements.reload()} />
            <Table<Measurement>
              size="small"
              rowKey="id"
              data-testid="measurement-table"
              loading={measurements.loading}
              dataSource={[...items].sort((a, b) => b.measuredOn.localeCompare(a.measuredOn))}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              locale={{ emptyText: t('goals.noMeasurements') }}
              columns={[
                { title: t('goals.measuredOn'), dataIndex: 'measuredOn', width: 130 },
                { title: t('goals.value'), dataIndex: 'value', render: (v: number) => `${formatNumber(v)} ${unit}` },
                { title: t('goals.note'), dataIndex: 'note' },
                ...(props.canDelete
                  ? [
                      {
                        key: 'actions',
                        width: 60,
                        render: (_: unknown, m: Measurement) => (
                          <Popconfirm
                            title={t('common.deleteConfirm')}
                            onConfirm={() => remove(m)}
                            okText={t('common.confirm')}
                            cancelText={t('common.cancel')}
                          >
                            <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                          </Popconfirm>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        </>
      )}
    </Drawer>
  );
}
