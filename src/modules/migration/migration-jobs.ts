/**
 * The module's background jobs. Importing this file registers their handlers, so whatever queues
 * a run or a rollback (routes, demo) also has the handler that executes it in this process.
 */
import { findJobRuntime, type JobRuntime } from '../jobs/job-runtime';
import { registerJobHandler } from '../jobs/job-queue';
import { executeRollback } from './migration-rollback-execute';
import { executeRun } from './migration-run-execute';

/** Background job types of the module. */
export const MIGRATION_RUN_JOB = 'migration.run';
export const MIGRATION_ROLLBACK_JOB = 'migration.rollback';

async function runtimeFor(jobId: string, type: string): Promise<JobRuntime> {
  const runtime = await findJobRuntime(jobId);
  if (!runtime) throw new Error(`${type}: no database bound in this process (the API binds it on each request)`);
  return runtime;
}

registerJobHandler<{ runId: string }>(MIGRATION_RUN_JOB, async (ctx) => executeRun(await runtimeFor(ctx.jobId, MIGRATION_RUN_JOB), ctx));
registerJobHandler<{ rollbackId: string }>(MIGRATION_ROLLBACK_JOB, async (ctx) =>
  executeRollback(await runtimeFor(ctx.jobId, MIGRATION_ROLLBACK_JOB), ctx),
);
