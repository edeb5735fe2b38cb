import { App } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../api/client';
import { useProject } from '../../../components/project';
import { toApiError, type ApiState } from '../../../components/use-api';
import { blueprintApi } from '../api';
import type { Requirement, RequirementList } from '../types';

/**
 * The requirement list's state: the filters and the rows they keep, the requirement in the form or
 * the prototypes drawer, deleting, the Excel import (with its row errors) and the downloads.
 */
export function useRequirements(state: ApiState<RequirementList>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { project } = useProject();
  const [editing, setEditing] = useState<Requirement | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [protoFor, setProtoFor] = useState<Requirement | null>(null);
  const [importError, setImportError] = useState<ApiError | null>(null);
  const [importing, setImporting] = useState(false);
  const [moduleFilter, setModuleFilter] = useState<string | undefined>();
  const [resolutionFilter, setResolutionFilter] = useState<string | undefined>();
  const [search, setSearch] = useState('');

  const items = useMemo(() => {
    const q = search.trim().toLowerCase();
    return (state.data?.items ?? []).filter(
      (r) =>
        (!moduleFilter || r.module === moduleFilter) &&
        (!resolutionFilter || r.resolution === resolutionFilter) &&
        (!q || `${r.code} ${r.title} ${r.department} ${r.processStepName}`.toLowerCase().includes(q)),
    );
  }, [state.data, moduleFilter, resolutionFilter, search]);

  const reload = () => void state.reload();

  /** Opens the form on a requirement, or empty (`null`) to create one. */
  const openForm = (requirement: Requirement | null) => {
    setEditing(requirement);
    setFormOpen(true);
  };

  const saved = (requirement: Requirement) => {
    setFormOpen(false);
    message.success(requirement.approval?.status === 'pending' ? t('blueprint.req.savedPending') : t('common.saved'));
    reload();
  };

  const remove = async (requirement: Requirement) => {
    try {
      await blueprintApi.remove(project.id, requirement.id);
      message.success(t('common.deleted'));
      reload();
    } catch (cause) {
      message.error(toApiError(cause).message);
    }
  };

  const runImport = async (file: File) => {
    setImporting(true);
    try {
      const result = await blueprintApi.importXlsx(project.id, file);
      message.success(t('blueprint.excel.imported', { created: result.created, updated: result.updated }));
      reload();
    } catch (cause) {
      const error = toApiError(cause);
      if (error.details.length) setImportError(error);
      else message.error(error.message);
    } finally {
      setImporting(false);
    }
  };

  const downloadWith = (fn: () => Promise<void>) => () => {
    fn().catch((cause: unknown) => message.error(toApiError(cause).message));
  };

  return {
    items,
    reload,
    search,
    setSearch,
    moduleFilter,
    setModuleFilter,
    resolutionFilter,
    setResolutionFilter,
    editing,
    formOpen,
    openForm,
    closeForm: () => setFormOpen(false),
    saved,
    remove,
    protoFor,
    setProtoFor,
    importing,
    runImport,
    importError,
    closeImportError: () => setImportError(null),
    downloadWith,
  };
}

/** What {@link useRequirements} gives the section's parts. */
export type RequirementsState = ReturnType<typeof useRequirements>;
