import { Alert, Cascader, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ERP_MODULES } from '../../../api/types';
import { moduleLabel } from '../../../components/labels';
import { PRIORITIES, REQUIREMENT_STATUSES, type Requirement } from '../types';
import { RequirementResolutionFields } from './requirement-resolution-fields';
import { useRequirementForm } from './use-requirement-form';

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
  const { open, requirement } = props;
  const { form, busy, error, submit, processOptions } = useRequirementForm(props);
  const required = [{ required: true, whitespace: true, message: t('validation.required') }];

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
        <RequirementResolutionFields form={form} />
      </Form>
    </Modal>
  );
}
