import { Alert, Form, Input, Modal, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { riskText } from '../matrix-labels';
import { RISK_LEVELS, type ErpFunction } from '../types';
import { MatcherListField } from './matcher-list-field';
import type { RuleEditor } from './use-rule-editor';

/** The dialog to add or edit a SoD rule: code, name, risk, and the two sides that must not meet. */
export function RuleFormModal({ editor, functions }: { editor: RuleEditor; functions: ErpFunction[] }) {
  const { t } = useTranslation();
  const { form, editing, saving, formError } = editor;
  return (
    <Modal
      open={editing !== null}
      width={720}
      title={editing === 'new' ? t('permissionMatrix.addRule') : t('permissionMatrix.editRule')}
      onCancel={editor.close}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: saving, id: 'sod-rule-submit' }}
      onOk={() => form.submit()}
      forceRender
    >
      {formError && <Alert type="error" showIcon message={formError} style={{ marginBottom: 12 }} data-testid="form-error" />}
      <Form form={form} layout="vertical" onFinish={editor.submit}>
        <Space wrap>
          <Form.Item
            name="code"
            label={t('permissionMatrix.ruleCode')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <Input maxLength={20} style={{ width: 120 }} data-testid="sod-rule-code" />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('permissionMatrix.ruleName')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <Input maxLength={100} style={{ width: 320 }} data-testid="sod-rule-name" />
          </Form.Item>
          <Form.Item
            name="riskLevel"
            label={t('permissionMatrix.riskLevel')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Select style={{ width: 100 }} options={RISK_LEVELS.map((r) => ({ value: r, label: riskText(t, r) }))} />
          </Form.Item>
        </Space>
        <Form.Item
          name="riskDescription"
          label={t('permissionMatrix.riskDescription')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input maxLength={300} placeholder={t('permissionMatrix.riskDescriptionPlaceholder')} data-testid="sod-rule-risk" />
        </Form.Item>
        <MatcherListField name="sideA" label={t('permissionMatrix.sideA')} functions={functions} />
        <MatcherListField name="sideB" label={t('permissionMatrix.sideB')} functions={functions} />
      </Form>
    </Modal>
  );
}
