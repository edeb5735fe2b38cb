import { ApiOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Form, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/api';
import { CONNECTION_KINDS, type ConnectionKind, type DataConnection } from '../../../api/types';
import { applyServerErrors } from '../../../components/server-errors';
import { toApiError } from '../../../components/use-api';

interface ConnectionForm {
  name: string;
  kind: ConnectionKind;
  url: string;
  password?: string;
}

const URL_EXAMPLES: Record<ConnectionKind, string> = {
  postgres: 'postgres://erp_reader@10.0.0.5:5432/erp',
  mysql: 'mysql://erp_reader@10.0.0.6:3306/erp',
  sqlite: 'sqlite:/data/legacy.db',
};

/** Saved database connections: add, edit (the password is never shown back), test, delete. */
export function ConnectionsDrawer(props: {
  projectId: string;
  open: boolean;
  connections: DataConnection[];
  canCreate: boolean;
  canUpdate: boolean;
  canDelete: boolean;
  onClose: () => void;
  onChanged: () => Promise<void> | void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ConnectionForm>();
  const [editing, setEditing] = useState<DataConnection | 'new' | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [testing, setTesting] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form) ?? 'postgres';

  const startEdit = (connection: DataConnection | 'new') => {
    setError(undefined);
    setEditing(connection);
  };

  // The form is mounted with the editing box, so it is filled after the box renders.
  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    if (editing === 'new') form.setFieldsValue({ kind: 'postgres' });
    else form.setFieldsValue({ name: editing.name, kind: editing.kind, url: editing.maskedUrl, password: undefined });
  }, [editing, form]);

  const submit = async (v: ConnectionForm) => {
    setBusy(true);
    setError(undefined);
    try {
      const password = v.password ? v.password : undefined;
      if (editing === 'new') await api.cutover.createConnection(props.projectId, { name: v.name, kind: v.kind, url: v.url, password });
      else if (editing) await api.cutover.updateConnection(props.projectId, editing.id, { name: v.name, url: v.url, password });
      message.success(t('common.saved'));
      setEditing(null);
      await props.onChanged();
    } catch (cause) {
      const { message: text, unmatched } = applyServerErrors(form, cause, ['name', 'kind', 'url', 'password']);
      setError([text, ...unmatched].join(' '));
    } finally {
      setBusy(false);
    }
  };

  const test = async (c: DataConnection) => {
    setTesting(c.id);
    try {
      const result = await api.cutover.testConnection(props.projectId, c.id);
      if (result.ok) message.success(t('cutover.connections.testOk', { name: c.name }));
      else message.error(t('cutover.connections.testFailed', { name: c.name, error: result.error ?? '' }));
    } catch (cause) {
      message.error(toApiError(cause).message);
    } finally {
      setTesting(null);
    }
  };

  const remove = async (c: DataConnection) => {
    try {
      await api.cutover.removeConnection(props.projectId, c.id);
      message.success(t('common.deleted'));
      await props.onChanged();
    } catch (cause) {
      message.error(toApiError(cause).message);
    }
  };

  return (
    <Drawer
      open={props.open}
      onClose={props.onClose}
      width={760}
      title={t('cutover.connections.title')}
      data-testid="connections-drawer"
      destroyOnHidden
      extra={
        props.canCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => startEdit('new')} data-testid="connection-add">
            {t('cutover.connections.add')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('cutover.connections.intro')}</Typography.Paragraph>
      <Table<DataConnection>
        rowKey="id"
        size="small"
        data-testid="connection-table"
        dataSource={props.connections}
        pagination={false}
        locale={{ emptyText: t('cutover.connections.empty') }}
        onRow={(c) => ({ 'data-testid': `connection-row-${c.id}`, 'data-name': c.name }) as React.HTMLAttributes<HTMLTableRowElement>}
        columns={[
          { title: t('cutover.connections.name'), dataIndex: 'name', width: 140 },
          { title: t('cutover.connections.kind'), dataIndex: 'kind', width: 80, render: (v: string) => <Tag>{v}</Tag> },
          {
            title: t('cutover.connections.url'),
            dataIndex: 'maskedUrl',
            render: (v: string, c) => (
              <span>
                <Typography.Text code style={{ wordBreak: 'break-all' }}>
                  {v}
                </Typography.Text>
                {c.usedBy.length > 0 && (
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('cutover.connections.usedBy', { names: c.usedBy.map((u) => u.name).join('、') })}
                    </Typography.Text>
                  </div>
                )}
              </span>
            ),
          },
          {
            title: t('common.actions'),
            width: 150,
            render: (_, c) => (
              <Space size={0}>
                <Button
                  type="link"
                  size="small"
                  icon={<ApiOutlined />}
                  loading={testing === c.id}
                  onClick={() => void test(c)}
                  data-testid="connection-test"
                >
                  {t('cutover.connections.test')}
                </Button>
                {props.canUpdate && (
                  <Button
                    type="text"
                    size="small"
                    icon={<EditOutlined />}
                    aria-label={t('common.edit')}
                    onClick={() => startEdit(c)}
                    data-testid="connection-edit"
                  />
                )}
                {props.canDelete && (
                  <Popconfirm
                    title={c.usedBy.length ? t('cutover.connections.inUse') : t('common.deleteConfirm')}
                    onConfirm={() => remove(c)}
                    okText={t('common.confirm')}
                    cancelText={t('common.cancel')}
                    okButtonProps={{ disabled: c.usedBy.length > 0 }}
                  >
                    <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <div style={{ marginTop: 16, padding: 16, border: '1px solid #f0f0f0', borderRadius: 8 }} data-testid="connection-form-box">
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {editing === 'new' ? t('cutover.connections.add') : t('cutover.connections.edit', { name: editing.name })}
          </Typography.Title>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="connection-form-error" />}
          <Form form={form} layout="vertical" onFinish={submit} data-testid="connection-form">
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
              <Button type="primary" htmlType="submit" loading={busy} data-testid="connection-submit">
                {t('common.save')}
              </Button>
              <Button onClick={() => setEditing(null)}>{t('common.cancel')}</Button>
            </Space>
          </Form>
        </div>
      )}
    </Drawer>
  );
}
