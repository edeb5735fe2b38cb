import { hostname } from 'node:os';
import PgBoss from 'pg-boss';

import type { Db } from '../../db/connection';
import type { JobTable } from '../../db/schema';
import { AppError } from '../../shared/app-error';
import { newId, nowIso } from '../../shared/ids';
import {
  cancelQueuedJob,
  claimQueuedJob,
  findJobCancelRequestedRow,
  findJobRow,
  findJobStateRow,
  findNextDueJobIdRow,
  insertJob,
  listJobRows,
  listOverdueQueuedJobIdRows,
  listStaleRunningJobRows,
  releaseRunningJob,
  requestJobCancel,
  updateJobHeartbeat,
  updateJobOutcome,
  updateJobProgress,
} from './job.repository';

/** What a job handler can do while it runs. */
export interface JobContext<P> {
  jobId: string;
  projectId: string | null;
  payload: P;
  /** Aborted when the job is cancelled; long loops should check it or pass it on. */
  signal: AbortSignal;
  /** Reports progress (0..1) and a short message; also proves the worker is alive. */
  reportProgress(progress: number, message?: string): Promise<void>;
}

/** A job type's implementation; its return value is stored as the job's JSON result. */
export type JobHandler<P = unknown> = (ctx: JobContext<P>) => Promise<unknown>;

const HANDLERS = new Map<string, JobHandler<never>>();

/** Registers the handler for a job type (modules do this at import time). */
export function registerJobHandler<P>(type: string, handler: JobHandler<P>): void {
  HANDLERS.set(type, handler as JobHandler<never>);
}

