import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Form, Input, InputNumber, type FormInstance } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { MeasurementFormValues } from './use-goal-measurements';

/** The inline form that records one KPI measurement (date, value, note), with the server's error above it. */
export function MeasurementForm(props: {
  form: FormInstance<MeasurementFormValues>;
  unit: string;
  busy: boolean;
  error: string | undefined;
  onFinish: (values: MeasurementFormValues) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { form, unit, busy, error } = props;
  return (
    <>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} data-testid="measurement-error" />}
      <Form
        form={form}
        layout="inline"
        onFinish={props.onFinish}
        initialValues={{ measuredOn: dayjs() }}
        style={{ marginBottom: 12, rowGap: 8 }}
      >
        <Form.Item name="measuredOn" rules={[{ required: true, message: t('validation.required') }]}>
          <DatePicker data-testid="measurement-date" />
        </Form.Item>
        <Form.Item name="value" rules={[{ required: true, message: t('validation.required') }]}>
          <InputNumber placeholder={t('goals.value')} data-testid="measurement-value" addonAfter={unit || undefined} />
        </Form.Item>
        <Form.Item name="note">
          <Input placeholder={t('goals.note')} maxLength={500} data-testid="measurement-note" />
        </Form.Item>
        <Button htmlType="submit" type="primary" icon={<PlusOutlined />} loading={busy} data-testid="measurement-add">
          {t('goals.addMeasurement')}
        </Button>
      </Form>
    </>
  );
}
