import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { rollbackBatch } from '../../engines/migrate/rollback';
import { openTargetDb } from '../../engines/migrate/target-db';
import { nowIso } from '../../shared/ids';
import type { JobContext } from '../jobs/job-queue';
import type { JobRuntime } from '../jobs/job-runtime';
import { resolveTargetSpec } from './migration-load';
import type { MigrationTarget } from './migration.schema';

/** The `migration.rollback` job: each batch in its own target transaction, reverse load order. */
export async function executeRollback(runtime: JobRuntime, ctx: JobContext<{ rollbackId: string }>): Promise<unknown> {
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
