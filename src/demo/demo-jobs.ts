import type { Db } from '../db/connection';
import type { Actor } from '../modules/access/access.service';
import { JobQueue, type JobView } from '../modules/jobs/job-queue';

/**
 * A job queue for replaying the demo's history through the real job handlers. It is stopped
 * before use, so enqueueing never starts its polling pump (on SQLite a pump would pick up other
 * users' queued jobs in this process) and, without a pg-boss connection, no worker elsewhere gets
 * the demo's jobs: each one runs here, in order, through {@link runDemoJob}.
 */
export async function demoJobQueue(db: Db): Promise<JobQueue> {
  const jobs = new JobQueue(db);
  await jobs.stop();
  return jobs;
}

const JOB_TIMEOUT_MS = 120_000;

/**
 * Runs a queued job now and waits for it to end; throws unless it succeeded (the demo must not
 * load half a history silently). A job another worker claimed first is waited for.
 */
export async function runDemoJob(jobs: JobQueue, jobId: string): Promise<JobView> {
  const deadline = Date.now() + JOB_TIMEOUT_MS;
  let job = await jobs.runNow(jobId);
  while (job.status === 'queued' || job.status === 'running') {
    if (Date.now() > deadline) throw new Error(`demo: job ${job.type} ${jobId} did not finish within ${JOB_TIMEOUT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 25));
    job = job.status === 'queued' ? await jobs.runNow(jobId) : await jobs.getJob(jobId);
  }
  if (job.status !== 'succeeded') throw new Error(`demo: job ${job.type} ${job.status}: ${job.error ?? ''}`);
  return job;
}

/**
 * The demo's people have no accounts: what they did in the project's history is replayed by the
 * owner's account under their name (so pages show 陈晓 created V1, 赵敏 explained a difference).
 */
export function demoActor(owner: Actor, name: string): Actor {
  return { ...owner, name };
}
