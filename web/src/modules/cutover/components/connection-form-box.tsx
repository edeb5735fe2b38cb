import { Alert, Button, Form, Input, Select, Space, Typography, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { CONNECTION_KINDS, type ConnectionKind, type DataConnection } from '../../../api/types';
import type { ConnectionForm } from '../use-connection-editor';

const URL_EXAMPLES: Record<ConnectionKind, string> = {
  postgres: 'postgres://erp_reader@10.0.0.5:5432/erp',
  mysql: 'mysql://erp_reader@10.0.0.6:3306/erp',
  sqlite: 'sqlite:/data/legacy.db',
};

/** The form for a new or an edited connection (the password is never shown back; the kind is fixed once saved). */
export function ConnectionFormBox(props: {
  form: FormInstance<ConnectionForm>;
  editing: DataConnection | 'new';
  busy: boolean;
  error: string | undefined;
  onSubmit: (values: ConnectionForm) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { form, editing } = props;
  const kind = Form.useWatch('kind', form) ?? 'postgres';
  return (
    <div style={{ marginTop: 16, padding: 16, border: '1px solid #f0f0f0', borderRadius: 8 }} data-testid="connection-form-box">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {editing === 'new' ? t('cutover.connections.add') : t('cutover.connections.edit', { name: editing.name })}
      </Typography.Title>
      {props.error && (
        <Alert type="error" showIcon message={props.error} style={{ marginBottom: 12 }} data-testid="connection-form-error" />
      )}
      <Form form={form} layout="vertical" onFinish={props.onSubmit} data-testid="connection-form">
        <Space style={{ width: '100%' }} align="start" wrap>
          <Form.Item name="name" label={t('cutover.connections.name')} rules={[{ required: true, message: t('validation.required') }]}>
            <Input maxLength={100} style={{ width: 240 }} data-testid="connection-name" />
          </Form.Item>
          <Form.Item name="kind" label={t('cutover.connections.kind')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select
              disabled={editing !== 'new'}
              style={{ width: 160 }}
              data-testid="connection-kind"
              options={CONNECTION_KINDS.map((k) => ({ value: k, label: k }))}
            />
          </Form.Item>
        </Space>
        <Form.Item
          name="url"
          label={t('cutover.connections.url')}
          extra={
            editing === 'new' ? t('cutover.connections.urlHint', { example: URL_EXAMPLES[kind] }) : t('cutover.connections.urlKeepHint')
          }
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input maxLength={2000} placeholder={URL_EXAMPLES[kind]} data-testid="connection-url" />
        </Form.Item>
        {kind !== 'sqlite' && (
          <Form.Item
            name="password"
            label={t('cutover.connections.password')}
            extra={editing === 'new' ? t('cutover.connections.passwordHint') : t('cutover.connections.passwordKeepHint')}
          >
            <Input.Password maxLength={500} autoComplete="new-password" data-testid="connection-password" />
          </Form.Item>
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={props.busy} data-testid="connection-submit">
            {t('common.save')}
          </Button>
          <Button onClick={props.onCancel}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </div>
  );
}
