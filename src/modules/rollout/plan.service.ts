import type { Db } from '../../db/connection';
import type { PlanBaselineTable, PlanCalendarExceptionTable } from '../../db/schema-rollout';
import { AppError, notFound, type Locale } from '../../shared/app-error';
import { newId, nowIso } from '../../shared/ids';
import type { Actor } from '../access/access.service';
import { recordAudit } from '../audit/audit.service';
import { assertProjectMember } from '../team/assert-project-member';
import { memberNamesById } from '../team/team-contract';
import { baselineNameExists, deleteBaselineRow, findBaselineRow, insertBaseline, listBaselineRows } from './baseline.repository';
import { computeVariance } from './baseline-variance';
import { assertUsableCalendar } from './plan-calendar';
import { loadPlanContext, scheduleOrRefuse } from './plan-context';
import { baselineTasksOf, presentBaselines, presentPlan, type BaselineTask } from './plan-present';
import { deleteExceptionRow, findExceptionRow, insertException, upsertSettingsRow } from './plan-settings.repository';
import type { BaselineSummary, BaselineVarianceView, CreateCalendarExceptionInput, PlanView, UpdateSettingsInput } from './plan.schema';

/** The project plan scheduled now: every line with its dates and float, the critical path, baselines. */
export async function getPlan(db: Db, projectId: string): Promise<PlanView> {
  const ctx = await loadPlanContext(db.kysely, projectId);
  const schedule = scheduleOrRefuse(ctx);
  const [baselines, names] = await Promise.all([listBaselineRows(db.kysely, projectId), memberNamesById(db.kysely, projectId)]);
  return presentPlan(ctx, schedule, baselines, names);
}

/** Sets the plan's start date and/or its working calendar (validated; the plan is rescheduled on read). */
export async function updatePlanSettings(
  db: Db,
  actor: Actor,
  projectId: string,
  input: UpdateSettingsInput,
  locale: Locale,
): Promise<PlanView> {
  await db.kysely.transaction().execute(async (tx) => {
    const ctx = await loadPlanContext(tx, projectId);
    const calendar = input.calendar ?? ctx.calendar;
    assertUsableCalendar(calendar, locale);
    const row = {
      project_id: projectId,
      start_date: input.startDate === undefined ? (ctx.settings?.start_date ?? null) : input.startDate,
      calendar: JSON.stringify(calendar),
      updated_at: nowIso(),
    };
    await upsertSettingsRow(tx, row);
    await recordAudit(tx, actor, {
      projectId,
      entity: 'plan_settings',
      entityId: projectId,
      action: 'update',
      before: ctx.settings ?? null,
      after: row,
    });
  });
  return getPlan(db, projectId);
}

/** Records a member's leave (or extra working days); tasks they own during it are flagged. */
export async function createCalendarException(
  db: Db,
  actor: Actor,
  projectId: string,
  input: CreateCalendarExceptionInput,
  locale: Locale,
): Promise<PlanView> {
  if (input.endDate < input.startDate)
    throw new AppError('PLAN_EXCEPTION_DATES_ORDER', { startDate: input.startDate, endDate: input.endDate }, [{ field: 'endDate' }]);
  await db.kysely.transaction().execute(async (tx) => {
    await loadPlanContext(tx, projectId);
    await assertProjectMember(tx, projectId, input.memberId, 'memberId', locale);
    const row: PlanCalendarExceptionTable = {
      id: newId(),
      project_id: projectId,
      member_id: input.memberId,
      start_date: input.startDate,
      end_date: input.endDate,
      working: input.working ? 1 : 0,
      name: input.name,
      created_at: nowIso(),
    };
    await insertException(tx, row);
    await recordAudit(tx, actor, { projectId, entity: 'plan_calendar_exception', entityId: row.id, action: 'create', after: row });
  });
  return getPlan(db, projectId);
}

/** Removes a member's calendar exception. */
export async function deleteCalendarException(db: Db, actor: Actor, projectId: string, exceptionId: string): Promise<PlanView> {
  await db.kysely.transaction().execute(async (tx) => {
    const row = await findExceptionRow(tx, projectId, exceptionId);
    if (!row) throw notFound('plan_calendar_exception', exceptionId);
    await deleteExceptionRow(tx, exceptionId);
    await recordAudit(tx, actor, { projectId, entity: 'plan_calendar_exception', entityId: exceptionId, action: 'delete', before: row });
  });
  return getPlan(db, projectId);
}

/** Saves the current schedule as a named, immutable baseline. */
export async function createBaseline(db: Db, actor: Actor, projectId: string, name: string): Promise<BaselineSummary> {
  return db.kysely.transaction().execute(async (tx) => {
    const ctx = await loadPlanContext(tx, projectId);
    if (ctx.rows.length === 0) throw new AppError('PLAN_EMPTY');
    if (await baselineNameExists(tx, projectId, name)) throw new AppError('PLAN_BASELINE_NAME_TAKEN', { name }, [{ field: 'name' }]);
    const schedule = scheduleOrRefuse(ctx);
    const row: PlanBaselineTable = {
      id: newId(),
      project_id: projectId,
      name,
      project_start: schedule.start,
      project_finish: schedule.finish,
      tasks: JSON.stringify(baselineTasksOf(schedule)),
      created_by_name: actor.name,
      created_at: nowIso(),
    };
    await insertBaseline(tx, row);
    await recordAudit(tx, actor, {
      projectId,
      entity: 'plan_baseline',
      entityId: row.id,
      action: 'create',
      after: { name, project_start: row.project_start, project_finish: row.project_finish },
    });
    return presentBaselines(ctx, schedule.finish, [row])[0]!;
  });
}

/** Every task's slip against a baseline, and the plan's. */
export async function getBaselineVariance(db: Db, projectId: string, baselineId: string): Promise<BaselineVarianceView> {
  const ctx = await loadPlanContext(db.kysely, projectId);
  const row = await findBaselineRow(db.kysely, projectId, baselineId);
  if (!row) throw notFound('plan_baseline', baselineId);
  const schedule = scheduleOrRefuse(ctx);
  const current = schedule.lines.map((l) => ({
    id: l.row.id,
    uid: l.row.uid,
    name: l.row.name,
    start: l.start,
    finish: l.finish,
    durationDays: l.durationDays,
  }));
  return {
    baseline: presentBaselines(ctx, schedule.finish, [row])[0]!,
    projectStart: schedule.start,
    tasks: computeVariance(ctx.calendar, JSON.parse(row.tasks) as BaselineTask[], current),
  };
}

/** Deletes a baseline (its content is never edited; a wrong one is deleted and saved again). */
export async function deleteBaseline(db: Db, actor: Actor, projectId: string, baselineId: string): Promise<void> {
  await db.kysely.transaction().execute(async (tx) => {
    const row = await findBaselineRow(tx, projectId, baselineId);
    if (!row) throw notFound('plan_baseline', baselineId);
    await deleteBaselineRow(tx, baselineId);
    await recordAudit(tx, actor, {
      projectId,
      entity: 'plan_baseline',
      entityId: baselineId,
      action: 'delete',
      before: { name: row.name },
    });
  });
}
