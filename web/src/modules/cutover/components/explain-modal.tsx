import { Alert, Form, Input, Modal, Typography, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExplainForm } from '../use-differences';

/** Asks for the reason that explains the selected differences. */
export function ExplainModal(props: {
  open: boolean;
  count: number;
  form: FormInstance<ExplainForm>;
  busy: boolean;
  error: string | undefined;
  onCancel: () => void;
  onSubmit: (reason: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={props.open}
      title={t('cutover.explain.title', { count: props.count })}
      onCancel={props.onCancel}
      onOk={() => props.form.submit()}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={props.busy}
      okButtonProps={{ id: 'explain-submit' }}
      forceRender
    >
      <Typography.Paragraph type="secondary">{t('cutover.explain.hint')}</Typography.Paragraph>
      {props.error && <Alert type="error" showIcon message={props.error} style={{ marginBottom: 12 }} />}
      <Form form={props.form} layout="vertical" onFinish={(v) => props.onSubmit(v.reason.trim())}>
        <Form.Item
          name="reason"
          label={t('cutover.explain.reason')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={1000}
            showCount
            placeholder={t('cutover.explain.reasonPlaceholder')}
            data-testid="explain-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
