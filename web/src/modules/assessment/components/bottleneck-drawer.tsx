import { Alert, Button, Drawer, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { BOTTLENECK_TYPES } from '../types';
import { money, type Bottlenecks } from './use-bottlenecks';

/** The drawer to mark a step as a bottleneck or edit it, with a live preview of its monthly cost. */
export function BottleneckDrawer({ bottlenecks }: { bottlenecks: Bottlenecks }) {
  const { t } = useTranslation();
  const { form, editing, hourly, typeLabel } = bottlenecks;
  return (
    <Drawer
      open={editing !== null}
      title={`${t('assessment.bottleneck.drawerTitle')}：${editing?.stepName ?? ''}`}
      onClose={bottlenecks.close}
      width={420}
      destroyOnHidden
      extra={
        <Button type="primary" onClick={() => form.submit()} data-testid="bottleneck-submit">
          {t('common.save')}
        </Button>
      }
    >
      <Form form={form} layout="vertical" onFinish={(v) => void bottlenecks.submit(v)} data-testid="bottleneck-form">
        <Form.Item name="type" label={t('assessment.bottleneck.type')} rules={[{ required: true }]}>
          <Select data-testid="bottleneck-type" options={BOTTLENECK_TYPES.map((b) => ({ value: b, label: typeLabel(b) }))} />
        </Form.Item>
        <Form.Item name="durationHours" label={t('assessment.bottleneck.duration')} rules={[{ required: true }]}>
          <InputNumber min={0} max={10000} step={0.5} style={{ width: '100%' }} data-testid="bottleneck-duration" />
        </Form.Item>
        <Form.Item name="volumePerMonth" label={t('assessment.bottleneck.volume')} rules={[{ required: true }]}>
          <InputNumber min={0} max={10000000} style={{ width: '100%' }} data-testid="bottleneck-volume" />
        </Form.Item>
        <Form.Item name="note" label={t('assessment.bottleneck.note')}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item noStyle shouldUpdate>
          {() => {
            const d = Number(form.getFieldValue('durationHours') ?? 0);
            const v = Number(form.getFieldValue('volumePerMonth') ?? 0);
            return (
              <Alert
                type="info"
                message={t('assessment.bottleneck.preview', { duration: d, volume: v, rate: hourly, cost: money(d * v * hourly) })}
              />
            );
          }}
        </Form.Item>
      </Form>
    </Drawer>
  );
}
