import { DeleteOutlined, EditOutlined, FormOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api } from '../../../api/api';
import { SUPPORT_LEVELS, type Member, type Stakeholder } from '../../../api/types';
import { EChart, type ChartOption } from '../../../components/echart';
import { ErrorAlert } from '../../../components/error-alert';
import { applyServerErrors } from '../../../components/server-errors';
import { toApiError, useApi } from '../../../components/use-api';

const SUPPORT_COLOR = ['', '#cf1322', '#fa8c16', '#8c8c8c', '#52c41a', '#237804'];

export function supportLabel(t: TFunction, level: number | null): string {
  return level === null ? '—' : `${level} · ${t(`stakeholders.support${level}`)}`;
}

interface StakeholderFormValues {
  name: string;
  organization?: string;
  memberId?: string | null;
  influence: number;
  support?: number;
  assessedOn?: Dayjs;
  note?: string;
}
interface AssessmentFormValues {
  assessedOn: Dayjs;
  support: number;
  note?: string;
}

/** Height (in influence units) of the bands above and below the grid that hold the quadrant titles. */
const QUADRANT_TITLE_BAND = 0.6;

/** The map: x = support (1 against … 5 champion), y = influence; quadrants say how to engage. */
export function stakeholderMapOption(items: Stakeholder[], t: TFunction): ChartOption {
  // Spread points that share a cell so every name stays readable.
  const seen = new Map<string, number>();
  const data = items
    .filter((s) => s.support !== null)
    .map((s) => {
      const cell = `${s.support}|${s.influence}`;
      const n = seen.get(cell) ?? 0;
      seen.set(cell, n + 1);
      const angle = n * 2.1;
      const r = n === 0 ? 0 : 0.18 + 0.04 * n;
      return {
        name: s.name,
        value: [(s.support ?? 0) + r * Math.cos(angle), s.influence + r * Math.sin(angle)],
        itemStyle: { color: SUPPORT_COLOR[s.support ?? 3] },
        support: s.support,
        influence: s.influence,
        org: s.organization,
      };
    });
  // Quadrant titles sit in a band above (top quadrants) or below (bottom quadrants) the 1–5 grid where
  // no point can be, so a name never lands on a title.
  const quadrant = (name: string, x0: number, x1: number, y0: number, y1: number, color: string) => [
    {
      name,
      xAxis: x0,
      yAxis: y0,
      itemStyle: { color },
      label: { position: y1 > 3 ? 'insideTop' : 'insideBottom', color: '#595959', fontSize: 12 },
    },
    { xAxis: x1, yAxis: y1 },
  ];
  const axis = (name: string, nameGap: number, band: number) => ({
    type: 'value',
    min: 0.5 - band,
    max: 5.5 + band,
    interval: 0.5,
    name,
    nameLocation: 'middle',
    nameGap,
    splitLine: { show: false },
    axisLabel: { formatter: (v: number) => (Number.isInteger(v) && v >= 1 && v <= 5 ? String(v) : '') },
  });
  return {
    grid: { left: 56, right: 72, top: 24, bottom: 48 },
    tooltip: {
      formatter: (p: { data: { name: string; support: number; influence: number; org: string } }) =>
        `<b>${escapeHtml(p.data.name)}</b>${p.data.org ? ` · ${escapeHtml(p.data.org)}` : ''}<br/>${escapeHtml(t('stakeholders.support'))}: ${escapeHtml(
          supportLabel(t, p.data.support),
        )}<br/>${escapeHtml(t('stakeholders.influence'))}: ${p.data.influence}`,
    },
    xAxis: axis(t('stakeholders.support'), 28, 0),
    yAxis: axis(t('stakeholders.influence'), 32, QUADRANT_TITLE_BAND),
    series: [
      {
        // The quadrants, drawn behind the points.
        type: 'scatter',
        silent: true,
        z: 1,
        data: [],
        markArea: {
          silent: true,
          data: [
            quadrant(t('stakeholders.quadrant.convert'), 0.5, 3, 3, 5.5 + QUADRANT_TITLE_BAND, 'rgba(255,77,79,0.08)'),
            quadrant(t('stakeholders.quadrant.leverage'), 3, 5.5, 3, 5.5 + QUADRANT_TITLE_BAND, 'rgba(82,196,26,0.08)'),
            quadrant(t('stakeholders.quadrant.monitor'), 0.5, 3, 0.5 - QUADRANT_TITLE_BAND, 3, 'rgba(250,173,20,0.08)'),
            quadrant(t('stakeholders.quadrant.inform'), 3, 5.5, 0.5 - QUADRANT_TITLE_BAND, 3, 'rgba(22,119,255,0.06)'),
          ],
        },
      },
      {
        type: 'scatter',
        z: 5,
        symbolSize: 18,
        data,
        itemStyle: { opacity: 1, borderColor: '#fff', borderWidth: 1 },
        label: { show: true, position: 'right', formatter: '{b}', fontSize: 12, color: '#262626' },
        // Names of people in the same cell would overlap: ECharts shifts them apart vertically.
        labelLayout: { moveOverlap: 'shiftY' },
        labelLine: { show: true, lineStyle: { color: '#bfbfbf' } },
      },
    ],
  };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export function StakeholderMap({
  projectId,
  members,
  canCreate,
  canUpdate,
  canDelete,
}: {
  projectId: string;
  members: Member[];
  canCreate: boolean;
  canUpdate: boolean;
  canDelete: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const stakeholders = useApi(() => api.team.stakeholders(projectId), [projectId]);
  const items = useMemo(() => stakeholders.data?.items ?? [], [stakeholders.data]);
  const option = useMemo(() => stakeholderMapOption(items, t), [items, t]);
  const [editing, setEditing] = useState<Stakeholder | 'new' | null>(null);
  const [assessing, setAssessing] = useState<Stakeholder | null>(null);
  const [form] = Form.useForm<StakeholderFormValues>();
  const [assessForm] = Form.useForm<AssessmentFormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const openForm = (s: Stakeholder | 'new') => {
    setError(undefined);
    form.resetFields();
    if (s === 'new') form.setFieldsValue({ influence: 3, support: 3, assessedOn: dayjs() });
    else form.setFieldsValue({ name: s.name, organization: s.organization, influence: s.influence, note: s.note });
    setEditing(s);
  };

  const save = async (v: StakeholderFormValues) => {
    setBusy(true);
    setError(undefined);
    try {
      if (editing === 'new') {
        await api.team.addStakeholder(projectId, {
          name: v.name,
          organization: v.organization ?? '',
          memberId: v.memberId ?? null,
          influence: v.influence,
          note: v.note ?? '',
          support: v.support ?? 3,
          assessedOn: v.assessedOn ? v.assessedOn.format('YYYY-MM-DD') : undefined,
        });
      } else if (editing) {
        await api.team.updateStakeholder(projectId, editing.id, {
          name: v.name,
          organization: v.organization ?? '',
          influence: v.influence,
          note: v.note ?? '',
        });
      }
      setEditing(null);
      await stakeholders.reload();
    } catch (cause) {
      const { message: text, unmatched } = applyServerErrors(form, cause, [
        'name',
        'organization',
        'memberId',
        'influence',
        'support',
        'assessedOn',
        'note',
      ]);
      setError([text, ...unmatched].join(' '));
    } finally {
      setBusy(false);
    }
  };

  const assess = async (v: AssessmentFormValues) => {
    if (!assessing) return;
    setBusy(true);
    setError(undefined);
    try {
      await api.team.assess(projectId, assessing.id, {
        assessedOn: v.assessedOn.format('YYYY-MM-DD'),
        support: v.support,
        note: v.note ?? '',
      });
      setAssessing(null);
      await stakeholders.reload();
    } catch (cause) {
      const { message: text, unmatched } = applyServerErrors(assessForm, cause, ['assessedOn', 'support', 'note']);
      setError([text, ...unmatched].join(' '));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (s: Stakeholder) => {
    try {
      await api.team.removeStakeholder(projectId, s.id);
      await stakeholders.reload();
    } catch (cause) {
      message.error(toApiError(cause).message);
    }
  };

  const supportOptions = SUPPORT_LEVELS.map((l) => ({ value: l, label: supportLabel(t, l) }));

  return (
    <div data-testid="stakeholders">
      <ErrorAlert error={stakeholders.error} onRetry={() => void stakeholders.reload()} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={11}>
          <Card size="small" title={t('stakeholders.mapTitle')}>
            <EChart option={option} height={400} testId="stakeholder-chart" renderer="svg" />
          </Card>
        </Col>
        <Col xs={24} xl={13}>
          <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
            <Typography.Text type="secondary">{t('stakeholders.intro')}</Typography.Text>
            {canCreate && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => openForm('new')} data-testid="stakeholder-add">
                {t('stakeholders.add')}
              </Button>
            )}
          </Space>
          <Table<Stakeholder>
            rowKey="id"
            size="small"
            loading={stakeholders.loading}
            dataSource={items}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            data-testid="stakeholder-table"
            locale={{ emptyText: t('stakeholders.empty') }}
            expandable={{
              expandedRowRender: (s) => (
                <Timeline
                  style={{ marginTop: 8 }}
                  items={[...s.history]
                    .sort((a, b) => b.assessedOn.localeCompare(a.assessedOn))
                    .map((h) => ({
                      color: SUPPORT_COLOR[h.support],
                      children: (
                        <span>
                          {h.assessedOn} · <strong>{supportLabel(t, h.support)}</strong>
                          {h.note ? ` — ${h.note}` : ''}
                        </span>
                      ),
                    }))}
                />
              ),
            }}
            columns={[
              {
                title: t('stakeholders.name'),
                dataIndex: 'name',
                render: (v: string, s) => (s.organization ? `${v}（${s.organization}）` : v),
              },
              { title: t('stakeholders.influence'), dataIndex: 'influence', width: 70, align: 'center' },
              {
                title: t('stakeholders.support'),
                dataIndex: 'support',
                render: (v: number | null, s) => (
                  <Space size={4}>
                    <Tag color={v !== null && v <= 2 ? 'red' : v !== null && v >= 4 ? 'green' : 'default'}>{supportLabel(t, v)}</Tag>
                    {trend(s) !== 0 && (
                      <Typography.Text type={trend(s) > 0 ? 'success' : 'danger'}>{trend(s) > 0 ? '↑' : '↓'}</Typography.Text>
                    )}
                  </Space>
                ),
              },
              {
                title: t('common.actions'),
                width: 120,
                render: (_, s) => (
                  <Space size={0}>
                    {canUpdate && (
                      <Button
                        size="small"
                        type="text"
                        icon={<FormOutlined />}
                        title={t('stakeholders.recordAssessment')}
                        aria-label={t('stakeholders.recordAssessment')}
                        onClick={() => {
                          setError(undefined);
                          assessForm.resetFields();
                          assessForm.setFieldsValue({ assessedOn: dayjs(), support: s.support ?? 3 });
                          setAssessing(s);
                        }}
                      />
                    )}
                    {canUpdate && (
                      <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={() => openForm(s)} />
                    )}
                    {canDelete && (
                      <Popconfirm
                        title={t('common.deleteConfirm')}
                        onConfirm={() => remove(s)}
                        okText={t('common.confirm')}
                        cancelText={t('common.cancel')}
                      >
                        <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                      </Popconfirm>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        </Col>
      </Row>

      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('stakeholders.add') : t('stakeholders.edit')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={busy}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        forceRender
      >
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item name="name" label={t('stakeholders.name')} rules={[{ required: true, message: t('validation.required') }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="organization" label={t('stakeholders.organization')}>
            <Input maxLength={100} />
          </Form.Item>
          {editing === 'new' && (
            <Form.Item name="memberId" label={t('stakeholders.member')}>
              <Select allowClear showSearch optionFilterProp="label" options={members.map((m) => ({ value: m.id, label: m.name }))} />
            </Form.Item>
          )}
          <Form.Item
            name="influence"
            label={t('stakeholders.influence')}
            extra={t('stakeholders.influenceHint')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <InputNumber min={1} max={5} precision={0} />
          </Form.Item>
          {editing === 'new' && (
            <>
              <Form.Item
                name="support"
                label={t('stakeholders.initialSupport')}
                rules={[{ required: true, message: t('validation.required') }]}
              >
                <Select options={supportOptions} />
              </Form.Item>
              <Form.Item name="assessedOn" label={t('stakeholders.assessedOn')}>
                <DatePicker />
              </Form.Item>
            </>
          )}
          <Form.Item name="note" label={t('stakeholders.note')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={assessing !== null}
        title={t('stakeholders.recordAssessmentFor', { name: assessing?.name ?? '' })}
        onCancel={() => setAssessing(null)}
        onOk={() => assessForm.submit()}
        confirmLoading={busy}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        forceRender
      >
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Form form={assessForm} layout="vertical" onFinish={assess}>
          <Form.Item name="assessedOn" label={t('stakeholders.assessedOn')} rules={[{ required: true, message: t('validation.required') }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="support" label={t('stakeholders.support')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select options={supportOptions} />
          </Form.Item>
          <Form.Item name="note" label={t('stakeholders.note')}>
            <Input.TextArea rows={2} maxLength={500} placeholder={t('stakeholders.assessmentNotePlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}

/** +1 when support rose since the previous assessment, −1 when it fell. */
function trend(s: Stakeholder): number {
  const h = [...s.history].sort((a, b) => a.assessedOn.localeCompare(b.assessedOn));
  if (h.length < 2) return 0;
  return Math.sign(h[h.length - 1].support - h[h.length - 2].support);
}
