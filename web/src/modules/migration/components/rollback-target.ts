import type { MigrationBatch, MigrationRun } from '../types';

/** What a rollback undoes: a whole real run, or one loaded batch of it. */
export type RollbackTarget = { kind: 'run'; run: MigrationRun } | { kind: 'batch'; run: MigrationRun; batch: MigrationBatch };

/** A run that is queued or running, or has a rollback queued or running, offers no rollback. */
export const isRunBusy = (run: MigrationRun): boolean =>
  run.status === 'queued' || run.status === 'running' || run.rollbacks.some((r) => r.status === 'queued' || r.status === 'running');
