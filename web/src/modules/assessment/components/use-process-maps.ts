import { App } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProject } from '../../../components/project';
import { toApiError, useApi } from '../../../components/use-api';
import { assessmentApi } from '../api';
import type { ProcessStage, ProcessSummary } from '../types';
import type { BpmnCanvasHandle, SelectedElement } from './bpmn-canvas';

/**
 * The process maps of one stage: the list grouped by department, the chosen process with its
 * diagram, the canvas state (unsaved drawing, selected element, error) and saving / deleting.
 */
export function useProcessMaps(stage: ProcessStage) {
  const { t } = useTranslation();
  const { project } = useProject();
  const { message } = App.useApp();
  const list = useApi(() => assessmentApi.processes(project.id, stage), [project.id, stage]);
  const settings = useApi(() => assessmentApi.settings(project.id), [project.id]);
  const [selectedId, setSelectedId] = useState<string>();
  const processes = useMemo(() => list.data ?? [], [list.data]);
  const currentId = selectedId ?? processes[0]?.id;
  const detail = useApi(
    () => (currentId ? assessmentApi.process(project.id, currentId) : Promise.resolve(undefined)),
    [project.id, currentId],
  );
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [selection, setSelection] = useState<SelectedElement | null>(null);
  const [canvasError, setCanvasError] = useState<string>();
  const handle = useRef<BpmnCanvasHandle | null>(null);
  const process = detail.data && detail.data.id === currentId ? detail.data : undefined;

  const departments = useMemo(() => {
    const groups = new Map<string, ProcessSummary[]>();
    for (const p of processes) groups.set(p.department, [...(groups.get(p.department) ?? []), p]);
    return [...groups.entries()];
  }, [processes]);

  const refreshAll = async () => {
    await Promise.all([list.reload(), detail.reload()]);
  };

  const save = async (): Promise<boolean> => {
    if (!process || !handle.current) return false;
    setSaving(true);
    try {
      const xml = await handle.current.saveXml();
      const saved = await assessmentApi.updateProcess(project.id, process.id, { bpmnXml: xml });
      detail.setData(saved);
      setDirty(false);
      await list.reload();
      if (saved.orphanedCount > 0) message.warning(t('assessment.bottleneck.orphanedWarning', { count: saved.orphanedCount }));
      else message.success(t('assessment.process.saved'));
      return true;
    } catch (cause) {
      message.error(toApiError(cause).message);
      return false;
    } finally {
      setSaving(false);
    }
  };

  const removeProcess = async () => {
    if (!process) return;
    try {
      await assessmentApi.deleteProcess(project.id, process.id);
      setSelectedId(undefined);
      await list.reload();
    } catch (cause) {
      message.error(toApiError(cause).message);
    }
  };

  /** Opens another process, after confirming when the drawing has unsaved changes. */
  const select = (id: string) => {
    if (dirty && !window.confirm(t('assessment.process.discardChanges'))) return;
    setDirty(false);
    setSelectedId(id);
  };

  /** Opens a process just created or imported. */
  const opened = (id: string) => {
    setDirty(false);
    setSelectedId(id);
    void list.reload();
  };

  return {
    list,
    settings,
    processes,
    currentId,
    process,
    departments,
    dirty,
    setDirty,
    saving,
    selection,
    setSelection,
    canvasError,
    setCanvasError,
    handle,
    refreshAll,
    save,
    removeProcess,
    select,
    opened,
  };
}

/** What {@link useProcessMaps} gives the section's parts. */
export type ProcessMaps = ReturnType<typeof useProcessMaps>;
