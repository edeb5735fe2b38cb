import { DeleteOutlined, DownloadOutlined, PlusOutlined, SaveOutlined, UploadOutlined, WarningOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  AutoComplete,
  Button,
  Card,
  Col,
  Drawer,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Popconfirm,
  Radio,
  Row,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { lazy, Suspense, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useProject } from '../../../components/project';
import { applyServerErrors } from '../../../components/server-errors';
import { toApiError, useApi } from '../../../components/use-api';
import { assessmentApi } from '../api';
import type { BpmnCanvasHandle, SelectedElement } from './bpmn-canvas';
import { BOTTLENECK_TYPES, type Bottleneck, type BottleneckType, type ProcessStage, type ProcessSummary } from '../types';

const BpmnCanvas = lazy(() => import('./bpmn-canvas'));

const money = (n: number): string => n.toLocaleString('zh-CN', { maximumFractionDigits: 0 });

interface CreateValues {
  department: string;
  name: string;
  description?: string;
  mode: 'blank' | 'steps';
  steps?: string;
}

/** Parses the "one step per line" text; `泳道：步骤` puts the step in a lane. */
export function parseStepLines(text: string): { name: string; lane?: string }[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const match = /^([^:：]{1,50})[:：](.+)$/.exec(line);
      return match ? { lane: match[1].trim(), name: match[2].trim() } : { name: line };
    });
}

