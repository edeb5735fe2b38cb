import { App, Form } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProject } from '../../../components/project';
import { applyServerErrors } from '../../../components/server-errors';
import { toApiError, useApi } from '../../../components/use-api';
import { assessmentApi } from '../api';
import type { AssessmentRole, RoleInput } from '../types';

/** The project's user roles, the role being edited in the dialog (or a new one), saving and deleting. */
export function useRoles() {
  const { t } = useTranslation();
  const { project } = useProject();
  const { message } = App.useApp();
  const roles = useApi(() => assessmentApi.roles(project.id), [project.id]);
  const [editing, setEditing] = useState<AssessmentRole | 'new' | null>(null);
  const [form] = Form.useForm<RoleInput>();
  const [busy, setBusy] = useState(false);
  const items = roles.data ?? [];
  const total = items.reduce((s, r) => s + r.headcount, 0);

  const open = (role: AssessmentRole | 'new') => {
    setEditing(role);
    form.setFieldsValue(
      role === 'new'
        ? { department: '', name: '', kind: 'operator', headcount: 1, mainTasks: '', currentSystems: [] }
        : {
            department: role.department,
            name: role.name,
            kind: role.kind,
            headcount: role.headcount,
            mainTasks: role.mainTasks,
            currentSystems: role.currentSystems,
          },
    );
  };

  const submit = async (values: RoleInput) => {
    setBusy(true);
    try {
      const body = { ...values, mainTasks: values.mainTasks ?? '', currentSystems: values.currentSystems ?? [] };
      if (editing === 'new') await assessmentApi.createRole(project.id, body);
      else if (editing) await assessmentApi.updateRole(project.id, editing.id, body);
      setEditing(null);
      message.success(t('common.saved'));
      await roles.reload();
    } catch (cause) {
      const { message: text, unmatched } = applyServerErrors(form, cause, [
        'department',
        'name',
        'kind',
        'headcount',
        'mainTasks',
        'currentSystems',
      ]);
      message.error([text, ...unmatched].join('；'));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (role: AssessmentRole) => {
    try {
      await assessmentApi.deleteRole(project.id, role.id);
      await roles.reload();
    } catch (cause) {
      message.error(toApiError(cause).message);
    }
  };

  return { roles, items, total, editing, close: () => setEditing(null), form, busy, open, submit, remove };
}
