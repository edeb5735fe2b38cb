import type { DbExecutor } from '../../db/connection';
import type { JobTable } from '../../db/schema';

/** The columns a job's end or retry may set. */
type JobOutcome = Partial<Pick<JobTable, 'status' | 'progress' | 'result' | 'error' | 'run_after' | 'finished_at' | 'locked_by'>>;

/** Inserts a job. */
export async function insertJob(db: DbExecutor, row: JobTable): Promise<void> {
  await db.insertInto('job').values(row).execute();
}

/** A job by id (of one project when `projectId` is given), if any. */
export async function findJobRow(db: DbExecutor, jobId: string, projectId?: string): Promise<JobTable | undefined> {
  let query = db.selectFrom('job').selectAll().where('id', '=', jobId);
  if (projectId) query = query.where('project_id', '=', projectId);
  return query.executeTakeFirst();
}

/** The id of a job, if this database holds it. */
export async function findJobIdRow(db: DbExecutor, jobId: string): Promise<{ id: string } | undefined> {
  return db.selectFrom('job').select('id').where('id', '=', jobId).executeTakeFirst();
}

/** A job's status and when it may run, if it exists. */
export async function findJobStateRow(db: DbExecutor, jobId: string): Promise<Pick<JobTable, 'run_after' | 'status'> | undefined> {
  return db.selectFrom('job').select(['run_after', 'status']).where('id', '=', jobId).executeTakeFirst();
}

/** Whether a job has been asked to stop (1), if it exists. */
export async function findJobCancelRequestedRow(db: DbExecutor, jobId: string): Promise<Pick<JobTable, 'cancel_requested'> | undefined> {
  return db.selectFrom('job').select('cancel_requested').where('id', '=', jobId).executeTakeFirst();
}

/** A project's latest jobs, newest first. */
export async function listJobRows(db: DbExecutor, projectId: string, limit: number): Promise<JobTable[]> {
  return db.selectFrom('job').selectAll().where('project_id', '=', projectId).orderBy('created_at', 'desc').limit(limit).execute();
}

/** Ids and progress of the given jobs (unknown ids are absent). */
export async function listJobProgressRows(db: DbExecutor, jobIds: readonly string[]): Promise<Pick<JobTable, 'id' | 'progress'>[]> {
  return db
    .selectFrom('job')
    .select(['id', 'progress'])
    .where('id', 'in', [...jobIds])
    .execute();
}

/** Ids, statuses and errors of the given jobs (unknown ids are absent). */
export async function listJobStatusRows(db: DbExecutor, jobIds: readonly string[]): Promise<Pick<JobTable, 'id' | 'status' | 'error'>[]> {
  return db
    .selectFrom('job')
    .select(['id', 'status', 'error'])
    .where('id', 'in', [...jobIds])
    .execute();
}

/** Cancels a job that is still queued (a job that started meanwhile is left alone). */
export async function cancelQueuedJob(db: DbExecutor, jobId: string, finishedAt: string): Promise<void> {
  await db
    .updateTable('job')
    .set({ status: 'cancelled', finished_at: finishedAt, cancel_requested: 1 })
    .where('id', '=', jobId)
    .where('status', '=', 'queued')
    .execute();
}

/** Flags a running job to stop; its worker sees the flag at the next heartbeat. */
export async function requestJobCancel(db: DbExecutor, jobId: string): Promise<void> {
  await db.updateTable('job').set({ cancel_requested: 1 }).where('id', '=', jobId).execute();
}

/** The oldest queued job that is due, if any. */
export async function findNextDueJobIdRow(db: DbExecutor, now: string): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('job')
    .select('id')
    .where('status', '=', 'queued')
    .where('run_after', '<=', now)
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Moves a queued job to running for a worker in one conditional UPDATE, so of several workers
 * racing for it exactly one wins; returns whether this one did.
 */
export async function claimQueuedJob(db: DbExecutor, jobId: string, workerId: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('job')
    .set((eb) => ({
      status: 'running',
      locked_by: workerId,
      heartbeat_at: now,
      started_at: now,
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', '=', jobId)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Stamps a running job's heartbeat. */
export async function updateJobHeartbeat(db: DbExecutor, jobId: string, at: string): Promise<void> {
  await db.updateTable('job').set({ heartbeat_at: at }).where('id', '=', jobId).execute();
}

/** Records a running job's progress and message (a heartbeat too). */
export async function updateJobProgress(db: DbExecutor, jobId: string, progress: number, message: string, at: string): Promise<void> {
  await db.updateTable('job').set({ progress, message, heartbeat_at: at }).where('id', '=', jobId).execute();
}

/** Records how a job run ended: succeeded, cancelled, failed, or queued again for a retry. */
export async function updateJobOutcome(db: DbExecutor, jobId: string, outcome: JobOutcome): Promise<void> {
  await db.updateTable('job').set(outcome).where('id', '=', jobId).execute();
}

/** Running jobs whose heartbeat is older than the cutoff (or that never beat). */
export async function listStaleRunningJobRows(db: DbExecutor, cutoff: string): Promise<JobTable[]> {
  return db
    .selectFrom('job')
    .selectAll()
    .where('status', '=', 'running')
    .where((eb) => eb.or([eb('heartbeat_at', '<', cutoff), eb('heartbeat_at', 'is', null)]))
    .execute();
}

/** Releases a job that lost its worker, if it is still running. */
export async function releaseRunningJob(db: DbExecutor, jobId: string, outcome: JobOutcome): Promise<void> {
  await db.updateTable('job').set(outcome).where('id', '=', jobId).where('status', '=', 'running').execute();
}

/** Ids of queued jobs due before the cutoff. */
export async function listOverdueQueuedJobIdRows(db: DbExecutor, cutoff: string): Promise<{ id: string }[]> {
  return db.selectFrom('job').select('id').where('status', '=', 'queued').where('run_after', '<', cutoff).execute();
}
