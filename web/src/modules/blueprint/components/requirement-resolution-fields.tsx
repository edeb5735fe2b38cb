import { Alert, Form, Input, InputNumber, Radio, Select, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { CONFIG_KINDS, RESOLUTIONS } from '../types';
import type { FormValues } from './use-requirement-form';

/**
 * How a requirement is met and what that demands: the configuration kind, the process change, or
 * for 定制开发 the gap, the justification and the upgrade impact; the effort is required then.
 */
export function RequirementResolutionFields({ form }: { form: FormInstance<FormValues> }) {
  const { t } = useTranslation();
  const resolution = Form.useWatch('resolution', form);
  const required = [{ required: true, whitespace: true, message: t('validation.required') }];
  const custom = resolution === 'custom_development';
  return (
    <>
      <Form.Item name="resolution" label={t('blueprint.field.resolution')} extra={t('blueprint.req.resolutionHint')}>
        <Radio.Group optionType="button" buttonStyle="solid" data-testid="requirement-resolution">
          {RESOLUTIONS.map((r) => (
            <Radio.Button key={r} value={r} data-testid={`resolution-${r}`}>
              {t(`blueprint.resolution.${r}`)}
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      {resolution === 'configuration' && (
        <Form.Item
          name="configKind"
          label={t('blueprint.field.configKind')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Select
            data-testid="requirement-config-kind"
            options={CONFIG_KINDS.map((k) => ({ value: k, label: t(`blueprint.configKind.${k}`) }))}
          />
        </Form.Item>
      )}
      {resolution === 'process_change' && (
        <Form.Item name="processChangeNote" label={t('blueprint.field.processChangeNote')} rules={required}>
          <Input.TextArea rows={2} maxLength={4000} data-testid="requirement-process-note" />
        </Form.Item>
      )}
      {custom && (
        <Alert
          type="warning"
          showIcon
          data-testid="custom-dev-demand"
          message={t('blueprint.req.customTitle')}
          description={t('blueprint.req.customText')}
          style={{ marginBottom: 12 }}
        />
      )}
      {custom && (
        <>
          <Form.Item name="gapReason" label={t('blueprint.field.gapReason')} rules={required}>
            <Input.TextArea rows={2} maxLength={4000} data-testid="requirement-gap-reason" />
          </Form.Item>
          <Form.Item name="justification" label={t('blueprint.field.justification')} rules={required}>
            <Input.TextArea rows={2} maxLength={4000} data-testid="requirement-justification" />
          </Form.Item>
          <Form.Item name="upgradeImpact" label={t('blueprint.field.upgradeImpact')} rules={required}>
            <Input.TextArea rows={2} maxLength={4000} data-testid="requirement-upgrade-impact" />
          </Form.Item>
        </>
      )}
      <Form.Item
        name="effortDays"
        label={t('blueprint.field.effortDays')}
        rules={
          custom
            ? [
                { required: true, message: t('validation.required') },
                { type: 'number', min: 0.1, message: t('blueprint.req.effortPositive') },
              ]
            : []
        }
      >
        <InputNumber min={0} max={100000} step={0.5} style={{ width: 200 }} data-testid="requirement-effort" />
      </Form.Item>
    </>
  );
}
