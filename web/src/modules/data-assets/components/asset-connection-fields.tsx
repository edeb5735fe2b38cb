import { Form, Input, Radio, Select, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DataConnection } from '../../../api/types';
import type { RegisterAssetValues } from './use-register-asset';

/** A saved connection to read the asset from, and the table or the query to read. */
export function AssetConnectionFields({ form, connections }: { form: FormInstance<RegisterAssetValues>; connections: DataConnection[] }) {
  const { t } = useTranslation();
  const targetMode = Form.useWatch('targetMode', form) ?? 'table';
  const required = [{ required: true, message: t('dataAssets.registerForm.required') }];
  return (
    <>
      <Form.Item name="connectionId" label={t('dataAssets.registerForm.connection')} rules={required}>
        <Select
          options={connections.map((c) => ({ value: c.id, label: `${c.name} (${c.maskedUrl})` }))}
          placeholder={t('dataAssets.registerForm.pickConnection')}
          notFoundContent={t('dataAssets.registerForm.noConnections')}
        />
      </Form.Item>
      <Form.Item name="targetMode">
        <Radio.Group>
          <Radio value="table">{t('dataAssets.registerForm.table')}</Radio>
          <Radio value="query">{t('dataAssets.query')}</Radio>
        </Radio.Group>
      </Form.Item>
      {targetMode === 'table' ? (
        <Form.Item name="table" label={t('dataAssets.registerForm.table')} rules={required}>
          <Input placeholder="public.customer" />
        </Form.Item>
      ) : (
        <Form.Item name="query" label={t('dataAssets.query')} rules={required}>
          <Input.TextArea rows={3} placeholder="SELECT * FROM customer WHERE status = 'A'" />
        </Form.Item>
      )}
    </>
  );
}
