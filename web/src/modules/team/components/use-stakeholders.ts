import { App, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { api } from '../../../api/api';
import type { Stakeholder } from '../../../api/types';
import { applyServerErrors } from '../../../components/server-errors';
import { toApiError, useApi } from '../../../components/use-api';

/** The stakeholder form; member, initial support and its date are asked only for a new stakeholder. */
export interface StakeholderFormValues {
  name: string;
  organization?: string;
  memberId?: string | null;
  influence: number;
  support?: number;
  assessedOn?: Dayjs;
  note?: string;
}

/** One support assessment of a stakeholder. */
export interface AssessmentFormValues {
  assessedOn: Dayjs;
  support: number;
  note?: string;
}

/**
 * The project's stakeholders with their edits: the stakeholder in the form (`'new'` for one being
 * added), the one being assessed, save / assess / remove. Both dialogs are never open at once, so
 * they share one busy flag and one error.
 */
export function useStakeholders(projectId: string) {
  const { message } = App.useApp();
  const stakeholders = useApi(() => api.team.stakeholders(projectId), [projectId]);
  const items = useMemo(() => stakeholders.data?.items ?? [], [stakeholders.data]);
  const [editing, setEditing] = useState<Stakeholder | 'new' | null>(null);
  const [assessing, setAssessing] = useState<Stakeholder | null>(null);
  const [form] = Form.useForm<StakeholderFormValues>();
  const [assessForm] = Form.useForm<AssessmentFormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const openForm = (s: Stakeholder | 'new') => {
    setError(undefined);
    form.resetFields();
    if (s === 'new') form.setFieldsValue({ influence: 3, support: 3, assessedOn: dayjs() });
    else form.setFieldsValue({ name: s.name, organization: s.organization, influence: s.influence, note: s.note });
    setEditing(s);
  };

  const openAssessment = (s: Stakeholder) => {
    setError(undefined);
    assessForm.resetFields();
    assessForm.setFieldsValue({ assessedOn: dayjs(), support: s.support ?? 3 });
    setAssessing(s);
  };

  const save = async (v: StakeholderFormValues) => {
    setBusy(true);
    setError(undefined);
    try {
      if (editing === 'new') {
        await api.team.addStakeholder(projectId, {
          name: v.name,
          organization: v.organization ?? '',
          memberId: v.memberId ?? null,
          influence: v.influence,
          note: v.note ?? '',
          support: v.support ?? 3,
          assessedOn: v.assessedOn ? v.assessedOn.format('YYYY-MM-DD') : undefined,
        });
      } else if (editing) {
        await api.team.updateStakeholder(projectId, editing.id, {
          name: v.name,
          organization: v.organization ?? '',
          influence: v.influence,
          note: v.note ?? '',
        });
      }
      setEditing(null);
      await stakeholders.reload();
    } catch (cause) {
      const { message: text, unmatched } = applyServerErrors(form, cause, [
        'name',
        'organization',
        'memberId',
        'influence',
        'support',
        'assessedOn',
        'note',
      ]);
      setError([text, ...unmatched].join(' '));
    } finally {
      setBusy(false);
    }
  };

  const assess = async (v: AssessmentFormValues) => {
    if (!assessing) return;
    setBusy(true);
    setError(undefined);
    try {
      await api.team.assess(projectId, assessing.id, {
        assessedOn: v.assessedOn.format('YYYY-MM-DD'),
        support: v.support,
        note: v.note ?? '',
      });
      setAssessing(null);
      await stakeholders.reload();
    } catch (cause) {
      const { message: text, unmatched } = applyServerErrors(assessForm, cause, ['assessedOn', 'support', 'note']);
      setError([text, ...unmatched].join(' '));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (s: Stakeholder) => {
    try {
      await api.team.removeStakeholder(projectId, s.id);
      await stakeholders.reload();
    } catch (cause) {
      message.error(toApiError(cause).message);
    }
  };

  return {
    stakeholders,
    items,
    editing,
    closeForm: () => setEditing(null),
    assessing,
    closeAssessment: () => setAssessing(null),
    form,
    assessForm,
    busy,
    error,
    openForm,
    openAssessment,
    save,
    assess,
    remove,
  };
}
