import type { Db, DbExecutor } from '../../db/connection';
import type { PlanDependencyTable, PlanTaskTable } from '../../db/schema-rollout';
import { AppError, notFound, type Locale } from '../../shared/app-error';
import { newId, nowIso } from '../../shared/ids';
import type { Actor } from '../access/access.service';
import { recordAudit } from '../audit/audit.service';
import { assertProjectMember } from '../team/assert-project-member';
import { loadPlanContext, scheduleOrRefuse, type PlanContext } from './plan-context';
import { getPlan } from './plan.service';
import {
  deleteDependencyRow,
  deleteTaskRows,
  findDependencyRow,
  findMaxTaskUid,
  insertDependencies,
  insertTasks,
  updateTaskRow,
} from './plan.repository';
import { buildOutline, isSelfOrDescendant } from './plan-tree';
import { findWaveRow } from './wave.repository';
import type { CreateDependencyInput, CreateTaskInput, PlanView, UpdateTaskInput } from './plan.schema';

/** Refuses dates and references a task cannot have. */
async function assertTaskFields(
  tx: DbExecutor,
  ctx: PlanContext,
  task: PlanTaskTable,
  locale: Locale,
  changed: { owner: boolean; wave: boolean; parent: boolean },
): Promise<void> {
  if (changed.owner) await assertProjectMember(tx, ctx.projectId, task.owner_member_id, 'ownerMemberId', locale);
  if (changed.wave && task.wave_id && !(await findWaveRow(tx, ctx.projectId, task.wave_id))) throw notFound('rollout_wave', task.wave_id);
  if (task.constraint_type && !task.constraint_date) throw new AppError('PLAN_CONSTRAINT_DATE_MISSING', {}, [{ field: 'constraintDate' }]);
  if (task.actual_start && task.actual_finish && task.actual_finish < task.actual_start)
    throw new AppError('PLAN_ACTUAL_DATES_ORDER', { actualStart: task.actual_start, actualFinish: task.actual_finish }, [
      { field: 'actualFinish' },
    ]);
  if (changed.parent && task.parent_id) {
    const parent = ctx.rows.find((r) => r.id === task.parent_id);
    if (!parent) throw notFound('plan_task', task.parent_id);
    const refused = new AppError('PLAN_PARENT_INVALID', { uid: task.uid, parentUid: parent.uid }, [{ field: 'parentId' }]);
    if (parent.kind === 'milestone' || isSelfOrDescendant(ctx.rows, task.id, parent.id)) throw refused;
    // A line that becomes a summary takes its dates from its children: its own links would be ignored.
    if (ctx.dependencies.some((d) => d.predecessor_id === parent.id || d.successor_id === parent.id))
      throw new AppError('PLAN_SUMMARY_HAS_LINKS', { parentUid: parent.uid }, [{ field: 'parentId' }]);
  }
}

/** The next position among the siblings under `parentId`. */
function nextSort(rows: readonly PlanTaskTable[], parentId: string | null): number {
  return rows.filter((r) => r.parent_id === parentId).reduce((m, r) => Math.max(m, r.sort), 0) + 1;
}

/** Adds a task or milestone to the plan (at the end of its parent's subtasks). */
export async function createTask(db: Db, actor: Actor, projectId: string, input: CreateTaskInput, locale: Locale): Promise<PlanView> {
  await db.kysely.transaction().execute(async (tx) => {
    const ctx = await loadPlanContext(tx, projectId);
    const now = nowIso();
    const row: PlanTaskTable = {
      id: newId(),
      project_id: projectId,
      uid: (await findMaxTaskUid(tx, projectId)) + 1,
      parent_id: input.parentId,
      wave_id: input.waveId,
      sort: nextSort(ctx.rows, input.parentId),
      name: input.name,
      kind: input.kind,
      owner_member_id: input.ownerMemberId,
      duration_days: input.kind === 'milestone' ? 0 : input.durationDays,
      constraint_type: input.constraintType,
      constraint_date: input.constraintType ? input.constraintDate : null,
      progress: input.progress,
      actual_start: input.actualStart,
      actual_finish: input.actualFinish,
      notes: input.notes,
      created_at: now,
      updated_at: now,
    };
    await assertTaskFields(tx, ctx, row, locale, { owner: true, wave: true, parent: true });
    await insertTasks(tx, [row]);
    scheduleOrRefuse({ ...ctx, rows: [...ctx.rows, row] });
    await recordAudit(tx, actor, { projectId, entity: 'plan_task', entityId: row.id, action: 'create', after: row });
  });
  return getPlan(db, projectId);
}

/**
 * Changes a task. Moving it (a new start by dragging its bar) is a start-no-earlier-than constraint,
 * as in MS Project, and its successors follow on the next read; a change that would make a cycle is
 * refused before anything is written.
 */
