import { App } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../api/api';
import type { ReconcileRun } from '../../api/types';
import { useProject } from '../../components/project';
import { toApiError, useApi } from '../../components/use-api';

/**
 * State of one spec's page: the spec, the tab and run shown (kept in the URL), the business date
 * to run for, and run now / delete.
 */
export function useSpecDetail(specId: string) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { project } = useProject();
  const [params, setParams] = useSearchParams();
  const spec = useApi(() => api.cutover.spec(project.id, specId), [project.id, specId]);
  const [businessDate, setBusinessDate] = useState<Dayjs | null>(null);
  const [starting, setStarting] = useState(false);
  const [refreshToken, setRefreshToken] = useState(0);
  const base = `/projects/${project.id}/cutover/dual-run`;
  const tab = params.get('tab') ?? 'results';
  const runId = params.get('run') ?? spec.data?.lastRun?.id ?? null;
  const { reload: reloadSpec } = spec;

  useEffect(() => {
    if (spec.data) document.title = `${project.name} · ${spec.data.name}`;
  }, [project.name, spec.data]);

  const show = (next: { tab?: string; run?: string | null }) => {
    const p = new URLSearchParams(params);
    if (next.tab !== undefined) {
      if (next.tab === 'results') p.delete('tab');
      else p.set('tab', next.tab);
    }
    if (next.run !== undefined) {
      if (next.run) p.set('run', next.run);
      else p.delete('run');
    }
    setParams(p, { replace: true });
  };

  const runNow = async () => {
    setStarting(true);
    try {
      const { run } = await api.cutover.startRun(project.id, specId, businessDate ? businessDate.format('YYYY-MM-DD') : undefined);
      message.success(t('cutover.run.started'));
      show({ tab: 'results', run: run.id });
      void reloadSpec();
    } catch (cause) {
      message.error(toApiError(cause).message);
    } finally {
      setStarting(false);
    }
  };

  const remove = async () => {
    try {
      await api.cutover.removeSpec(project.id, specId);
      message.success(t('common.deleted'));
      navigate(base);
    } catch (cause) {
      message.error(toApiError(cause).message);
    }
  };

  const onRunChanged = useCallback(
    (_run: ReconcileRun) => {
      void reloadSpec();
      setRefreshToken((n) => n + 1);
    },
    [reloadSpec],
  );

  return { spec, base, tab, runId, businessDate, setBusinessDate, starting, refreshToken, show, runNow, remove, onRunChanged };
}
