import { Alert, App, Button, Card, Form } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api';
import type { Project } from '../../api/types';
import { applyServerErrors } from '../../components/serverErrors';
import { PROJECT_FIELDS, ProjectFormFields, fromProject, toProjectInput, type ProjectFormValues } from '../platform/ProjectForm';

/** Edit the project's basic information (the "why" and scope the goals hang on). */
export function ProjectInfoTab({ project, canEdit, onSaved }: { project: Project; canEdit: boolean; onSaved: () => Promise<void> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProjectFormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    form.setFieldsValue(fromProject(project));
  }, [project, form]);

  const submit = async (values: ProjectFormValues) => {
    setBusy(true);
    setError(undefined);
    try {
      await api.projects.update(project.id, toProjectInput(values));
      message.success(t('common.saved'));
      await onSaved();
    } catch (cause) {
      const { message: text, unmatched } = applyServerErrors(form, cause, PROJECT_FIELDS);
      setError([text, ...unmatched].join(' '));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card data-testid="project-info">
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="project-info-error" />}
      <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 860 }}>
        <ProjectFormFields disabled={!canEdit} />
        {canEdit && (
          <Button type="primary" htmlType="submit" loading={busy} data-testid="project-info-save">
            {t('common.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
