import { CalendarIndex, workingDaysBetween } from '../../engines/calendar';
import type { PlanBaselineTable, PlanCalendarExceptionTable, PlanDependencyTable } from '../../db/schema-rollout';
import type { PlanContext } from './plan-context';
import type { PlanSchedule, ScheduledLine } from './plan-schedule';
import type { BaselineSummary, CalendarExceptionView, PlanDependencyView, PlanTaskView, PlanView } from './plan.schema';

/** One baseline's task as stored (JSON in plan_baseline.tasks). */
export interface BaselineTask {
  id: string;
  uid: number;
  name: string;
  wbs: string;
  kind: 'summary' | 'task' | 'milestone';
  start: string;
  finish: string;
  durationDays: number;
}

/** A scheduled line as the API shows it. */
export function presentTask(line: ScheduledLine, names: Map<string, string>): PlanTaskView {
  const r = line.row;
  return {
    id: r.id,
    uid: r.uid,
    parentId: r.parent_id,
    waveId: r.wave_id,
    wbs: line.wbs,
    outlineLevel: line.outlineLevel,
    sort: r.sort,
    name: r.name,
    kind: line.kind,
    ownerMemberId: r.owner_member_id,
    ownerName: r.owner_member_id ? (names.get(r.owner_member_id) ?? null) : null,
    durationDays: line.durationDays,
    constraintType: (r.constraint_type as PlanTaskView['constraintType']) ?? null,
    constraintDate: r.constraint_date,
    progress: line.progress,
    actualStart: r.actual_start,
    actualFinish: r.actual_finish,
    notes: r.notes,
    start: line.start,
    finish: line.finish,
    lateStart: line.lateStart,
    lateFinish: line.lateFinish,
    totalFloat: line.totalFloat,
    freeFloat: line.freeFloat,
    critical: line.critical,
    ownerLeaveDays: line.ownerLeaveDays,
  };
}

/** Baseline summaries with the current finish's slip against each, oldest first (the slip trend). */
export function presentBaselines(ctx: PlanContext, finish: string, rows: readonly PlanBaselineTable[]): BaselineSummary[] {
  const index = new CalendarIndex(ctx.calendar);
  return rows.map((b) => ({
    id: b.id,
    name: b.name,
    createdAt: b.created_at,
    createdByName: b.created_by_name,
    projectFinish: b.project_finish,
    finishSlipDays: workingDaysBetween(index, b.project_finish, finish),
  }));
}

function presentDependency(d: PlanDependencyTable, lines: Map<string, ScheduledLine>): PlanDependencyView {
  const pred = lines.get(d.predecessor_id);
  const succ = lines.get(d.successor_id);
  return {
    id: d.id,
    predecessorId: d.predecessor_id,
    successorId: d.successor_id,
    predecessorUid: pred?.row.uid ?? 0,
    successorUid: succ?.row.uid ?? 0,
    type: d.type as PlanDependencyView['type'],
    lagDays: d.lag_days,
    critical: !!pred?.critical && !!succ?.critical,
  };
}

function presentException(e: PlanCalendarExceptionTable, names: Map<string, string>): CalendarExceptionView {
  return {
    id: e.id,
    memberId: e.member_id,
    memberName: names.get(e.member_id) ?? '',
    startDate: e.start_date,
    endDate: e.end_date,
    working: e.working === 1,
    name: e.name,
  };
}

/** The whole plan as the API shows it. */
export function presentPlan(
  ctx: PlanContext,
  schedule: PlanSchedule,
  baselines: readonly PlanBaselineTable[],
  names: Map<string, string>,
): PlanView {
  const lines = new Map(schedule.lines.map((l) => [l.row.id, l]));
  const uidOf = (id: string) => lines.get(id)?.row.uid ?? 0;
  return {
    startDate: ctx.rows.length > 0 ? schedule.start : ctx.startDate,
    finishDate: ctx.rows.length > 0 ? schedule.finish : ctx.startDate,
    startDateDefaulted: ctx.startDateDefaulted,
    calendar: {
      timeZone: ctx.calendar.timeZone,
      workingWeekdays: [...ctx.calendar.workingWeekdays],
      workingHours: ctx.calendar.workingHours.map((p) => ({ ...p })),
      holidays: ctx.calendar.holidays.map((d) => ({ ...d })),
      makeUpDays: ctx.calendar.makeUpDays.map((d) => ({ ...d })),
    },
    tasks: schedule.lines.map((l) => presentTask(l, names)),
    dependencies: ctx.dependencies.map((d) => presentDependency(d, lines)),
    criticalPath: schedule.criticalPath.map(uidOf),
    baselines: presentBaselines(ctx, schedule.finish, baselines),
    calendarExceptions: ctx.exceptions.map((e) => presentException(e, names)),
  };
}

/** The lines of a schedule as a baseline stores them. */
export function baselineTasksOf(schedule: PlanSchedule): BaselineTask[] {
  return schedule.lines.map((l) => ({
    id: l.row.id,
    uid: l.row.uid,
    name: l.row.name,
    wbs: l.wbs,
    kind: l.kind,
    start: l.start,
    finish: l.finish,
    durationDays: l.durationDays,
  }));
}
