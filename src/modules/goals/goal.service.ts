import type { Db, DbExecutor } from '../../db/connection';
import type { GoalTable, ProjectTable } from '../../db/schema';
import { AppError, type Locale } from '../../shared/app-error';
import { newId, nowIso, todayDate } from '../../shared/ids';
import type { Actor } from '../access/access.service';
import { recordAudit } from '../audit/audit.service';
import { getProjectRow } from '../projects/project.service';
import { listGoalRows, type GoalRow } from './goal.repository';
import type { CreateGoalInput, GoalView, RoiView, UpdateGoalInput } from './goal.schema';
import { computeRoi } from './roi';
import { checkSmartGoal, computeProgress, type SmartCheckContext } from './smart-check';
import { findUnknownMemberIds } from '../team/team-contract';

function presentGoal(row: GoalRow, context: SmartCheckContext, locale: Locale): GoalView {
  const direction = row.direction === 'decrease' ? 'decrease' : 'increase';
  const base = {
    statement: row.statement,
    kpiName: row.kpi_name,
    kpiUnit: row.kpi_unit,
    baseline: row.baseline,
    target: row.target,
    direction,
    deadline: row.deadline,
    ownerMemberId: row.owner_member_id,
    module: row.module,
    latestValue: row.latest_value,
  } as const;
  const issues = checkSmartGoal(base, context, locale);
  return {
    id: row.id,
    projectId: row.project_id,
    ...base,
    ownerName: row.owner_name,
    latestMeasuredOn: row.latest_measured_on,
    progress: computeProgress(row.baseline, row.target, row.latest_value),
    smart: { ok: issues.length === 0, issues },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function smartContext(db: DbExecutor, projectId: string, known?: ProjectTable): Promise<SmartCheckContext> {
  const project = known ?? (await getProjectRow(db, projectId));
  return {
    today: todayDate(),
    modulesInScope: JSON.parse(project.modules_in_scope) as string[],
    plannedGoLive: project.planned_go_live,
  };
}

/** A project's goals with their SMART check and progress (pass the project row when already loaded). */
export async function listGoals(db: Db, projectId: string, locale: Locale, project?: ProjectTable): Promise<GoalView[]> {
  const [rows, context] = await Promise.all([listGoalRows(db.kysely, projectId), smartContext(db.kysely, projectId, project)]);
  return rows.map((r) => presentGoal(r, context, locale));
}

/** One goal or NOT_FOUND. */
export async function getGoal(db: DbExecutor, projectId: string, goalId: string, locale: Locale): Promise<GoalView> {
  const [row] = await listGoalRows(db, projectId, goalId);
  if (!row) throw new AppError('NOT_FOUND', { entity: 'goal', id: goalId });
  return presentGoal(row, await smartContext(db, projectId), locale);
}

async function assertOwnerInProject(db: DbExecutor, projectId: string, memberId: string | null | undefined): Promise<void> {
  if (!memberId) return;
  if ((await findUnknownMemberIds(db, projectId, [memberId])).size > 0) {
    throw new AppError('GOALS_OWNER_NOT_MEMBER', { id: memberId }, [{ field: 'ownerMemberId' }]);
  }
}

/** Creates a goal. A goal that is not yet SMART is allowed; the check explains what it lacks. */
export async function createGoal(db: Db, actor: Actor, projectId: string, input: CreateGoalInput, locale: Locale): Promise<GoalView> {
  return db.kysely.transaction().execute(async (tx) => {
    await getProjectRow(tx, projectId);
    await assertOwnerInProject(tx, projectId, input.ownerMemberId);
    const now = nowIso();
    const row: GoalTable = {
      id: newId(),
      project_id: projectId,
      statement: input.statement,
      kpi_name: input.kpiName || null,
      kpi_unit: input.kpiUnit || null,
      baseline: input.baseline,
      target: input.target,
      direction: input.direction,
      deadline: input.deadline,
      owner_member_id: input.ownerMemberId,
      module: input.module,
      created_at: now,
      updated_at: now,
    };
    await tx.insertInto('goal').values(row).execute();
    const view = await getGoal(tx, projectId, row.id, locale);
    await recordAudit(tx, actor, { projectId, entity: 'goal', entityId: row.id, action: 'create', after: row });
    return view;
  });
}

/** Updates a goal's fields. */
export async function updateGoal(
  db: Db,
  actor: Actor,
  projectId: string,
  goalId: string,
  input: UpdateGoalInput,
  locale: Locale,
): Promise<GoalView> {
  return db.kysely.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('goal').selectAll().where('id', '=', goalId).where('project_id', '=', projectId).executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND', { entity: 'goal', id: goalId });
    await assertOwnerInProject(tx, projectId, input.ownerMemberId);
    const pick = <T>(value: T | undefined, fallback: T): T => (value === undefined ? fallback : value);
    const after: GoalTable = {
      ...before,
      statement: pick(input.statement, before.statement),
      kpi_name: pick(input.kpiName, before.kpi_name) || null,
      kpi_unit: pick(input.kpiUnit, before.kpi_unit) || null,
      baseline: pick(input.baseline, before.baseline),
      target: pick(input.target, before.target),
      direction: pick(input.direction, before.direction as 'increase' | 'decrease'),
      deadline: pick(input.deadline, before.deadline),
      owner_member_id: pick(input.ownerMemberId, before.owner_member_id),
      module: pick(input.module, before.module),
      updated_at: nowIso(),
    };
    const { id: _id, project_id: _p, created_at: _c, ...changes } = after;
    await tx.updateTable('goal').set(changes).where('id', '=', goalId).execute();
    await recordAudit(tx, actor, { projectId, entity: 'goal', entityId: goalId, action: 'update', before, after });
    return getGoal(tx, projectId, goalId, locale);
  });
}

