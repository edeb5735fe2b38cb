import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../../../api/api';
import type { Project } from '../../../api/types';
import { applyServerErrors } from '../../../components/server-errors';
import {
  PROJECT_FIELDS,
  ProjectFormFields,
  fromProject,
  toProjectInput,
  type ProjectFormValues,
} from '../../platform/components/project-form';

/** Edit the project's basic information (the "why" and scope the goals hang on). */
export function ProjectInfoTab({
  project,
  canEdit,
  canDelete,
  onSaved,
}: {
  project: Project;
  canEdit: boolean;
  canDelete: boolean;
  onSaved: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [confirmName, setConfirmName] = useState('');
  const [deleting, setDeleting] = useState(false);
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

  // Typing the name, as GitHub does for repositories: a delete that removes a whole rollout must not be one click away.
  const remove = async () => {
    setDeleting(true);
    try {
      await api.projects.remove(project.id);
      message.success(t('project.deleted'));
      navigate('/projects');
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
      setDeleting(false);
    }
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
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
      {canDelete && (
        <Card title={t('project.deleteTitle')} data-testid="project-delete" styles={{ header: { color: '#cf1322' } }}>
          <Typography.Paragraph>{t('project.deleteHint', { name: project.name })}</Typography.Paragraph>
          <Space wrap>
            <Input
              value={confirmName}
              onChange={(e) => setConfirmName(e.target.value)}
              style={{ width: 320 }}
              data-testid="project-delete-name"
            />
            <Button
              danger
              disabled={confirmName !== project.name}
              loading={deleting}
              onClick={() => void remove()}
              data-testid="project-delete-confirm"
            >
              {t('project.deleteButton')}
            </Button>
          </Space>
        </Card>
      )}
    </Space>
  );
}
