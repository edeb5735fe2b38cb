import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { rollbackBatch } from '../../engines/migrate/rollback';
import { openTargetDb } from '../../engines/migrate/target-db';
import { nowIso } from '../../shared/ids';
import type { JobContext } from '../jobs/job-queue';
import type { JobRuntime } from '../jobs/job-runtime';
import {
  findLoadedMigrationBatchIdRowOfRun,
  listLoadedMigrationBatchRowsOfRun,
  updateMigrationBatchById,
} from './migration-batch.repository';
import { deleteKeyMapRowsOfBatch } from './migration-key-map.repository';
import { resolveTargetSpec } from './migration-load';
import { findMigrationRollbackRowById, updateMigrationRollbackById } from './migration-rollback.repository';
import { updateMigrationRunById } from './migration-run.repository';
import type { MigrationTarget } from './migration.schema';

/** The `migration.rollback` job: each batch in its own target transaction, reverse load order. */
export async function executeRollback(runtime: JobRuntime, ctx: JobContext<{ rollbackId: string }>): Promise<unknown> {
  const db = runtime.db;
  const rollback = await findMigrationRollbackRowById(db.kysely, ctx.payload.rollbackId);
  if (!rollback) throw new Error(`migration rollback ${ctx.payload.rollbackId} does not exist`);
  if (rollback.status !== 'queued') return { skipped: rollback.status };
  await updateMigrationRollbackById(db.kysely, rollback.id, { status: 'running' });
  const loaded = await listLoadedMigrationBatchRowsOfRun(db.kysely, rollback.run_id, rollback.batch_id ?? undefined);
  const batches = loaded.sort((a, b) => Number(b.seq) - Number(a.seq));
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
        await deleteKeyMapRowsOfBatch(tx, batch.id);
        await updateMigrationBatchById(tx, batch.id, {
          status: 'rolled_back',
          rolled_back_at: nowIso(),
          rolled_back_by: rollback.created_by,
        });
      });
      results.push({ object: batch.object_name, deleted });
    }
    const remaining = await findLoadedMigrationBatchIdRowOfRun(db.kysely, rollback.run_id);
    await db.kysely.transaction().execute(async (tx) => {
      if (!remaining) {
        await updateMigrationRunById(tx, rollback.run_id, { status: 'rolled_back', rolled_back_at: nowIso() });
      }
      await updateMigrationRollbackById(tx, rollback.id, { status: 'succeeded', result: JSON.stringify(results), finished_at: nowIso() });
    });
    return { rollbackId: rollback.id, batches: results };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await updateMigrationRollbackById(db.kysely, rollback.id, {
      status: 'failed',
      error: message,
      result: JSON.stringify(results),
      finished_at: nowIso(),
    });
    throw error;
  }
}
