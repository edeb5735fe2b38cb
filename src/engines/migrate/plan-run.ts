import { randomBytes } from 'node:crypto';
import { AppError } from '../../shared/app-error';
import { begin, newBatchId, recordBatch } from './batch-record';
import { loadIntoTarget } from './load-into-target';
import type { LoadOptions, LoadSummary } from './load-types';
import { loadOrder, type MigrationPlan, type PlanObject } from './plan';
import { rollbackBatchInTransaction } from './rollback';
import { parseTargetSpec } from './parse-target-spec';
import { openTargetDb, type PgMethod, type TargetDb } from './target-db';
import { targetError } from './target-error';

/** How one plan object fared. */
export interface PlanObjectResult {
  seq: number;
  object: string;
  table: string;
  status: 'loaded' | 'simulated' | 'stopped' | 'failed' | 'pending' | 'rolled_back';
  batch: string | null;
  source_rows: number | null;
  loaded: number | null;
  rejected: number | null;
  skipped_existing: number | null;
  rejects_file?: string | null;
  message: string | null;
}

/** A plan run (or simulation) as `status` shows it. */
export interface PlanRunReport {
  plan: string;
  run: string | null;
  status: 'completed' | 'failed' | 'running' | 'rolled_back' | 'simulated';
  started_at?: string;
  finished_at?: string | null;
  objects: PlanObjectResult[];
}

export interface PlanRunOptions {
  /** Directory that relative source paths in the plan resolve against (the plan file's). */
  baseDir: string;
  planFile: string;
  pgMethod?: PgMethod;
  onProgress?: (object: string, rows: number) => void;
}

function loadOptions(plan: MigrationPlan, object: PlanObject, options: PlanRunOptions, simulate: boolean): LoadOptions {
  return {
    source: object.source,
    target: parseTargetSpec(`${plan.target}#${object.table}`, options.baseDir, `${options.planFile}: target`),
    batchSize: plan.batch_size,
    onError: object.on_error ?? plan.on_error,
    rejectsFile: object.rejects,
    simulate,
    mapColumns: object.columns,
    encoding: object.encoding,
    cwd: options.baseDir,
    pgMethod: options.pgMethod,
    onProgress: (rows) => options.onProgress?.(object.name, rows),
  };
}

function resultOf(seq: number, object: PlanObject, summary: Omit<LoadSummary, 'seconds'>): PlanObjectResult {
  return {
    seq,
    object: object.name,
    table: object.table,
    status: summary.status,
    batch: summary.status === 'stopped' ? null : summary.batch,
    source_rows: summary.source_rows,
    loaded: summary.loaded,
    rejected: summary.rejected,
    skipped_existing: summary.skipped_existing,
    rejects_file: summary.rejects_file,
    message: summary.first_rejected
      ? `row ${summary.first_rejected.row}, column ${summary.first_rejected.column}: ${summary.first_rejected.reason}`
      : null,
  };
}

function failed(seq: number, object: PlanObject, error: unknown): PlanObjectResult {
  const message = error instanceof AppError ? error.message : error instanceof Error ? error.message : String(error);
  return {
    seq,
    object: object.name,
    table: object.table,
    status: 'failed',
    batch: null,
    source_rows: null,
    loaded: null,
    rejected: null,
    skipped_existing: null,
    message,
  };
}

async function withPlanDb<T>(plan: MigrationPlan, options: PlanRunOptions, fn: (db: TargetDb) => Promise<T>): Promise<T> {
  const spec = parseTargetSpec(plan.target, options.baseDir, `${options.planFile}: target`);
  const db = await openTargetDb(spec);
  try {
    return await fn(db);
  } catch (error) {
    throw targetError(spec.description, error);
  } finally {
    await db.close();
  }
}

/**
 * Simulates the whole plan in ONE transaction that is rolled back at the end, so later objects see
 * the rows of the objects they depend on (foreign keys hold) and nothing is left behind. Each object
 * runs under a savepoint: one failing object is reported and the others still simulate.
 */
export async function simulatePlan(plan: MigrationPlan, options: PlanRunOptions): Promise<PlanRunReport> {
  const order = loadOrder(plan, options.planFile);
  return withPlanDb(plan, options, async (db) => {
    const results: PlanObjectResult[] = [];
    const summaries: Omit<LoadSummary, 'seconds'>[] = [];
    const startedAt = new Date().toISOString();
    await begin(db);
    try {
      for (const [i, object] of order.entries()) {
        await db.query(`SAVEPOINT golive_object_${i}`);
        try {
          const summary = await loadIntoTarget(db, loadOptions(plan, object, options, true), newBatchId());
          results.push(resultOf(i + 1, object, summary));
          if (summary.status === 'simulated') summaries.push(summary);
          await db.query(`RELEASE SAVEPOINT golive_object_${i}`);
        } catch (error) {
          await db.query(`ROLLBACK TO SAVEPOINT golive_object_${i}`);
          results.push(failed(i + 1, object, error));
        }
      }
    } finally {
      await db.query('ROLLBACK');
    }
    for (const summary of summaries) await recordBatch(db, summary, startedAt);
    return { plan: plan.name, run: null, status: 'simulated', objects: results };
  });
}

/**
 * Runs the plan: objects in load order, each its own batch and transaction (the object's rows, its
 * batch record and its plan-run record commit together); stops at the first object that fails or
 * stops on a bad row. The run is recorded in golive_plan_run / golive_plan_run_object.
 */
