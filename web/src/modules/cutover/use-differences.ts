import { App, Form } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api';
import type { DifferenceFilter, ReconcileRun } from '../../api/types';
import { useProject } from '../../components/project';
import { applyServerErrors } from '../../components/server-errors';
import { toApiError, useApi } from '../../components/use-api';

/** The explain dialog's form. */
export interface ExplainForm {
  reason: string;
}

/**
 * A run's differences, one page at a time under the chosen filter, with the selection and what can
 * be done to it: mark explained (with a reason) or not, and export under the same filter.
 */
export function useDifferences(run: ReconcileRun, specId: string, onExplained: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { project } = useProject();
  const [filter, setFilter] = useState<DifferenceFilter>({});
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const [selected, setSelected] = useState<string[]>([]);
  const [explainOpen, setExplainOpen] = useState(false);
  const [explainError, setExplainError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<ExplainForm>();
  const filterKey = JSON.stringify(filter);
  const diffs = useApi(
    () =>
      api.cutover.differences(project.id, run.id, {
        ...(JSON.parse(filterKey) as DifferenceFilter),
        limit: page.pageSize,
        offset: (page.current - 1) * page.pageSize,
      }),
    [project.id, run.id, filterKey, page.current, page.pageSize],
  );

  const setFilterPart = (patch: Partial<DifferenceFilter>) => {
    setFilter((f) => {
      const next = { ...f, ...patch };
      for (const k of Object.keys(next) as (keyof DifferenceFilter)[]) if (!next[k]) delete next[k];
      return next;
    });
    setPage((p) => ({ ...p, current: 1 }));
    setSelected([]);
  };

  const mark = async (explained: boolean, reason: string) => {
    setBusy(true);
    setExplainError(undefined);
    try {
      const result = await api.cutover.explain(project.id, specId, { differenceIds: selected, explained, reason });
      message.success(
        explained ? t('cutover.explain.done', { count: result.items }) : t('cutover.explain.undone', { count: result.items }),
      );
      setSelected([]);
      setExplainOpen(false);
      await diffs.reload();
      onExplained();
    } catch (cause) {
      if (explained) {
        const { message: text, unmatched } = applyServerErrors(form, cause, ['reason']);
        setExplainError([text, ...unmatched].join(' '));
      } else message.error(toApiError(cause).message);
    } finally {
      setBusy(false);
    }
  };

  const openExplain = () => {
    setExplainError(undefined);
    form.resetFields();
    setExplainOpen(true);
  };

  const exportAs = async (format: 'xlsx' | 'csv') => {
    try {
      await api.cutover.exportDifferences(project.id, run.id, format, filter);
    } catch (cause) {
      message.error(toApiError(cause).message);
    }
  };

  return {
    filter,
    setFilterPart,
    page,
    setPage,
    selected,
    setSelected,
    diffs,
    form,
    busy,
    explainOpen,
    explainError,
    openExplain,
    closeExplain: () => setExplainOpen(false),
    mark,
    exportAs,
  };
}