/** A job as the API presents it. */
export interface JobView {
  id: string;
  projectId: string | null;
  type: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  progress: number;
  message: string;
  attempts: number;
  maxAttempts: number;
  result: unknown;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** Presents a job row. */
export function presentJob(row: JobTable): JobView {
  return {
    id: row.id,
    projectId: row.project_id,
    type: row.type,
    status: row.status as JobView['status'],
    progress: row.progress,
    message: row.message,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    result: row.result ? (JSON.parse(row.result) as unknown) : null,
    error: row.error,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

class JobCancelledError extends Error {}

const PG_BOSS_QUEUE = 'golive-jobs';
/** A running job whose heartbeat is older than this is taken to have lost its worker. */
export const STALE_AFTER_MS = 60_000;
const HEARTBEAT_MS = 2_000;

/**
 * Persisted background jobs. State (status, progress, attempts, result) lives in golive's own
 * `job` table on both dialects, so the UI reads one shape. Dispatch differs: on SQLite one
 * process polls the table; on PostgreSQL pg-boss hands job ids to any number of `golive worker`
 * processes. Jobs survive restarts: a job left `running` by a dead worker is re-queued once its
 * heartbeat is stale, and retries back off exponentially until `max_attempts`.
 */
export class JobQueue {
  private readonly workerId = `${hostname()}:${process.pid}:${newId().slice(0, 8)}`;
  private boss: PgBoss | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private readonly running = new Map<string, AbortController>();
  private stopped = false;
  private pumping = false;

  constructor(
    private readonly db: Db,
    private readonly options: { concurrency?: number; pollMs?: number; pgConnectionString?: string; retryBaseMs?: number } = {},
  ) {}

  private get concurrency(): number {
    return this.options.concurrency ?? 2;
  }

  private async ensureBoss(): Promise<PgBoss | undefined> {
    if (this.db.dialect !== 'postgres' || !this.options.pgConnectionString) return undefined;
    if (!this.boss) {
      const boss = new PgBoss({ connectionString: this.options.pgConnectionString, schema: 'pgboss', max: 3 });
      boss.on('error', (error: Error) => console.error(`pg-boss: ${error.message}`));
      await boss.start();
      await boss.createQueue(PG_BOSS_QUEUE);
      this.boss = boss;
    }
    return this.boss;
  }

  /** Queues a job and returns it. */
  async enqueue<P>(
    type: string,
    payload: P,
    options: { projectId?: string | null; createdBy?: string | null; maxAttempts?: number } = {},
  ): Promise<JobView> {
    if (!HANDLERS.has(type)) throw new Error(`No handler registered for job type "${type}"`);
    const row: JobTable = {
      id: newId(),
      project_id: options.projectId ?? null,
      type,
      payload: JSON.stringify(payload ?? null),
      status: 'queued',
      progress: 0,
      message: '',
      attempts: 0,
      max_attempts: options.maxAttempts ?? 3,
      result: null,
      error: null,
      cancel_requested: 0,
      run_after: nowIso(),
      locked_by: null,
      heartbeat_at: null,
      created_by: options.createdBy ?? null,
      created_at: nowIso(),
      started_at: null,
      finished_at: null,
    };
    await insertJob(this.db.kysely, row);
    const boss = await this.ensureBoss();
    if (boss) await boss.send(PG_BOSS_QUEUE, { jobId: row.id }, { retryLimit: 0 });
    else this.kick();
    return presentJob(row);
  }

  /** One job, or NOT_FOUND. */
  async getJob(jobId: string, projectId?: string): Promise<JobView> {
    const row = await findJobRow(this.db.kysely, jobId, projectId);
    if (!row) throw new AppError('NOT_FOUND', { entity: 'job', id: jobId });
    return presentJob(row);
  }

  /** A project's jobs, newest first. */
  async listJobs(projectId: string, limit = 50): Promise<JobView[]> {
    const rows = await listJobRows(this.db.kysely, projectId, limit);
    return rows.map(presentJob);
  }

  /** Cancels a queued job at once, or asks a running one to stop. */
  async cancel(jobId: string, projectId?: string): Promise<JobView> {
    const job = await this.getJob(jobId, projectId);
    if (job.status === 'queued') {
      await cancelQueuedJob(this.db.kysely, jobId, nowIso());
    } else if (job.status === 'running') {
      await requestJobCancel(this.db.kysely, jobId);
      this.running.get(jobId)?.abort();
    } else {
      throw new AppError('JOB_NOT_CANCELLABLE', { status: job.status });
    }
    return this.getJob(jobId);
  }

  /** Starts taking work: pg-boss subscription on PostgreSQL, table polling on SQLite. */
  async start(): Promise<void> {
    this.stopped = false;
    const boss = await this.ensureBoss();
    await this.recoverStaleJobs();
    if (boss) {
      await boss.work<{ jobId: string }>(PG_BOSS_QUEUE, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([message]) => {
        if (message) await this.claimAndRun(message.data.jobId);
      });
      // Only ever-expanding retries and stale recovery need the timer on PostgreSQL.
      this.pollTimer = setInterval(() => void this.recoverStaleJobs().catch(logError), 10_000);
    } else {
      this.pollTimer = setInterval(() => this.kick(), this.options.pollMs ?? 500);
      this.kick();
    }
  }

  /** Stops taking work and asks running jobs to stop; they are re-queued on the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.pollTimer) clearInterval(this.pollTimer);
    if (this.boss) {
      await this.boss.stop({ graceful: false, wait: true, close: true });
      this.boss = undefined;
    }
  }

  private kick(): void {
    if (this.stopped || this.pumping || this.db.dialect === 'postgres') return;
    this.pumping = true;
    void this.pump()
      .catch(logError)
      .finally(() => {
        this.pumping = false;
      });
  }

  private async pump(): Promise<void> {
    while (!this.stopped && this.running.size < this.concurrency) {
      const next = await findNextDueJobIdRow(this.db.kysely, nowIso());
      if (!next) return;
      const claimed = await this.claim(next.id);
      if (claimed) void this.run(claimed).catch(logError);
    }
  }

  /** Atomically moves a queued job to running for this worker; undefined if someone else won. */
  private async claim(jobId: string): Promise<JobTable | undefined> {
    if (!(await claimQueuedJob(this.db.kysely, jobId, this.workerId, nowIso()))) return undefined;
    return findJobRow(this.db.kysely, jobId);
  }

  /**
   * Claims one queued job and runs it in this process, resolving when it has ended, for a caller
   * that needs its outcome before going on (the demo loader replays history job by job). It works on
   * a queue that was never started, on both dialects. If another worker claimed the job first, it
   * returns the job as it stands (the caller waits for it through getJob).
   */
  async runNow(jobId: string): Promise<JobView> {
    await this.claimAndRun(jobId);
    return this.getJob(jobId);
  }

  private async claimAndRun(jobId: string): Promise<void> {
    const row = await findJobStateRow(this.db.kysely, jobId);
    if (!row || row.status !== 'queued') return;
    const claimed = await this.claim(jobId);
    if (claimed) await this.run(claimed);
  }

  private async run(row: JobTable): Promise<void> {
    const controller = new AbortController();
    this.running.set(row.id, controller);
    const db = this.db.kysely;
    let lastWrite = 0;
    const checkCancel = async (): Promise<void> => {
      const state = await findJobCancelRequestedRow(db, row.id);
      if (state?.cancel_requested === 1) controller.abort();
    };
    const heartbeat = setInterval(() => {
      void updateJobHeartbeat(db, row.id, nowIso()).then(checkCancel).catch(logError);
    }, HEARTBEAT_MS);
    const ctx: JobContext<unknown> = {
      jobId: row.id,
      projectId: row.project_id,
      payload: JSON.parse(row.payload) as unknown,
      signal: controller.signal,
      reportProgress: async (progress, message) => {
        if (controller.signal.aborted) throw new JobCancelledError('cancelled');
        const now = Date.now();
        // Throttled: a tight loop reporting every row must not hammer the database.
        if (now - lastWrite < 200 && progress < 1) return;
        lastWrite = now;
        await updateJobProgress(db, row.id, Math.max(0, Math.min(1, progress)), message ?? '', nowIso());
      },
    };
    try {
      const handler = HANDLERS.get(row.type);
      if (!handler) throw new Error(`No handler registered for job type "${row.type}"`);
      const result = await (handler as JobHandler<unknown>)(ctx);
      if (controller.signal.aborted) throw new JobCancelledError('cancelled');
      await updateJobOutcome(db, row.id, {
        status: 'succeeded',
        progress: 1,
        result: JSON.stringify(result ?? null),
        finished_at: nowIso(),
        locked_by: null,
      });
    } catch (error) {
      const cancelled = controller.signal.aborted || error instanceof JobCancelledError;
      const reason = error instanceof Error ? error.message : String(error);
      if (cancelled) {
        await updateJobOutcome(db, row.id, { status: 'cancelled', finished_at: nowIso(), locked_by: null });
      } else if (row.attempts < row.max_attempts) {
        const delayMs = (this.options.retryBaseMs ?? 1000) * 2 ** (row.attempts - 1);
        await updateJobOutcome(db, row.id, {
          status: 'queued',
          error: reason,
          run_after: new Date(Date.now() + delayMs).toISOString(),
          locked_by: null,
        });
        if (this.boss) await this.boss.send(PG_BOSS_QUEUE, { jobId: row.id }, { startAfter: Math.ceil(delayMs / 1000), retryLimit: 0 });
      } else {
        await updateJobOutcome(db, row.id, { status: 'failed', error: reason, finished_at: nowIso(), locked_by: null });
      }
    } finally {
      clearInterval(heartbeat);
      this.running.delete(row.id);
      this.kick();
    }
  }

  /** Re-queues jobs whose worker died (stale heartbeat); fails them once attempts are spent. */
  async recoverStaleJobs(staleAfterMs = STALE_AFTER_MS): Promise<number> {
    const cutoff = new Date(Date.now() - staleAfterMs).toISOString();
    const stale = await listStaleRunningJobRows(this.db.kysely, cutoff);
    for (const job of stale) {
      const exhausted = job.attempts >= job.max_attempts;
      await releaseRunningJob(
        this.db.kysely,
        job.id,
        exhausted
          ? { status: 'failed', error: 'worker lost', finished_at: nowIso(), locked_by: null }
          : { status: job.cancel_requested ? 'cancelled' : 'queued', locked_by: null, run_after: nowIso() },
      );
      if (!exhausted && !job.cancel_requested && this.boss) {
        await this.boss.send(PG_BOSS_QUEUE, { jobId: job.id }, { retryLimit: 0 });
      }
    }
    if (this.boss) {
      // A crash between inserting a job and handing it to pg-boss would strand it: re-send queued
      // jobs that are overdue. Duplicates are harmless, since only one claim can win.
      const overdue = await listOverdueQueuedJobIdRows(this.db.kysely, cutoff);
      for (const job of overdue) await this.boss.send(PG_BOSS_QUEUE, { jobId: job.id }, { retryLimit: 0 });
    }
    return stale.length;
  }
}

function logError(error: unknown): void {
  console.error(`job runner: ${error instanceof Error ? error.message : String(error)}`);
}
