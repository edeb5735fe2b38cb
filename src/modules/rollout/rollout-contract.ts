// CONTRACT (owner: rollout module). What other modules (testing, quality gates, go/no-go, risks,
// training) may ask about the rollout waves; only this module reads the rollout_wave table.

import type { DbExecutor } from '../../db/connection';
import type { ErpModule } from '../projects/project.schema';
import { findWaveRow, listWaveRows } from './wave.repository';
import type { WaveKind, WaveStatus } from './wave.schema';

/** A wave as other modules see it. */
export interface WaveRef {
  id: string;
  name: string;
  kind: WaveKind;
  sequence: number;
  departments: string[];
  modules: ErpModule[];
  plannedStart: string | null;
  goLiveDate: string | null;
  status: WaveStatus;
}

function toRef(row: Awaited<ReturnType<typeof listWaveRows>>[number]): WaveRef {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as WaveKind,
    sequence: row.sequence,
    departments: JSON.parse(row.departments) as string[],
    modules: JSON.parse(row.modules) as ErpModule[],
    plannedStart: row.planned_start,
    goLiveDate: row.go_live_date,
    status: row.status as WaveStatus,
  };
}

/** The project's waves in rollout order. */
export async function listWaveRefs(db: DbExecutor, projectId: string): Promise<WaveRef[]> {
  return (await listWaveRows(db, projectId)).map(toRef);
}

/** One wave of the project, or undefined. */
export async function findWaveRef(db: DbExecutor, projectId: string, waveId: string): Promise<WaveRef | undefined> {
  const row = await findWaveRow(db, projectId, waveId);
  return row ? toRef(row) : undefined;
}
