import { Alert, App, Form, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../../../api/api';
import { applyServerErrors } from '../../../components/server-errors';
import { PROJECT_FIELDS, ProjectFormFields, toProjectInput, type ProjectFormValues } from './project-form';

/** 新建项目: on success opens the new project's overview. */
export default function CreateProjectModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ProjectFormValues>();
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string>();

  const submit = async (values: ProjectFormValues) => {
    setBusy(true);
    setFormError(undefined);
    try {
      const created = await api.projects.create(toProjectInput(values));
      message.success(t('project.created'));
      onClose();
      navigate(`/projects/${created.id}/overview`);
    } catch (cause) {
      const { message: text, unmatched } = applyServerErrors(form, cause, PROJECT_FIELDS);
      setFormError([text, ...unmatched].join(' '));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('project.create')}
      width={720}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ id: 'project-submit' }}
    >
      {formError && <Alert type="error" showIcon message={formError} style={{ marginBottom: 12 }} data-testid="form-error" />}
      <Form form={form} layout="vertical" onFinish={submit} data-testid="project-form">
        <ProjectFormFields />
      </Form>
    </Modal>
  );
}
