import type { DbExecutor } from '../../db/connection';
import { listMigrationBatchRowsOfRun } from './migration-batch.repository';
import { findAnyMigrationObjectIdRow } from './migration-object.repository';
import { findLatestRealMigrationRunRow } from './migration-run.repository';

/** One object of a run as the other modules see it: its batch's outcome and row counts. */
export interface MigrationRunObjectSummary {
  objectName: string;
  /** 'pending' | 'loaded' | 'simulated' | 'stopped' | 'failed' | 'skipped' | 'rolled_back' */
  status: string;
  sourceRows: number;
  loaded: number;
  rejected: number;
}

/** The latest real migration run of a project, with what the go/no-go and the early warnings judge. */
export interface LatestRealMigrationRun {
  id: string;
  number: number;
  /** 'queued' | 'running' | 'succeeded' | 'failed' | 'rolling_back' | 'rolled_back' */
  status: string;
  /** The run, or any of its objects, was rolled back (or is being rolled back). */
  rolledBack: boolean;
  /** Succeeded, not rolled back, and every object loaded (or skipped as already loaded). */
  loaded: boolean;
  /** Objects whose batch did not end loaded or skipped, in load order. */
  unfinished: string[];
  objects: MigrationRunObjectSummary[];
  sourceRows: number;
  rejected: number;
}

const FINISHED_BATCH = new Set(['loaded', 'skipped']);

/**
 * The latest real migration run of a project: the real-mode (not simulate) run with the highest
 * number, whatever its status. That is the one definition for every module: the go/no-go criterion
 * "data migrated" passes only when this run is `loaded` (succeeded, not rolled back, every object
 * loaded), and the early warning reports the rejects of this same run. A later run that failed or
 * was rolled back therefore hides an earlier good one on purpose: the target no longer holds (or
 * never fully held) what the earlier run loaded, so neither the go/no-go nor the warning may look
 * past it. Simulations never count: they load nothing. Null when the project has no real run.
 */
export async function getLatestRealMigrationRun(db: DbExecutor, projectId: string): Promise<LatestRealMigrationRun | null> {
  const run = await findLatestRealMigrationRunRow(db, projectId);
  if (!run) return null;
  const batches = await listMigrationBatchRowsOfRun(db, run.id);
  const objects = batches.map((b): MigrationRunObjectSummary => ({
    objectName: b.object_name,
    status: b.status,
    sourceRows: Number(b.source_rows ?? 0),
    loaded: Number(b.loaded ?? 0),
    rejected: Number(b.rejected ?? 0),
  }));
  const unfinished = objects.filter((o) => !FINISHED_BATCH.has(o.status)).map((o) => o.objectName);
  const rolledBack =
    run.rolled_back_at !== null ||
    run.status === 'rolling_back' ||
    run.status === 'rolled_back' ||
    objects.some((o) => o.status === 'rolled_back');
  return {
    id: run.id,
    number: run.number,
    status: run.status,
    rolledBack,
    loaded: run.status === 'succeeded' && !rolledBack && unfinished.length === 0,
    unfinished,
    objects,
    sourceRows: objects.reduce((sum, o) => sum + o.sourceRows, 0),
    rejected: objects.reduce((sum, o) => sum + o.rejected, 0),
  };
}

/** Whether the project has a migration plan at all (at least one migration object). */
export async function hasMigrationPlan(db: DbExecutor, projectId: string): Promise<boolean> {
  return (await findAnyMigrationObjectIdRow(db, projectId)) !== undefined;
}
