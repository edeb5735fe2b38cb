import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/api';
import type { Goal, Member } from '../../../api/types';
import { toApiError, useApi } from '../../../components/use-api';

/**
 * The goals of a project with what the page shows of them: the goal in the form (null for a new one),
 * whether the form is open, the goal in the drawer, and delete. Members feed the owner picker; a user
 * who may not read the team still gets the page, with no owners to choose.
 */
export function useGoals(projectId: string) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const goals = useApi(() => api.goals.list(projectId), [projectId]);
  const members = useApi(() => api.team.members(projectId).catch(() => ({ items: [] as Member[] })), [projectId]);
  const [editing, setEditing] = useState<Goal | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [detailId, setDetailId] = useState<string | null>(null);

  const items = goals.data?.items ?? [];
  const detail = items.find((g) => g.id === detailId) ?? null;

  const openForm = (goal: Goal | null) => {
    setEditing(goal);
    setFormOpen(true);
  };

  const remove = async (goal: Goal) => {
    try {
      await api.goals.remove(projectId, goal.id);
      message.success(t('common.deleted'));
      await goals.reload();
    } catch (cause) {
      message.error(toApiError(cause).message);
    }
  };

  return { goals, items, members, editing, formOpen, setFormOpen, openForm, detail, setDetailId, remove };
}
