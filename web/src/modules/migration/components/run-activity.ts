import type { MigrationRun } from '../types';

/** A run that is queued or running, or has a rollback queued or running: it is polled, and offers no rollback or new run. */
export const isRunActive = (run: MigrationRun): boolean =>
  run.status === 'queued' || run.status === 'running' || run.rollbacks.some((r) => r.status === 'queued' || r.status === 'running');
