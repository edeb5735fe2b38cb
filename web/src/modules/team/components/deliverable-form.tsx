import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { PHASES } from '../../../api/types';
import { phaseLabel } from '../../../components/labels';
import type { DeliverableValues } from './use-raci';

/** The inline form that adds a deliverable to a phase of the RACI matrix. */
export function DeliverableForm(props: {
  form: FormInstance<DeliverableValues>;
  adding: boolean;
  onFinish: (values: DeliverableValues) => Promise<void>;
}) {
  const { t } = useTranslation();
  return (
    <Form
      form={props.form}
      layout="inline"
      onFinish={props.onFinish}
      initialValues={{ phase: 'goals' }}
      style={{ marginBottom: 12, rowGap: 8 }}
    >
      <Form.Item name="phase">
        <Select
          style={{ width: 140 }}
          options={PHASES.map((p) => ({ value: p, label: phaseLabel(t, p) }))}
          data-testid="deliverable-phase"
        />
      </Form.Item>
      <Form.Item name="name" rules={[{ required: true, message: t('validation.required') }]}>
        <Input placeholder={t('raci.deliverableName')} maxLength={100} style={{ width: 260 }} data-testid="deliverable-name" />
      </Form.Item>
      <Button htmlType="submit" icon={<PlusOutlined />} loading={props.adding} data-testid="deliverable-add">
        {t('raci.addDeliverable')}
      </Button>
    </Form>
  );
}
