import { Alert, DatePicker, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Mitigation } from './use-mitigation';

/** The dialog to accept a conflict with a compensating control, who approved it and when. */
export function MitigationModal({ mitigation }: { mitigation: Mitigation }) {
  const { t } = useTranslation();
  const { form, mitigating, saving, formError } = mitigation;
  return (
    <Modal
      open={mitigating !== null}
      title={t('permissionMatrix.recordException')}
      onCancel={mitigation.close}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: saving, id: 'mitigation-submit' }}
      onOk={() => form.submit()}
      forceRender
    >
      {mitigating && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          {mitigating.explanation}
        </Typography.Paragraph>
      )}
      {formError && <Alert type="error" showIcon message={formError} style={{ marginBottom: 12 }} data-testid="form-error" />}
      <Form form={form} layout="vertical" onFinish={mitigation.submit}>
        <Form.Item
          name="compensatingControl"
          label={t('permissionMatrix.compensatingControl')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          extra={t('permissionMatrix.compensatingControlHint')}
        >
          <Input.TextArea rows={3} maxLength={1000} data-testid="mitigation-control" />
        </Form.Item>
        <Form.Item
          name="approver"
          label={t('permissionMatrix.approver')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input maxLength={60} data-testid="mitigation-approver" />
        </Form.Item>
        <Form.Item
          name="approvedOn"
          label={t('permissionMatrix.approvedOn')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <DatePicker data-testid="mitigation-date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
