import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/api';
import type { Member } from '../../../api/types';
import { toApiError, useApi } from '../../../components/use-api';

/**
 * The project's members with what the team page does to them: the member form (null for a new
 * member), delete and the XLSX export. `raciVersion` changes whenever the members do, so the page
 * can remount the RACI grid, whose columns are the members.
 */
export function useTeam(projectId: string) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const members = useApi(() => api.team.members(projectId), [projectId]);
  const [editing, setEditing] = useState<Member | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [raciVersion, setRaciVersion] = useState(0);

  const items = members.data?.items ?? [];

  const openForm = (m: Member | null) => {
    setEditing(m);
    setFormOpen(true);
  };

  const saved = () => {
    setFormOpen(false);
    message.success(t('common.saved'));
    void members.reload();
    setRaciVersion((v) => v + 1);
  };

  const remove = async (m: Member) => {
    try {
      await api.team.removeMember(projectId, m.id);
      message.success(t('common.deleted'));
      await members.reload();
      setRaciVersion((v) => v + 1);
    } catch (cause) {
      message.error(toApiError(cause).message);
    }
  };

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await api.team.exportXlsx(projectId);
    } catch (cause) {
      message.error(toApiError(cause).message);
    } finally {
      setExporting(false);
    }
  };

  return {
    members,
    items,
    editing,
    formOpen,
    closeForm: () => setFormOpen(false),
    openForm,
    saved,
    remove,
    exporting,
    exportXlsx,
    raciVersion,
  };
}
