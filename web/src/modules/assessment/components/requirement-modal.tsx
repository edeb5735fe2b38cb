import { Form, Input, InputNumber, Modal, Select, Space, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ENV_CATEGORIES, ENV_OPERATORS } from '../types';
import type { RequirementEditing, RequirementForm } from './use-profile-editor';

/** The dialog to add or edit one requirement of the profile; the fields shown follow the operator. */
export function RequirementModal({
  form,
  editing,
  onClose,
  onSubmit,
}: {
  form: FormInstance<RequirementForm>;
  editing: RequirementEditing;
  onClose(): void;
  onSubmit(values: RequirementForm): void;
}) {
  const { t } = useTranslation();
  const operator = Form.useWatch('operator', form);
  return (
    <Modal
      open={editing !== null}
      title={t('assessment.env.editRequirement')}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={onSubmit}>
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
  );
}
