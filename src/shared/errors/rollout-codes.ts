import { defineErrorCodes } from './define-error-codes';

/**
 * Error codes of the rollout domain: waves, the project plan, its calendar and baselines (see
 * docs/ARCHITECTURE.md, "Errors"). Prefix new codes with ROLLOUT_ or PLAN_.
 */
export const ROLLOUT_ERROR_CODES = defineErrorCodes({
  ROLLOUT_PILOT_EXISTS: {
    status: 409,
    message: {
      'zh-CN': '项目已有试点批次“{wave}”：试点先行，只能有一个试点',
      en: 'The project already has a pilot wave, "{wave}": there is one pilot',
    },
  },
  ROLLOUT_WAVE_DATES_ORDER: {
    status: 400,
    message: {
      'zh-CN': '上线日期 {goLiveDate} 早于计划开始日期 {plannedStart}',
      en: 'The go-live date {goLiveDate} is before the planned start {plannedStart}',
    },
  },
  ROLLOUT_WAVE_NAME_TAKEN: {
    status: 409,
    message: {
      'zh-CN': '已有同名批次：“{name}”',
      en: 'A wave with this name exists: "{name}"',
    },
  },
  /** `{cycle}` lists the tasks of the cycle as "#uid name → …". */
  PLAN_CYCLE: {
    status: 409,
    message: {
      'zh-CN': '任务依赖形成循环：{cycle}',
      en: 'The task dependencies form a cycle: {cycle}',
    },
  },
  PLAN_DEPENDENCY_SELF: {
    status: 400,
    message: {
      'zh-CN': '任务不能依赖自身：#{uid} {name}',
      en: 'A task cannot depend on itself: #{uid} {name}',
    },
  },
  PLAN_DEPENDENCY_DUPLICATE: {
    status: 409,
    message: {
      'zh-CN': '#{successor} 已依赖 #{predecessor}：两个任务之间只能有一条依赖',
      en: '#{successor} already depends on #{predecessor}: two tasks have at most one dependency',
    },
  },
  PLAN_DEPENDENCY_SUMMARY: {
    status: 409,
    message: {
      'zh-CN': '摘要任务 #{uid} {name} 的日期由其子任务汇总而来，不能设置依赖；请连接到它的子任务',
      en: 'Summary task #{uid} {name} takes its dates from its subtasks and cannot have dependencies; link its subtasks instead',
    },
  },
  PLAN_PARENT_INVALID: {
    status: 400,
    message: {
      'zh-CN': '不能把任务 #{uid} 放到 #{parentUid} 之下：上级不能是它自己、它的下级或里程碑',
      en: 'Task #{uid} cannot be placed under #{parentUid}: the parent cannot be itself, one of its subtasks or a milestone',
    },
  },
  PLAN_SUMMARY_HAS_LINKS: {
    status: 409,
    message: {
      'zh-CN': '任务 #{parentUid} 有依赖关系，不能成为摘要任务：请先删除它的依赖',
      en: 'Task #{parentUid} has dependencies and cannot become a summary task: remove its dependencies first',
    },
  },
  PLAN_CONSTRAINT_DATE_MISSING: {
    status: 400,
    message: {
      'zh-CN': '设置了限制类型就必须填写限制日期',
      en: 'A constraint needs its date',
    },
  },
  PLAN_ACTUAL_DATES_ORDER: {
    status: 400,
    message: {
      'zh-CN': '实际完成日期 {actualFinish} 早于实际开始日期 {actualStart}',
      en: 'The actual finish {actualFinish} is before the actual start {actualStart}',
    },
  },
  /** Raised with one detail per problem of the calendar. */
  PLAN_CALENDAR_INVALID: {
    status: 400,
    message: {
      'zh-CN': '工作日历有误，共 {count} 处，见明细',
      en: 'The working calendar has {count} problem(s), see the details',
    },
  },
  PLAN_EXCEPTION_DATES_ORDER: {
    status: 400,
    message: {
      'zh-CN': '例外的结束日期 {endDate} 早于开始日期 {startDate}',
      en: 'The exception ends on {endDate}, before it starts on {startDate}',
    },
  },
  PLAN_BASELINE_NAME_TAKEN: {
    status: 409,
    message: {
      'zh-CN': '已有同名基线：“{name}”。基线保存后不可修改，请换一个名称',
      en: 'A baseline with this name exists: "{name}". Baselines are immutable; choose another name',
    },
  },
  PLAN_EMPTY: {
    status: 409,
    message: {
      'zh-CN': '计划中还没有任务，无法保存基线',
      en: 'The plan has no tasks yet; there is nothing to baseline',
    },
  },
});
