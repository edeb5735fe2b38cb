import { Alert, DatePicker, Form, Input, Modal, Select, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { SUPPORT_LEVELS, type Stakeholder } from '../../../api/types';
import { supportLabel } from './stakeholder-support';
import type { AssessmentFormValues } from './use-stakeholders';

/** Record a new support assessment (date, level, note) for one stakeholder. */
export function AssessmentModal(props: {
  assessing: Stakeholder | null;
  form: FormInstance<AssessmentFormValues>;
  busy: boolean;
  error: string | undefined;
  onCancel: () => void;
  onFinish: (values: AssessmentFormValues) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { assessing, form } = props;
  return (
    <Modal
      open={assessing !== null}
      title={t('stakeholders.recordAssessmentFor', { name: assessing?.name ?? '' })}
      onCancel={props.onCancel}
      onOk={() => form.submit()}
      confirmLoading={props.busy}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      forceRender
    >
      {props.error && <Alert type="error" showIcon message={props.error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={props.onFinish}>
        <Form.Item name="assessedOn" label={t('stakeholders.assessedOn')} rules={[{ required: true, message: t('validation.required') }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="support" label={t('stakeholders.support')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select options={SUPPORT_LEVELS.map((l) => ({ value: l, label: supportLabel(t, l) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('stakeholders.note')}>
          <Input.TextArea rows={2} maxLength={500} placeholder={t('stakeholders.assessmentNotePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
