import { z } from '@hono/zod-openapi';
import { dateSchema, pathIdSchema, projectParamsSchema } from '../../server/common-schemas';
import { fieldLabel as lbl, labelled } from '../../shared/validation/field-labels';

/**
 * The project plan (项目计划): WBS lines (summary tasks, tasks, milestones) with owners, durations in
 * working days, the four dependency kinds with lag, constraints and progress; the server schedules it
 * (critical path method on the project's working calendar) on every read.
 */

export const TASK_KINDS = ['task', 'milestone'] as const;
/** A line with subtasks is shown as `summary` whatever it was created as. */
export const TASK_VIEW_KINDS = ['summary', 'task', 'milestone'] as const;
export const DEPENDENCY_TYPES = ['FS', 'SS', 'FF', 'SF'] as const;
export const CONSTRAINT_TYPES = ['start_no_earlier_than', 'finish_no_later_than'] as const;

const durationField = labelled(z.number().int().min(0).max(2000), lbl('工期（工作日）', 'Duration (working days)'));
const progressField = labelled(z.number().int().min(0).max(100), lbl('完成百分比', 'Progress %'));

export const planTaskViewSchema = z
  .object({
    id: z.string(),
    uid: z.number(),
    parentId: z.string().nullable(),
    waveId: z.string().nullable(),
    /** Outline number, e.g. "2.1.3". */
    wbs: z.string(),
    outlineLevel: z.number(),
    sort: z.number(),
    name: z.string(),
    kind: z.enum(TASK_VIEW_KINDS),
    ownerMemberId: z.string().nullable(),
    ownerName: z.string().nullable(),
    durationDays: z.number(),
    constraintType: z.enum(CONSTRAINT_TYPES).nullable(),
    constraintDate: z.string().nullable(),
    progress: z.number(),
    actualStart: z.string().nullable(),
    actualFinish: z.string().nullable(),
    notes: z.string(),
    /** Scheduled (early) start: the first working day the task works. */
    start: z.string(),
    /** Scheduled (early) finish: the last working day the task works. */
    finish: z.string(),
    lateStart: z.string(),
    lateFinish: z.string(),
    /** Working days the task can slip without moving the plan's finish (negative: a constraint is missed). */
    totalFloat: z.number(),
    freeFloat: z.number(),
    critical: z.boolean(),
    /** Days of the owner's leave (calendar exceptions) that fall inside the task's dates. */
    ownerLeaveDays: z.array(z.string()),
  })
  .openapi('PlanTask');
export type PlanTaskView = z.infer<typeof planTaskViewSchema>;

export const planDependencyViewSchema = z
  .object({
    id: z.string(),
    predecessorId: z.string(),
    successorId: z.string(),
    predecessorUid: z.number(),
    successorUid: z.number(),
    type: z.enum(DEPENDENCY_TYPES),
    lagDays: z.number(),
    /** Both ends are critical and the link drives the successor. */
    critical: z.boolean(),
  })
  .openapi('PlanDependency');
export type PlanDependencyView = z.infer<typeof planDependencyViewSchema>;

const periodSchema = z.object({
  start: labelled(z.string().regex(/^\d{2}:\d{2}$/), lbl('开始时间', 'Start time')),
  end: labelled(z.string().regex(/^\d{2}:\d{2}$/), lbl('结束时间', 'End time')),
});
const namedDaySchema = z.object({
  date: labelled(dateSchema, lbl('日期', 'Date')),
  name: labelled(z.string().trim().max(100).default(''), lbl('名称', 'Name')),
});

export const planCalendarSchema = z
  .object({
    timeZone: labelled(z.string().min(1).max(64), lbl('时区', 'Time zone')),
    /** ISO weekdays: 1 Monday … 7 Sunday. */
    workingWeekdays: labelled(z.array(z.number().int()).max(7), lbl('工作日', 'Working weekdays')),
    workingHours: labelled(z.array(periodSchema).min(1).max(6), lbl('工作时间', 'Working hours')),
    holidays: labelled(z.array(namedDaySchema).max(500), lbl('节假日', 'Holidays')),
    /** Make-up working days (调休上班) on weekends. */
    makeUpDays: labelled(z.array(namedDaySchema).max(200), lbl('调休上班日', 'Make-up working days')),
  })
  .strict()
  .openapi('PlanCalendar');
