import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db, DbExecutor } from '../../db/connection';
import type { MigrationBatchTable, MigrationRollbackTable, MigrationRunTable } from '../../db/schema-migration';
import { begin, newBatchId, recordBatch } from '../../engines/migrate/batch-record';
import { rollbackBatch } from '../../engines/migrate/rollback';
import { openTargetDb, type TargetDb } from '../../engines/migrate/target-db';
import { AppError, notFound, type Locale } from '../../shared/app-error';
import { newId, nowIso } from '../../shared/ids';
import type { Actor } from '../access/access.service';
import { recordAudit } from '../audit/audit.service';
import { findJobRuntime, type JobRuntime } from '../jobs/job-runtime';
import type { ResolvedSource } from '../cutover/source-resolver';
import { registerJobHandler, type JobContext, type JobQueue } from '../jobs/job-queue';
import { getProjectRow } from '../projects/project.service';
import {
  checkAfterLoad,
  errorMessage,
  loadedRowsQuery,
  loadObjectIntoFile,
  loadObjectIntoTable,
  resolveObjectSource,
  resolveTargetSpec,
  type KeyPair,
  type ObjectLoadResult,
} from './migration-load';
import { getObjectRow, listObjectRows, objectIssues, orderedObjects, type MigrationObject } from './migration-object.service';
import type { BatchView, CheckResult, MigrationTarget, RollbackView, RunView } from './migration.schema';

/** Background job types of the module. */
export const MIGRATION_RUN_JOB = 'migration.run';
export const MIGRATION_ROLLBACK_JOB = 'migration.rollback';

/** Rows per key-map INSERT (7 columns: far below both dialects' parameter limits). */
const KEY_MAP_CHUNK = 500;

/** Where a run's files live: `<data dir>/migration/<project>/<run>/`. */
export function runDir(dataDir: string, projectId: string, runId: string): string {
  return join(dataDir, 'migration', projectId, runId);
}

function presentBatch(row: MigrationBatchTable): BatchView {
  const num = (v: number | null): number | null => (v === null ? null : Number(v));
  return {
    id: row.id,
    runId: row.run_id,
    objectId: row.object_id,
    objectName: row.object_name,
    seq: Number(row.seq),
    engineBatchId: row.engine_batch_id,
    targetLabel: row.target_label,
    status: row.status,
    sourceRows: num(row.source_rows),
    loaded: num(row.loaded),
    rejected: num(row.rejected),
    skippedExisting: num(row.skipped_existing),
    hasRejects: row.rejects_path !== null,
    hasOutput: row.output_path !== null && row.status === 'loaded',
    message: row.message,
    check: row.check_result ? (JSON.parse(row.check_result) as CheckResult) : null,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    rolledBackAt: row.rolled_back_at,
  };
}

