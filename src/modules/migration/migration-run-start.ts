import type { Db } from '../../db/connection';
import type { MigrationBatchTable, MigrationRunTable } from '../../db/schema-migration';
import { AppError, type Locale } from '../../shared/app-error';
import { newId, nowIso } from '../../shared/ids';
import type { Actor } from '../access/access.service';
import { recordAudit } from '../audit/audit.service';
import type { JobQueue } from '../jobs/job-queue';
import { getProjectRow } from '../projects/project.service';
import { insertMigrationBatches, listLoadedMigrationBatchObjectRows } from './migration-batch.repository';
import { MIGRATION_RUN_JOB } from './migration-jobs';
import { objectIssues, orderedObjects } from './migration-object.service';
import { getRun } from './migration-run-view';
import { findMaxMigrationRunNumber, insertMigrationRun, updateMigrationRunById } from './migration-run.repository';
import type { RunView } from './migration.schema';

/**
 * Queues a plan run (simulate or real) over the chosen objects (default all) in load order. Every
 * chosen object must be configured; objects it depends on that are not chosen must have been
 * loaded by an earlier real run (else 400 naming them).
 */
export async function startRun(
  db: Db,
  jobs: JobQueue,
  actor: Actor,
  projectId: string,
  input: { mode: 'simulate' | 'real'; objectIds?: string[] },
  locale: Locale,
): Promise<{ run: RunView; jobId: string }> {
  const en = locale === 'en';
  const ordered = await orderedObjects(db.kysely, projectId);
  if (ordered.length === 0) throw new AppError('MIGRATION_RUN_NO_OBJECTS', {}, [{ field: 'objectIds' }]);
  const chosen = new Set(input.objectIds ?? ordered.map((o) => o.object.row.id));
  (input.objectIds ?? []).forEach((id, i) => {
    if (!ordered.some((o) => o.object.row.id === id)) {
      throw new AppError('MIGRATION_OBJECT_UNKNOWN', { id }, [{ field: `objectIds[${i}]` }]);
    }
  });
  const selected = ordered.filter((o) => chosen.has(o.object.row.id)).map((o) => o.object);
  const loadedBefore = new Set((await listLoadedMigrationBatchObjectRows(db.kysely, projectId)).map((b) => b.object_id));
  const names = new Map(ordered.map((o) => [o.object.row.id, o.object.row.name]));
  const explicit = input.objectIds !== undefined;
  // Objects that cannot run: named objects fail the request; in a run of everything they are
  // recorded as skipped with the reason, and so are the objects depending on them.
  const skipped = new Map<string, string>();
  const runnable = new Set<string>();
  for (const object of selected) {
    const issues = objectIssues(object, locale);
    if (issues.length > 0) {
      const joined = issues.join(en ? '; ' : '；');
      if (explicit) {
        throw new AppError('MIGRATION_RUN_OBJECT_NOT_READY', { name: object.row.name, issues: joined }, [{ field: 'objectIds' }]);
      }
      skipped.set(object.row.id, joined);
      continue;
    }
    const blocked = object.dependsOn.find((dep) => !runnable.has(dep) && !loadedBefore.has(dep));
    if (blocked !== undefined) {
      const depName = names.get(blocked) ?? blocked;
      // Named objects come in load order and a named one that cannot run fails the request first,
      // so here the dependency is one the request left out.
      if (explicit) {
        const params = { name: object.row.name, dependency: depName };
        throw new AppError('MIGRATION_RUN_DEPENDENCY_NOT_LOADED', params, [{ field: 'objectIds' }]);
      }
      const reason = chosen.has(blocked)
        ? en
          ? `depends on ${depName}, which cannot run`
          : `依赖的“${depName}”无法迁移`
        : en
          ? `depends on ${depName}, which is neither in this run nor loaded by an earlier run`
          : `依赖“${depName}”，但“${depName}”既不在本次迁移中，也未在此前的正式迁移中加载`;
      skipped.set(object.row.id, reason);
      continue;
    }
    runnable.add(object.row.id);
  }
  if (runnable.size === 0) throw new AppError('MIGRATION_RUN_NOTHING_READY', {}, [{ field: 'objectIds' }]);
  const run = await db.kysely.transaction().execute(async (tx) => {
    await getProjectRow(tx, projectId);
    const last = await findMaxMigrationRunNumber(tx, projectId);
    const now = nowIso();
    const row: MigrationRunTable = {
      id: newId(),
      project_id: projectId,
      number: (last ?? 0) + 1,
      mode: input.mode,
      status: 'queued',
      job_id: null,
      error: null,
      created_by: actor.userId,
      created_at: now,
      started_at: null,
      finished_at: null,
      rolled_back_at: null,
    };
    await insertMigrationRun(tx, row);
    const batches: MigrationBatchTable[] = selected.map((object, i) => ({
      id: newId(),
      project_id: projectId,
      run_id: row.id,
      object_id: object.row.id,
      object_name: object.row.name,
      seq: i + 1,
      engine_batch_id: null,
      target_label: '',
      target: object.row.target,
      status: skipped.has(object.row.id) ? 'skipped' : 'pending',
      source_rows: null,
      loaded: null,
      rejected: null,
      skipped_existing: null,
      rejects_path: null,
      output_path: null,
      message: skipped.get(object.row.id) ?? null,
      check_result: null,
      started_at: null,
      finished_at: skipped.has(object.row.id) ? row.created_at : null,
      rolled_back_at: null,
      rolled_back_by: null,
    }));
    await insertMigrationBatches(tx, batches);
    await recordAudit(tx, actor, {
      projectId,
      entity: 'migration_run',
      entityId: row.id,
      action: 'create',
      after: { number: row.number, mode: row.mode, objects: selected.map((o) => o.row.name) },
    });
    return row;
  });
  // A second and third attempt only happen when a worker died mid-run, and `executeRun` resumes.
  const job = await jobs.enqueue(MIGRATION_RUN_JOB, { runId: run.id }, { projectId, createdBy: actor.userId, maxAttempts: 3 });
  await updateMigrationRunById(db.kysely, run.id, { job_id: job.id });
  return { run: await getRun(db, projectId, run.id), jobId: job.id };
}