export type PlanCalendarInput = z.infer<typeof planCalendarSchema>;

export const calendarExceptionViewSchema = z
  .object({
    id: z.string(),
    memberId: z.string(),
    memberName: z.string(),
    startDate: z.string(),
    endDate: z.string(),
    working: z.boolean(),
    name: z.string(),
  })
  .openapi('PlanCalendarException');
export type CalendarExceptionView = z.infer<typeof calendarExceptionViewSchema>;

export const createCalendarExceptionBodySchema = z
  .object({
    memberId: labelled(z.string().min(1).max(64), lbl('成员', 'Member')),
    startDate: labelled(dateSchema, lbl('开始日期', 'Start date')),
    endDate: labelled(dateSchema, lbl('结束日期', 'End date')),
    working: labelled(z.boolean().default(false), lbl('是否工作', 'Working')),
    name: labelled(z.string().trim().max(100).default(''), lbl('说明', 'Description')),
  })
  .strict()
  .openapi('CreatePlanCalendarExceptionBody');
export type CreateCalendarExceptionInput = z.infer<typeof createCalendarExceptionBodySchema>;

export const baselineSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    createdAt: z.string(),
    createdByName: z.string(),
    projectFinish: z.string(),
    /** Working days the current finish is later (+) or earlier (−) than this baseline's. */
    finishSlipDays: z.number(),
  })
  .openapi('PlanBaselineSummary');
export type BaselineSummary = z.infer<typeof baselineSummarySchema>;

export const planViewSchema = z
  .object({
    startDate: z.string(),
    finishDate: z.string(),
    /** The plan's start came from the project (or today) because none was set. */
    startDateDefaulted: z.boolean(),
    calendar: planCalendarSchema,
    tasks: z.array(planTaskViewSchema),
    dependencies: z.array(planDependencyViewSchema),
    /** Uids of the critical tasks in start order. */
    criticalPath: z.array(z.number()),
    /** Oldest first: the slip trend. */
    baselines: z.array(baselineSummarySchema),
    calendarExceptions: z.array(calendarExceptionViewSchema),
  })
  .openapi('Plan');
export type PlanView = z.infer<typeof planViewSchema>;

const constraintFields = {
  constraintType: labelled(z.enum(CONSTRAINT_TYPES).nullable(), lbl('限制类型', 'Constraint')),
  constraintDate: labelled(dateSchema.nullable(), lbl('限制日期', 'Constraint date')),
};

export const createTaskBodySchema = z
  .object({
    name: labelled(z.string().trim().min(1).max(200), lbl('任务名称', 'Task name')),
    kind: labelled(z.enum(TASK_KINDS).default('task'), lbl('类型', 'Kind')),
    parentId: labelled(z.string().max(64).nullable().default(null), lbl('上级任务', 'Parent task')),
    waveId: labelled(z.string().max(64).nullable().default(null), lbl('推广批次', 'Wave')),
    ownerMemberId: labelled(z.string().max(64).nullable().default(null), lbl('负责人', 'Owner')),
    durationDays: durationField.default(1),
    constraintType: constraintFields.constraintType.default(null),
    constraintDate: constraintFields.constraintDate.default(null),
    progress: progressField.default(0),
    actualStart: labelled(dateSchema.nullable().default(null), lbl('实际开始', 'Actual start')),
    actualFinish: labelled(dateSchema.nullable().default(null), lbl('实际完成', 'Actual finish')),
    notes: labelled(z.string().trim().max(4000).default(''), lbl('备注', 'Notes')),
  })
  .strict()
  .openapi('CreatePlanTaskBody');
export type CreateTaskInput = z.infer<typeof createTaskBodySchema>;

