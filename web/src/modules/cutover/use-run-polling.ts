import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/api';
import type { Job, ReconcileRun } from '../../api/types';

export const isActive = (run: ReconcileRun | undefined | null): boolean => !!run && (run.status === 'queued' || run.status === 'running');

/**
 * While `run` is queued or running, polls it (and its job, for progress) until it ends; `onRun`
 * gets every fresh copy of the run. Returns the job's latest state.
 */
export function useRunPolling(projectId: string, run: ReconcileRun | undefined, onRun: (run: ReconcileRun) => void, intervalMs = 700) {
  const [job, setJob] = useState<Job | null>(null);
  const onRunRef = useRef(onRun);
  onRunRef.current = onRun;
  const active = isActive(run);
  const runId = run?.id;
  const jobId = run?.jobId ?? null;

  useEffect(() => {
    if (!active || !runId) return;
    let stopped = false;
    let timer: number | undefined;
    const tick = async () => {
      try {
        const [fresh, freshJob] = await Promise.all([
          api.cutover.run(projectId, runId),
          jobId ? api.jobs.get(projectId, jobId).catch(() => null) : Promise.resolve(null),
        ]);
        if (stopped) return;
        if (freshJob) setJob(freshJob);
        onRunRef.current(fresh);
        if (isActive(fresh)) timer = window.setTimeout(() => void tick(), intervalMs);
      } catch {
        if (!stopped) timer = window.setTimeout(() => void tick(), intervalMs * 3);
      }
    };
    timer = window.setTimeout(() => void tick(), intervalMs);
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [active, runId, jobId, projectId, intervalMs]);

  return job;
}
