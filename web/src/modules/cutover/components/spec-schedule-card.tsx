import { SendOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Switch } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { WEBHOOK_FORMATS } from '../../../api/types';
import { DEFAULT_CRON, DEFAULT_TIME_ZONE, describeCron, type SpecFormValues } from '../spec-form';

const CRON_PRESETS = ['0 6 * * *', '0 7 * * *', '30 5 * * *', '0 6 * * 1-5', '0 22 * * *'];
const COMMON_ZONES = [
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Taipei',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Europe/Berlin',
  'America/New_York',
  'UTC',
];

function allTimeZones(): string[] {
  try {
    const all = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
    return [...new Set([...COMMON_ZONES, ...all])];
  } catch {
    return COMMON_ZONES;
  }
}

/** The spec form's schedule card: cron, time zone, enabled, exit criterion days, and the webhook (with a test send). */
export function SpecScheduleCard(props: { specId: string | undefined; webhookBusy: boolean; onSendTest: () => void }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<SpecFormValues>();
  const cron = (Form.useWatch('cron', form) as string | undefined) ?? '';
  const webhookFormat = Form.useWatch('webhookFormat', form) as SpecFormValues['webhookFormat'] | undefined;
  const zones = useMemo(allTimeZones, []);
  const required = [{ required: true, message: t('validation.required') }];
  const { specId } = props;
  return (
    <Card size="small" title={t('cutover.editor.schedule')} style={{ marginBottom: 16 }}>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            name="cron"
            label={t('cutover.schedule.cron')}
            rules={required}
            extra={cron.trim() ? describeCron(t, cron) : undefined}
          >
            <AutoComplete
              data-testid="spec-cron"
              options={CRON_PRESETS.map((c) => ({ value: c, label: `${c}（${describeCron(t, c)}）` }))}
              placeholder={DEFAULT_CRON}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="timeZone" label={t('cutover.schedule.timeZone')} rules={required}>
            <AutoComplete
              data-testid="spec-timezone"
              placeholder={DEFAULT_TIME_ZONE}
              options={zones.map((z) => ({ value: z }))}
              filterOption={(input, option) =>
                String(option?.value ?? '')
                  .toLowerCase()
                  .includes(input.toLowerCase())
              }
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item name="enabled" label={t('cutover.schedule.enabled')} valuePropName="checked">
            <Switch data-testid="spec-enabled" />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item
            name="exitCriterionDays"
            label={t('cutover.schedule.exitDays')}
            rules={required}
            tooltip={t('cutover.schedule.exitDaysHint')}
          >
            <InputNumber min={1} max={60} precision={0} style={{ width: '100%' }} data-testid="spec-exit-days" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="webhookFormat" label={t('cutover.webhook.format')}>
            <Select
              data-testid="spec-webhook-format"
              options={WEBHOOK_FORMATS.map((f) => ({ value: f, label: t(`cutover.webhook.formats.${f}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item label={t('cutover.webhook.url')} extra={specId ? t('cutover.webhook.urlHint') : t('cutover.webhook.saveFirst')}>
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item name="webhookUrl" noStyle>
                <Input
                  maxLength={2000}
                  disabled={webhookFormat === 'none'}
                  placeholder="https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…"
                  data-testid="spec-webhook-url"
                />
              </Form.Item>
              <Button
                icon={<SendOutlined />}
                disabled={!specId || webhookFormat === 'none'}
                loading={props.webhookBusy}
                onClick={props.onSendTest}
                data-testid="spec-webhook-test"
              >
                {t('cutover.webhook.sendTest')}
              </Button>
            </Space.Compact>
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
