import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { SUPPORT_LEVELS, type Member, type Stakeholder } from '../../../api/types';
import { supportLabel } from './stakeholder-support';
import type { StakeholderFormValues } from './use-stakeholders';

/** Add a stakeholder (with the linked member and a first support assessment) or edit one. */
export function StakeholderFormModal(props: {
  editing: Stakeholder | 'new' | null;
  form: FormInstance<StakeholderFormValues>;
  members: Member[];
  busy: boolean;
  error: string | undefined;
  onCancel: () => void;
  onFinish: (values: StakeholderFormValues) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { editing, form } = props;
  return (
    <Modal
      open={editing !== null}
      title={editing === 'new' ? t('stakeholders.add') : t('stakeholders.edit')}
      onCancel={props.onCancel}
      onOk={() => form.submit()}
      confirmLoading={props.busy}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      forceRender
    >
      {props.error && <Alert type="error" showIcon message={props.error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={props.onFinish}>
        <Form.Item name="name" label={t('stakeholders.name')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="organization" label={t('stakeholders.organization')}>
          <Input maxLength={100} />
        </Form.Item>
        {editing === 'new' && (
          <Form.Item name="memberId" label={t('stakeholders.member')}>
            <Select allowClear showSearch optionFilterProp="label" options={props.members.map((m) => ({ value: m.id, label: m.name }))} />
          </Form.Item>
        )}
        <Form.Item
          name="influence"
          label={t('stakeholders.influence')}
          extra={t('stakeholders.influenceHint')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <InputNumber min={1} max={5} precision={0} />
        </Form.Item>
        {editing === 'new' && (
          <>
            <Form.Item
              name="support"
              label={t('stakeholders.initialSupport')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <Select options={SUPPORT_LEVELS.map((l) => ({ value: l, label: supportLabel(t, l) }))} />
            </Form.Item>
            <Form.Item name="assessedOn" label={t('stakeholders.assessedOn')}>
              <DatePicker />
            </Form.Item>
          </>
        )}
        <Form.Item name="note" label={t('stakeholders.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
