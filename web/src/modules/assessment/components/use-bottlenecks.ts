import { App, Form } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProject } from '../../../components/project';
import { applyServerErrors } from '../../../components/server-errors';
import { toApiError } from '../../../components/use-api';
import { assessmentApi } from '../api';
import type { Bottleneck, BottleneckType } from '../types';
import type { ProcessMaps } from './use-process-maps';

/** A money amount in whole units, grouped the Chinese way. */
export const money = (n: number): string => n.toLocaleString('zh-CN', { maximumFractionDigits: 0 });

/** The bottleneck drawer's form. */
export interface BottleneckValues {
  type: BottleneckType;
  durationHours: number;
  volumePerMonth: number;
  note?: string;
}

/** The step whose bottleneck the drawer edits (with the bottleneck when it exists). */
export interface BottleneckEditing {
  elementId: string;
  stepName: string;
  bottleneck?: Bottleneck;
}

/**
 * The bottlenecks of the chosen process: their highlights on the diagram, the drawer to mark or
 * edit one, deleting, and the hourly labour cost their monthly cost is computed with.
 */
export function useBottlenecks(maps: ProcessMaps) {
  const { t } = useTranslation();
  const { project } = useProject();
  const { message } = App.useApp();
  const { process, settings, selection, dirty, save, refreshAll } = maps;
  const [editing, setEditing] = useState<BottleneckEditing | null>(null);
  const [rate, setRate] = useState<number | null>(null);
  const [form] = Form.useForm<BottleneckValues>();
  const hourly = settings.data?.hourlyLabourCost ?? 60;
  const typeLabel = (type: BottleneckType) => t(`assessment.bottleneckType.${type}`);

  const highlights = useMemo(
    () =>
      (process?.bottlenecks ?? [])
        .filter((b) => !b.orphaned)
        .map((b) => ({ elementId: b.elementId, label: `${t('assessment.bottleneck.badge')}${typeLabel(b.type)}` })),
    // typeLabel depends on t only
    [process?.bottlenecks, t],
  );

  const open = (elementId: string, stepName: string) => {
    const existing = process?.bottlenecks.find((b) => b.elementId === elementId);
    setEditing({ elementId, stepName, bottleneck: existing });
    form.setFieldsValue(
      existing
        ? { type: existing.type, durationHours: existing.durationHours, volumePerMonth: existing.volumePerMonth, note: existing.note }
        : { type: 'paper_approval', durationHours: 1, volumePerMonth: 100, note: '' },
    );
  };

  const markSelected = async () => {
    if (!selection) return;
    // The server checks the step against the stored diagram: save unsaved drawing first.
    if (dirty && !(await save())) return;
    open(selection.elementId, selection.name || selection.elementId);
  };

  const submit = async (values: BottleneckValues) => {
    if (!process || !editing) return;
    try {
      if (editing.bottleneck) {
        await assessmentApi.updateBottleneck(project.id, process.id, editing.bottleneck.id, { ...values, note: values.note ?? '' });
      } else {
        await assessmentApi.createBottleneck(project.id, process.id, { elementId: editing.elementId, ...values, note: values.note ?? '' });
      }
      setEditing(null);
      message.success(t('assessment.bottleneck.saved'));
      await refreshAll();
    } catch (cause) {
      const { message: text, unmatched } = applyServerErrors(form, cause, ['type', 'durationHours', 'volumePerMonth', 'note']);
      message.error([text, ...unmatched].join('；'));
    }
  };

  const remove = async (b: Bottleneck) => {
    if (!process) return;
    try {
      await assessmentApi.deleteBottleneck(project.id, process.id, b.id);
      await refreshAll();
    } catch (cause) {
      message.error(toApiError(cause).message);
    }
  };

  const saveRate = async () => {
    if (rate === null) return;
    try {
      settings.setData(
        await assessmentApi.saveSettings(project.id, { hourlyLabourCost: rate, currency: settings.data?.currency ?? 'CNY' }),
      );
      setRate(null);
      await refreshAll();
    } catch (cause) {
      message.error(toApiError(cause).message);
    }
  };

  return {
    form,
    editing,
    close: () => setEditing(null),
    rate,
    setRate,
    hourly,
    highlights,
    typeLabel,
    open,
    markSelected,
    submit,
    remove,
    saveRate,
  };
}

/** What {@link useBottlenecks} gives the section's parts. */
export type Bottlenecks = ReturnType<typeof useBottlenecks>;
