import { Form, Input, InputNumber, Modal, Select, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLE_KINDS, type AssessmentRole, type RoleInput } from '../types';

/** The dialog to add or edit a user role. */
export function RoleModal({
  form,
  editing,
  busy,
  onClose,
  onSubmit,
}: {
  form: FormInstance<RoleInput>;
  editing: AssessmentRole | 'new' | null;
  busy: boolean;
  onClose(): void;
  onSubmit(values: RoleInput): Promise<void>;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={editing !== null}
      title={editing === 'new' ? t('assessment.roles.new') : t('assessment.roles.edit')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okButtonProps={{ id: 'role-submit' }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => void onSubmit(v)}>
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
  );
}
