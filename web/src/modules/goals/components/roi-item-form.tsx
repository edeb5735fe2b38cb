import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, InputNumber, Select, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROI_ITEM_KINDS } from '../../../api/types';
import type { RoiItemValues } from './use-roi';

/** The inline form that adds a cost or benefit line (kind, label, amount in the case's currency). */
export function RoiItemForm(props: {
  form: FormInstance<RoiItemValues>;
  currency: string;
  busy: boolean;
  error: string | undefined;
  onFinish: (values: RoiItemValues) => Promise<void>;
}) {
  const { t } = useTranslation();
  return (
    <>
      {props.error && <Alert type="error" showIcon message={props.error} style={{ marginBottom: 8 }} />}
      <Form
        form={props.form}
        layout="inline"
        onFinish={props.onFinish}
        initialValues={{ kind: 'one_off_cost' }}
        style={{ marginBottom: 12, rowGap: 8 }}
      >
        <Form.Item name="kind">
          <Select
            style={{ width: 170 }}
            data-testid="roi-item-kind"
            options={ROI_ITEM_KINDS.map((k) => ({ value: k, label: t(`roi.kind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="label" rules={[{ required: true, message: t('validation.required') }]}>
          <Input placeholder={t('roi.label')} maxLength={100} data-testid="roi-item-label" />
        </Form.Item>
        <Form.Item name="amount" rules={[{ required: true, message: t('validation.required') }]}>
          <InputNumber
            placeholder={t('roi.amount')}
            min={0}
            style={{ width: 180 }}
            addonAfter={props.currency}
            data-testid="roi-item-amount"
          />
        </Form.Item>
        <Button htmlType="submit" icon={<PlusOutlined />} loading={props.busy} data-testid="roi-item-add">
          {t('common.add')}
        </Button>
      </Form>
    </>
  );
}
