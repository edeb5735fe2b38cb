import type { CalendarIndex } from '../calendar/working-calendar';
import { DayLine } from './day-line';
import { orderPlan, type PlanProblem } from './plan-order';
import type { PlanDependency, PlanTask, Schedule, ScheduledTask } from './schedule-model';

/** Points of one task on the day line. */
interface Span {
  es: number;
  ef: number;
  ls: number;
  lf: number;
}

/** The earliest start a dependency allows its successor (of `duration` days). */
function earliestStartAfter(d: PlanDependency, pred: Span, duration: number): number {
  switch (d.type) {
    case 'FS':
      return pred.ef + d.lagDays;
    case 'SS':
      return pred.es + d.lagDays;
    case 'FF':
      return pred.ef + d.lagDays - duration;
    case 'SF':
      return pred.es + d.lagDays - duration;
  }
}

/** The latest finish a dependency allows its predecessor (of `duration` days). */
function latestFinishBefore(d: PlanDependency, succ: Span, duration: number): number {
  switch (d.type) {
    case 'FS':
      return succ.ls - d.lagDays;
    case 'SS':
      return succ.ls - d.lagDays + duration;
    case 'FF':
      return succ.lf - d.lagDays;
    case 'SF':
      return succ.lf - d.lagDays + duration;
  }
}

/**
 * Schedules a plan by the critical path method on a working calendar: a forward pass gives each
 * task its early dates (from the project start, its predecessors, its start-no-earlier-than
 * constraint and its actual dates), a backward pass its late dates (from the project finish or
 * `mustFinishBy`, its successors and its finish-no-later-than constraint). Total float is late
 * minus early start; tasks with no float are critical. A plan with a cycle is refused with the cycle.
 */
export function computeSchedule(
  index: CalendarIndex,
  projectStart: string,
  tasks: readonly PlanTask[],
  dependencies: readonly PlanDependency[],
  options: { mustFinishBy?: string | null } = {},
): { schedule: Schedule; problem: null } | { schedule: null; problem: PlanProblem } {
  const ordered = orderPlan(tasks, dependencies);
  if (ordered.problem) return { schedule: null, problem: ordered.problem };
  const line = new DayLine(index, projectStart);
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const preds = new Map<string, PlanDependency[]>(tasks.map((t) => [t.id, []]));
  const succs = new Map<string, PlanDependency[]>(tasks.map((t) => [t.id, []]));
  for (const d of dependencies) {
    preds.get(d.successorId)!.push(d);
    succs.get(d.predecessorId)!.push(d);
  }
  const spans = new Map<string, Span>();

  for (const id of ordered.order) {
    const task = byId.get(id)!;
    const duration = task.durationDays;
    let es = 0;
    for (const d of preds.get(id)!) es = Math.max(es, earliestStartAfter(d, spans.get(d.predecessorId)!, duration));
    if (task.constraint?.type === 'start_no_earlier_than') es = Math.max(es, line.startPointOf(task.constraint.date));
    // What happened wins over what was planned.
    if (task.actualStart) es = line.startPointOf(task.actualStart);
    const ef = task.actualFinish ? Math.max(line.finishPointOf(task.actualFinish), es) : es + duration;
    spans.set(id, { es, ef, ls: es, lf: ef });
  }

  const earlyFinish = Math.max(0, ...[...spans.values()].map((s) => s.ef));
  const projectEnd = options.mustFinishBy ? line.finishPointOf(options.mustFinishBy) : earlyFinish;
  for (const id of [...ordered.order].reverse()) {
    const task = byId.get(id)!;
    const span = spans.get(id)!;
    const duration = span.ef - span.es;
    let lf = projectEnd;
    for (const d of succs.get(id)!) lf = Math.min(lf, latestFinishBefore(d, spans.get(d.successorId)!, duration));
    if (task.constraint?.type === 'finish_no_later_than') lf = Math.min(lf, line.finishPointOf(task.constraint.date));
    span.lf = lf;
    span.ls = lf - duration;
  }

  const scheduled: ScheduledTask[] = ordered.order.map((id) => {
    const s = spans.get(id)!;
    const duration = s.ef - s.es;
    let freeFloat = projectEnd - s.ef;
    for (const d of succs.get(id)!) {
      const succ = spans.get(d.successorId)!;
      freeFloat = Math.min(freeFloat, succ.es - earliestStartAfter(d, s, succ.ef - succ.es));
    }
    const totalFloat = s.ls - s.es;
    const finishOf = (point: number) => (duration === 0 ? line.finishDateAt(Math.max(point, 1)) : line.finishDateAt(point));
    return {
      id,
      earlyStart: duration === 0 ? finishOf(s.es) : line.dateAt(s.es),
      earlyFinish: finishOf(s.ef),
      lateStart: duration === 0 ? finishOf(s.ls) : line.dateAt(s.ls),
      lateFinish: finishOf(s.lf),
      totalFloat,
      freeFloat: Math.max(0, freeFloat),
      critical: totalFloat <= 0,
    };
  });
  const order = new Map(ordered.order.map((id, i) => [id, i]));
  const criticalPath = scheduled
    .filter((t) => t.critical)
    .sort((a, b) => spans.get(a.id)!.es - spans.get(b.id)!.es || order.get(a.id)! - order.get(b.id)!)
    .map((t) => t.id);
  return {
    schedule: {
      projectStart: line.origin,
      projectFinish: line.finishDateAt(Math.max(earlyFinish, 1)),
      tasks: scheduled,
      criticalPath,
    },
    problem: null,
  };
}