function CreateProcessModal(props: {
  open: boolean;
  stage: ProcessStage;
  departments: string[];
  onClose(): void;
  onCreated(id: string): void;
}) {
  const { t } = useTranslation();
  const { project } = useProject();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateValues>();
  const [busy, setBusy] = useState(false);
  const mode = Form.useWatch('mode', form);
  const submit = async (values: CreateValues) => {
    setBusy(true);
    try {
      const steps = values.mode === 'steps' ? parseStepLines(values.steps ?? '') : undefined;
      const created = await assessmentApi.createProcess(project.id, {
        stage: props.stage,
        department: values.department.trim(),
        name: values.name.trim(),
        description: values.description ?? '',
        steps,
      });
      form.resetFields();
      props.onCreated(created.id);
    } catch (cause) {
      const { message: text, unmatched } = applyServerErrors(form, cause, ['department', 'name', 'description', 'steps']);
      message.error([text, ...unmatched].join('；'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={props.open}
      title={t('assessment.process.new')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okButtonProps={{ id: 'process-create-ok' }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ mode: 'steps' }}
        onFinish={(v) => void submit(v)}
        data-testid="process-create-form"
      >
        <Form.Item name="department" label={t('assessment.process.department')} rules={[{ required: true }]}>
          <AutoComplete
            placeholder={t('assessment.process.departmentPlaceholder')}
            options={props.departments.map((d) => ({ value: d }))}
            data-testid="process-department"
          />
        </Form.Item>
        <Form.Item name="name" label={t('assessment.process.name')} rules={[{ required: true, max: 200 }]}>
          <Input data-testid="process-name" placeholder={t('assessment.process.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="description" label={t('assessment.process.description')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="mode" label={t('assessment.process.startFrom')}>
          <Radio.Group>
            <Radio value="steps" data-testid="process-mode-steps">
              {t('assessment.process.fromSteps')}
            </Radio>
            <Radio value="blank" data-testid="process-mode-blank">
              {t('assessment.process.blank')}
            </Radio>
          </Radio.Group>
        </Form.Item>
        {mode === 'steps' && (
          <Form.Item
            name="steps"
            label={t('assessment.process.steps')}
            extra={t('assessment.process.stepsHelp')}
            rules={[{ required: true }]}
          >
            <Input.TextArea rows={6} data-testid="process-steps" placeholder={t('assessment.process.stepsPlaceholder')} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function ImportModal(props: { open: boolean; stage: ProcessStage; onClose(): void; onImported(id: string): void }) {
  const { t } = useTranslation();
  const { project } = useProject();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ department: string; name: string }>();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (values: { department: string; name: string }) => {
    if (!file) {
      message.error(t('assessment.process.chooseFile'));
      return;
    }
    if (file.size > 2 * 1024 * 1024) {
      message.error(t('assessment.process.fileTooLarge'));
      return;
    }
    setBusy(true);
    try {
      const created = await assessmentApi.importProcess(project.id, file, {
        stage: props.stage,
        department: values.department,
        name: values.name,
      });
      form.resetFields();
      setFile(null);
      props.onImported(created.id);
    } catch (cause) {
      message.error(toApiError(cause).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={props.open}
      title={t('assessment.process.import')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item label={t('assessment.process.bpmnFile')} required extra={t('assessment.process.importHelp')}>
          <input
            type="file"
            accept=".bpmn,.xml"
            data-testid="process-import-file"
            onChange={(e) => {
              const chosen = e.target.files?.[0] ?? null;
              setFile(chosen);
              if (chosen && !form.getFieldValue('name')) form.setFieldValue('name', chosen.name.replace(/\.(bpmn|xml)$/i, ''));
            }}
          />
        </Form.Item>
        <Form.Item name="department" label={t('assessment.process.department')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="name" label={t('assessment.process.name')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface BottleneckValues {
  type: BottleneckType;
  durationHours: number;
  volumePerMonth: number;
  note?: string;
}

/** Process list per department + the bpmn-js editor; mounted under 调研 (as-is) and 蓝图 (to-be). */
export default function ProcessMapsSection({ stage }: { stage: ProcessStage }) {
  const { t } = useTranslation();
  const { project, can } = useProject();
  const { message } = App.useApp();
  const canCreate = can('process:create');
  const canUpdate = can('process:update');
  const canDelete = can('process:delete');
  const canExport = can('process:export');
  const list = useApi(() => assessmentApi.processes(project.id, stage), [project.id, stage]);
  const settings = useApi(() => assessmentApi.settings(project.id), [project.id]);
  const [selectedId, setSelectedId] = useState<string>();
  const processes = useMemo(() => list.data ?? [], [list.data]);
  const currentId = selectedId ?? processes[0]?.id;
  const detail = useApi(
    () => (currentId ? assessmentApi.process(project.id, currentId) : Promise.resolve(undefined)),
    [project.id, currentId],
  );
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [selection, setSelection] = useState<SelectedElement | null>(null);
  const [editing, setEditing] = useState<{ elementId: string; stepName: string; bottleneck?: Bottleneck } | null>(null);
  const [canvasError, setCanvasError] = useState<string>();
  const [rate, setRate] = useState<number | null>(null);
  const [form] = Form.useForm<BottleneckValues>();
  const handle = useRef<BpmnCanvasHandle | null>(null);
  const process = detail.data && detail.data.id === currentId ? detail.data : undefined;
  const hourly = settings.data?.hourlyLabourCost ?? 60;
  const typeLabel = (type: BottleneckType) => t(`assessment.bottleneckType.${type}`);
  // Bottlenecks are measured on today's processes; to-be maps (blueprint) only draw the target.
  const withBottlenecks = stage === 'as_is';

  const highlights = useMemo(
    () =>
      (process?.bottlenecks ?? [])
        .filter((b) => !b.orphaned)
        .map((b) => ({ elementId: b.elementId, label: `${t('assessment.bottleneck.badge')}${typeLabel(b.type)}` })),
    // typeLabel depends on t only
    [process?.bottlenecks, t],
  );

  const departments = useMemo(() => {
    const groups = new Map<string, ProcessSummary[]>();
    for (const p of processes) groups.set(p.department, [...(groups.get(p.department) ?? []), p]);
    return [...groups.entries()];
  }, [processes]);

  const refreshAll = async () => {
    await Promise.all([list.reload(), detail.reload()]);
  };

  const save = async (): Promise<boolean> => {
    if (!process || !handle.current) return false;
    setSaving(true);
    try {
      const xml = await handle.current.saveXml();
      const saved = await assessmentApi.updateProcess(project.id, process.id, { bpmnXml: xml });
      detail.setData(saved);
      setDirty(false);
      await list.reload();
      if (saved.orphanedCount > 0) message.warning(t('assessment.bottleneck.orphanedWarning', { count: saved.orphanedCount }));
      else message.success(t('assessment.process.saved'));
      return true;
    } catch (cause) {
      message.error(toApiError(cause).message);
      return false;
    } finally {
      setSaving(false);
    }
  };

  const openBottleneck = (elementId: string, stepName: string) => {
    const existing = process?.bottlenecks.find((b) => b.elementId === elementId);
    setEditing({ elementId, stepName, bottleneck: existing });
    form.setFieldsValue(
      existing
        ? { type: existing.type, durationHours: existing.durationHours, volumePerMonth: existing.volumePerMonth, note: existing.note }
        : { type: 'paper_approval', durationHours: 1, volumePerMonth: 100, note: '' },
    );
  };

  const markSelected = async () => {
    if (!selection) return;
    // The server checks the step against the stored diagram: save unsaved drawing first.
    if (dirty && !(await save())) return;
    openBottleneck(selection.elementId, selection.name || selection.elementId);
  };

  const submitBottleneck = async (values: BottleneckValues) => {
    if (!process || !editing) return;
    try {
      if (editing.bottleneck) {
        await assessmentApi.updateBottleneck(project.id, process.id, editing.bottleneck.id, { ...values, note: values.note ?? '' });
      } else {
        await assessmentApi.createBottleneck(project.id, process.id, { elementId: editing.elementId, ...values, note: values.note ?? '' });
      }
      setEditing(null);
      message.success(t('assessment.bottleneck.saved'));
      await refreshAll();
    } catch (cause) {
      const { message: text, unmatched } = applyServerErrors(form, cause, ['type', 'durationHours', 'volumePerMonth', 'note']);
      message.error([text, ...unmatched].join('；'));
    }
  };

  const removeBottleneck = async (b: Bottleneck) => {
    if (!process) return;
    try {
      await assessmentApi.deleteBottleneck(project.id, process.id, b.id);
      await refreshAll();
    } catch (cause) {
      message.error(toApiError(cause).message);
    }
  };

  const saveRate = async () => {
    if (rate === null) return;
    try {
      settings.setData(
        await assessmentApi.saveSettings(project.id, { hourlyLabourCost: rate, currency: settings.data?.currency ?? 'CNY' }),
      );
      setRate(null);
      await refreshAll();
    } catch (cause) {
      message.error(toApiError(cause).message);
    }
  };

  const removeProcess = async () => {
    if (!process) return;
    try {
      await assessmentApi.deleteProcess(project.id, process.id);
      setSelectedId(undefined);
      await list.reload();
    } catch (cause) {
      message.error(toApiError(cause).message);
    }
  };

  const selectedBottleneck = selection ? process?.bottlenecks.find((b) => b.elementId === selection.elementId) : undefined;

  return (
    <div data-testid={`process-maps-${stage}`}>
      <ErrorAlert error={list.error} onRetry={() => void list.reload()} />
      <Row gutter={16}>
        <Col xs={24} lg={6}>
          <Card
            size="small"
            title={t('assessment.process.list')}
            extra={
              canCreate && (
                <Space size={4}>
                  <Tooltip title={t('assessment.process.import')}>
                    <Button size="small" icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="process-import" />
                  </Tooltip>
                  <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="process-new">
                    {t('assessment.process.new')}
                  </Button>
                </Space>
              )
            }
          >
            {list.loading && !list.data ? (
              <Spin />
            ) : processes.length === 0 ? (
              <Empty description={t('assessment.process.empty')} />
            ) : (
              departments.map(([department, items]) => (
                <div key={department} style={{ marginBottom: 12 }} data-testid={`process-dept-${department}`}>
                  <Typography.Text type="secondary" strong>
                    {department}
                  </Typography.Text>
                  <List
                    size="small"
                    dataSource={items}
                    renderItem={(p) => (
                      <List.Item
                        data-testid={`process-item-${p.name}`}
                        onClick={() => {
                          if (dirty && !window.confirm(t('assessment.process.discardChanges'))) return;
                          setDirty(false);
                          setSelectedId(p.id);
                        }}
                        style={{ cursor: 'pointer', background: p.id === currentId ? '#e6f4ff' : undefined, paddingInline: 8 }}
                      >
                        <Space direction="vertical" size={0} style={{ width: '100%' }}>
                          <span>{p.name}</span>
                          <Space size={4} wrap>
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {t('assessment.process.stepCount', { count: p.steps.filter((s) => !s.type.endsWith('Event')).length })}
                            </Typography.Text>
                            {p.bottleneckCount > 0 && (
                              <Tag color="red" style={{ fontSize: 11 }}>
                                {t('assessment.process.bottleneckCount', { count: p.bottleneckCount })}
                              </Tag>
                            )}
                            {p.orphanedCount > 0 && <WarningOutlined style={{ color: '#d48806' }} />}
                          </Space>
                        </Space>
                      </List.Item>
                    )}
                  />
                </div>
              ))
            )}
          </Card>
        </Col>
        <Col xs={24} lg={18}>
          {!process ? (
            currentId ? (
              <Card>
                <Spin />
              </Card>
            ) : null
          ) : (
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
                      onClick={() => void save()}
                      data-testid="process-save"
                    >
                      {t('common.save')}
                    </Button>
                  )}
                  {canExport && (
                    <Button
                      icon={<DownloadOutlined />}
                      onClick={() => void assessmentApi.exportProcess(project.id, process.id)}
                      data-testid="process-export"
                    >
                      {t('assessment.process.export')}
                    </Button>
                  )}
                  {canDelete && (
                    <Popconfirm title={t('assessment.process.deleteConfirm')} onConfirm={() => void removeProcess()}>
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
                  highlights={highlights}
                  readOnly={!canUpdate}
                  onReady={(h) => {
                    handle.current = h;
                  }}
                  onSelect={setSelection}
                  onDirty={() => setDirty(true)}
                  onError={(text) => setCanvasError(text || undefined)}
                />
              </Suspense>
              <div style={{ minHeight: 40, marginTop: 8 }} data-testid="process-selection">
                {selection ? (
                  <Space wrap>
                    <Typography.Text>
                      {t('assessment.bottleneck.selected')}：<strong>{selection.name || selection.elementId}</strong>
                    </Typography.Text>
                    {selectedBottleneck ? <Tag color="red">{typeLabel(selectedBottleneck.type)}</Tag> : null}
                    {canUpdate && withBottlenecks && (
                      <Button size="small" danger onClick={() => void markSelected()} data-testid="mark-bottleneck">
                        {selectedBottleneck ? t('assessment.bottleneck.edit') : t('assessment.bottleneck.mark')}
                      </Button>
                    )}
                  </Space>
                ) : withBottlenecks ? (
                  <Typography.Text type="secondary">{t('assessment.bottleneck.hint')}</Typography.Text>
                ) : null}
              </div>
              {withBottlenecks && (
                <>
                  <Typography.Title level={5} style={{ marginTop: 8 }}>
                    {t('assessment.bottleneck.title')}
                  </Typography.Title>
                  <Space style={{ marginBottom: 8 }} wrap>
                    <Typography.Text type="secondary" data-testid="cost-formula">
                      {t('assessment.bottleneck.formula', { rate: hourly })}
                    </Typography.Text>
                    {canUpdate && (
                      <Space.Compact size="small">
                        <InputNumber
                          min={0}
                          max={100000}
                          value={rate ?? hourly}
                          onChange={(v) => setRate(v)}
                          addonAfter={t('assessment.bottleneck.perHour')}
                          data-testid="hourly-rate"
                        />
                        <Button disabled={rate === null || rate === hourly} onClick={() => void saveRate()}>
                          {t('common.save')}
                        </Button>
                      </Space.Compact>
                    )}
                  </Space>
                  <Table<Bottleneck>
                    size="small"
                    rowKey="id"
                    data-testid="bottleneck-table"
                    pagination={false}
                    dataSource={process.bottlenecks}
                    locale={{ emptyText: t('assessment.bottleneck.none') }}
                    columns={[
                      {
                        title: t('assessment.bottleneck.step'),
                        dataIndex: 'stepName',
                        render: (v: string, b) => (
                          <Space>
                            {v}
                            {b.orphaned && (
                              <Tooltip title={t('assessment.bottleneck.orphanedHelp')}>
                                <Tag color="warning" data-testid="bottleneck-orphaned">
                                  {t('assessment.bottleneck.orphaned')}
                                </Tag>
                              </Tooltip>
                            )}
                          </Space>
                        ),
                      },
                      {
                        title: t('assessment.bottleneck.type'),
                        dataIndex: 'type',
                        render: (v: BottleneckType) => <Tag color="red">{typeLabel(v)}</Tag>,
                      },
                      { title: t('assessment.bottleneck.duration'), dataIndex: 'durationHours', align: 'right' },
                      { title: t('assessment.bottleneck.volume'), dataIndex: 'volumePerMonth', align: 'right' },
                      {
                        title: t('assessment.bottleneck.cost'),
                        dataIndex: 'monthlyCost',
                        align: 'right',
                        render: (v: number, b) => (
                          <Tooltip title={`${b.durationHours} × ${b.volumePerMonth} × ${hourly}`}>
                            <strong data-testid={`bottleneck-cost-${b.elementId}`}>{money(v)}</strong>
                          </Tooltip>
                        ),
                      },
                      { title: t('assessment.bottleneck.note'), dataIndex: 'note', ellipsis: true },
                      ...(canUpdate
                        ? [
                            {
                              key: 'actions',
                              width: 120,
                              render: (_: unknown, b: Bottleneck) => (
                                <Space size={0}>
                                  <Button type="link" size="small" onClick={() => openBottleneck(b.elementId, b.stepName)}>
                                    {t('common.edit')}
                                  </Button>
                                  <Popconfirm title={t('assessment.bottleneck.deleteConfirm')} onConfirm={() => void removeBottleneck(b)}>
                                    <Button type="link" size="small" danger>
                                      {t('common.delete')}
                                    </Button>
                                  </Popconfirm>
                                </Space>
                              ),
                            },
                          ]
                        : []),
                    ]}
                    summary={(rows) =>
                      rows.length > 0 ? (
                        <Table.Summary.Row>
                          <Table.Summary.Cell index={0} colSpan={4}>
                            {t('assessment.bottleneck.total')}
                          </Table.Summary.Cell>
                          <Table.Summary.Cell index={4} align="right">
                            <strong data-testid="bottleneck-total">{money(rows.reduce((s, b) => s + b.monthlyCost, 0))}</strong>
                          </Table.Summary.Cell>
                          <Table.Summary.Cell index={5} colSpan={2} />
                        </Table.Summary.Row>
                      ) : null
                    }
                  />
                </>
              )}
            </Card>
          )}
        </Col>
      </Row>
      <CreateProcessModal
        open={creating}
        stage={stage}
        departments={departments.map(([d]) => d)}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          setDirty(false);
          setSelectedId(id);
          void list.reload();
        }}
      />
      <ImportModal
        open={importing}
        stage={stage}
        onClose={() => setImporting(false)}
        onImported={(id) => {
          setImporting(false);
          setDirty(false);
          setSelectedId(id);
          void list.reload();
        }}
      />
      <Drawer
        open={editing !== null}
        title={`${t('assessment.bottleneck.drawerTitle')}：${editing?.stepName ?? ''}`}
        onClose={() => setEditing(null)}
        width={420}
        destroyOnHidden
        extra={
          <Button type="primary" onClick={() => form.submit()} data-testid="bottleneck-submit">
            {t('common.save')}
          </Button>
        }
      >
        <Form form={form} layout="vertical" onFinish={(v) => void submitBottleneck(v)} data-testid="bottleneck-form">
          <Form.Item name="type" label={t('assessment.bottleneck.type')} rules={[{ required: true }]}>
            <Select data-testid="bottleneck-type" options={BOTTLENECK_TYPES.map((b) => ({ value: b, label: typeLabel(b) }))} />
          </Form.Item>
          <Form.Item name="durationHours" label={t('assessment.bottleneck.duration')} rules={[{ required: true }]}>
            <InputNumber min={0} max={10000} step={0.5} style={{ width: '100%' }} data-testid="bottleneck-duration" />
          </Form.Item>
          <Form.Item name="volumePerMonth" label={t('assessment.bottleneck.volume')} rules={[{ required: true }]}>
            <InputNumber min={0} max={10000000} style={{ width: '100%' }} data-testid="bottleneck-volume" />
          </Form.Item>
          <Form.Item name="note" label={t('assessment.bottleneck.note')}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate>
            {() => {
              const d = Number(form.getFieldValue('durationHours') ?? 0);
              const v = Number(form.getFieldValue('volumePerMonth') ?? 0);
              return (
                <Alert
                  type="info"
                  message={t('assessment.bottleneck.preview', { duration: d, volume: v, rate: hourly, cost: money(d * v * hourly) })}
                />
              );
            }}
          </Form.Item>
        </Form>
      </Drawer>
    </div>
  );
}
