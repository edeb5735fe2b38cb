import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProject } from '../../../components/project';
import { toApiError, useApi } from '../../../components/use-api';
import { blueprintApi } from '../api';
import type { BlueprintVersion } from '../types';

/** Which two versions the diff view compares (`current` is the live blueprint). */
export interface VersionCompare {
  from?: string;
  to?: string;
}

/**
 * The blueprint versions: freezing a new one (with a note), signing one (with a comment), deleting,
 * the DOCX download and which versions the diff view compares.
 */
export function useVersions(onChanged: (() => void) | undefined) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { project } = useProject();
  const versions = useApi(() => blueprintApi.versions(project.id), [project.id]);
  const [creating, setCreating] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [signing, setSigning] = useState<BlueprintVersion | null>(null);
  const [signComment, setSignComment] = useState('');
  const [compare, setCompare] = useState<VersionCompare>({});
  const items = versions.data?.items ?? [];

  const create = async () => {
    setBusy(true);
    try {
      const v = await blueprintApi.createVersion(project.id, note);
      message.success(t('blueprint.version.created', { label: v.label }));
      setCreating(false);
      setNote('');
      await versions.reload();
      onChanged?.();
    } catch (cause) {
      message.error(toApiError(cause).message);
    } finally {
      setBusy(false);
    }
  };

  const openSign = (version: BlueprintVersion) => {
    setSignComment('');
    setSigning(version);
  };

  const sign = async () => {
    if (!signing) return;
    setBusy(true);
    try {
      const v = await blueprintApi.sign(project.id, signing.id, signComment);
      message.success(v.locked ? t('blueprint.version.lockedNow', { label: v.label }) : t('blueprint.version.signed'));
      setSigning(null);
      await versions.reload();
    } catch (cause) {
      message.error(toApiError(cause).message);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (version: BlueprintVersion) => {
    try {
      await blueprintApi.deleteVersion(project.id, version.id);
      await versions.reload();
    } catch (cause) {
      message.error(toApiError(cause).message);
    }
  };

  const downloadDocx = (version: BlueprintVersion) =>
    blueprintApi.documentDocx(project.id, version.id).catch((cause: unknown) => message.error(toApiError(cause).message));

  return {
    versions,
    items,
    busy,
    creating,
    setCreating,
    note,
    setNote,
    create,
    signing,
    closeSign: () => setSigning(null),
    signComment,
    setSignComment,
    openSign,
    sign,
    remove,
    downloadDocx,
    compare,
    setCompare,
  };
}
