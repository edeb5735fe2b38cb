import type { WorkingCalendar } from '../../engines/calendar';
import { zonedDate } from '../../engines/calendar';
import type { PlanProblem } from '../../engines/schedule';
import type { DbExecutor } from '../../db/connection';
import type { PlanCalendarExceptionTable, PlanDependencyTable, PlanSettingsTable, PlanTaskTable } from '../../db/schema-rollout';
import { AppError } from '../../shared/app-error';
import { getProjectRow } from '../projects/project.service';
import { planCalendarOf } from './plan-calendar';
import { listDependencyRows, listTaskRows } from './plan.repository';
import { findSettingsRow, listExceptionRows } from './plan-settings.repository';
import { schedulePlan, type PlanSchedule } from './plan-schedule';

/** Everything the scheduler needs about one project's plan, read in one go. */
export interface PlanContext {
  projectId: string;
  timeZone: string;
  settings: PlanSettingsTable | undefined;
  calendar: WorkingCalendar;
  startDate: string;
  startDateDefaulted: boolean;
  rows: PlanTaskTable[];
  dependencies: PlanDependencyTable[];
  exceptions: PlanCalendarExceptionTable[];
}

/**
 * Reads a project's plan. The start date is the plan's own, else the project's start, else today
 * in the project's zone — a plan always has a date to schedule from.
 */
export async function loadPlanContext(db: DbExecutor, projectId: string): Promise<PlanContext> {
  const project = await getProjectRow(db, projectId);
  const [settings, rows, dependencies, exceptions] = await Promise.all([
    findSettingsRow(db, projectId),
    listTaskRows(db, projectId),
    listDependencyRows(db, projectId),
    listExceptionRows(db, projectId),
  ]);
  const own = settings?.start_date ?? null;
  return {
    projectId,
    timeZone: project.time_zone,
    settings,
    calendar: planCalendarOf(settings, project.time_zone),
    startDate: own ?? project.start_date ?? zonedDate(new Date(), project.time_zone),
    startDateDefaulted: own === null,
    rows,
    dependencies,
    exceptions,
  };
}

/** Schedules the plan as it now stands, or refuses the change that made it unschedulable. */
export function scheduleOrRefuse(ctx: PlanContext): PlanSchedule {
  const result = schedulePlan(ctx.calendar, ctx.startDate, ctx.rows, ctx.dependencies, ctx.exceptions);
  if (result.problem) throw planProblemError(result.problem, ctx.rows);
  return result.schedule;
}

/** The error a scheduling problem becomes, naming the tasks by number and name. */
export function planProblemError(problem: PlanProblem, rows: readonly PlanTaskTable[]): AppError {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const label = (id: string) => {
    const row = byId.get(id);
    return row ? `#${row.uid} ${row.name}` : id;
  };
  switch (problem.code) {
    case 'cycle': {
      // The engine repeats the first task at the end, so the message reads as a loop.
      return new AppError('PLAN_CYCLE', { cycle: problem.taskIds.map(label).join(' → ') });
    }
    case 'self_dependency': {
      const row = byId.get(problem.taskId);
      return new AppError('PLAN_DEPENDENCY_SELF', { uid: row?.uid ?? 0, name: row?.name ?? problem.taskId });
    }
    case 'duplicate_dependency':
      return new AppError('PLAN_DEPENDENCY_DUPLICATE', {
        predecessor: byId.get(problem.predecessorId)?.uid ?? 0,
        successor: byId.get(problem.successorId)?.uid ?? 0,
      });
    case 'unknown_task':
      return new AppError('NOT_FOUND', { entity: 'plan_task', id: problem.taskId });
  }
}
