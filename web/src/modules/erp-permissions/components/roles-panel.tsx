import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../../components/server-errors';
import type { ErpRole, ErpRoleInput, PermissionMatrix } from '../types';

const ROLE_FIELDS = ['name', 'department', 'description'] as const;

/** Modal form to add or edit an ERP role. */
export function RoleFormModal({
  role,
  open,
  onClose,
  onSave,
}: {
  role: ErpRole | null;
  open: boolean;
  onClose: () => void;
  onSave: (input: ErpRoleInput) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ErpRoleInput>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string>();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      role
        ? { name: role.name, department: role.department, description: role.description }
        : { name: '', department: '', description: '' },
    );
    setFormError(undefined);
  }, [open, role, form]);

  const submit = async (values: ErpRoleInput) => {
    setSaving(true);
    setFormError(undefined);
    try {
      await onSave({ name: values.name, department: values.department ?? '', description: values.description ?? '' });
      onClose();
    } catch (cause) {
      const { message, unmatched } = applyServerErrors(form, cause, ROLE_FIELDS);
      setFormError([message, ...unmatched].join(' '));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={role ? t('permissionMatrix.editRole') : t('permissionMatrix.addRole')}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: saving, id: 'erp-role-submit' }}
      onOk={() => form.submit()}
      forceRender
    >
      {formError && <Alert type="error" showIcon message={formError} style={{ marginBottom: 12 }} data-testid="form-error" />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="name"
          label={t('permissionMatrix.roleName')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input maxLength={60} placeholder={t('permissionMatrix.roleNamePlaceholder')} data-testid="erp-role-name" />
        </Form.Item>
        <Form.Item name="department" label={t('permissionMatrix.department')}>
          <Input maxLength={60} data-testid="erp-role-department" />
        </Form.Item>
        <Form.Item name="description" label={t('permissionMatrix.roleDescription')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** ERP roles: department, description, the project members who will hold each role (for person-level SoD). */
export function RolesPanel({
  matrix,
  canEdit,
  canDelete,
  onEdit,
  onDelete,
  onSetMembers,
}: {
  matrix: PermissionMatrix;
  canEdit: boolean;
  canDelete: boolean;
  onEdit: (role: ErpRole) => void;
  onDelete: (roleId: string) => Promise<void>;
  onSetMembers: (roleId: string, memberIds: string[]) => Promise<void>;
}) {
  const { t } = useTranslation();
  const grantCount = new Map<string, number>();
  for (const g of matrix.grants) grantCount.set(g.roleId, (grantCount.get(g.roleId) ?? 0) + 1);
  const memberOptions = matrix.members.map((m) => ({ value: m.id, label: m.department ? `${m.name}（${m.department}）` : m.name }));
  return (
    <div data-testid="erp-roles">
      <Typography.Paragraph type="secondary">{t('permissionMatrix.rolesIntro')}</Typography.Paragraph>
      <Table<ErpRole>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={matrix.roles}
        locale={{ emptyText: t('permissionMatrix.noRoles') }}
        onRow={(r) => ({ 'data-testid': 'erp-role-row', 'data-name': r.name }) as React.HTMLAttributes<HTMLTableRowElement>}
        columns={[
          {
            title: t('permissionMatrix.roleName'),
            dataIndex: 'name',
            width: 140,
            render: (name: string, r) => (
              <Space size={4}>
                <strong>{name}</strong>
                {r.assessmentRoleId && <Tag color="blue">{t('permissionMatrix.fromAssessment')}</Tag>}
              </Space>
            ),
          },
          { title: t('permissionMatrix.department'), dataIndex: 'department', width: 110 },
          { title: t('permissionMatrix.roleDescription'), dataIndex: 'description' },
          { title: t('permissionMatrix.grantCount'), key: 'grants', width: 80, render: (_: unknown, r) => grantCount.get(r.id) ?? 0 },
          {
            title: t('permissionMatrix.holders'),
            key: 'members',
            width: 280,
            render: (_: unknown, r) => (
              <Select
                mode="multiple"
                style={{ width: '100%' }}
                disabled={!canEdit}
                value={r.memberIds}
                options={memberOptions}
                optionFilterProp="label"
                placeholder={t('permissionMatrix.holdersPlaceholder')}
                onChange={(ids: string[]) => void onSetMembers(r.id, ids)}
              />
            ),
          },
          {
            title: t('common.actions'),
            width: 100,
            render: (_: unknown, r) => (
              <Space>
                {canEdit && <Button size="small" icon={<EditOutlined />} onClick={() => onEdit(r)} aria-label={t('common.edit')} />}
                {canDelete && (
                  <Popconfirm title={t('permissionMatrix.deleteRoleConfirm')} onConfirm={() => onDelete(r.id)}>
                    <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
    </div>
  );
}
