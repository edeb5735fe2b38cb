import { Alert, Button, Col, DatePicker, Form, Input, Modal, Row, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../api/types';
import type { CreateRiskInput, RiskView } from '../types';
import { RiskRatingFields } from './risk-rating-fields';
import { useRiskForm } from './use-risk-form';

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
  const { open, risk, draft } = props;
  const { form, busy, error, submit } = useRiskForm(props);
  const sourceTitle = risk ? risk.sourceIndicatorTitle : draft?.sourceIndicator ? props.draftSource : null;

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
        <RiskRatingFields form={form} />
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
