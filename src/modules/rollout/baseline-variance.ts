import { CalendarIndex, workingDaysBetween, type WorkingCalendar } from '../../engines/calendar';
import type { BaselineTask } from './plan-present';
import type { TaskVariance } from './plan.schema';

/** The current dates of a task, as the variance compares them. */
export interface CurrentTask {
  id: string;
  uid: number;
  name: string;
  start: string;
  finish: string;
  durationDays: number;
}

/**
 * Each task's variance against a baseline, in working days of the current calendar: start and
 * finish slip (later is +), duration change; tasks added since the baseline and tasks removed from
 * the plan are listed as such, so nothing silently drops out of the comparison.
 */
export function computeVariance(
  calendar: WorkingCalendar,
  baseline: readonly BaselineTask[],
  current: readonly CurrentTask[],
): TaskVariance[] {
  const index = new CalendarIndex(calendar);
  const before = new Map(baseline.map((t) => [t.id, t]));
  const out: TaskVariance[] = current.map((now) => {
    const was = before.get(now.id);
    if (!was)
      return {
        taskId: now.id,
        uid: now.uid,
        name: now.name,
        baselineStart: null,
        baselineFinish: null,
        baselineDurationDays: null,
        start: now.start,
        finish: now.finish,
        durationDays: now.durationDays,
        startSlipDays: null,
        finishSlipDays: null,
        durationChangeDays: null,
        status: 'added',
      };
    const startSlip = workingDaysBetween(index, was.start, now.start);
    const finishSlip = workingDaysBetween(index, was.finish, now.finish);
    return {
      taskId: now.id,
      uid: now.uid,
      name: now.name,
      baselineStart: was.start,
      baselineFinish: was.finish,
      baselineDurationDays: was.durationDays,
      start: now.start,
      finish: now.finish,
      durationDays: now.durationDays,
      startSlipDays: startSlip,
      finishSlipDays: finishSlip,
      durationChangeDays: now.durationDays - was.durationDays,
      status: finishSlip > 0 ? 'slipped' : finishSlip < 0 ? 'ahead' : 'unchanged',
    };
  });
  const present = new Set(current.map((t) => t.id));
  for (const was of baseline) {
    if (present.has(was.id)) continue;
    out.push({
      taskId: was.id,
      uid: was.uid,
      name: was.name,
      baselineStart: was.start,
      baselineFinish: was.finish,
      baselineDurationDays: was.durationDays,
      start: null,
      finish: null,
      durationDays: null,
      startSlipDays: null,
      finishSlipDays: null,
      durationChangeDays: null,
      status: 'removed',
    });
  }
  return out;
}