export async function runPlan(plan: MigrationPlan, options: PlanRunOptions): Promise<PlanRunReport> {
  const order = loadOrder(plan, options.planFile);
  return withPlanDb(plan, options, async (db) => {
    const runId = `${newBatchId().slice(0, 15)}-r${randomBytes(3).toString('hex')}`;
    const startedAt = new Date().toISOString();
    await begin(db);
    await db.query('INSERT INTO golive_plan_run (id, plan_name, plan_file, status, started_at) VALUES (?, ?, ?, ?, ?)', [
      runId,
      plan.name,
      options.planFile,
      'running',
      startedAt,
    ]);
    for (const [i, object] of order.entries()) {
      await db.query('INSERT INTO golive_plan_run_object (run_id, seq, object, target_table, status) VALUES (?, ?, ?, ?, ?)', [
        runId,
        i + 1,
        object.name,
        object.table,
        'pending',
      ]);
    }
    await db.query('COMMIT');
    const save = async (r: PlanObjectResult): Promise<void> => {
      await db.query(
        `UPDATE golive_plan_run_object SET batch_id = ?, status = ?, source_rows = ?, loaded = ?, rejected = ?, skipped_existing = ?, message = ?
          WHERE run_id = ? AND seq = ?`,
        [r.batch, r.status, r.source_rows, r.loaded, r.rejected, r.skipped_existing, r.message, runId, r.seq],
      );
    };
    let runStatus: PlanRunReport['status'] = 'completed';
    for (const [i, object] of order.entries()) {
      let result: PlanObjectResult;
      await begin(db);
      try {
        const summary = await loadIntoTarget(db, loadOptions(plan, object, options, false), newBatchId());
        result = resultOf(i + 1, object, summary);
        if (summary.status === 'loaded') {
          await recordBatch(db, summary, new Date().toISOString());
          await save(result);
          await db.query('COMMIT');
        } else {
          await db.query('ROLLBACK');
          await save(result);
        }
      } catch (error) {
        await db.query('ROLLBACK').catch(() => {});
        result = failed(i + 1, object, error);
        await save(result);
      }
      if (result.status !== 'loaded') {
        runStatus = 'failed';
        break;
      }
    }
    await db.query('UPDATE golive_plan_run SET status = ?, finished_at = ? WHERE id = ?', [runStatus, new Date().toISOString(), runId]);
    return readRun(db, plan.name, runId);
  });
}

async function readRun(db: TargetDb, planName: string, runId?: string): Promise<PlanRunReport> {
  const runs = await db.query<{ id: string; status: PlanRunReport['status']; started_at: string; finished_at: string | null }>(
    runId
      ? 'SELECT id, status, started_at, finished_at FROM golive_plan_run WHERE id = ?'
      : 'SELECT id, status, started_at, finished_at FROM golive_plan_run WHERE plan_name = ? ORDER BY started_at DESC, id DESC LIMIT 1',
    [runId ?? planName],
  );
  const run = runs.rows[0];
  if (!run) throw new AppError('NOT_FOUND', { entity: 'plan run', id: `${planName} (no run recorded in ${db.description})` });
  const objects = await db.query<Record<string, unknown>>('SELECT * FROM golive_plan_run_object WHERE run_id = ? ORDER BY seq', [run.id]);
  const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
  return {
    plan: planName,
    run: run.id,
    status: run.status,
    started_at: run.started_at,
    finished_at: run.finished_at,
    objects: objects.rows.map((o) => ({
      seq: Number(o.seq),
      object: String(o.object),
      table: String(o.target_table),
      status: o.status as PlanObjectResult['status'],
      batch: (o.batch_id as string | null) ?? null,
      source_rows: num(o.source_rows),
      loaded: num(o.loaded),
      rejected: num(o.rejected),
      skipped_existing: num(o.skipped_existing),
      message: (o.message as string | null) ?? null,
    })),
  };
}

/** The plan's last run, object by object. */
export async function planStatus(plan: MigrationPlan, options: PlanRunOptions): Promise<PlanRunReport> {
  return withPlanDb(plan, options, (db) => readRun(db, plan.name));
}

/** Rolls back the plan's last run: its loaded objects in reverse order, all in one transaction. */
export async function rollbackPlan(plan: MigrationPlan, options: PlanRunOptions): Promise<PlanRunReport> {
  return withPlanDb(plan, options, async (db) => {
    const last = await readRun(db, plan.name);
    if (last.status === 'rolled_back') {
      throw new AppError('MIGRATE_PLAN_ALREADY_ROLLED_BACK', { plan: plan.name, run: last.run ?? '?' });
    }
    // A run still marked running was killed (each object commits on its own): its loaded objects roll back too.
    await begin(db);
    try {
      for (const object of [...last.objects].reverse()) {
        if (object.status !== 'loaded' || !object.batch) continue;
        await rollbackBatchInTransaction(db, object.batch);
        await db.query('UPDATE golive_plan_run_object SET status = ? WHERE run_id = ? AND seq = ?', ['rolled_back', last.run, object.seq]);
      }
      await db.query('UPDATE golive_plan_run SET status = ?, rolled_back_at = ? WHERE id = ?', [
        'rolled_back',
        new Date().toISOString(),
        last.run,
      ]);
      await db.query('COMMIT');
    } catch (error) {
      await db.query('ROLLBACK').catch(() => {});
      throw error;
    }
    return readRun(db, plan.name, last.run!);
  });
}
