import { Alert, Button, Card, Col, Form, Input, InputNumber, Row, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RoiSettingsValues } from './use-roi';

/** The ROI settings: horizon in years, discount rate in percent and currency; read-only without the right. */
export function RoiSettingsCard(props: {
  form: FormInstance<RoiSettingsValues>;
  canEdit: boolean;
  busy: boolean;
  error: string | undefined;
  onFinish: (values: RoiSettingsValues) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { canEdit } = props;
  return (
    <Card size="small" title={t('roi.settings')}>
      {props.error && <Alert type="error" showIcon message={props.error} style={{ marginBottom: 8 }} />}
      <Form form={props.form} layout="vertical" onFinish={props.onFinish} disabled={!canEdit}>
        <Row gutter={8}>
          <Col span={8}>
            <Form.Item name="horizonYears" label={t('roi.horizonYears')} rules={[{ required: true, message: t('validation.required') }]}>
              <InputNumber min={1} max={30} precision={0} style={{ width: '100%' }} data-testid="roi-horizon" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="discountRatePct" label={t('roi.discountRate')} rules={[{ required: true, message: t('validation.required') }]}>
              <InputNumber min={0} max={100} step={0.5} style={{ width: '100%' }} addonAfter="%" data-testid="roi-rate" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="currency" label={t('roi.currency')} rules={[{ required: true, message: t('validation.required') }]}>
              <Input maxLength={10} data-testid="roi-currency" />
            </Form.Item>
          </Col>
        </Row>
        {canEdit && (
          <Button htmlType="submit" type="primary" loading={props.busy} data-testid="roi-save-settings">
            {t('common.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
