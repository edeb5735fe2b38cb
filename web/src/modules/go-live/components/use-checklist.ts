import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/api';
import type { Member } from '../../../api/types';
import { useProject } from '../../../components/project';
import { toApiError, useApi } from '../../../components/use-api';
import { goLiveApi } from '../api';
import type { CheckView, GoLiveView, UpdateCheckInput } from '../types';

/**
 * The checklist's edits: the item in the form (`'new'` for one being added), the item being saved in
 * place, the owners to choose from, and patch / remove / add-the-default-list. Every change fetches
 * the whole view again through `onChanged`, because the checklist criterion follows the items.
 */
export function useChecklist(view: GoLiveView, onChanged: (view?: GoLiveView) => Promise<void>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { project, can } = useProject();
  const canCreate = can('go_live:create');
  const canUpdate = can('go_live:update');
  const [editing, setEditing] = useState<CheckView | null | 'new'>(null);
  const [saving, setSaving] = useState<string | null>(null);
  const [addingTemplate, setAddingTemplate] = useState(false);
  // Owners are project members; a caller who may not list the team still sees the owners' names.
  const members = useApi<Member[]>(
    () =>
      canCreate || canUpdate
        ? api.team
            .members(project.id)
            .then((r) => r.items)
            .catch(() => [])
        : Promise.resolve([]),
    [project.id, canCreate, canUpdate],
  );

  const patch = async (check: CheckView, input: UpdateCheckInput) => {
    setSaving(check.id);
    try {
      await goLiveApi.updateCheck(project.id, check.id, input);
      message.success(t('common.saved'));
      // The checklist criterion follows the items: fetch the whole view again.
      await onChanged();
    } catch (cause) {
      message.error(toApiError(cause).message);
    } finally {
      setSaving(null);
    }
  };

  const remove = async (check: CheckView) => {
    try {
      await goLiveApi.removeCheck(project.id, check.id);
      message.success(t('common.deleted'));
      await onChanged();
    } catch (cause) {
      message.error(toApiError(cause).message);
    }
  };

  const addTemplate = async () => {
    setAddingTemplate(true);
    try {
      const next = await goLiveApi.addTemplate(project.id);
      const added = next.checks.length - view.checks.length;
      if (added > 0) message.success(t('goLive.checks.templateAdded', { count: added }));
      else message.info(t('goLive.checks.templateNone'));
      await onChanged(next);
    } catch (cause) {
      message.error(toApiError(cause).message);
    } finally {
      setAddingTemplate(false);
    }
  };

  /** After the form saved: close it, say so, and fetch again. */
  const saved = () => {
    const added = editing === 'new';
    setEditing(null);
    message.success(added ? t('goLive.checks.added') : t('common.saved'));
    void onChanged();
  };

  return { editing, setEditing, saving, addingTemplate, members: members.data ?? [], patch, remove, addTemplate, saved };
}