export async function updateTask(
  db: Db,
  actor: Actor,
  projectId: string,
  taskId: string,
  input: UpdateTaskInput,
  locale: Locale,
): Promise<PlanView> {
  await db.kysely.transaction().execute(async (tx) => {
    const ctx = await loadPlanContext(tx, projectId);
    const before = ctx.rows.find((r) => r.id === taskId);
    if (!before) throw notFound('plan_task', taskId);
    const kind = input.kind ?? before.kind;
    const constraintType = input.constraintType === undefined ? before.constraint_type : input.constraintType;
    const next: PlanTaskTable = {
      ...before,
      name: input.name ?? before.name,
      kind,
      parent_id: input.parentId === undefined ? before.parent_id : input.parentId,
      wave_id: input.waveId === undefined ? before.wave_id : input.waveId,
      owner_member_id: input.ownerMemberId === undefined ? before.owner_member_id : input.ownerMemberId,
      duration_days: kind === 'milestone' ? 0 : (input.durationDays ?? before.duration_days),
      constraint_type: constraintType,
      constraint_date: constraintType ? (input.constraintDate === undefined ? before.constraint_date : input.constraintDate) : null,
      progress: input.progress ?? before.progress,
      actual_start: input.actualStart === undefined ? before.actual_start : input.actualStart,
      actual_finish: input.actualFinish === undefined ? before.actual_finish : input.actualFinish,
      notes: input.notes ?? before.notes,
      updated_at: nowIso(),
    };
    const parentChanged = next.parent_id !== before.parent_id;
    if (parentChanged) next.sort = nextSort(ctx.rows, next.parent_id);
    if (input.sort !== undefined) next.sort = input.sort;
    await assertTaskFields(tx, ctx, next, locale, {
      owner: next.owner_member_id !== before.owner_member_id,
      wave: next.wave_id !== before.wave_id,
      parent: parentChanged,
    });
    const rows = ctx.rows.map((r) => (r.id === taskId ? next : r));
    if (input.sort !== undefined) await renumberSiblings(tx, rows, next);
    scheduleOrRefuse({ ...ctx, rows });
    await updateTaskRow(tx, taskId, next);
    await recordAudit(tx, actor, { projectId, entity: 'plan_task', entityId: taskId, action: 'update', before, after: next });
  });
  return getPlan(db, projectId);
}

/** Puts `moved` at its requested position and numbers its siblings 1…n around it. */
async function renumberSiblings(tx: DbExecutor, rows: PlanTaskTable[], moved: PlanTaskTable): Promise<void> {
  const siblings = rows
    .filter((r) => r.parent_id === moved.parent_id && r.id !== moved.id)
    .sort((a, b) => a.sort - b.sort || a.uid - b.uid);
  const at = Math.min(Math.max(moved.sort, 1), siblings.length + 1) - 1;
  siblings.splice(at, 0, moved);
  for (const [i, row] of siblings.entries()) {
    if (row.sort === i + 1 && row.id !== moved.id) continue;
    row.sort = i + 1;
    if (row.id !== moved.id) await updateTaskRow(tx, row.id, { sort: i + 1 });
  }
}

/** Deletes a task with its subtasks and their dependencies. */
export async function deleteTask(db: Db, actor: Actor, projectId: string, taskId: string): Promise<PlanView> {
  await db.kysely.transaction().execute(async (tx) => {
    const ctx = await loadPlanContext(tx, projectId);
    const line = buildOutline(ctx.rows).find((l) => l.row.id === taskId);
    if (!line) throw notFound('plan_task', taskId);
    await deleteTaskRows(tx, projectId, [taskId, ...line.descendantIds]);
    await recordAudit(tx, actor, {
      projectId,
      entity: 'plan_task',
      entityId: taskId,
      action: 'delete',
      before: { ...line.row, subtasks: line.descendantIds.length },
    });
  });
  return getPlan(db, projectId);
}

/** Links two tasks (FS, SS, FF or SF, with lag or lead); refuses summaries, duplicates and cycles. */
export async function createDependency(db: Db, actor: Actor, projectId: string, input: CreateDependencyInput): Promise<PlanView> {
  await db.kysely.transaction().execute(async (tx) => {
    const ctx = await loadPlanContext(tx, projectId);
    const outline = new Map(buildOutline(ctx.rows).map((l) => [l.row.id, l]));
    for (const [field, id] of [
      ['predecessorId', input.predecessorId],
      ['successorId', input.successorId],
    ] as const) {
      const line = outline.get(id);
      if (!line) throw new AppError('NOT_FOUND', { entity: 'plan_task', id }, [{ field }]);
      if (line.isSummary) throw new AppError('PLAN_DEPENDENCY_SUMMARY', { uid: line.row.uid, name: line.row.name }, [{ field }]);
    }
    const row: PlanDependencyTable = {
      id: newId(),
      project_id: projectId,
      predecessor_id: input.predecessorId,
      successor_id: input.successorId,
      type: input.type,
      lag_days: input.lagDays,
      created_at: nowIso(),
    };
    // The scheduler names a self link, a duplicate or the cycle this link would close.
    scheduleOrRefuse({ ...ctx, dependencies: [...ctx.dependencies, row] });
    await insertDependencies(tx, [row]);
    await recordAudit(tx, actor, { projectId, entity: 'plan_dependency', entityId: row.id, action: 'create', after: row });
  });
  return getPlan(db, projectId);
}

/** Removes a dependency. */
export async function deleteDependency(db: Db, actor: Actor, projectId: string, dependencyId: string): Promise<PlanView> {
  await db.kysely.transaction().execute(async (tx) => {
    const row = await findDependencyRow(tx, projectId, dependencyId);
    if (!row) throw notFound('plan_dependency', dependencyId);
    await deleteDependencyRow(tx, dependencyId);
    await recordAudit(tx, actor, { projectId, entity: 'plan_dependency', entityId: dependencyId, action: 'delete', before: row });
  });
  return getPlan(db, projectId);
}
