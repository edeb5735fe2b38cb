import type { Db, DbExecutor } from '../../db/connection';
import type { RolloutWaveTable } from '../../db/schema-rollout';
import { AppError, notFound, type Locale } from '../../shared/app-error';
import { newId, nowIso } from '../../shared/ids';
import type { Actor } from '../access/access.service';
import { listAssessmentRoleRefs } from '../assessment/assessment-role-contract';
import { recordAudit } from '../audit/audit.service';
import type { ErpModule } from '../projects/project.schema';
import { getProjectRow } from '../projects/project.service';
import { loadPlanContext, scheduleOrRefuse } from './plan-context';
import { clearTaskWave } from './plan.repository';
import { proposeWaves } from './wave-proposal';
import { deleteWaveRow, findWaveRow, insertWave, listWaveRows, updateWaveRow } from './wave.repository';
import type { ApplyProposalInput, CreateWaveInput, UpdateWaveInput, WaveListView, WaveProposalView, WaveView } from './wave.schema';

type Milestones = Map<string, WaveView['milestones']>;

function presentWave(row: RolloutWaveTable, taskCounts: Map<string, number>, milestones: Milestones): WaveView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as WaveView['kind'],
    sequence: row.sequence,
    departments: JSON.parse(row.departments) as string[],
    modules: JSON.parse(row.modules) as ErpModule[],
    sites: JSON.parse(row.sites) as string[],
    plannedStart: row.planned_start,
    goLiveDate: row.go_live_date,
    status: row.status as WaveView['status'],
    notes: row.notes,
    taskCount: taskCounts.get(row.id) ?? 0,
    milestones: milestones.get(row.id) ?? [],
    updatedAt: row.updated_at,
  };
}

/** The project's waves with their plan tasks counted and their milestones dated by the schedule. */
export async function listWaves(db: Db, projectId: string): Promise<WaveListView> {
  const ctx = await loadPlanContext(db.kysely, projectId);
  const schedule = scheduleOrRefuse(ctx);
  const counts = new Map<string, number>();
  const milestones: Milestones = new Map();
  for (const line of schedule.lines) {
    const waveId = line.row.wave_id;
    if (!waveId) continue;
    counts.set(waveId, (counts.get(waveId) ?? 0) + 1);
    if (line.kind === 'milestone')
      milestones.set(waveId, [
        ...(milestones.get(waveId) ?? []),
        { taskId: line.row.id, uid: line.row.uid, name: line.row.name, date: line.finish },
      ]);
  }
  const rows = await listWaveRows(db.kysely, projectId);
  return { waves: rows.map((r) => presentWave(r, counts, milestones)) };
}

async function assertWaveRules(tx: DbExecutor, projectId: string, row: RolloutWaveTable): Promise<void> {
  if (row.planned_start && row.go_live_date && row.go_live_date < row.planned_start)
    throw new AppError('ROLLOUT_WAVE_DATES_ORDER', { plannedStart: row.planned_start, goLiveDate: row.go_live_date }, [
      { field: 'goLiveDate' },
    ]);
  const others = (await listWaveRows(tx, projectId)).filter((w) => w.id !== row.id);
  const pilot = others.find((w) => w.kind === 'pilot');
  if (row.kind === 'pilot' && pilot) throw new AppError('ROLLOUT_PILOT_EXISTS', { wave: pilot.name }, [{ field: 'kind' }]);
  if (others.some((w) => w.name === row.name)) throw new AppError('ROLLOUT_WAVE_NAME_TAKEN', { name: row.name }, [{ field: 'name' }]);
}

function newWaveRow(projectId: string, input: CreateWaveInput, sequence: number): RolloutWaveTable {
  const now = nowIso();
  return {
    id: newId(),
    project_id: projectId,
    name: input.name,
    kind: input.kind,
    sequence,
    departments: JSON.stringify(input.departments),
    modules: JSON.stringify(input.modules),
    sites: JSON.stringify(input.sites),
    planned_start: input.plannedStart,
    go_live_date: input.goLiveDate,
    status: input.status,
    notes: input.notes,
    created_at: now,
    updated_at: now,
  };
}

/** Adds a wave at the end of the rollout order (the pilot goes first). */
export async function createWave(db: Db, actor: Actor, projectId: string, input: CreateWaveInput): Promise<WaveView> {
  const id = await db.kysely.transaction().execute(async (tx) => {
    await getProjectRow(tx, projectId);
    const existing = await listWaveRows(tx, projectId);
    const sequence = input.kind === 'pilot' ? 0 : existing.reduce((m, w) => Math.max(m, w.sequence), 0) + 1;
    const row = newWaveRow(projectId, input, sequence);
    await assertWaveRules(tx, projectId, row);
    await insertWave(tx, row);
    await recordAudit(tx, actor, { projectId, entity: 'rollout_wave', entityId: row.id, action: 'create', after: row });
    return row.id;
  });
  return waveById(db, projectId, id);
}

