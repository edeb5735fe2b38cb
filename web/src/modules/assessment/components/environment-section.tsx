import { DeleteOutlined, EditOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useProject } from '../../../components/project';
import { toApiError, useApi } from '../../../components/use-api';
import { assessmentApi } from '../api';
import { StatusTag } from './status-tag';
import { ENV_CATEGORIES, ENV_OPERATORS, type EnvRequirement, type EnvSite, type ProbeResult } from '../types';

interface RequirementForm extends Omit<EnvRequirement, 'allowed'> {
  allowed: string[];
}

function ProfileCard({
  items,
  isDefault,
  canEdit,
  onChanged,
}: {
  items: EnvRequirement[];
  isDefault: boolean;
  canEdit: boolean;
  onChanged(): Promise<void>;
}) {
  const { t } = useTranslation();
  const { project } = useProject();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [form] = Form.useForm<RequirementForm>();
  const operator = Form.useWatch('operator', form);

  const persist = async (next: EnvRequirement[]) => {
    try {
      await assessmentApi.saveProfile(project.id, next);
      message.success(t('common.saved'));
      setEditing(null);
      await onChanged();
    } catch (cause) {
      message.error(toApiError(cause).message);
    }
  };
  const open = (index: number | 'new') => {
    setEditing(index);
    form.setFieldsValue(
      index === 'new'
        ? { category: 'server', metric: '', label: '', operator: 'min', threshold: null, unit: '', allowed: [], warnBand: 0 }
        : { ...items[index] },
    );
  };
  const submit = (values: RequirementForm) => {
    const item: EnvRequirement = {
      ...values,
      threshold: values.threshold ?? null,
      unit: values.unit ?? '',
      allowed: values.allowed ?? [],
      warnBand: values.warnBand ?? 0,
    };
    const next = editing === 'new' ? [...items, item] : items.map((it, i) => (i === editing ? item : it));
    void persist(next);
  };

  return (
    <Card
      size="small"
      title={
        <Space>
          {t('assessment.env.profile')}
          {isDefault && <Tag>{t('assessment.env.defaultProfile')}</Tag>}
        </Space>
      }
      extra={
        canEdit && (
          <Space>
            <Button size="small" icon={<PlusOutlined />} onClick={() => open('new')}>
              {t('assessment.env.addRequirement')}
            </Button>
            {!isDefault && (
              <Popconfirm
                title={t('assessment.env.resetConfirm')}
                onConfirm={async () => {
                  try {
                    await assessmentApi.resetProfile(project.id);
                    await onChanged();
                  } catch (cause) {
                    message.error(toApiError(cause).message);
                  }
                }}
              >
                <Button size="small" icon={<UndoOutlined />}>
                  {t('assessment.env.reset')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        )
      }
      style={{ marginBottom: 16 }}
    >
      <Table<EnvRequirement>
        size="small"
        rowKey="metric"
        pagination={false}
        dataSource={items}
        data-testid="env-profile"
        columns={[
          { title: t('assessment.env.category'), dataIndex: 'category', render: (c: string) => t(`assessment.envCategory.${c}`) },
          { title: t('assessment.env.item'), dataIndex: 'label' },
          {
            title: t('assessment.env.requirement'),
            key: 'req',
            render: (_: unknown, r) =>
              r.operator === 'min'
                ? `≥ ${r.threshold ?? ''} ${r.unit ?? ''}`
                : r.operator === 'max'
                  ? `≤ ${r.threshold ?? ''} ${r.unit ?? ''}`
                  : (r.allowed ?? []).map((a) => a.replace('>=', ' ≥ ')).join(' / '),
          },
          { title: t('assessment.env.warnBand'), dataIndex: 'warnBand', render: (v: number) => (v ? `${Math.round(v * 100)}%` : '—') },
          ...(canEdit
            ? [
                {
                  key: 'actions',
                  width: 90,
                  render: (_: unknown, _r: EnvRequirement, index: number) => (
                    <Space size={0}>
                      <Button type="link" size="small" icon={<EditOutlined />} onClick={() => open(index)} />
                      <Popconfirm title={t('common.deleteConfirm')} onConfirm={() => void persist(items.filter((_x, i) => i !== index))}>
                        <Button type="link" size="small" danger icon={<DeleteOutlined />} />
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={editing !== null}
        title={t('assessment.env.editRequirement')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit}>
          <Space.Compact block>
            <Form.Item name="category" label={t('assessment.env.category')} rules={[{ required: true }]} style={{ width: '40%' }}>
              <Select options={ENV_CATEGORIES.map((c) => ({ value: c, label: t(`assessment.envCategory.${c}`) }))} />
            </Form.Item>
            <Form.Item
              name="metric"
              label={t('assessment.env.metric')}
              rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{0,49}$/ }]}
              style={{ width: '60%' }}
            >
              <Input disabled={editing !== 'new'} placeholder="app_cpu_cores" />
            </Form.Item>
          </Space.Compact>
          <Form.Item name="label" label={t('assessment.env.item')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="operator" label={t('assessment.env.operator')} rules={[{ required: true }]}>
            <Select options={ENV_OPERATORS.map((o) => ({ value: o, label: t(`assessment.envOperator.${o}`) }))} />
          </Form.Item>
          {(operator === 'min' || operator === 'max') && (
            <Space.Compact block>
              <Form.Item name="threshold" label={t('assessment.env.threshold')} rules={[{ required: true }]} style={{ width: '50%' }}>
                <InputNumber style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="unit" label={t('assessment.env.unit')} style={{ width: '50%' }}>
                <Input />
              </Form.Item>
            </Space.Compact>
          )}
          {(operator === 'one_of' || operator === 'min_version') && (
            <Form.Item
              name="allowed"
              label={t('assessment.env.allowed')}
              extra={t('assessment.env.allowedHelp')}
              rules={[{ required: true }]}
            >
              <Select mode="tags" />
            </Form.Item>
          )}
          <Form.Item name="warnBand" label={t('assessment.env.warnBand')} extra={t('assessment.env.warnBandHelp')}>
            <InputNumber min={0} max={1} step={0.05} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

function SiteModal({
  site,
  profile,
  onClose,
  onSaved,
}: {
  site: EnvSite | 'new' | null;
  profile: EnvRequirement[];
  onClose(): void;
  onSaved(): Promise<void>;
}) {
  const { t } = useTranslation();
  const { project } = useProject();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; note?: string; facts: Record<string, string> }>();
  const submit = async (values: { name: string; note?: string; facts?: Record<string, string | undefined> }) => {
    const facts = Object.fromEntries(Object.entries(values.facts ?? {}).map(([k, v]) => [k, (v ?? '').toString()]));
    try {
      if (site === 'new') await assessmentApi.createSite(project.id, { name: values.name, note: values.note ?? '', facts });
      else if (site) await assessmentApi.updateSite(project.id, site.id, { name: values.name, note: values.note ?? '', facts });
      await onSaved();
    } catch (cause) {
      message.error(toApiError(cause).message);
    }
  };
  return (
    <Modal
      open={site !== null}
      title={site === 'new' ? t('assessment.env.newSite') : t('assessment.env.editSite')}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
      okButtonProps={{ id: 'site-submit' }}
    >
      <Form
        form={form}
        layout="horizontal"
        labelCol={{ span: 9 }}
        initialValues={site && site !== 'new' ? { name: site.name, note: site.note, facts: site.facts } : { name: '', note: '', facts: {} }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="name" label={t('assessment.env.siteName')} rules={[{ required: true }]}>
          <Input placeholder={t('assessment.env.siteNamePlaceholder')} />
        </Form.Item>
        <Form.Item name="note" label={t('assessment.env.siteNote')}>
          <Input />
        </Form.Item>
        <Typography.Text type="secondary">{t('assessment.env.factsHelp')}</Typography.Text>
        {profile.map((req) => (
          <Form.Item key={req.metric} name={['facts', req.metric]} label={`${req.label}${req.unit ? `（${req.unit}）` : ''}`}>
            <Input placeholder={req.operator === 'min_version' || req.operator === 'one_of' ? req.allowed?.[0]?.split('>=')[0] : ''} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

/** Technical environment check: requirement profile, sites with facts, pass / warn / fail, probe results. */
export default function EnvironmentSection() {
  const { t } = useTranslation();
  const { project, can } = useProject();
  const { message } = App.useApp();
  const env = useApi(() => assessmentApi.environment(project.id), [project.id]);
  const canReadProbes = can('probe:read');
  const probes = useApi(
    () => (canReadProbes ? assessmentApi.probes(project.id) : Promise.resolve([] as ProbeResult[])),
    [project.id, canReadProbes],
  );
  const [siteEditing, setSiteEditing] = useState<EnvSite | 'new' | null>(null);
  const profile = env.data?.profile.items ?? [];
  const sites = env.data?.sites ?? [];

  const rows = profile.map((req) => ({ req, results: sites.map((s) => s.items.find((i) => i.metric === req.metric)) }));

  return (
    <div data-testid="assessment-environment">
      <ErrorAlert error={env.error} onRetry={() => void env.reload()} />
      <ProfileCard
        items={profile}
        isDefault={env.data?.profile.isDefault ?? true}
        canEdit={can('assessment:update')}
        onChanged={env.reload}
      />
      <Card
        size="small"
        title={t('assessment.env.evaluation')}
        style={{ marginBottom: 16 }}
        extra={
          can('assessment:create') && (
            <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setSiteEditing('new')} data-testid="site-new">
              {t('assessment.env.newSite')}
            </Button>
          )
        }
      >
        <Table
          size="small"
          rowKey={(r) => r.req.metric}
          pagination={false}
          loading={env.loading}
          dataSource={rows}
          data-testid="env-evaluation"
          scroll={{ x: true }}
          columns={[
            { title: t('assessment.env.item'), key: 'label', render: (_: unknown, r) => r.req.label, fixed: 'left' },
            ...sites.map((site, si) => ({
              key: site.id,
              title: (
                <Space size={4}>
                  <span>{site.name}</span>
                  <StatusTag status={site.status} testId={`site-status-${site.name}`} />
                  {can('assessment:update') && (
                    <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setSiteEditing(site)} />
                  )}
                  {can('assessment:delete') && (
                    <Popconfirm
                      title={t('common.deleteConfirm')}
                      onConfirm={async () => {
                        try {
                          await assessmentApi.deleteSite(project.id, site.id);
                          await env.reload();
                        } catch (cause) {
                          message.error(toApiError(cause).message);
                        }
                      }}
                    >
                      <Button type="link" size="small" danger icon={<DeleteOutlined />} />
                    </Popconfirm>
                  )}
                </Space>
              ),
              render: (_: unknown, r: (typeof rows)[number]) => {
                const result = r.results[si];
                if (!result) return null;
                return (
                  <Space size={4}>
                    <StatusTag status={result.status} tip={`${result.requirement}：${result.message}`} />
                    <span>{result.value ?? '—'}</span>
                  </Space>
                );
              },
            })),
          ]}
        />
      </Card>
      {canReadProbes && (
        <Card size="small" title={t('assessment.env.probes')}>
          <Typography.Paragraph type="secondary">{t('assessment.env.probesIntro')}</Typography.Paragraph>
          <ErrorAlert error={probes.error} onRetry={() => void probes.reload()} />
          <Table<ProbeResult>
            size="small"
            rowKey="id"
            loading={probes.loading}
            dataSource={probes.data ?? []}
            data-testid="probe-results"
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              {
                title: t('assessment.probe.user'),
                dataIndex: 'submittedBy',
                render: (v: string, p) => (p.siteName ? `${v}（${p.siteName}）` : v),
              },
              { title: t('assessment.probe.browser'), key: 'browser', render: (_: unknown, p) => `${p.browserName} ${p.browserVersion}` },
              { title: t('assessment.probe.os'), dataIndex: 'osName' },
              {
                title: t('assessment.probe.screen'),
                key: 'screen',
                render: (_: unknown, p) => `${p.screenWidth}×${p.screenHeight} @${p.devicePixelRatio}x`,
              },
              { title: t('assessment.probe.rtt'), dataIndex: 'rttMedianMs', align: 'right' },
              { title: t('assessment.probe.download'), dataIndex: 'downloadMbps', align: 'right', render: (v: number | null) => v ?? '—' },
              {
                title: t('assessment.probe.result'),
                key: 'status',
                render: (_: unknown, p) => (
                  <Space size={2} wrap>
                    {p.items.map((i) => (
                      <StatusTag key={i.metric} status={i.status} tip={`${i.label}：${i.value ?? '—'}（${i.requirement}）`} />
                    ))}
                  </Space>
                ),
              },
              { title: t('assessment.probe.measuredAt'), dataIndex: 'measuredAt', render: (v: string) => v.slice(0, 16).replace('T', ' ') },
              ...(can('probe:delete')
                ? [
                    {
                      key: 'actions',
                      width: 50,
                      render: (_: unknown, p: ProbeResult) => (
                        <Popconfirm
                          title={t('common.deleteConfirm')}
                          onConfirm={async () => {
                            try {
                              await assessmentApi.deleteProbe(project.id, p.id);
                              await probes.reload();
                            } catch (cause) {
                              message.error(toApiError(cause).message);
                            }
                          }}
                        >
                          <Button type="link" size="small" danger icon={<DeleteOutlined />} />
                        </Popconfirm>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      )}
      <SiteModal
        site={siteEditing}
        profile={profile}
        onClose={() => setSiteEditing(null)}
        onSaved={async () => {
          setSiteEditing(null);
          await env.reload();
        }}
      />
    </div>
  );
}
