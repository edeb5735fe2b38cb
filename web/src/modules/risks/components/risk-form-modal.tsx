import { Alert, Button, Col, DatePicker, Form, Input, Modal, Radio, Row, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../api/types';
import { applyServerErrors } from '../../../components/server-errors';
import { riskLevelOfScore } from '../risk-model';
import { RiskScoreTag } from './risk-tags';
import { risksApi } from '../api';
import {
  RISK_CATEGORIES,
  RISK_STATUSES,
  type CreateRiskInput,
  type RiskCategory,
  type RiskFields,
  type RiskStatus,
  type RiskView,
} from '../types';

interface RiskFormValues {
  title: string;
  description?: string;
  category: RiskCategory;
  probability: number;
  impact: number;
  ownerMemberId?: string | null;
  mitigation?: string;
  contingency?: string;
  dueDate?: Dayjs | null;
  status: RiskStatus;
}

const FIELDS = [
  'title',
  'description',
  'category',
  'probability',
  'impact',
  'ownerMemberId',
  'mitigation',
  'contingency',
  'dueDate',
  'status',
];
const SCALE = [1, 2, 3, 4, 5];

function toFields(v: RiskFormValues): RiskFields {
  return {
    title: (v.title ?? '').trim(),
    description: (v.description ?? '').trim(),
    category: v.category,
    probability: v.probability,
    impact: v.impact,
    ownerMemberId: v.ownerMemberId ?? null,
    mitigation: (v.mitigation ?? '').trim(),
    contingency: (v.contingency ?? '').trim(),
    dueDate: v.dueDate ? v.dueDate.format('YYYY-MM-DD') : null,
    status: v.status,
  };
}

function toValues(r: RiskFields): RiskFormValues {
  return { ...r, dueDate: r.dueDate ? dayjs(r.dueDate) : null };
}

const BLANK: CreateRiskInput = {
  title: '',
  description: '',
  category: 'other',
  probability: 3,
  impact: 3,
  ownerMemberId: null,
  mitigation: '',
  contingency: '',
  dueDate: null,
  status: 'open',
  sourceIndicator: null,
};

/** Registers a risk (blank or prefilled from an early warning) or edits one; the API's field errors are shown on the fields. */
export function RiskFormModal(props: {
  projectId: string;
  open: boolean;
  /** The line being edited; null to create. */
  risk: RiskView | null;
  /** Prefilled values of a new line (from an indicator). */
  draft: CreateRiskInput | null;
  /** The warning a new line is raised from, as users read it (dimension · indicator). */
  draftSource: string | null;
  members: Member[];
  onClose: () => void;
  onSaved: (risk: RiskView) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RiskFormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const { open, risk, draft } = props;
  const probability = Form.useWatch('probability', form) ?? 3;
  const impact = Form.useWatch('impact', form) ?? 3;
  const sourceTitle = risk ? risk.sourceIndicatorTitle : draft?.sourceIndicator ? props.draftSource : null;

  useEffect(() => {
    if (!open) return;
    setError(undefined);
    form.resetFields();
    form.setFieldsValue(toValues(risk ?? draft ?? BLANK));
  }, [open, risk, draft, form]);

  const submit = async (values: RiskFormValues) => {
    setBusy(true);
    setError(undefined);
    try {
      const fields = toFields(values);
      const saved = risk
        ? await risksApi.update(props.projectId, risk.id, fields)
        : await risksApi.create(props.projectId, { ...fields, sourceIndicator: draft?.sourceIndicator ?? null });
      props.onSaved(saved);
    } catch (cause) {
      const { message, unmatched } = applyServerErrors(form, cause, FIELDS);
      setError([message, ...unmatched].join(' '));
    } finally {
      setBusy(false);
    }
  };

  const scaleOptions = (kind: 'probability' | 'impact') =>
    SCALE.map((n) => (
      <Radio.Button key={n} value={n} title={t(`risks.form.${kind}Scale.${n}`)}>
        {n}
      </Radio.Button>
    ));
  const score = probability * impact;

  return (
    <Modal
      open={open}
      title={risk ? t('risks.form.editTitle', { code: risk.code }) : t('risks.form.createTitle')}
      width={780}
      onCancel={props.onClose}
      forceRender
      footer={
        <Space>
          <Button onClick={props.onClose} data-testid="risk-cancel">
            {t('common.cancel')}
          </Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="risk-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="risk-form-error" />}
      {sourceTitle && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="risk-form-source"
          message={t('risks.form.fromIndicator', { source: sourceTitle })}
        />
      )}
      <Form form={form} layout="vertical" onFinish={submit} data-testid="risk-form">
        <Form.Item
          name="title"
          label={t('risks.field.title')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input.TextArea rows={2} maxLength={200} showCount data-testid="risk-title" />
        </Form.Item>
        <Form.Item name="description" label={t('risks.field.description')}>
          <Input.TextArea rows={2} maxLength={4000} data-testid="risk-description" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="category" label={t('risks.field.category')} rules={[{ required: true, message: t('validation.required') }]}>
              <Select data-testid="risk-category" options={RISK_CATEGORIES.map((c) => ({ value: c, label: t(`risks.category.${c}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="status" label={t('risks.field.status')} rules={[{ required: true, message: t('validation.required') }]}>
              <Select data-testid="risk-status" options={RISK_STATUSES.map((s) => ({ value: s, label: t(`risks.status.${s}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('risks.field.score')}>
              <div style={{ paddingTop: 4 }} data-testid="risk-form-score">
                <RiskScoreTag score={score} level={riskLevelOfScore(score)} />
              </div>
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="probability"
              label={t('risks.field.probability')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <Radio.Group buttonStyle="solid" data-testid="risk-probability">
                {scaleOptions('probability')}
              </Radio.Group>
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="impact" label={t('risks.field.impact')} rules={[{ required: true, message: t('validation.required') }]}>
              <Radio.Group buttonStyle="solid" data-testid="risk-impact">
                {scaleOptions('impact')}
              </Radio.Group>
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="ownerMemberId" label={t('risks.field.owner')}>
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                data-testid="risk-owner"
                placeholder={props.members.length ? t('risks.form.ownerPlaceholder') : t('risks.form.noMembers')}
                options={props.members.map((m) => ({ value: m.id, label: m.department ? `${m.name}（${m.department}）` : m.name }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="dueDate" label={t('risks.field.dueDate')}>
              <DatePicker style={{ width: '100%' }} data-testid="risk-due" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="mitigation" label={t('risks.field.mitigation')} extra={t('risks.form.mitigationHelp')}>
          <Input.TextArea rows={3} maxLength={4000} data-testid="risk-mitigation" />
        </Form.Item>
        <Form.Item name="contingency" label={t('risks.field.contingency')} extra={t('risks.form.contingencyHelp')}>
          <Input.TextArea rows={2} maxLength={4000} data-testid="risk-contingency" />
        </Form.Item>
        <Typography.Text type="secondary">{t('risks.form.scoreHelp')}</Typography.Text>
      </Form>
    </Modal>
  );
}
