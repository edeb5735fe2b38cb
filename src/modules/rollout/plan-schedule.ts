import { addCalendarDays, CalendarIndex, calendarDaysBetween, countWorkingDays, type WorkingCalendar } from '../../engines/calendar';
import { computeSchedule, type PlanDependency, type PlanProblem, type PlanTask } from '../../engines/schedule';
import type { PlanCalendarExceptionTable, PlanDependencyTable, PlanTaskTable } from '../../db/schema-rollout';
import { buildOutline } from './plan-tree';

/** A line of the plan with its computed dates (owner names are added by the presenter). */
export interface ScheduledLine {
  row: PlanTaskTable;
  wbs: string;
  outlineLevel: number;
  kind: 'summary' | 'task' | 'milestone';
  /** Working days: the task's own for leaves, the span's for summaries. */
  durationDays: number;
  progress: number;
  start: string;
  finish: string;
  lateStart: string;
  lateFinish: string;
  totalFloat: number;
  freeFloat: number;
  critical: boolean;
  ownerLeaveDays: string[];
}

/** The schedule of a whole plan, summaries rolled up. */
export interface PlanSchedule {
  start: string;
  finish: string;
  lines: ScheduledLine[];
  /** Ids of the critical leaf tasks in start order. */
  criticalPath: string[];
}

/**
 * Schedules the plan: leaf tasks and milestones go through the critical path method on the project
 * calendar; a summary task spans its subtasks (earliest start to latest finish, least float, progress
 * weighted by duration), as in MS Project. Dependencies only join leaves (the service refuses links
 * on summaries). Returns the engine's problem (a cycle) instead of a schedule when there is one.
 */
export function schedulePlan(
  calendar: WorkingCalendar,
  startDate: string,
  rows: readonly PlanTaskTable[],
  dependencies: readonly PlanDependencyTable[],
  exceptions: readonly PlanCalendarExceptionTable[] = [],
): { schedule: PlanSchedule; problem: null } | { schedule: null; problem: PlanProblem } {
  const index = new CalendarIndex(calendar);
  const outline = buildOutline(rows);
  const leaves = outline.filter((l) => !l.isSummary);
  const tasks: PlanTask[] = leaves.map(({ row }) => ({
    id: row.id,
    durationDays: row.kind === 'milestone' ? 0 : Math.round(row.duration_days),
    constraint:
      row.constraint_type && row.constraint_date
        ? { type: row.constraint_type as NonNullable<PlanTask['constraint']>['type'], date: row.constraint_date }
        : null,
    actualStart: row.actual_start,
    actualFinish: row.actual_finish,
  }));
  const leafIds = new Set(tasks.map((t) => t.id));
  const links: PlanDependency[] = dependencies
    .filter((d) => leafIds.has(d.predecessor_id) && leafIds.has(d.successor_id))
    .map((d) => ({
      predecessorId: d.predecessor_id,
      successorId: d.successor_id,
      type: d.type as PlanDependency['type'],
      lagDays: d.lag_days,
    }));
  const result = computeSchedule(index, startDate, tasks, links);
  if (result.problem) return { schedule: null, problem: result.problem };
  const byId = new Map(result.schedule.tasks.map((t) => [t.id, t]));
  const leave = leaveDaysByMember(index, exceptions);

  const lines = new Map<string, ScheduledLine>();
  for (const line of outline) {
    if (line.isSummary) continue;
    const s = byId.get(line.row.id)!;
    const milestone = line.row.kind === 'milestone';
    lines.set(line.row.id, {
      row: line.row,
      wbs: line.wbs,
      outlineLevel: line.outlineLevel,
      kind: milestone ? 'milestone' : 'task',
      durationDays: milestone ? 0 : Math.round(line.row.duration_days),
      progress: line.row.progress,
      start: s.earlyStart,
      finish: s.earlyFinish,
      lateStart: s.lateStart,
      lateFinish: s.lateFinish,
      totalFloat: s.totalFloat,
      freeFloat: s.freeFloat,
      critical: s.critical,
      ownerLeaveDays: ownerLeave(leave, line.row.owner_member_id, s.earlyStart, s.earlyFinish),
    });
  }
  // Roll summaries up from the deepest level, so a summary of summaries sees its children's spans.
  for (const line of [...outline].reverse()) {
    if (!line.isSummary) continue;
    const kids = line.descendantIds.map((id) => lines.get(id)).filter((l): l is ScheduledLine => !!l && l.kind !== 'summary');
    if (kids.length === 0) continue;
    const start = kids.reduce((m, k) => (k.start < m ? k.start : m), kids[0]!.start);
    const finish = kids.reduce((m, k) => (k.finish > m ? k.finish : m), kids[0]!.finish);
    const weight = kids.reduce((sum, k) => sum + Math.max(k.durationDays, 0), 0);
    const progress = weight > 0 ? Math.round(kids.reduce((sum, k) => sum + k.progress * k.durationDays, 0) / weight) : 0;
    lines.set(line.row.id, {
      row: line.row,
      wbs: line.wbs,
      outlineLevel: line.outlineLevel,
      kind: 'summary',
      durationDays: countWorkingDays(index, start, finish),
      progress,
      start,
      finish,
      lateStart: kids.reduce((m, k) => (k.lateStart < m ? k.lateStart : m), kids[0]!.lateStart),
      lateFinish: kids.reduce((m, k) => (k.lateFinish > m ? k.lateFinish : m), kids[0]!.lateFinish),
      totalFloat: Math.min(...kids.map((k) => k.totalFloat)),
      freeFloat: Math.min(...kids.map((k) => k.freeFloat)),
      critical: kids.some((k) => k.critical),
      ownerLeaveDays: [],
    });
  }
  const ordered = outline.map((l) => lines.get(l.row.id)).filter((l): l is ScheduledLine => l !== undefined);
  return {
    schedule: {
      start: result.schedule.projectStart,
      finish: result.schedule.projectFinish,
      lines: ordered,
      criticalPath: result.schedule.criticalPath,
    },
    problem: null,
  };
}

/** The working days each member is away (exceptions that are not worked), as sets of dates. */
function leaveDaysByMember(index: CalendarIndex, exceptions: readonly PlanCalendarExceptionTable[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const e of exceptions) {
    if (e.working) continue;
    const days = out.get(e.member_id) ?? new Set<string>();
    const span = Math.min(calendarDaysBetween(e.start_date, e.end_date), 366);
    for (let i = 0; i <= span; i++) {
      const day = addCalendarDays(e.start_date, i);
      if (index.isWorkingDay(day)) days.add(day);
    }
    out.set(e.member_id, days);
  }
  return out;
}

function ownerLeave(leave: Map<string, Set<string>>, ownerId: string | null, start: string, finish: string): string[] {
  const days = ownerId ? leave.get(ownerId) : undefined;
  if (!days) return [];
  return [...days].filter((d) => d >= start && d <= finish).sort();
}
