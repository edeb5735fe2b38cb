import { Alert, Cascader, Col, Form, Input, InputNumber, Modal, Radio, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ERP_MODULES, type ErpModule } from '../../../api/types';
import { moduleLabel } from '../../../components/labels';
import { applyServerErrors } from '../../../components/server-errors';
import { blueprintApi } from '../api';
import {
  CONFIG_KINDS,
  PRIORITIES,
  REQUIREMENT_STATUSES,
  RESOLUTIONS,
  type ConfigKind,
  type Priority,
  type ProcessOption,
  type Requirement,
  type RequirementInput,
  type RequirementStatus,
  type Resolution,
} from '../types';

interface FormValues {
  code?: string;
  title: string;
  description?: string;
  module: ErpModule;
  department?: string;
  processLink?: string[];
  processStepName?: string;
  priority: Priority;
  resolution: Resolution;
  configKind?: ConfigKind | null;
  processChangeNote?: string;
  gapReason?: string;
  justification?: string;
  effortDays?: number | null;
  upgradeImpact?: string;
  status: RequirementStatus;
}

const FIELDS = [
  'code',
  'title',
  'description',
  'module',
  'department',
  'processStepName',
  'priority',
  'resolution',
  'configKind',
  'processChangeNote',
  'gapReason',
  'justification',
  'effortDays',
  'upgradeImpact',
  'status',
];

/** The API answers a requirement's module as a plain string; the form offers only the modules it accepts. */
const isErpModule = (m: string): m is ErpModule => (ERP_MODULES as readonly string[]).includes(m);

function toInput(v: FormValues, processes: ProcessOption[]): RequirementInput {
  const [processMapId, elementId] = v.processLink ?? [];
  const step = processes.find((p) => p.id === processMapId)?.steps.find((s) => s.elementId === elementId);
  return {
    ...(v.code?.trim() ? { code: v.code.trim() } : {}),
    title: v.title ?? '',
    description: v.description ?? '',
    module: v.module,
    department: v.department ?? '',
    processMapId: step ? (processMapId ?? null) : null,
    processElementId: step ? (elementId ?? null) : null,
    processStepName: step ? step.name : (v.processStepName ?? ''),
    priority: v.priority,
    resolution: v.resolution,
    configKind: v.resolution === 'configuration' ? (v.configKind ?? null) : null,
    processChangeNote: v.processChangeNote ?? '',
    gapReason: v.gapReason ?? '',
    justification: v.justification ?? '',
    effortDays: v.effortDays ?? null,
    upgradeImpact: v.upgradeImpact ?? '',
    status: v.status,
  };
}

function fromRequirement(r: Requirement): Omit<FormValues, 'module'> & { module?: ErpModule } {
  return {
    code: r.code,
    title: r.title,
    description: r.description,
    module: isErpModule(r.module) ? r.module : undefined,
    department: r.department,
    processLink: r.processMapId && r.processElementId ? [r.processMapId, r.processElementId] : undefined,
    processStepName: r.processStepName,
    priority: r.priority,
    resolution: r.resolution,
    configKind: r.configKind,
    processChangeNote: r.processChangeNote,
    gapReason: r.gapReason,
    justification: r.justification,
    effortDays: r.effortDays,
    upgradeImpact: r.upgradeImpact,
    status: r.status,
  };
}