function presentRollback(row: MigrationRollbackTable): RollbackView {
  return {
    id: row.id,
    runId: row.run_id,
    batchId: row.batch_id,
    jobId: row.job_id,
    status: row.status,
    error: row.error,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}

async function presentRuns(db: DbExecutor, runs: MigrationRunTable[]): Promise<RunView[]> {
  if (runs.length === 0) return [];
  const ids = runs.map((r) => r.id);
  const [batches, rollbacks, users] = await Promise.all([
    db.selectFrom('migration_batch').selectAll().where('run_id', 'in', ids).orderBy('seq').execute(),
    db.selectFrom('migration_rollback').selectAll().where('run_id', 'in', ids).orderBy('created_at').execute(),
    db
      .selectFrom('app_user')
      .select(['id', 'name'])
      .where(
        'id',
        'in',
        runs
          .map((r) => r.created_by ?? '')
          .filter(Boolean)
          .concat(['-']),
      )
      .execute(),
  ]);
  const names = new Map(users.map((u) => [u.id, u.name]));
  return runs.map((run) => ({
    id: run.id,
    number: Number(run.number),
    mode: run.mode as 'simulate' | 'real',
    status: run.status,
    jobId: run.job_id,
    error: run.error,
    createdBy: run.created_by ? (names.get(run.created_by) ?? null) : null,
    createdAt: run.created_at,
    startedAt: run.started_at,
    finishedAt: run.finished_at,
    rolledBackAt: run.rolled_back_at,
    batches: batches.filter((b) => b.run_id === run.id).map(presentBatch),
    rollbacks: rollbacks.filter((r) => r.run_id === run.id).map(presentRollback),
  }));
}

/**
 * Runs whose job ended while the run still says queued or running: the worker died on the last
 * attempt (or the job was cancelled before it started). They are settled as failed (cancelled) so
 * the page, rollbacks and the next run do not wait for them forever; the object caught mid-load
 * is marked failed (its load transaction never committed) and the ones after it skipped.
 */
export async function settleOrphanedRuns(db: DbExecutor, projectId: string): Promise<void> {
  const orphans = await db
    .selectFrom('migration_run')
    .innerJoin('job', 'job.id', 'migration_run.job_id')
    .select(['migration_run.id as id', 'job.status as jobStatus', 'job.error as jobError'])
    .where('migration_run.project_id', '=', projectId)
    .where('migration_run.status', 'in', ['queued', 'running'])
    .where('job.status', 'in', ['failed', 'cancelled', 'succeeded'])
    .execute();
  for (const orphan of orphans) {
    const now = nowIso();
    const cancelled = orphan.jobStatus === 'cancelled';
    const why = cancelled ? '任务已取消' : `执行任务的进程已停止（${orphan.jobError ?? orphan.jobStatus}），迁移未完成`;
    await db
      .updateTable('migration_batch')
      .set({ status: cancelled ? 'skipped' : 'failed', message: why, finished_at: now })
      .where('run_id', '=', orphan.id)
      .where('status', '=', 'running')
      .execute();
    await db
      .updateTable('migration_batch')
      .set({ status: 'skipped', finished_at: now })
      .where('run_id', '=', orphan.id)
      .where('status', '=', 'pending')
      .execute();
    await db
      .updateTable('migration_run')
      .set({ status: cancelled ? 'cancelled' : 'failed', error: cancelled ? null : why, finished_at: now })
      .where('id', '=', orphan.id)
      .where('status', 'in', ['queued', 'running'])
      .execute();
  }
}

/**
 * Reads inside one snapshot: a run's row, its batches and its rollbacks are written by jobs in
 * separate transactions, and separate reads could pair a run row from before a commit with batch
 * rows from after it (e.g. every rollback succeeded but the run not yet rolled back).
 */
function inSnapshot<T>(db: Db, read: (tx: DbExecutor) => Promise<T>): Promise<T> {
  const tx = db.kysely.transaction();
  return (db.dialect === 'postgres' ? tx.setIsolationLevel('repeatable read') : tx).execute(read);
}

/** A project's runs, newest first. */
export async function listRuns(db: Db, projectId: string): Promise<RunView[]> {
  await getProjectRow(db.kysely, projectId);
  await settleOrphanedRuns(db.kysely, projectId);
  return inSnapshot(db, async (tx) => {
    const runs = await tx
      .selectFrom('migration_run')
      .selectAll()
      .where('project_id', '=', projectId)
      .orderBy('number', 'desc')
      .limit(100)
      .execute();
    return presentRuns(tx, runs);
  });
}

async function getRunRow(db: DbExecutor, projectId: string, runId: string): Promise<MigrationRunTable> {
  const run = await db
    .selectFrom('migration_run')
    .selectAll()
    .where('id', '=', runId)
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  if (!run) throw notFound('migration_run', runId);
  return run;
}

/** One run with its batches and rollbacks. */
export async function getRun(db: Db, projectId: string, runId: string): Promise<RunView> {
  await settleOrphanedRuns(db.kysely, projectId);
  return inSnapshot(db, async (tx) => (await presentRuns(tx, [await getRunRow(tx, projectId, runId)]))[0]!);
}

/** One batch row or NOT_FOUND. */
export async function getBatchRow(db: DbExecutor, projectId: string, batchId: string): Promise<MigrationBatchTable> {
  const row = await db
    .selectFrom('migration_batch')
    .selectAll()
    .where('id', '=', batchId)
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  if (!row) throw notFound('migration_batch', batchId);
  return row;
}

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
  const loadedBefore = new Set(
    (
      await db.kysely
        .selectFrom('migration_batch')
        .select('object_id')
        .where('project_id', '=', projectId)
        .where('status', '=', 'loaded')
        .execute()
    ).map((b) => b.object_id),
  );
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
    const last = await tx
      .selectFrom('migration_run')
      .select((eb) => eb.fn.max('number').as('n'))
      .where('project_id', '=', projectId)
      .executeTakeFirst();
    const now = nowIso();
    const row: MigrationRunTable = {
      id: newId(),
      project_id: projectId,
      number: Number(last?.n ?? 0) + 1,
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
    await tx.insertInto('migration_run').values(row).execute();
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
    await tx.insertInto('migration_batch').values(batches).execute();
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
  await db.kysely.updateTable('migration_run').set({ job_id: job.id }).where('id', '=', run.id).execute();
  return { run: await getRun(db, projectId, run.id), jobId: job.id };
}

/** Live (loaded, not rolled back) key maps of objects, latest batch winning per legacy key. */
async function loadKeyLookups(db: DbExecutor, objectIds: string[]): Promise<Map<string, Map<string, string>>> {
  const lookups = new Map<string, Map<string, string>>();
  if (objectIds.length === 0) return lookups;
  const rows = await db
    .selectFrom('migration_key_map')
    .innerJoin('migration_batch', 'migration_batch.id', 'migration_key_map.batch_id')
    .innerJoin('migration_run', 'migration_run.id', 'migration_batch.run_id')
    .select(['migration_key_map.object_id', 'migration_key_map.legacy_key', 'migration_key_map.new_key'])
    .where('migration_key_map.object_id', 'in', objectIds)
    .where('migration_batch.status', '=', 'loaded')
    .orderBy('migration_run.number', 'asc')
    .execute();
  for (const r of rows) {
    const map = lookups.get(r.object_id) ?? new Map<string, string>();
    map.set(r.legacy_key, r.new_key);
    lookups.set(r.object_id, map);
  }
  return lookups;
}

/** Stores a batch's key pairs in chunks (inside the caller's transaction). */
async function storeKeyPairs(tx: DbExecutor, batch: MigrationBatchTable, pairs: KeyPair[]): Promise<void> {
  for (let i = 0; i < pairs.length; i += KEY_MAP_CHUNK) {
    await tx
      .insertInto('migration_key_map')
      .values(
        pairs.slice(i, i + KEY_MAP_CHUNK).map((p) => ({
          id: newId(),
          project_id: batch.project_id,
          object_id: batch.object_id!,
          batch_id: batch.id,
          row_number: p.row,
          legacy_key: p.legacy,
          new_key: p.next,
        })),
      )
      .execute();
  }
}

class RunCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

interface BatchOutcome {
  status: string;
  load?: ObjectLoadResult;
  message: string | null;
  check: CheckResult | null;
  targetLabel: string;
}

/** Opened target databases of a run, one per connection (simulate: each inside one open transaction). */
class TargetPool {
  private readonly open = new Map<string, { db: TargetDb; url: string; inTransaction: boolean }>();
  constructor(
    private readonly runtime: JobRuntime,
    private readonly projectId: string,
  ) {}

  async get(target: Extract<MigrationTarget, { type: 'connection' }>) {
    const { url, spec } = await resolveTargetSpec(this.runtime.db, this.projectId, this.runtime.dataDir, target);
    let entry = this.open.get(target.connectionId);
    if (!entry) {
      entry = { db: await openTargetDb(spec), url, inTransaction: false };
      this.open.set(target.connectionId, entry);
    }
    return { ...entry, spec, entry };
  }

  async closeAll(rollback: boolean): Promise<void> {
    for (const entry of this.open.values()) {
      if (rollback && entry.inTransaction) await entry.db.query('ROLLBACK').catch(() => undefined);
      await entry.db.close();
    }
    this.open.clear();
  }
}

/** The target label stored on a batch (never the URL). */
async function batchTargetLabel(db: Db, projectId: string, target: MigrationTarget | null): Promise<string> {
  if (!target) return '';
  if (target.type === 'file') return `${target.format.toUpperCase()}`;
  const row = await db.kysely.selectFrom('data_connection').select('name').where('id', '=', target.connectionId).executeTakeFirst();
  return `${row?.name ?? target.connectionId} · ${target.table}`;
}

/** Engine batch ids of the object's live batches on the same target (for reading back its rows). */
async function liveEngineBatches(db: DbExecutor, objectId: string, target: string | null): Promise<string[]> {
  const rows = await db
    .selectFrom('migration_batch')
    .select(['engine_batch_id', 'target'])
    .where('object_id', '=', objectId)
    .where('status', '=', 'loaded')
    .execute();
  return rows.filter((r) => r.target === target && r.engine_batch_id).map((r) => r.engine_batch_id!);
}

/**
 * Runs one object. Real mode: its own transaction in the target (rows + keys + golive_batch commit
 * together), then the after-load check. Simulate mode: a savepoint inside the target's one open
 * transaction, rolled back at the end of the run, so later objects see earlier ones' rows.
 */
async function runObject(
  runtime: JobRuntime,
  run: MigrationRunTable,
  batch: MigrationBatchTable,
  object: MigrationObject,
  pool: TargetPool,
  lookups: Map<string, Map<string, string>>,
  objectNames: Map<string, string>,
  locale: Locale,
  onProgress: (rows: number) => void,
): Promise<BatchOutcome> {
  const simulate = run.mode === 'simulate';
  const dir = runDir(runtime.dataDir, run.project_id, run.id);
  await mkdir(dir, { recursive: true });
  const target = object.target!;
  const targetLabel = await batchTargetLabel(runtime.db, run.project_id, target);
  const hide: { label: string; hide: string[] }[] = [{ label: 'run', hide: [dir] }];
  let source: ResolvedSource | undefined;
  const engineBatchId = newBatchId();
  try {
    source = await resolveObjectSource(runtime.db, run.project_id, object.source!, dir);
    hide.unshift({ label: source.label, hide: source.hide });
    const input = {
      object,
      source,
      workDir: dir,
      filePrefix: `${batch.seq}`,
      simulate,
      lookups,
      objectNames,
      locale,
      onProgress,
    };
    if (target.type === 'file') {
      const load = await loadObjectIntoFile(input, target, engineBatchId);
      let check: CheckResult | null = null;
      if (load.summary.status === 'loaded' && load.outputPath) {
        check = await checkAfterLoad(load, { source: load.outputPath }, object.sumColumns, locale);
      }
      return { status: load.summary.status, load, message: firstRejectedMessage(load, locale), check, targetLabel };
    }
    const { db, entry } = await pool.get(target);
    const table = await db.describeTable(target.table);
    if (simulate) {
      if (!entry.inTransaction) {
        await begin(db);
        entry.inTransaction = true;
      }
      const savepoint = `golive_object_${batch.seq}`;
      await db.query(`SAVEPOINT ${savepoint}`);
      try {
        const load = await loadObjectIntoTable(input, db, table, engineBatchId);
        await db.query(`RELEASE SAVEPOINT ${savepoint}`);
        return { status: load.summary.status, load, message: firstRejectedMessage(load, locale), check: null, targetLabel };
      } catch (error) {
        await db.query(`ROLLBACK TO SAVEPOINT ${savepoint}`).catch(() => undefined);
        throw error;
      }
    }
    const startedAt = nowIso();
    await begin(db);
    let load: ObjectLoadResult;
    try {
      load = await loadObjectIntoTable(input, db, table, engineBatchId);
      if (load.summary.status === 'loaded') {
        await recordBatch(db, load.summary, startedAt);
        await db.query('COMMIT');
      } else {
        await db.query('ROLLBACK');
      }
    } catch (error) {
      await db.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    let check: CheckResult | null = null;
    if (load.summary.status === 'loaded') {
      const live = [...(await liveEngineBatches(runtime.db.kysely, object.row.id, batch.target)), engineBatchId];
      const { url } = await pool.get(target);
      check = await checkAfterLoad(load, { source: url, query: loadedRowsQuery(db, table, live) }, object.sumColumns, locale);
    }
    return { status: load.summary.status, load, message: firstRejectedMessage(load, locale), check, targetLabel };
  } catch (error) {
    return { status: 'failed', message: errorMessage(error, hide, locale), check: null, targetLabel };
  }
}

function firstRejectedMessage(load: ObjectLoadResult, locale: Locale): string | null {
  const first = load.summary.first_rejected;
  if (!first) return null;
  const text =
    locale === 'en' ? `row ${first.row}, ${first.column}: ${first.reason}` : `第 ${first.row} 行，${first.column}：${first.reason}`;
  return load.summary.status === 'stopped' ? (locale === 'en' ? `stopped at ${text}` : `遇错停止：${text}`) : text;
}

/** The `migration.run` job: objects in order; a failed or stopped object stops the run. */
async function executeRun(runtime: JobRuntime, ctx: JobContext<{ runId: string }>): Promise<unknown> {
  const db = runtime.db;
  const run = await db.kysely.selectFrom('migration_run').selectAll().where('id', '=', ctx.payload.runId).executeTakeFirst();
  if (!run) throw new Error(`migration run ${ctx.payload.runId} does not exist`);
  if (run.status !== 'queued' && run.status !== 'running') return { runId: run.id, skipped: run.status };
  const locale: Locale = 'zh-CN';
  if (run.status === 'running') {
    // The job queue hands a run back only when the worker that ran it died (stale heartbeat).
    // Each object's load is one transaction in the target, so an object caught mid-load left
    // nothing there: it runs again. Objects that finished keep their result (their key pairs were
    // stored with it). A simulation changed nothing anywhere, so it simply starts over.
    await db.kysely
      .updateTable('migration_batch')
      .set({ status: 'pending', started_at: null, finished_at: null })
      .where('run_id', '=', run.id)
      .where('status', 'in', run.mode === 'simulate' ? ['running', 'simulated', 'failed', 'stopped'] : ['running'])
      .execute();
  } else {
    await db.kysely.updateTable('migration_run').set({ status: 'running', started_at: nowIso() }).where('id', '=', run.id).execute();
  }
  const batches = await db.kysely.selectFrom('migration_batch').selectAll().where('run_id', '=', run.id).orderBy('seq').execute();
  const objects = await listObjectRows(db.kysely, run.project_id);
  const objectNames = new Map(objects.map((o) => [o.row.id, o.row.name]));
  const lookups = await loadKeyLookups(
    db.kysely,
    objects.map((o) => o.row.id),
  );
  const pool = new TargetPool(runtime, run.project_id);
  let runStatus = 'succeeded';
  let runError: string | null = null;
  try {
    for (const [i, batch] of batches.entries()) {
      if (ctx.signal.aborted) throw new RunCancelled();
      if (batch.status === 'skipped') continue;
      if (batch.status !== 'pending') {
        // Finished before a worker died (see above): keep its outcome and stop where it stopped.
        if (batch.status !== 'loaded') {
          runStatus = 'failed';
          runError = `${objectNames.get(batch.object_id ?? '') ?? batch.object_name}: ${batch.message ?? batch.status}`;
        }
        continue;
      }
      const object = objects.find((o) => o.row.id === batch.object_id);
      if (!object || runStatus !== 'succeeded') {
        await db.kysely
          .updateTable('migration_batch')
          .set({ status: 'skipped', finished_at: nowIso() })
          .where('id', '=', batch.id)
          .execute();
        continue;
      }
      const startedAt = nowIso();
      await db.kysely.updateTable('migration_batch').set({ status: 'running', started_at: startedAt }).where('id', '=', batch.id).execute();
      await ctx.reportProgress(i / batches.length, `${object.row.name}`);
      const outcome = await runObject(runtime, run, batch, object, pool, lookups, objectNames, locale, (rows) => {
        ctx.reportProgress(i / batches.length, `${object.row.name}：${rows} 行`).catch(() => undefined);
      });
      const load = outcome.load;
      const loaded = outcome.status === 'loaded' || outcome.status === 'simulated';
      if (loaded && load && object.keyColumns.length > 0) {
        // Later objects of this run look up this one's keys (a simulated run keeps them in memory only).
        const map =
          run.mode === 'simulate' ? new Map(lookups.get(object.row.id)) : (lookups.get(object.row.id) ?? new Map<string, string>());
        for (const p of load.keyPairs) map.set(p.legacy, p.next);
        lookups.set(object.row.id, map);
      }
      await db.kysely.transaction().execute(async (tx) => {
        await tx
          .updateTable('migration_batch')
          .set({
            status: outcome.status,
            engine_batch_id: outcome.status === 'loaded' ? (load?.summary.batch ?? null) : null,
            target_label: outcome.targetLabel,
            source_rows: load?.summary.source_rows ?? null,
            loaded: load?.summary.loaded ?? null,
            rejected: load?.summary.rejected ?? null,
            skipped_existing: load?.summary.skipped_existing ?? null,
            rejects_path: load?.summary.rejects_file ?? null,
            output_path: load?.outputPath ?? null,
            message: outcome.message,
            check_result: outcome.check ? JSON.stringify(outcome.check) : null,
            finished_at: nowIso(),
          })
          .where('id', '=', batch.id)
          .execute();
        if (outcome.status === 'loaded' && load) await storeKeyPairs(tx, batch, load.keyPairs);
      });
      if (!loaded) {
        runStatus = 'failed';
        runError = `${object.row.name}: ${outcome.message ?? outcome.status}`;
      }
      if (load?.acceptedFile) await rm(load.acceptedFile, { force: true });
    }
  } catch (error) {
    runStatus = error instanceof RunCancelled ? 'cancelled' : 'failed';
    runError = error instanceof RunCancelled ? null : error instanceof Error ? error.message : String(error);
  } finally {
    await pool.closeAll(true);
  }
  await db.kysely
    .updateTable('migration_run')
    .set({ status: runStatus, error: runError, finished_at: nowIso() })
    .where('id', '=', run.id)
    .execute();
  return { runId: run.id, status: runStatus };
}

/**
 * Refuses to roll back batches while objects that depend on them still have rows loaded by a
 * later run (their foreign keys would point at nothing): 409 naming them.
 */
async function assertNoLiveDependents(
  tx: DbExecutor,
  projectId: string,
  batches: MigrationBatchTable[],
  runNumber: number,
  locale: Locale,
) {
  const objects = await listObjectRows(tx, projectId);
  const ids = new Set(batches.map((b) => b.id));
  const live = await tx
    .selectFrom('migration_batch')
    .innerJoin('migration_run', 'migration_run.id', 'migration_batch.run_id')
    .select(['migration_batch.id', 'migration_batch.object_id', 'migration_batch.object_name', 'migration_run.number'])
    .where('migration_batch.project_id', '=', projectId)
    .where('migration_batch.status', '=', 'loaded')
    .where('migration_run.number', '>=', runNumber)
    .execute();
  const blocking: string[] = [];
  for (const batch of batches) {
    const dependents = new Set(objects.filter((o) => batch.object_id && o.dependsOn.includes(batch.object_id)).map((o) => o.row.id));
    for (const other of live) {
      if (!ids.has(other.id) && other.object_id && dependents.has(other.object_id)) {
        blocking.push(locale === 'en' ? `${other.object_name} (run ${other.number})` : `${other.object_name}（第 ${other.number} 次迁移）`);
      }
    }
  }
  if (blocking.length > 0) {
    const list = [...new Set(blocking)].join(locale === 'en' ? ', ' : '、');
    throw new AppError('MIGRATION_ROLLBACK_DEPENDENTS_LOADED', { dependents: list });
  }
}

/**
 * Queues the rollback of a whole real run (its loaded batches in reverse load order) or of one
 * batch. The caller confirms by typing the run number or the object's name.
 */
export async function startRollback(
  db: Db,
  jobs: JobQueue,
  actor: Actor,
  projectId: string,
  what: { runId: string } | { batchId: string },
  confirm: string,
  locale: Locale,
): Promise<{ run: RunView; jobId: string }> {
  const rollback = await db.kysely.transaction().execute(async (tx) => {
    const batch = 'batchId' in what ? await getBatchRow(tx, projectId, what.batchId) : undefined;
    await settleOrphanedRuns(tx, projectId);
    const run = await getRunRow(tx, projectId, batch?.run_id ?? ('runId' in what ? what.runId : ''));
    if (batch) {
      if (confirm !== batch.object_name) {
        throw new AppError('MIGRATION_ROLLBACK_CONFIRM_NAME', { name: batch.object_name }, [{ field: 'confirm' }]);
      }
    } else if (confirm !== String(run.number)) {
      throw new AppError('MIGRATION_ROLLBACK_CONFIRM_NUMBER', { number: Number(run.number) }, [{ field: 'confirm' }]);
    }
    if (run.mode !== 'real') throw new AppError('MIGRATION_ROLLBACK_SIMULATION');
    const pendingRollback = await tx
      .selectFrom('migration_rollback')
      .select('id')
      .where('run_id', '=', run.id)
      .where('status', 'in', ['queued', 'running'])
      .executeTakeFirst();
    if (run.status === 'queued' || run.status === 'running' || pendingRollback) {
      throw new AppError('MIGRATION_RUN_IN_PROGRESS', { number: Number(run.number) });
    }
    const batches = batch
      ? [batch]
      : await tx.selectFrom('migration_batch').selectAll().where('run_id', '=', run.id).where('status', '=', 'loaded').execute();
    if (batches.length === 0 || batches.some((b) => b.status !== 'loaded')) {
      throw new AppError('MIGRATION_ROLLBACK_NOTHING_LOADED');
    }
    await assertNoLiveDependents(tx, projectId, batches, Number(run.number), locale);
    const row: MigrationRollbackTable = {
      id: newId(),
      project_id: projectId,
      run_id: run.id,
      batch_id: batch?.id ?? null,
      job_id: null,
      status: 'queued',
      result: null,
      error: null,
      created_by: actor.userId,
      created_at: nowIso(),
      finished_at: null,
    };
    await tx.insertInto('migration_rollback').values(row).execute();
    await recordAudit(tx, actor, {
      projectId,
      entity: 'migration_rollback',
      entityId: row.id,
      action: 'create',
      after: { run: run.number, batches: batches.map((b) => ({ object: b.object_name, engineBatch: b.engine_batch_id })) },
    });
    return row;
  });
  const job = await jobs.enqueue(
    MIGRATION_ROLLBACK_JOB,
    { rollbackId: rollback.id },
    { projectId, createdBy: actor.userId, maxAttempts: 1 },
  );
  await db.kysely.updateTable('migration_rollback').set({ job_id: job.id }).where('id', '=', rollback.id).execute();
  return { run: await getRun(db, projectId, rollback.run_id), jobId: job.id };
}

/** The `migration.rollback` job: each batch in its own target transaction, reverse load order. */
async function executeRollback(runtime: JobRuntime, ctx: JobContext<{ rollbackId: string }>): Promise<unknown> {
  const db = runtime.db;
  const rollback = await db.kysely.selectFrom('migration_rollback').selectAll().where('id', '=', ctx.payload.rollbackId).executeTakeFirst();
  if (!rollback) throw new Error(`migration rollback ${ctx.payload.rollbackId} does not exist`);
  if (rollback.status !== 'queued') return { skipped: rollback.status };
  await db.kysely.updateTable('migration_rollback').set({ status: 'running' }).where('id', '=', rollback.id).execute();
  let query = db.kysely.selectFrom('migration_batch').selectAll().where('run_id', '=', rollback.run_id).where('status', '=', 'loaded');
  if (rollback.batch_id) query = query.where('id', '=', rollback.batch_id);
  const batches = (await query.execute()).sort((a, b) => Number(b.seq) - Number(a.seq));
  const results: { object: string; deleted: number }[] = [];
  try {
    for (const [i, batch] of batches.entries()) {
      await ctx.reportProgress(i / batches.length, batch.object_name);
      const target = batch.target ? (JSON.parse(batch.target) as MigrationTarget) : null;
      let deleted = 0;
      if (target?.type === 'connection' && batch.engine_batch_id) {
        const { spec } = await resolveTargetSpec(db, batch.project_id, runtime.dataDir, target);
        const targetDb = await openTargetDb(spec);
        try {
          deleted = (await rollbackBatch(targetDb, batch.engine_batch_id)).deleted;
        } finally {
          await targetDb.close();
        }
      } else if (batch.output_path && existsSync(batch.output_path)) {
        await rm(batch.output_path, { force: true });
        deleted = Number(batch.loaded ?? 0);
      }
      await db.kysely.transaction().execute(async (tx) => {
        await tx.deleteFrom('migration_key_map').where('batch_id', '=', batch.id).execute();
        await tx
          .updateTable('migration_batch')
          .set({ status: 'rolled_back', rolled_back_at: nowIso(), rolled_back_by: rollback.created_by })
          .where('id', '=', batch.id)
          .execute();
      });
      results.push({ object: batch.object_name, deleted });
    }
    const remaining = await db.kysely
      .selectFrom('migration_batch')
      .select('id')
      .where('run_id', '=', rollback.run_id)
      .where('status', '=', 'loaded')
      .executeTakeFirst();
    await db.kysely.transaction().execute(async (tx) => {
      if (!remaining) {
        await tx
          .updateTable('migration_run')
          .set({ status: 'rolled_back', rolled_back_at: nowIso() })
          .where('id', '=', rollback.run_id)
          .execute();
      }
      await tx
        .updateTable('migration_rollback')
        .set({ status: 'succeeded', result: JSON.stringify(results), finished_at: nowIso() })
        .where('id', '=', rollback.id)
        .execute();
    });
    return { rollbackId: rollback.id, batches: results };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.kysely
      .updateTable('migration_rollback')
      .set({ status: 'failed', error: message, result: JSON.stringify(results), finished_at: nowIso() })
      .where('id', '=', rollback.id)
      .execute();
    throw error;
  }
}

async function runtimeFor(jobId: string, type: string): Promise<JobRuntime> {
  const runtime = await findJobRuntime(jobId);
  if (!runtime) throw new Error(`${type}: no database bound in this process (the API binds it on each request)`);
  return runtime;
}

registerJobHandler<{ runId: string }>(MIGRATION_RUN_JOB, async (ctx) => executeRun(await runtimeFor(ctx.jobId, MIGRATION_RUN_JOB), ctx));
registerJobHandler<{ rollbackId: string }>(MIGRATION_ROLLBACK_JOB, async (ctx) =>
  executeRollback(await runtimeFor(ctx.jobId, MIGRATION_ROLLBACK_JOB), ctx),
);

/** The key map of an object's live batches (filter by legacy or new key). */
export async function listKeyMap(
  db: Db,
  projectId: string,
  objectId: string,
  query: { q?: string; limit: number; offset: number },
): Promise<{ total: number; items: { legacyKey: string; newKey: string; batchId: string; runNumber: number; rowNumber: number }[] }> {
  await getObjectRow(db.kysely, projectId, objectId);
  let base = db.kysely
    .selectFrom('migration_key_map')
    .innerJoin('migration_batch', 'migration_batch.id', 'migration_key_map.batch_id')
    .innerJoin('migration_run', 'migration_run.id', 'migration_batch.run_id')
    .where('migration_key_map.object_id', '=', objectId)
    .where('migration_batch.status', '=', 'loaded');
  if (query.q) {
    const like = `%${query.q}%`;
    base = base.where((eb) => eb.or([eb('migration_key_map.legacy_key', 'like', like), eb('migration_key_map.new_key', 'like', like)]));
  }
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select([
      'migration_key_map.legacy_key',
      'migration_key_map.new_key',
      'migration_key_map.batch_id',
      'migration_key_map.row_number',
      'migration_run.number',
    ])
    .orderBy('migration_run.number', 'desc')
    .orderBy('migration_key_map.row_number')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      legacyKey: r.legacy_key,
      newKey: r.new_key,
      batchId: r.batch_id,
      runNumber: Number(r.number),
      rowNumber: Number(r.row_number),
    })),
  };
}

/** The key map as CSV (UTF-8 with BOM, Chinese headers). */
export async function exportKeyMapCsv(db: Db, projectId: string, objectId: string): Promise<{ name: string; body: string }> {
  const object = await getObjectRow(db.kysely, projectId, objectId);
  const all = await listKeyMap(db, projectId, objectId, { limit: 1_000_000, offset: 0 });
  const cell = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [
    '旧系统键,新系统键,迁移编号,源行号',
    ...all.items.map((i) => [i.legacyKey, i.newKey, String(i.runNumber), String(i.rowNumber)].map(cell).join(',')),
  ];
  return { name: `${object.row.name}-键映射.csv`, body: `\uFEFF${lines.join('\r\n')}\r\n` };
}