async function waveById(db: Db, projectId: string, waveId: string): Promise<WaveView> {
  const found = (await listWaves(db, projectId)).waves.find((w) => w.id === waveId);
  if (!found) throw notFound('rollout_wave', waveId);
  return found;
}

/** Changes a wave. */
export async function updateWave(db: Db, actor: Actor, projectId: string, waveId: string, input: UpdateWaveInput): Promise<WaveView> {
  await db.kysely.transaction().execute(async (tx) => {
    const before = await findWaveRow(tx, projectId, waveId);
    if (!before) throw notFound('rollout_wave', waveId);
    const next: RolloutWaveTable = {
      ...before,
      name: input.name ?? before.name,
      kind: input.kind ?? before.kind,
      sequence: input.sequence ?? before.sequence,
      departments: input.departments ? JSON.stringify(input.departments) : before.departments,
      modules: input.modules ? JSON.stringify(input.modules) : before.modules,
      sites: input.sites ? JSON.stringify(input.sites) : before.sites,
      planned_start: input.plannedStart === undefined ? before.planned_start : input.plannedStart,
      go_live_date: input.goLiveDate === undefined ? before.go_live_date : input.goLiveDate,
      status: input.status ?? before.status,
      notes: input.notes ?? before.notes,
      updated_at: nowIso(),
    };
    await assertWaveRules(tx, projectId, next);
    await updateWaveRow(tx, waveId, next);
    await recordAudit(tx, actor, { projectId, entity: 'rollout_wave', entityId: waveId, action: 'update', before, after: next });
  });
  return waveById(db, projectId, waveId);
}

/** Deletes a wave; its plan tasks stay in the plan, unassigned. */
export async function deleteWave(db: Db, actor: Actor, projectId: string, waveId: string): Promise<void> {
  await db.kysely.transaction().execute(async (tx) => {
    const before = await findWaveRow(tx, projectId, waveId);
    if (!before) throw notFound('rollout_wave', waveId);
    await clearTaskWave(tx, projectId, waveId);
    await deleteWaveRow(tx, waveId);
    await recordAudit(tx, actor, { projectId, entity: 'rollout_wave', entityId: waveId, action: 'delete', before });
  });
}

/** The wizard's proposal: a pilot and later waves from the modules in scope and the assessment's departments. */
export async function proposeRolloutWaves(db: Db, projectId: string, locale: Locale): Promise<WaveProposalView> {
  const project = await getProjectRow(db.kysely, projectId);
  const ctx = await loadPlanContext(db.kysely, projectId);
  const roles = await listAssessmentRoleRefs(db.kysely, projectId);
  const departments = new Map<string, number>();
  for (const r of roles) if (r.department.trim()) departments.set(r.department, (departments.get(r.department) ?? 0) + 1);
  return proposeWaves(
    {
      modulesInScope: JSON.parse(project.modules_in_scope) as ErpModule[],
      departments: [...departments].map(([name, count]) => ({ name, roles: count })),
      startDate: ctx.startDate,
      plannedGoLive: project.planned_go_live,
    },
    locale,
  );
}

/** Stores the waves the user accepted from the wizard (all or nothing). */
export async function applyWaveProposal(db: Db, actor: Actor, projectId: string, input: ApplyProposalInput): Promise<WaveListView> {
  await db.kysely.transaction().execute(async (tx) => {
    await getProjectRow(tx, projectId);
    let sequence = (await listWaveRows(tx, projectId)).reduce((m, w) => Math.max(m, w.sequence), 0);
    for (const [i, wave] of input.waves.entries()) {
      const row = newWaveRow(projectId, wave, wave.kind === 'pilot' ? 0 : ++sequence);
      try {
        await assertWaveRules(tx, projectId, row);
      } catch (error) {
        // Name the wave in the request the problem belongs to.
        if (error instanceof AppError)
          throw new AppError(
            error.code,
            error.params,
            error.details.map((d) => ({ ...d, field: `waves.${i}.${d.field}` })),
          );
        throw error;
      }
      await insertWave(tx, row);
      await recordAudit(tx, actor, { projectId, entity: 'rollout_wave', entityId: row.id, action: 'create', after: row });
    }
  });
  return listWaves(db, projectId);
}