/** Deletes a goal and its measurements. */
export async function deleteGoal(db: Db, actor: Actor, projectId: string, goalId: string): Promise<void> {
  await db.kysely.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('goal').selectAll().where('id', '=', goalId).where('project_id', '=', projectId).executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND', { entity: 'goal', id: goalId });
    await tx.deleteFrom('goal').where('id', '=', goalId).execute();
    await recordAudit(tx, actor, { projectId, entity: 'goal', entityId: goalId, action: 'delete', before });
  });
}

/** KPI measurements of a goal, oldest first. */
export async function listMeasurements(db: Db, projectId: string, goalId: string) {
  await getGoalRow(db.kysely, projectId, goalId);
  const rows = await db.kysely
    .selectFrom('kpi_measurement')
    .selectAll()
    .where('goal_id', '=', goalId)
    .orderBy('measured_on')
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({ id: r.id, goalId: r.goal_id, measuredOn: r.measured_on, value: r.value, note: r.note }));
}

async function getGoalRow(db: DbExecutor, projectId: string, goalId: string): Promise<GoalTable> {
  const row = await db.selectFrom('goal').selectAll().where('id', '=', goalId).where('project_id', '=', projectId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { entity: 'goal', id: goalId });
  return row;
}

/** Records a KPI actual for a goal. */
export async function recordMeasurement(
  db: Db,
  actor: Actor,
  projectId: string,
  goalId: string,
  input: { measuredOn: string; value: number; note: string },
) {
  return db.kysely.transaction().execute(async (tx) => {
    await getGoalRow(tx, projectId, goalId);
    const row = {
      id: newId(),
      project_id: projectId,
      goal_id: goalId,
      measured_on: input.measuredOn,
      value: input.value,
      note: input.note,
      created_at: nowIso(),
    };
    await tx.insertInto('kpi_measurement').values(row).execute();
    await recordAudit(tx, actor, { projectId, entity: 'kpi_measurement', entityId: row.id, action: 'create', after: row });
    return { id: row.id, goalId, measuredOn: row.measured_on, value: row.value, note: row.note };
  });
}

