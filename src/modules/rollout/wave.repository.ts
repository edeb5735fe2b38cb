import type { DbExecutor } from '../../db/connection';
import type { RolloutWaveTable } from '../../db/schema-rollout';

/** The project's waves in rollout order (the pilot normally first). */
export async function listWaveRows(db: DbExecutor, projectId: string): Promise<RolloutWaveTable[]> {
  return db.selectFrom('rollout_wave').selectAll().where('project_id', '=', projectId).orderBy('sequence').orderBy('created_at').execute();
}

/** One wave of the project, if any. */
export async function findWaveRow(db: DbExecutor, projectId: string, waveId: string): Promise<RolloutWaveTable | undefined> {
  return db.selectFrom('rollout_wave').selectAll().where('project_id', '=', projectId).where('id', '=', waveId).executeTakeFirst();
}

/** Inserts a wave. */
export async function insertWave(db: DbExecutor, row: RolloutWaveTable): Promise<void> {
  await db.insertInto('rollout_wave').values(row).execute();
}

/** Applies changes to a wave. */
export async function updateWaveRow(db: DbExecutor, waveId: string, changes: Partial<RolloutWaveTable>): Promise<void> {
  await db.updateTable('rollout_wave').set(changes).where('id', '=', waveId).execute();
}

/** Deletes a wave (its plan tasks keep their place, unassigned). */
export async function deleteWaveRow(db: DbExecutor, waveId: string): Promise<void> {
  await db.deleteFrom('rollout_wave').where('id', '=', waveId).execute();
}
