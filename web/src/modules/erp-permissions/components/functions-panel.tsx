import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Popconfirm, Select, Space, Table, Typography, App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ERP_MODULES } from '../../../api/types';
import { moduleLabel } from '../../../components/labels';
import { applyServerErrors } from '../../../components/server-errors';
import { actionText } from '../matrix-labels';
import { FUNCTION_ACTIONS, type ErpFunction, type ErpFunctionInput, type ErpFunctionUpdate } from '../types';

/** The project's function catalogue (module · menu · action), editable. */
export function FunctionsPanel({
  functions,
  canCreate,
  canEdit,
  canDelete,
  onCreate,
  onUpdate,
  onDelete,
}: {
  functions: ErpFunction[];
  canCreate: boolean;
  canEdit: boolean;
  canDelete: boolean;
  onCreate: (input: ErpFunctionInput) => Promise<void>;
  onUpdate: (functionId: string, input: ErpFunctionUpdate) => Promise<void>;
  onDelete: (functionId: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ErpFunctionInput>();
  const [adding, setAdding] = useState(false);

  const add = async (values: ErpFunctionInput) => {
    setAdding(true);
    try {
      await onCreate({ ...values, description: values.description ?? '' });
      form.resetFields(['menu', 'description']);
    } catch (cause) {
      const { message: text, unmatched } = applyServerErrors(form, cause, ['module', 'menu', 'action', 'description']);
      message.error([text, ...unmatched].join(' '));
    } finally {
      setAdding(false);
    }
  };

  return (
    <div data-testid="erp-functions">
      <Typography.Paragraph type="secondary">{t('permissionMatrix.functionsIntro', { count: functions.length })}</Typography.Paragraph>
      {canCreate && (
        <Form
          form={form}
          layout="inline"
          onFinish={add}
          initialValues={{ module: 'finance', action: 'view' }}
          style={{ marginBottom: 12, rowGap: 8 }}
        >
          <Form.Item name="module">
            <Select style={{ width: 120 }} options={ERP_MODULES.map((m) => ({ value: m, label: moduleLabel(t, m) }))} />
          </Form.Item>
          <Form.Item name="menu" rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
            <Input
              maxLength={60}
              placeholder={t('permissionMatrix.menuPlaceholder')}
              style={{ width: 180 }}
              data-testid="erp-function-menu"
            />
          </Form.Item>
          <Form.Item name="action">
            <Select style={{ width: 100 }} options={FUNCTION_ACTIONS.map((a) => ({ value: a, label: actionText(t, a) }))} />
          </Form.Item>
          <Form.Item name="description">
            <Input maxLength={300} placeholder={t('permissionMatrix.functionDescription')} style={{ width: 220 }} />
          </Form.Item>
          <Button htmlType="submit" icon={<PlusOutlined />} loading={adding} data-testid="erp-function-add">
            {t('permissionMatrix.addFunction')}
          </Button>
        </Form>
      )}
      <Table<ErpFunction>
        rowKey="id"
        size="small"
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        dataSource={functions}
        columns={[
          { title: t('permissionMatrix.module'), dataIndex: 'module', width: 100, render: (m: string) => moduleLabel(t, m) },
          {
            title: t('permissionMatrix.menu'),
            dataIndex: 'menu',
            width: 180,
            render: (menu: string, f) =>
              canEdit ? (
                <Typography.Text editable={{ onChange: (v) => v.trim() && v.trim() !== menu && void onUpdate(f.id, { menu: v.trim() }) }}>
                  {menu}
                </Typography.Text>
              ) : (
                menu
              ),
          },
          {
            title: t('permissionMatrix.actionColumn'),
            dataIndex: 'action',
            width: 90,
            render: (a: ErpFunction['action']) => actionText(t, a),
          },
          {
            title: t('permissionMatrix.functionDescription'),
            dataIndex: 'description',
            render: (d: string, f) =>
              canEdit ? (
                <Typography.Text editable={{ onChange: (v) => v !== d && void onUpdate(f.id, { description: v }) }}>{d}</Typography.Text>
              ) : (
                d
              ),
          },
          {
            title: t('common.actions'),
            width: 70,
            render: (_: unknown, f) =>
              canDelete ? (
                <Space>
                  <Popconfirm title={t('permissionMatrix.deleteFunctionConfirm')} onConfirm={() => onDelete(f.id)}>
                    <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                  </Popconfirm>
                </Space>
              ) : null,
          },
        ]}
      />
    </div>
  );
}
