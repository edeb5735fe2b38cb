import { AutoComplete, App, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProject } from '../../../components/project';
import { applyServerErrors } from '../../../components/server-errors';
import { assessmentApi } from '../api';
import type { ProcessStage } from '../types';

interface CreateValues {
  department: string;
  name: string;
  description?: string;
  mode: 'blank' | 'steps';
  steps?: string;
}

/** Parses the "one step per line" text; `泳道：步骤` puts the step in a lane. */
export function parseStepLines(text: string): { name: string; lane?: string }[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const match = /^([^:：]{1,50})[:：](.+)$/.exec(line);
      return match ? { lane: match[1].trim(), name: match[2].trim() } : { name: line };
    });
}

/** The dialog to start a process map, blank or drawn from one step per line. */
export function CreateProcessModal(props: {
  open: boolean;
  stage: ProcessStage;
  departments: string[];
  onClose(): void;
  onCreated(id: string): void;
}) {
  const { t } = useTranslation();
  const { project } = useProject();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateValues>();
  const [busy, setBusy] = useState(false);
  const mode = Form.useWatch('mode', form);
  const submit = async (values: CreateValues) => {
    setBusy(true);
    try {
      const steps = values.mode === 'steps' ? parseStepLines(values.steps ?? '') : undefined;
      const created = await assessmentApi.createProcess(project.id, {
        stage: props.stage,
        department: values.department.trim(),
        name: values.name.trim(),
        description: values.description ?? '',
        steps,
      });
      form.resetFields();
      props.onCreated(created.id);
    } catch (cause) {
      const { message: text, unmatched } = applyServerErrors(form, cause, ['department', 'name', 'description', 'steps']);
      message.error([text, ...unmatched].join('；'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={props.open}
      title={t('assessment.process.new')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okButtonProps={{ id: 'process-create-ok' }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ mode: 'steps' }}
        onFinish={(v) => void submit(v)}
        data-testid="process-create-form"
      >
        <Form.Item name="department" label={t('assessment.process.department')} rules={[{ required: true }]}>
          <AutoComplete
            placeholder={t('assessment.process.departmentPlaceholder')}
            options={props.departments.map((d) => ({ value: d }))}
            data-testid="process-department"
          />
        </Form.Item>
        <Form.Item name="name" label={t('assessment.process.name')} rules={[{ required: true, max: 200 }]}>
          <Input data-testid="process-name" placeholder={t('assessment.process.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="description" label={t('assessment.process.description')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="mode" label={t('assessment.process.startFrom')}>
          <Radio.Group>
            <Radio value="steps" data-testid="process-mode-steps">
              {t('assessment.process.fromSteps')}
            </Radio>
            <Radio value="blank" data-testid="process-mode-blank">
              {t('assessment.process.blank')}
            </Radio>
          </Radio.Group>
        </Form.Item>
        {mode === 'steps' && (
          <Form.Item
            name="steps"
            label={t('assessment.process.steps')}
            extra={t('assessment.process.stepsHelp')}
            rules={[{ required: true }]}
          >
            <Input.TextArea rows={6} data-testid="process-steps" placeholder={t('assessment.process.stepsPlaceholder')} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
