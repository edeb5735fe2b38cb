/** Executing one batch of a run: one object loaded into its target table or template file. */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db, DbExecutor } from '../../db/connection';
import type { MigrationBatchTable, MigrationRunTable } from '../../db/schema-migration';
import { begin, newBatchId, recordBatch } from '../../engines/migrate/batch-record';
import { openTargetDb, type TargetDb } from '../../engines/migrate/target-db';
import type { Locale } from '../../shared/app-error';
import { nowIso } from '../../shared/ids';
import { findConnectionRef } from '../cutover/connection-contract';
import type { ResolvedSource } from '../cutover/source-resolver';
import type { JobRuntime } from '../jobs/job-runtime';
import {
  checkAfterLoad,
  errorMessage,
  loadedRowsQuery,
  loadObjectIntoFile,
  loadObjectIntoTable,
  resolveObjectSource,
  resolveTargetSpec,
  type ObjectLoadResult,
} from './migration-load';
import { listLoadedMigrationBatchTargetRows } from './migration-batch.repository';
import type { MigrationObject } from './migration-object.service';
import type { CheckResult, MigrationTarget } from './migration.schema';

/** Where a run's files live: `<data dir>/migration/<project>/<run>/`. */
export function runDir(dataDir: string, projectId: string, runId: string): string {
  return join(dataDir, 'migration', projectId, runId);
}

/** What running one object came to, as stored on its batch. */
export interface BatchOutcome {
  status: string;
  load?: ObjectLoadResult;
  message: string | null;
  check: CheckResult | null;
  targetLabel: string;
}

/** Opened target databases of a run, one per connection (simulate: each inside one open transaction). */
export class TargetPool {
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
  const row = await findConnectionRef(db.kysely, projectId, target.connectionId);
  return `${row?.name ?? target.connectionId} · ${target.table}`;
}

/** Engine batch ids of the object's live batches on the same target (for reading back its rows). */
async function liveEngineBatches(db: DbExecutor, objectId: string, target: string | null): Promise<string[]> {
  const rows = await listLoadedMigrationBatchTargetRows(db, objectId);
  return rows.filter((r) => r.target === target && r.engine_batch_id).map((r) => r.engine_batch_id!);
}

/**
 * Runs one object. Real mode: its own transaction in the target (rows + keys + golive_batch commit
 * together), then the after-load check. Simulate mode: a savepoint inside the target's one open
 * transaction, rolled back at the end of the run, so later objects see earlier ones' rows.
 */
export async function runObject(
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
