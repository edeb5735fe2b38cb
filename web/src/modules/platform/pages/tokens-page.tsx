import { KeyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, InputNumber, Layout, Modal, Popconfirm, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/api';
import type { ApiToken, CreatedToken } from '../../../api/types';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDateTime } from '../../../components/format';
import { applyServerErrors } from '../../../components/server-errors';
import { toApiError, useApi } from '../../../components/use-api';

interface TokenForm {
  name: string;
  expiresInDays?: number | null;
}

/** Personal API tokens: create (secret shown once) and revoke. */
export default function TokensPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const tokens = useApi(() => api.auth.tokens(), []);
  const [form] = Form.useForm<TokenForm>();
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string>();
  const [created, setCreated] = useState<CreatedToken>();

  const submit = async (values: TokenForm) => {
    setBusy(true);
    setFormError(undefined);
    try {
      const result = await api.auth.createToken(values.name, values.expiresInDays ?? undefined);
      setCreated(result);
      form.resetFields();
      await tokens.reload();
    } catch (cause) {
      const { message: text, unmatched } = applyServerErrors(form, cause, ['name', 'expiresInDays']);
      setFormError([text, ...unmatched].join(' '));
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (token: ApiToken) => {
    try {
      await api.auth.revokeToken(token.id);
      message.success(t('tokens.revoked'));
      await tokens.reload();
    } catch (cause) {
      message.error(toApiError(cause).message);
    }
  };

  return (
    <Layout.Content style={{ padding: 24, maxWidth: 1000, width: '100%', margin: '0 auto' }} data-testid="tokens-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('nav.tokens')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('tokens.intro')}</Typography.Paragraph>
      <Card title={t('tokens.create')} style={{ marginBottom: 16 }}>
        {formError && <Alert type="error" showIcon message={formError} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="inline" onFinish={submit}>
          <Form.Item name="name" label={t('tokens.name')} rules={[{ required: true, message: t('validation.required') }]}>
            <Input maxLength={100} style={{ width: 240 }} data-testid="token-name" />
          </Form.Item>
          <Form.Item name="expiresInDays" label={t('tokens.expiresInDays')}>
            <InputNumber min={1} max={3650} precision={0} placeholder={t('tokens.never')} style={{ width: 140 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<KeyOutlined />} loading={busy} data-testid="token-create">
            {t('common.create')}
          </Button>
        </Form>
      </Card>
      <ErrorAlert error={tokens.error} onRetry={() => void tokens.reload()} />
      <Table<ApiToken>
        rowKey="id"
        loading={tokens.loading}
        dataSource={tokens.data?.items ?? []}
        data-testid="token-table"
        locale={{ emptyText: t('tokens.empty') }}
        pagination={false}
        columns={[
          { title: t('tokens.name'), dataIndex: 'name' },
          { title: t('tokens.prefix'), dataIndex: 'prefix', render: (v: string) => <Typography.Text code>{v}…</Typography.Text> },
          { title: t('tokens.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
          {
            title: t('tokens.lastUsedAt'),
            dataIndex: 'lastUsedAt',
            render: (v: string | null) => (v ? formatDateTime(v) : t('tokens.neverUsed')),
          },
          {
            title: t('tokens.expiresAt'),
            dataIndex: 'expiresAt',
            render: (v: string | null) => (v ? formatDateTime(v) : t('tokens.never')),
          },
          {
            title: t('common.actions'),
            render: (_, token) => (
              <Popconfirm
                title={t('tokens.revokeConfirm')}
                onConfirm={() => revoke(token)}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
              >
                <Button danger size="small">
                  {t('tokens.revoke')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <Modal
        open={!!created}
        title={t('tokens.createdTitle')}
        onOk={() => setCreated(undefined)}
        onCancel={() => setCreated(undefined)}
        okText={t('tokens.copiedIt')}
        cancelButtonProps={{ style: { display: 'none' } }}
        closable={false}
        maskClosable={false}
      >
        <Alert type="warning" showIcon message={t('tokens.shownOnce')} style={{ marginBottom: 12 }} />
        <Space.Compact style={{ width: '100%' }}>
          <Input readOnly value={created?.token} data-testid="token-secret" />
          <Button
            onClick={() => {
              if (created) void navigator.clipboard?.writeText(created.token).then(() => message.success(t('tokens.copied')));
            }}
          >
            {t('tokens.copy')}
          </Button>
        </Space.Compact>
      </Modal>
    </Layout.Content>
  );
}
