import type { Db } from '../db/connection';
import type { Actor } from '../modules/access/access.service';
import { bindJobRuntime } from '../modules/jobs/job-runtime';
import { startRun } from '../modules/migration/migration-run-start';
import { insertDemoDualRun } from './demo-dual-run';
import { demoActor, demoJobQueue, runDemoJob } from './demo-jobs';
import { insertDemoVersions } from './demo-versions';

/**
 * The demo's history after its content is committed, made by the modules' own services and job
 * handlers (they open their own transactions and, on PostgreSQL, their own connections, so they
 * cannot run inside the content's transaction): the report and blueprint versions, one real
 * migration run into the staging database, and the dual-run week.
 */
export async function insertDemoHistory(
  db: Db,
  owner: Actor,
  projectId: string,
  memberIds: ReadonlyMap<string, string>,
  dataDir: string,
): Promise<void> {
  // The job handlers find the database and data dir through this binding (a no-op when bound).
  bindJobRuntime(db, dataDir);
  const jobs = await demoJobQueue(db);
  await insertDemoVersions(db, owner, projectId, memberIds);
  const { jobId } = await startRun(db, jobs, demoActor(owner, '何静'), projectId, { mode: 'real' }, 'zh-CN');
  await runDemoJob(jobs, jobId);
  await insertDemoDualRun(db, jobs, owner, projectId, dataDir);
}