/** Deletes a KPI measurement. */
export async function deleteMeasurement(db: Db, actor: Actor, projectId: string, goalId: string, measurementId: string): Promise<void> {
  await db.kysely.transaction().execute(async (tx) => {
    const before = await tx
      .selectFrom('kpi_measurement')
      .selectAll()
      .where('id', '=', measurementId)
      .where('goal_id', '=', goalId)
      .where('project_id', '=', projectId)
      .executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND', { entity: 'kpi_measurement', id: measurementId });
    await tx.deleteFrom('kpi_measurement').where('id', '=', measurementId).execute();
    await recordAudit(tx, actor, { projectId, entity: 'kpi_measurement', entityId: measurementId, action: 'delete', before });
  });
}

/** Goal counts for the dashboard. */
export async function summarizeGoals(
  db: Db,
  projectId: string,
  project?: ProjectTable,
): Promise<{ total: number; smart: number; averageProgress: number | null }> {
  const goals = await listGoals(db, projectId, 'en', project);
  const progresses = goals.map((g) => g.progress).filter((p): p is number => p !== null);
  return {
    total: goals.length,
    smart: goals.filter((g) => g.smart.ok).length,
    averageProgress: progresses.length ? progresses.reduce((a, b) => a + b, 0) / progresses.length : null,
  };
}

/** The project's ROI settings, items and computed result. */
export async function getRoi(db: DbExecutor, projectId: string): Promise<RoiView> {
  await getProjectRow(db, projectId);
  const settings = (await db.selectFrom('roi_settings').selectAll().where('project_id', '=', projectId).executeTakeFirst()) ?? {
    horizon_years: 5,
    discount_rate: 0.08,
    currency: 'CNY',
  };
  const items = await db.selectFrom('roi_item').selectAll().where('project_id', '=', projectId).orderBy('created_at').execute();
  const typed = items.map((i) => ({ id: i.id, kind: i.kind as RoiView['items'][number]['kind'], label: i.label, amount: i.amount }));
  return {
    settings: { horizonYears: settings.horizon_years, discountRate: settings.discount_rate, currency: settings.currency },
    items: typed,
    result: computeRoi({ horizonYears: settings.horizon_years, discountRate: settings.discount_rate, items: typed }),
  };
}

/** Saves ROI settings. */
export async function updateRoiSettings(
  db: Db,
  actor: Actor,
  projectId: string,
  input: { horizonYears: number; discountRate: number; currency: string },
): Promise<RoiView> {
  return db.kysely.transaction().execute(async (tx) => {
    const before = await getRoi(tx, projectId);
    const values = { horizon_years: input.horizonYears, discount_rate: input.discountRate, currency: input.currency, updated_at: nowIso() };
    await tx
      .insertInto('roi_settings')
      .values({ project_id: projectId, ...values })
      .onConflict((oc) => oc.column('project_id').doUpdateSet(values))
      .execute();
    await recordAudit(tx, actor, {
      projectId,
      entity: 'roi_settings',
      entityId: projectId,
      action: 'update',
      before: before.settings,
      after: input,
    });
    return getRoi(tx, projectId);
  });
}

/** Adds a cost or benefit item. */
export async function addRoiItem(
  db: Db,
  actor: Actor,
  projectId: string,
  input: { kind: string; label: string; amount: number },
): Promise<RoiView> {
  return db.kysely.transaction().execute(async (tx) => {
    await getProjectRow(tx, projectId);
    const row = { id: newId(), project_id: projectId, kind: input.kind, label: input.label, amount: input.amount, created_at: nowIso() };
    await tx.insertInto('roi_item').values(row).execute();
    await recordAudit(tx, actor, { projectId, entity: 'roi_item', entityId: row.id, action: 'create', after: row });
    return getRoi(tx, projectId);
  });
}

/** Removes a cost or benefit item. */
export async function deleteRoiItem(db: Db, actor: Actor, projectId: string, itemId: string): Promise<RoiView> {
  return db.kysely.transaction().execute(async (tx) => {
    const before = await tx
      .selectFrom('roi_item')
      .selectAll()
      .where('id', '=', itemId)
      .where('project_id', '=', projectId)
      .executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND', { entity: 'roi_item', id: itemId });
    await tx.deleteFrom('roi_item').where('id', '=', itemId).execute();
    await recordAudit(tx, actor, { projectId, entity: 'roi_item', entityId: itemId, action: 'delete', before });
    return getRoi(tx, projectId);
  });
}
