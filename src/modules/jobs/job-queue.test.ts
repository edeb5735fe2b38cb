import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { nowIso } from '../../shared/ids';
import { createTestDatabaseUrl, describeEachDialect } from '../../../test/db-harness';
import { openDb } from '../../db/connection';
import { migrateToLatest } from '../../db/migrate';
import { JobQueue, registerJobHandler, type JobView } from './job-queue';

const executions = new Map<string, number>();
const failuresLeft = new Map<string, number>();

registerJobHandler<{ rows: number }>('test.count', async (ctx) => {
  executions.set(ctx.jobId, (executions.get(ctx.jobId) ?? 0) + 1);
  for (let i = 1; i <= ctx.payload.rows; i++) await ctx.reportProgress(i / ctx.payload.rows, `row ${i}`);
  return { counted: ctx.payload.rows };
});
registerJobHandler<{ failures: number }>('test.flaky', async (ctx) => {
  const left = failuresLeft.get(ctx.jobId) ?? ctx.payload.failures;
  if (left > 0) {
    failuresLeft.set(ctx.jobId, left - 1);
    throw new Error(`transient failure, ${left - 1} left`);
  }
  return 'ok';
});
registerJobHandler('test.endless', async (ctx) => {
  while (!ctx.signal.aborted) await new Promise((r) => setTimeout(r, 20));
  return 'stopped';
});

async function waitFor(queue: JobQueue, jobId: string, done: (job: JobView) => boolean, timeoutMs = 20_000): Promise<JobView> {
  const start = Date.now();
  for (;;) {
    const job = await queue.getJob(jobId);
    if (done(job)) return job;
    if (Date.now() - start > timeoutMs) throw new Error(`job ${jobId} stuck in ${job.status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describeEachDialect('background jobs', (dialect) => {
  let db: Db;
  let url: string;
  let queue: JobQueue;

  beforeAll(async () => {
    url = await createTestDatabaseUrl(dialect);
    db = openDb(url);
    await migrateToLatest(db);
    queue = new JobQueue(db, { pgConnectionString: dialect === 'postgres' ? url : undefined, pollMs: 50, retryBaseMs: 100 });
    await queue.start();
  });
  afterAll(async () => {
    await queue.stop();
    await db.close();
  });

  it('runs a job to completion with progress and a stored result', async () => {
    const job = await queue.enqueue('test.count', { rows: 5 });
    const done = await waitFor(queue, job.id, (j) => j.status === 'succeeded');
    expect(done).toMatchObject({ progress: 1, attempts: 1, result: { counted: 5 } });
  });

  it('retries a failing job with backoff until it succeeds', async () => {
    const job = await queue.enqueue('test.flaky', { failures: 2 }, { maxAttempts: 3 });
    const done = await waitFor(queue, job.id, (j) => j.status === 'succeeded');
    expect(done.attempts).toBe(3);
  });

  it('fails a job once its attempts are spent, keeping the error', async () => {
    const job = await queue.enqueue('test.flaky', { failures: 5 }, { maxAttempts: 2 });
    const done = await waitFor(queue, job.id, (j) => j.status === 'failed');
    expect(done.attempts).toBe(2);
    expect(done.error).toContain('transient failure');
  });

  it('cancels a running job', async () => {
    const job = await queue.enqueue('test.endless', {});
    await waitFor(queue, job.id, (j) => j.status === 'running');
    await queue.cancel(job.id);
    expect((await waitFor(queue, job.id, (j) => j.status === 'cancelled')).status).toBe('cancelled');
    await expect(queue.cancel(job.id)).rejects.toMatchObject({ code: 'JOB_NOT_CANCELLABLE' });
  });

  it('re-queues a job whose worker died and finishes it after a restart', async () => {
    // A job left "running" by a worker that was killed: its heartbeat is old.
    const job = await queue.enqueue('test.count', { rows: 2 });
    await waitFor(queue, job.id, (j) => j.status === 'succeeded');
    const stale = new Date(Date.now() - 10 * 60_000).toISOString();
    await db.kysely
      .updateTable('job')
      .set({ status: 'running', heartbeat_at: stale, locked_by: 'dead-worker', attempts: 1, result: null, started_at: nowIso() })
      .where('id', '=', job.id)
      .execute();
    const restarted = new JobQueue(db, { pgConnectionString: dialect === 'postgres' ? url : undefined, pollMs: 50 });
    await restarted.start();
    try {
      const done = await waitFor(restarted, job.id, (j) => j.status === 'succeeded' && j.attempts === 2);
      expect(done.result).toEqual({ counted: 2 });
    } finally {
      await restarted.stop();
    }
  });

  it('shares work between several workers, running each job exactly once', async () => {
    const second = new JobQueue(db, { pgConnectionString: dialect === 'postgres' ? url : undefined, pollMs: 50 });
    await second.start();
    try {
      const jobs = await Promise.all(Array.from({ length: 8 }, () => queue.enqueue('test.count', { rows: 3 })));
      for (const job of jobs) await waitFor(queue, job.id, (j) => j.status === 'succeeded');
      for (const job of jobs) expect(executions.get(job.id)).toBe(1);
    } finally {
      await second.stop();
    }
  });
});
