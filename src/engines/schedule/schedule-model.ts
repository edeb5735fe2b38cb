/** The four dependency kinds of a project plan (MS Project, PMBOK): finish-to-start is the usual one. */
export type DependencyType = 'FS' | 'SS' | 'FF' | 'SF';

/** Constraints a PM can set on a task: start no earlier than, finish no later than (must finish by). */
export type ConstraintType = 'start_no_earlier_than' | 'finish_no_later_than';

/** A leaf task or a milestone (duration 0) of the plan, as the scheduler needs it. */
export interface PlanTask {
  id: string;
  /** Working days; 0 makes a milestone. */
  durationDays: number;
  constraint?: { type: ConstraintType; date: string } | null;
  /** A started task is fixed at its actual start; a finished one at its actual finish too. */
  actualStart?: string | null;
  actualFinish?: string | null;
}

/** `successor` depends on `predecessor`; `lagDays` in working days (negative is a lead). */
export interface PlanDependency {
  predecessorId: string;
  successorId: string;
  type: DependencyType;
  lagDays: number;
}

/** Dates and float of one task after the forward and backward pass. */
export interface ScheduledTask {
  id: string;
  earlyStart: string;
  earlyFinish: string;
  lateStart: string;
  lateFinish: string;
  /** Working days the task can slip without moving the project finish (negative: a constraint cannot be met). */
  totalFloat: number;
  /** Working days the task can slip without moving any successor. */
  freeFloat: number;
  critical: boolean;
}

/** The schedule of a plan. */
export interface Schedule {
  projectStart: string;
  projectFinish: string;
  tasks: ScheduledTask[];
  /** Critical tasks in start order (the chain a PM watches). */
  criticalPath: string[];
}