/** Create or edit a requirement. Choosing 定制开发 demands the method's justification before it can be saved. */
export function RequirementFormModal(props: {
  projectId: string;
  requirement: Requirement | null;
  open: boolean;
  modulesInScope: string[];
  onClose: () => void;
  onSaved: (saved: Requirement) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [processes, setProcesses] = useState<ProcessOption[]>([]);
  const resolution = Form.useWatch('resolution', form);
  const { open, requirement, projectId } = props;

  useEffect(() => {
    if (!open) return;
    setError(undefined);
    form.resetFields();
    form.setFieldsValue(
      requirement
        ? fromRequirement(requirement)
        : { priority: 'should', resolution: 'standard', status: 'draft', module: props.modulesInScope.find(isErpModule) ?? 'finance' },
    );
    blueprintApi
      .processes(projectId)
      .then((r) => setProcesses(r.items))
      .catch(() => setProcesses([]));
  }, [open, requirement, form, projectId, props.modulesInScope]);

  const submit = async (values: FormValues) => {
    setBusy(true);
    setError(undefined);
    try {
      const input = toInput(values, processes);
      const saved = requirement ? await blueprintApi.update(projectId, requirement.id, input) : await blueprintApi.create(projectId, input);
      props.onSaved(saved);
    } catch (cause) {
      const { message, unmatched } = applyServerErrors(form, cause, FIELDS, { processMapId: 'processStepName' });
      setError([message, ...unmatched].join(' '));
    } finally {
      setBusy(false);
    }
  };

  const required = [{ required: true, whitespace: true, message: t('validation.required') }];
  const custom = resolution === 'custom_development';
  const processOptions = processes.map((p) => ({
    value: p.id,
    label: `${p.department ? `${p.department} · ` : ''}${p.name}`,
    children: p.steps.filter((s) => s.name).map((s) => ({ value: s.elementId, label: s.name })),
  }));

  return (
    <Modal
      open={open}
      title={requirement ? t('blueprint.req.edit') : t('blueprint.req.create')}
      width={820}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ id: 'requirement-submit' }}
      forceRender
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="requirement-form-error" />}
      <Form form={form} layout="vertical" onFinish={submit} data-testid="requirement-form">
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item name="code" label={t('blueprint.field.code')} extra={t('blueprint.req.codeHint')}>
              <Input maxLength={30} data-testid="requirement-code" />
            </Form.Item>
          </Col>
          <Col xs={24} md={18}>
            <Form.Item name="title" label={t('blueprint.field.name')} rules={required}>
              <Input maxLength={200} data-testid="requirement-title" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item name="module" label={t('blueprint.field.module')} rules={[{ required: true, message: t('validation.required') }]}>
              <Select data-testid="requirement-module" options={ERP_MODULES.map((m) => ({ value: m, label: moduleLabel(t, m) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="department" label={t('blueprint.field.department')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="priority" label={t('blueprint.field.priority')}>
              <Select
                data-testid="requirement-priority"
                options={PRIORITIES.map((p) => ({ value: p, label: t(`blueprint.priority.${p}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="status" label={t('blueprint.field.status')}>
              <Select options={REQUIREMENT_STATUSES.map((s) => ({ value: s, label: t(`blueprint.status.${s}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label={t('blueprint.field.description')}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="processLink" label={t('blueprint.field.processLink')} extra={t('blueprint.req.processLinkHint')}>
              <Cascader
                options={processOptions}
                allowClear
                placeholder={t('blueprint.req.processLinkPlaceholder')}
                data-testid="requirement-process"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="processStepName" label={t('blueprint.field.processStep')}>
              <Input maxLength={200} placeholder={t('blueprint.req.stepNamePlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="resolution" label={t('blueprint.field.resolution')} extra={t('blueprint.req.resolutionHint')}>
          <Radio.Group optionType="button" buttonStyle="solid" data-testid="requirement-resolution">
            {RESOLUTIONS.map((r) => (
              <Radio.Button key={r} value={r} data-testid={`resolution-${r}`}>
                {t(`blueprint.resolution.${r}`)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        {resolution === 'configuration' && (
          <Form.Item
            name="configKind"
            label={t('blueprint.field.configKind')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Select
              data-testid="requirement-config-kind"
              options={CONFIG_KINDS.map((k) => ({ value: k, label: t(`blueprint.configKind.${k}`) }))}
            />
          </Form.Item>
        )}
        {resolution === 'process_change' && (
          <Form.Item name="processChangeNote" label={t('blueprint.field.processChangeNote')} rules={required}>
            <Input.TextArea rows={2} maxLength={4000} data-testid="requirement-process-note" />
          </Form.Item>
        )}
        {custom && (
          <Alert
            type="warning"
            showIcon
            data-testid="custom-dev-demand"
            message={t('blueprint.req.customTitle')}
            description={t('blueprint.req.customText')}
            style={{ marginBottom: 12 }}
          />
        )}
        {custom && (
          <>
            <Form.Item name="gapReason" label={t('blueprint.field.gapReason')} rules={required}>
              <Input.TextArea rows={2} maxLength={4000} data-testid="requirement-gap-reason" />
            </Form.Item>
            <Form.Item name="justification" label={t('blueprint.field.justification')} rules={required}>
              <Input.TextArea rows={2} maxLength={4000} data-testid="requirement-justification" />
            </Form.Item>
            <Form.Item name="upgradeImpact" label={t('blueprint.field.upgradeImpact')} rules={required}>
              <Input.TextArea rows={2} maxLength={4000} data-testid="requirement-upgrade-impact" />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="effortDays"
          label={t('blueprint.field.effortDays')}
          rules={
            custom
              ? [
                  { required: true, message: t('validation.required') },
                  { type: 'number', min: 0.1, message: t('blueprint.req.effortPositive') },
                ]
              : []
          }
        >
          <InputNumber min={0} max={100000} step={0.5} style={{ width: 200 }} data-testid="requirement-effort" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
