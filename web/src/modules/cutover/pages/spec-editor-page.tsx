import { DeleteOutlined, PlusOutlined, ReloadOutlined, SendOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  AutoComplete,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
  Table,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../../../api/api';
import { ApiError } from '../../../api/client';
import { WEBHOOK_FORMATS, type Comparison, type ReconcileSpec, type Upload } from '../../../api/types';
import { ErrorAlert } from '../../../components/error-alert';
import { PageSpinner } from '../../../components/page-spinner';
import { useProject } from '../../../components/project';
import { applyServerErrors } from '../../../components/server-errors';
import { toApiError, useApi } from '../../../components/use-api';
import { ConnectionsDrawer } from '../components/connections-drawer';
import { MappingEditor } from '../components/mapping-editor';
import {
  buildMapping,
  DEFAULT_CRON,
  DEFAULT_TIME_ZONE,
  describeCron,
  newSpecValues,
  SPEC_FIELDS,
  specFieldOfDetail,
  specToValues,
  toSourceRef,
  toSpecInput,
  type RuleRow,
  type SourceValue,
  type SpecFormValues,
} from '../spec-form';
import { SourcePicker } from '../components/source-picker';

const CRON_PRESETS = ['0 6 * * *', '0 7 * * *', '30 5 * * *', '0 6 * * 1-5', '0 22 * * *'];
const COMMON_ZONES = [
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Taipei',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Europe/Berlin',
  'America/New_York',
  'UTC',
];

function allTimeZones(): string[] {
  try {
    const all = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
    return [...new Set([...COMMON_ZONES, ...all])];
  } catch {
    return COMMON_ZONES;
  }
}

/** Puts server details on the spec form's fields (column errors by their purpose). */
function applySpecErrors(form: Parameters<typeof applyServerErrors>[0], cause: unknown) {
  const mapped =
    cause instanceof ApiError
      ? new ApiError(
          cause.status,
          cause.code,
          cause.message,
          cause.details.map((d) => ({ field: specFieldOfDetail(d) ?? d.field, reason: d.reason })),
        )
      : cause;
  return applyServerErrors(form, mapped, SPEC_FIELDS);
}

/** Create or edit a reconciliation spec: sources, key, column mapping, rules, aggregates, schedule, webhook. */
export function SpecEditorPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { specId } = useParams();
  const { project, can } = useProject();
  const base = `/projects/${project.id}/cutover/dual-run`;
  const [form] = Form.useForm<SpecFormValues>();
  const spec = useApi<ReconcileSpec | null>(
    () => (specId ? api.cutover.spec(project.id, specId) : Promise.resolve(null)),
    [project.id, specId],
  );
  const uploads = useApi(() => api.uploads.list(project.id), [project.id]);
  const connections = useApi(() => api.cutover.connections(project.id), [project.id]);
  const [connectionsOpen, setConnectionsOpen] = useState(false);
  const [columns, setColumns] = useState<{ left: string[]; right: string[] }>({ left: [], right: [] });
  const [suggesting, setSuggesting] = useState(false);
  const [suggestError, setSuggestError] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [webhookBusy, setWebhookBusy] = useState(false);
  const [ready, setReady] = useState(!specId);
  const savedComparison = useRef<Comparison | undefined>(undefined);
  /** Sources (as JSON) the mapping was last built for, so a re-render does not rebuild it. */
  const mappedFor = useRef<string | null>(null);

  const left = Form.useWatch('left', form) as SourceValue | undefined;
  const right = Form.useWatch('right', form) as SourceValue | undefined;
  const key = (Form.useWatch('key', form) as string[] | undefined) ?? [];
  const cron = (Form.useWatch('cron', form) as string | undefined) ?? '';
  const webhookFormat = Form.useWatch('webhookFormat', form) as SpecFormValues['webhookFormat'] | undefined;
  const zones = useMemo(allTimeZones, []);

  // Fill the form once: a new spec's defaults, or the saved spec.
  useEffect(() => {
    if (ready || spec.loading) return;
    if (spec.data) {
      savedComparison.current = spec.data.comparison;
      form.setFieldsValue(specToValues(spec.data));
    }
    setReady(true);
  }, [ready, spec.loading, spec.data, form]);

  const leftRef = toSourceRef(left);
  const rightRef = toSourceRef(right);
  const sourcesKey = leftRef && rightRef ? JSON.stringify([leftRef, rightRef]) : null;

  /** Reads both headers and fills the mapping (and the key when none is chosen). */
  const suggest = useCallback(
    async (force: boolean) => {
      const l = toSourceRef(form.getFieldValue('left') as SourceValue);
      const r = toSourceRef(form.getFieldValue('right') as SourceValue);
      if (!l || !r) return;
      setSuggesting(true);
      setSuggestError(undefined);
      try {
        const s = await api.cutover.suggestMapping(project.id, l, r);
        setColumns({ left: s.leftColumns, right: s.rightColumns });
        const firstTimeForSaved = !force && mappedFor.current === null && savedComparison.current;
        const mapping = buildMapping(s, firstTimeForSaved ? savedComparison.current : undefined);
        const currentKey = (form.getFieldValue('key') as string[] | undefined) ?? [];
        const keyStillValid = currentKey.length > 0 && currentKey.every((k) => s.leftColumns.includes(k));
        form.setFieldsValue({ mapping, ...(keyStillValid ? {} : { key: s.suggestedKey }) });
        form.setFields([{ name: 'mapping', errors: [] }]);
        mappedFor.current = JSON.stringify([l, r]);
      } catch (cause) {
        setSuggestError(toApiError(cause).message);
      } finally {
        setSuggesting(false);
      }
    },
    [form, project.id],
  );

  // Both sources chosen (or changed): read the headers again, after typing stops.
  useEffect(() => {
    if (!ready || !sourcesKey || sourcesKey === mappedFor.current) return;
    const timer = window.setTimeout(() => void suggest(false), 400);
    return () => window.clearTimeout(timer);
  }, [ready, sourcesKey, suggest]);

  const onUploaded = (upload: Upload) => {
    if (uploads.data) uploads.setData({ items: [upload, ...uploads.data.items.filter((u) => u.id !== upload.id)] });
    void uploads.reload();
  };

  const submit = async () => {
    let values: SpecFormValues;
    try {
      await form.validateFields();
      values = form.getFieldsValue(true) as SpecFormValues;
    } catch {
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const input = toSpecInput(values, savedComparison.current, columns.right);
      const saved = specId ? await api.cutover.updateSpec(project.id, specId, input) : await api.cutover.createSpec(project.id, input);
      message.success(t('common.saved'));
      navigate(`${base}/${saved.id}`);
    } catch (cause) {
      const { message: text, unmatched } = applySpecErrors(form, cause);
      setError([text, ...unmatched].join(' '));
    } finally {
      setBusy(false);
    }
  };

  const sendTestWebhook = async () => {
    if (!specId) return;
    const values = form.getFieldsValue(true) as SpecFormValues;
    const url = (values.webhookUrl ?? '').trim();
    setWebhookBusy(true);
    try {
      const result = await api.cutover.testWebhook(project.id, specId, {
        format: values.webhookFormat,
        // The masked URL as the API shows it means "the stored one".
        ...(url && url !== spec.data?.webhook.url ? { url } : {}),
      });
      if (result.ok) message.success(t('cutover.webhook.testSent'));
      else message.error(t('cutover.webhook.testFailed', { error: result.error ?? result.status }));
    } catch (cause) {
      const { message: text } = applyServerErrors(form, cause, ['webhookUrl', 'webhookFormat'], {
        url: 'webhookUrl',
        format: 'webhookFormat',
      });
      message.error(text);
    } finally {
      setWebhookBusy(false);
    }
  };

  if (!ready) return spec.error ? <ErrorAlert error={spec.error} onRetry={() => void spec.reload()} /> : <PageSpinner />;

  const leftOptions = (columns.left.length ? columns.left : key).map((c) => ({ value: c, label: c }));
  const required = [{ required: true, message: t('validation.required') }];
  const sourceRule = {
    validator: (_: unknown, v: SourceValue | undefined) =>
      toSourceRef(v) ? Promise.resolve() : Promise.reject(new Error(t('cutover.source.incomplete'))),
  };
  const pickerProps = {
    projectId: project.id,
    uploads: uploads.data?.items ?? [],
    connections: connections.data?.items ?? [],
    canUpload: can('upload:create'),
    onUploaded,
    onManageConnections: () => setConnectionsOpen(true),
  };

  return (
    <div data-testid="spec-editor">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {specId ? t('cutover.editor.editTitle', { name: spec.data?.name ?? '' }) : t('cutover.editor.createTitle')}
      </Typography.Title>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="spec-form-error" />}
      <Form form={form} layout="vertical" initialValues={newSpecValues()} onFinish={() => void submit()} data-testid="spec-form">
        <Card size="small" title={t('cutover.editor.basics')} style={{ marginBottom: 16 }}>
          <Form.Item name="name" label={t('cutover.spec.name')} rules={required} style={{ maxWidth: 480 }}>
            <Input maxLength={100} placeholder={t('cutover.spec.namePlaceholder')} data-testid="spec-name" />
          </Form.Item>
        </Card>

        <Card size="small" title={t('cutover.editor.sources')} style={{ marginBottom: 16 }}>
          <Row gutter={24}>
            <Col xs={24} lg={12}>
              <Form.Item name="left" label={t('cutover.side.leftLong')} rules={[sourceRule]}>
                <SourcePicker side="left" {...pickerProps} />
              </Form.Item>
            </Col>
            <Col xs={24} lg={12}>
              <Form.Item name="right" label={t('cutover.side.rightLong')} rules={[sourceRule]}>
                <SourcePicker side="right" {...pickerProps} />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card
          size="small"
          title={t('cutover.editor.comparison')}
          style={{ marginBottom: 16 }}
          extra={
            <Button
              size="small"
              icon={<ReloadOutlined />}
              loading={suggesting}
              disabled={!sourcesKey}
              onClick={() => void suggest(true)}
              data-testid="mapping-suggest"
            >
              {t('cutover.mapping.suggest')}
            </Button>
          }
        >
          {suggestError && (
            <Alert type="warning" showIcon message={suggestError} style={{ marginBottom: 12 }} data-testid="mapping-error" />
          )}
          <Form.Item name="key" label={t('cutover.spec.key')} rules={required} extra={t('cutover.spec.keyHint')} style={{ maxWidth: 640 }}>
            <Select
              mode={columns.left.length ? 'multiple' : 'tags'}
              options={leftOptions}
              placeholder={t('cutover.spec.keyPlaceholder')}
              data-testid="spec-key"
            />
          </Form.Item>
          <Form.Item name="mapping" label={t('cutover.mapping.title')} extra={t('cutover.mapping.hint')}>
            <MappingEditor rightColumns={columns.right} keyColumns={key} />
          </Form.Item>

          <Typography.Title level={5}>{t('cutover.rules.title')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('cutover.rules.hint')}</Typography.Paragraph>
          <Form.List name="rules">
            {(fields, { add, remove }, { errors }) => (
              <>
                <Table
                  size="small"
                  rowKey="key"
                  data-testid="rules-table"
                  dataSource={fields}
                  pagination={false}
                  locale={{ emptyText: t('cutover.rules.empty') }}
                  scroll={{ x: 900 }}
                  columns={[
                    {
                      title: t('cutover.rules.column'),
                      width: 180,
                      render: (_, f) => (
                        <Form.Item name={[f.name, 'column']} noStyle rules={required}>
                          <Select size="small" showSearch style={{ width: '100%' }} options={leftOptions} data-testid="rule-column" />
                        </Form.Item>
                      ),
                    },
                    {
                      title: t('cutover.rules.numeric'),
                      width: 70,
                      render: (_, f) => (
                        <Form.Item name={[f.name, 'numeric']} valuePropName="checked" noStyle>
                          <Checkbox />
                        </Form.Item>
                      ),
                    },
                    {
                      title: t('cutover.rules.tolerance'),
                      width: 120,
                      render: (_, f) => (
                        <Form.Item name={[f.name, 'tolerance']} noStyle>
                          <InputNumber size="small" min={0} style={{ width: '100%' }} placeholder="0.01" data-testid="rule-tolerance" />
                        </Form.Item>
                      ),
                    },
                    {
                      title: t('cutover.rules.relative'),
                      width: 120,
                      render: (_, f) => (
                        <Form.Item name={[f.name, 'relativePct']} noStyle>
                          <InputNumber size="small" min={0} max={100} style={{ width: '100%' }} addonAfter="%" placeholder="0.1" />
                        </Form.Item>
                      ),
                    },
                    {
                      title: t('cutover.rules.round'),
                      width: 90,
                      render: (_, f) => (
                        <Form.Item name={[f.name, 'round']} noStyle>
                          <InputNumber size="small" min={0} max={18} precision={0} style={{ width: '100%' }} />
                        </Form.Item>
                      ),
                    },
                    ...(['trim', 'caseInsensitive', 'nullEqualsEmpty'] as const).map((flag) => ({
                      title: t(`cutover.rules.${flag}`),
                      width: 90,
                      render: (_: unknown, f: { name: number }) => (
                        <Form.Item name={[f.name, flag]} valuePropName="checked" noStyle>
                          <Checkbox />
                        </Form.Item>
                      ),
                    })),
                    {
                      title: '',
                      width: 50,
                      render: (_, f) => (
                        <Button
                          type="text"
                          size="small"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('common.delete')}
                          onClick={() => remove(f.name)}
                        />
                      ),
                    },
                  ]}
                />
                <Form.ErrorList errors={errors} />
                <Button
                  type="dashed"
                  size="small"
                  icon={<PlusOutlined />}
                  style={{ marginTop: 8, marginBottom: 16 }}
                  data-testid="rule-add"
                  onClick={() => add({ numeric: true } satisfies RuleRow)}
                >
                  {t('cutover.rules.add')}
                </Button>
              </>
            )}
          </Form.List>

          <Typography.Title level={5}>{t('cutover.aggregates.title')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('cutover.aggregates.hint')}</Typography.Paragraph>
          <Form.List name="aggregates">
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="start" wrap style={{ display: 'flex', marginBottom: 4 }} data-testid="aggregate-row">
                    <Form.Item name={[f.name, 'name']} style={{ marginBottom: 4 }}>
                      <Input size="small" placeholder={t('cutover.aggregates.name')} style={{ width: 160 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'groupBy']} style={{ marginBottom: 4 }}>
                      <Select
                        size="small"
                        mode="multiple"
                        placeholder={t('cutover.aggregates.groupBy')}
                        style={{ width: 220 }}
                        options={leftOptions}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'sum']} style={{ marginBottom: 4 }}>
                      <Select
                        size="small"
                        mode="multiple"
                        placeholder={t('cutover.aggregates.sum')}
                        style={{ width: 220 }}
                        options={leftOptions}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'tolerance']} style={{ marginBottom: 4 }}>
                      <InputNumber size="small" min={0} placeholder={t('cutover.aggregates.tolerance')} style={{ width: 140 }} />
                    </Form.Item>
                    <Button
                      type="text"
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('common.delete')}
                      onClick={() => remove(f.name)}
                    />
                  </Space>
                ))}
                <Form.ErrorList errors={errors} />
                <Button
                  type="dashed"
                  size="small"
                  icon={<PlusOutlined />}
                  data-testid="aggregate-add"
                  onClick={() => add({ groupBy: [], sum: [], tolerance: 0 })}
                >
                  {t('cutover.aggregates.add')}
                </Button>
              </>
            )}
          </Form.List>
        </Card>

        <Card size="small" title={t('cutover.editor.schedule')} style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item
                name="cron"
                label={t('cutover.schedule.cron')}
                rules={required}
                extra={cron.trim() ? describeCron(t, cron) : undefined}
              >
                <AutoComplete
                  data-testid="spec-cron"
                  options={CRON_PRESETS.map((c) => ({ value: c, label: `${c}（${describeCron(t, c)}）` }))}
                  placeholder={DEFAULT_CRON}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="timeZone" label={t('cutover.schedule.timeZone')} rules={required}>
                <AutoComplete
                  data-testid="spec-timezone"
                  placeholder={DEFAULT_TIME_ZONE}
                  options={zones.map((z) => ({ value: z }))}
                  filterOption={(input, option) =>
                    String(option?.value ?? '')
                      .toLowerCase()
                      .includes(input.toLowerCase())
                  }
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name="enabled" label={t('cutover.schedule.enabled')} valuePropName="checked">
                <Switch data-testid="spec-enabled" />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item
                name="exitCriterionDays"
                label={t('cutover.schedule.exitDays')}
                rules={required}
                tooltip={t('cutover.schedule.exitDaysHint')}
              >
                <InputNumber min={1} max={60} precision={0} style={{ width: '100%' }} data-testid="spec-exit-days" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="webhookFormat" label={t('cutover.webhook.format')}>
                <Select
                  data-testid="spec-webhook-format"
                  options={WEBHOOK_FORMATS.map((f) => ({ value: f, label: t(`cutover.webhook.formats.${f}`) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item label={t('cutover.webhook.url')} extra={specId ? t('cutover.webhook.urlHint') : t('cutover.webhook.saveFirst')}>
                <Space.Compact style={{ width: '100%' }}>
                  <Form.Item name="webhookUrl" noStyle>
                    <Input
                      maxLength={2000}
                      disabled={webhookFormat === 'none'}
                      placeholder="https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…"
                      data-testid="spec-webhook-url"
                    />
                  </Form.Item>
                  <Button
                    icon={<SendOutlined />}
                    disabled={!specId || webhookFormat === 'none'}
                    loading={webhookBusy}
                    onClick={() => void sendTestWebhook()}
                    data-testid="spec-webhook-test"
                  >
                    {t('cutover.webhook.sendTest')}
                  </Button>
                </Space.Compact>
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="spec-submit">
            {t('common.save')}
          </Button>
          <Button onClick={() => navigate(specId ? `${base}/${specId}` : base)}>{t('common.cancel')}</Button>
        </Space>
      </Form>
      <ConnectionsDrawer
        projectId={project.id}
        open={connectionsOpen}
        connections={connections.data?.items ?? []}
        canCreate={can('connection:create')}
        canUpdate={can('connection:update')}
        canDelete={can('connection:delete')}
        onClose={() => setConnectionsOpen(false)}
        onChanged={() => connections.reload()}
      />
    </div>
  );
}
