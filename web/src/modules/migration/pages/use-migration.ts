import { App } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Job } from '../../../api/types';
import { toApiError, useApi } from '../../../components/use-api';
import { migrationApi } from '../api';
import { isRunActive } from '../components/run-activity';
import type { MigrationObject, MigrationRun } from '../types';

/**
 * The migration page's data: objects, plan and runs; the active run (polled with its job's progress
 * until it ends); starting a simulation or a real run; removing an object.
 */
export function useMigration(projectId: string) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const objects = useApi(() => migrationApi.objects(projectId), [projectId]);
  const plan = useApi(() => migrationApi.plan(projectId), [projectId]);
  const runs = useApi(() => migrationApi.runs(projectId), [projectId]);
  const [starting, setStarting] = useState<'simulate' | 'real' | null>(null);
  const [job, setJob] = useState<Job | null>(null);

  const items = objects.data?.items ?? [];
  const runList = runs.data?.items ?? [];
  const current = runList.find(isRunActive);

  const reloadAll = useCallback(async () => {
    await Promise.all([objects.reload(), plan.reload(), runs.reload()]);
  }, [objects, plan, runs]);

  // Poll the active run (and its job's progress) until it ends.
  const currentId = current?.id;
  const currentJob = current?.rollbacks.find((r) => r.status === 'queued' || r.status === 'running')?.jobId ?? current?.jobId ?? null;
  useEffect(() => {
    if (!currentId) {
      setJob(null);
      return;
    }
    let stopped = false;
    const timer = window.setInterval(() => {
      void (async () => {
        try {
          const [fresh, freshJob] = await Promise.all([
            migrationApi.run(projectId, currentId),
            currentJob ? migrationApi.job(projectId, currentJob).catch(() => null) : Promise.resolve(null),
          ]);
          if (stopped) return;
          setJob(freshJob);
          if (!isRunActive(fresh)) {
            await Promise.all([runs.reload(), objects.reload()]);
          } else {
            runs.setData({ items: runList.map((r) => (r.id === fresh.id ? fresh : r)) });
          }
        } catch {
          /* try again on the next tick */
        }
      })();
    }, 700);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
    // runList changes on every poll; the interval only depends on which run is active.
  }, [currentId, currentJob, projectId]);

  const start = async (mode: 'simulate' | 'real') => {
    setStarting(mode);
    try {
      const { run } = await migrationApi.startRun(projectId, mode);
      message.success(mode === 'real' ? t('migration.plan.runStarted') : t('migration.plan.simulateStarted'));
      runs.setData({ items: [run, ...runList] });
    } catch (cause) {
      message.error(toApiError(cause).message);
    } finally {
      setStarting(null);
    }
  };

  const remove = async (object: MigrationObject) => {
    try {
      await migrationApi.removeObject(projectId, object.id);
      await reloadAll();
    } catch (cause) {
      message.error(toApiError(cause).message);
    }
  };

  /** After the run history changed a run (or asked for a reload). */
  const runChanged = (run?: MigrationRun) => {
    if (run) runs.setData({ items: runList.map((r) => (r.id === run.id ? run : r)) });
    else void runs.reload();
  };

  return { objects, plan, runs, items, runList, current, job, starting, reloadAll, start, remove, runChanged };
}
