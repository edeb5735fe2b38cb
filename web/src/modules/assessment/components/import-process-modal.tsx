import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProject } from '../../../components/project';
import { toApiError } from '../../../components/use-api';
import { assessmentApi } from '../api';
import type { ProcessStage } from '../types';

/** The dialog to import a process map from a BPMN file (at most 2 MB). */
export function ImportProcessModal(props: { open: boolean; stage: ProcessStage; onClose(): void; onImported(id: string): void }) {
  const { t } = useTranslation();
  const { project } = useProject();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ department: string; name: string }>();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (values: { department: string; name: string }) => {
    if (!file) {
      message.error(t('assessment.process.chooseFile'));
      return;
    }
    if (file.size > 2 * 1024 * 1024) {
      message.error(t('assessment.process.fileTooLarge'));
      return;
    }
    setBusy(true);
    try {
      const created = await assessmentApi.importProcess(project.id, file, {
        stage: props.stage,
        department: values.department,
        name: values.name,
      });
      form.resetFields();
      setFile(null);
      props.onImported(created.id);
    } catch (cause) {
      message.error(toApiError(cause).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={props.open}
      title={t('assessment.process.import')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item label={t('assessment.process.bpmnFile')} required extra={t('assessment.process.importHelp')}>
          <input
            type="file"
            accept=".bpmn,.xml"
            data-testid="process-import-file"
            onChange={(e) => {
              const chosen = e.target.files?.[0] ?? null;
              setFile(chosen);
              if (chosen && !form.getFieldValue('name')) form.setFieldValue('name', chosen.name.replace(/\.(bpmn|xml)$/i, ''));
            }}
          />
        </Form.Item>
        <Form.Item name="department" label={t('assessment.process.department')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="name" label={t('assessment.process.name')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
