import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useProject } from '../../../components/project';
import { applyServerErrors } from '../../../components/server-errors';
import { toApiError, useApi } from '../../../components/use-api';
import { assessmentApi } from '../api';
import { ROLE_KINDS, type AssessmentRole, type RoleInput } from '../types';

const KIND_COLOR: Record<string, string> = { operator: 'blue', reviewer: 'purple', administrator: 'gold', other: 'default' };

/** User-role analysis: roles per department with headcount, tasks and today's systems. */
export default function RolesSection() {
  const { t } = useTranslation();
  const { project, can } = useProject();
  const { message } = App.useApp();
  const roles = useApi(() => assessmentApi.roles(project.id), [project.id]);
  const [editing, setEditing] = useState<AssessmentRole | 'new' | null>(null);
  const [form] = Form.useForm<RoleInput>();
  const [busy, setBusy] = useState(false);
  const items = roles.data ?? [];
  const total = items.reduce((s, r) => s + r.headcount, 0);

  const open = (role: AssessmentRole | 'new') => {
    setEditing(role);
    form.setFieldsValue(
      role === 'new'
        ? { department: '', name: '', kind: 'operator', headcount: 1, mainTasks: '', currentSystems: [] }
        : {
            department: role.department,
            name: role.name,
            kind: role.kind,
            headcount: role.headcount,
            mainTasks: role.mainTasks,
            currentSystems: role.currentSystems,
          },
    );
  };

  const submit = async (values: RoleInput) => {
    setBusy(true);
    try {
      const body = { ...values, mainTasks: values.mainTasks ?? '', currentSystems: values.currentSystems ?? [] };
      if (editing === 'new') await assessmentApi.createRole(project.id, body);
      else if (editing) await assessmentApi.updateRole(project.id, editing.id, body);
      setEditing(null);
      message.success(t('common.saved'));
      await roles.reload();
    } catch (cause) {
      const { message: text, unmatched } = applyServerErrors(form, cause, [
        'department',
        'name',
        'kind',
        'headcount',
        'mainTasks',
        'currentSystems',
      ]);
      message.error([text, ...unmatched].join('；'));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (role: AssessmentRole) => {
    try {
      await assessmentApi.deleteRole(project.id, role.id);
      await roles.reload();
    } catch (cause) {
      message.error(toApiError(cause).message);
    }
  };

  return (
    <Card
      data-testid="assessment-roles"
      title={t('assessment.roles.title')}
      extra={
        can('assessment:create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="role-new">
            {t('assessment.roles.new')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('assessment.roles.intro')}</Typography.Paragraph>
      <ErrorAlert error={roles.error} onRetry={() => void roles.reload()} />
      <Table<AssessmentRole>
        rowKey="id"
        size="small"
        loading={roles.loading}
        dataSource={items}
        pagination={false}
        data-testid="roles-table"
        columns={[
          {
            title: t('assessment.roles.department'),
            dataIndex: 'department',
            filters: [...new Set(items.map((r) => r.department))].map((d) => ({ text: d, value: d })),
            onFilter: (v, r) => r.department === v,
          },
          { title: t('assessment.roles.name'), dataIndex: 'name' },
          {
            title: t('assessment.roles.kind'),
            dataIndex: 'kind',
            render: (k: string) => <Tag color={KIND_COLOR[k]}>{t(`assessment.roleKind.${k}`)}</Tag>,
          },
          { title: t('assessment.roles.headcount'), dataIndex: 'headcount', align: 'right' },
          { title: t('assessment.roles.mainTasks'), dataIndex: 'mainTasks' },
          {
            title: t('assessment.roles.systems'),
            dataIndex: 'currentSystems',
            render: (s: string[]) => s.map((x) => <Tag key={x}>{x}</Tag>),
          },
          {
            key: 'actions',
            width: 130,
            render: (_: unknown, r: AssessmentRole) => (
              <Space size={0}>
                {can('assessment:update') && (
                  <Button type="link" size="small" onClick={() => open(r)}>
                    {t('common.edit')}
                  </Button>
                )}
                {can('assessment:delete') && (
                  <Popconfirm title={t('common.deleteConfirm')} onConfirm={() => void remove(r)}>
                    <Button type="link" size="small" danger>
                      {t('common.delete')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
        summary={() =>
          items.length > 0 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={3}>
                {t('assessment.roles.total', { count: items.length })}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                <strong>{total}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} colSpan={3} />
            </Table.Summary.Row>
          ) : null
        }
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('assessment.roles.new') : t('assessment.roles.edit')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={busy}
        okButtonProps={{ id: 'role-submit' }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item name="department" label={t('assessment.roles.department')} rules={[{ required: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="name" label={t('assessment.roles.name')} rules={[{ required: true, max: 100 }]}>
            <Input placeholder={t('assessment.roles.namePlaceholder')} />
          </Form.Item>
          <Form.Item name="kind" label={t('assessment.roles.kind')} rules={[{ required: true }]}>
            <Select options={ROLE_KINDS.map((k) => ({ value: k, label: t(`assessment.roleKind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="headcount" label={t('assessment.roles.headcount')} rules={[{ required: true }]}>
            <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="mainTasks" label={t('assessment.roles.mainTasks')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="currentSystems" label={t('assessment.roles.systems')} extra={t('assessment.roles.systemsHelp')}>
            <Select mode="tags" tokenSeparators={[',', '，', '、']} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