export const updateTaskBodySchema = z
  .object({
    name: labelled(z.string().trim().min(1).max(200).optional(), lbl('任务名称', 'Task name')),
    kind: labelled(z.enum(TASK_KINDS).optional(), lbl('类型', 'Kind')),
    parentId: labelled(z.string().max(64).nullable().optional(), lbl('上级任务', 'Parent task')),
    /** Position among its siblings (1 = first). */
    sort: labelled(z.number().int().min(1).max(100000).optional(), lbl('顺序', 'Position')),
    waveId: labelled(z.string().max(64).nullable().optional(), lbl('推广批次', 'Wave')),
    ownerMemberId: labelled(z.string().max(64).nullable().optional(), lbl('负责人', 'Owner')),
    durationDays: durationField.optional(),
    constraintType: constraintFields.constraintType.optional(),
    constraintDate: constraintFields.constraintDate.optional(),
    progress: progressField.optional(),
    actualStart: labelled(dateSchema.nullable().optional(), lbl('实际开始', 'Actual start')),
    actualFinish: labelled(dateSchema.nullable().optional(), lbl('实际完成', 'Actual finish')),
    notes: labelled(z.string().trim().max(4000).optional(), lbl('备注', 'Notes')),
  })
  .strict()
  .openapi('UpdatePlanTaskBody');
export type UpdateTaskInput = z.infer<typeof updateTaskBodySchema>;

export const createDependencyBodySchema = z
  .object({
    predecessorId: labelled(z.string().min(1).max(64), lbl('前置任务', 'Predecessor')),
    successorId: labelled(z.string().min(1).max(64), lbl('后续任务', 'Successor')),
    type: labelled(z.enum(DEPENDENCY_TYPES).default('FS'), lbl('依赖类型', 'Dependency type')),
    /** Working days; negative is a lead. */
    lagDays: labelled(z.number().int().min(-500).max(500).default(0), lbl('延隔（工作日）', 'Lag (working days)')),
  })
  .strict()
  .openapi('CreatePlanDependencyBody');
export type CreateDependencyInput = z.infer<typeof createDependencyBodySchema>;

export const updateSettingsBodySchema = z
  .object({
    startDate: labelled(dateSchema.nullable().optional(), lbl('计划开始日期', 'Plan start date')),
    calendar: labelled(planCalendarSchema.optional(), lbl('工作日历', 'Working calendar')),
  })
  .strict()
  .openapi('UpdatePlanSettingsBody');
export type UpdateSettingsInput = z.infer<typeof updateSettingsBodySchema>;

export const createBaselineBodySchema = z
  .object({ name: labelled(z.string().trim().min(1).max(100), lbl('基线名称', 'Baseline name')) })
  .strict()
  .openapi('CreatePlanBaselineBody');

export const taskVarianceSchema = z
  .object({
    taskId: z.string(),
    uid: z.number(),
    name: z.string(),
    /** Null when the task was added after the baseline. */
    baselineStart: z.string().nullable(),
    baselineFinish: z.string().nullable(),
    baselineDurationDays: z.number().nullable(),
    start: z.string().nullable(),
    finish: z.string().nullable(),
    durationDays: z.number().nullable(),
    /** Working days later (+) or earlier (−) than the baseline. */
    startSlipDays: z.number().nullable(),
    finishSlipDays: z.number().nullable(),
    durationChangeDays: z.number().nullable(),
    status: z.enum(['unchanged', 'slipped', 'ahead', 'added', 'removed']),
  })
  .openapi('PlanTaskVariance');
export type TaskVariance = z.infer<typeof taskVarianceSchema>;

export const baselineVarianceViewSchema = z
  .object({
    baseline: baselineSummarySchema,
    projectStart: z.string(),
    tasks: z.array(taskVarianceSchema),
  })
  .openapi('PlanBaselineVariance');
export type BaselineVarianceView = z.infer<typeof baselineVarianceViewSchema>;

export const taskParamsSchema = projectParamsSchema.extend({ taskId: pathIdSchema('taskId') });
export const dependencyParamsSchema = projectParamsSchema.extend({ dependencyId: pathIdSchema('dependencyId') });
export const exceptionParamsSchema = projectParamsSchema.extend({ exceptionId: pathIdSchema('exceptionId') });
export const baselineParamsSchema = projectParamsSchema.extend({ baselineId: pathIdSchema('baselineId') });
