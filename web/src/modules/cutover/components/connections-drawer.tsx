import { ApiOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Drawer, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DataConnection } from '../../../api/types';
import { useConnectionEditor } from '../use-connection-editor';
import { ConnectionFormBox } from './connection-form-box';

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
  const editor = useConnectionEditor(props.projectId, props.onChanged);
  const { editing } = editor;

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
          <Button type="primary" icon={<PlusOutlined />} onClick={() => editor.startEdit('new')} data-testid="connection-add">
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
                  loading={editor.testing === c.id}
                  onClick={() => void editor.test(c)}
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
                    onClick={() => editor.startEdit(c)}
                    data-testid="connection-edit"
                  />
                )}
                {props.canDelete && (
                  <Popconfirm
                    title={c.usedBy.length ? t('cutover.connections.inUse') : t('common.deleteConfirm')}
                    onConfirm={() => editor.remove(c)}
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
        <ConnectionFormBox
          form={editor.form}
          editing={editing}
          busy={editor.busy}
          error={editor.error}
          onSubmit={editor.submit}
          onCancel={editor.stopEdit}
        />
      )}
    </Drawer>
  );
}
