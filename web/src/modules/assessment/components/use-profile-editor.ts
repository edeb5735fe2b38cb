import { App, Form } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProject } from '../../../components/project';
import { toApiError } from '../../../components/use-api';
import { assessmentApi } from '../api';
import type { EnvRequirement } from '../types';

/** The requirement dialog's form: `allowed` is always a list there (tags input). */
export interface RequirementForm extends Omit<EnvRequirement, 'allowed'> {
  allowed: string[];
}

/** Which requirement the dialog edits: its index in the profile, a new one, or none (closed). */
export type RequirementEditing = number | 'new' | null;

const NEW_REQUIREMENT: RequirementForm = {
  category: 'server',
  metric: '',
  label: '',
  operator: 'min',
  threshold: null,
  unit: '',
  allowed: [],
  warnBand: 0,
};

/**
 * Editing of the project's requirement profile: the whole list is saved on each change (add, edit,
 * delete), and a custom profile can be reset to the default one.
 */
export function useProfileEditor(items: EnvRequirement[], onChanged: () => Promise<void>) {
  const { t } = useTranslation();
  const { project } = useProject();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<RequirementEditing>(null);
  const [form] = Form.useForm<RequirementForm>();

  const persist = async (next: EnvRequirement[]) => {
    try {
      await assessmentApi.saveProfile(project.id, next);
      message.success(t('common.saved'));
      setEditing(null);
      await onChanged();
    } catch (cause) {
      message.error(toApiError(cause).message);
    }
  };
  const open = (index: number | 'new') => {
    setEditing(index);
    form.setFieldsValue(index === 'new' ? NEW_REQUIREMENT : { ...items[index] });
  };
  const submit = (values: RequirementForm) => {
    const item: EnvRequirement = {
      ...values,
      threshold: values.threshold ?? null,
      unit: values.unit ?? '',
      allowed: values.allowed ?? [],
      warnBand: values.warnBand ?? 0,
    };
    const next = editing === 'new' ? [...items, item] : items.map((it, i) => (i === editing ? item : it));
    void persist(next);
  };
  const remove = (index: number) => void persist(items.filter((_x, i) => i !== index));
  const reset = async () => {
    try {
      await assessmentApi.resetProfile(project.id);
      await onChanged();
    } catch (cause) {
      message.error(toApiError(cause).message);
    }
  };

  return { form, editing, open, close: () => setEditing(null), submit, remove, reset };
}
