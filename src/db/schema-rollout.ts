/** Table types of the rollout module (see the storage conventions in schema.ts). */

/** A rollout wave: the pilot (试点) or a later wave (推广批次). */
export interface RolloutWaveTable {
  id: string;
  project_id: string;
  name: string;
  kind: string; // 'pilot' | 'wave'
  sequence: number;
  departments: string; // JSON array of department names
  modules: string; // JSON array of ERP module codes
  sites: string; // JSON array of site names
  planned_start: string | null;
  go_live_date: string | null;
  status: string; // 'planned' | 'in_progress' | 'live' | 'closed'
  notes: string;
  created_at: string;
  updated_at: string;
}

/** The plan's start date and working calendar (JSON of the calendar engine's WorkingCalendar). */
export interface PlanSettingsTable {
  project_id: string;
  start_date: string | null;
  calendar: string;
  updated_at: string;
}

/** A WBS line: a task or milestone; a line with children is a summary task. */
export interface PlanTaskTable {
  id: string;
  project_id: string;
  /** Stable number shown to users and kept through MS Project XML (its `<UID>`). */
  uid: number;
  parent_id: string | null;
  wave_id: string | null;
  sort: number;
  name: string;
  kind: string; // 'task' | 'milestone'
  owner_member_id: string | null;
  duration_days: number;
  constraint_type: string | null; // 'start_no_earlier_than' | 'finish_no_later_than'
  constraint_date: string | null;
  progress: number;
  actual_start: string | null;
  actual_finish: string | null;
  notes: string;
  created_at: string;
  updated_at: string;
}

/** `successor_id` depends on `predecessor_id` (FS, SS, FF, SF) with a lag in working days. */
export interface PlanDependencyTable {
  id: string;
  project_id: string;
  predecessor_id: string;
  successor_id: string;
  type: string;
  lag_days: number;
  created_at: string;
}

/** A member's own days: leave (working 0) or extra working days, start..end inclusive. */
export interface PlanCalendarExceptionTable {
  id: string;
  project_id: string;
  member_id: string;
  start_date: string;
  end_date: string;
  working: number;
  name: string;
  created_at: string;
}

/** A named, immutable baseline: every task's planned dates when it was saved (JSON). */
export interface PlanBaselineTable {
  id: string;
  project_id: string;
  name: string;
  project_start: string;
  project_finish: string;
  tasks: string;
  created_by_name: string;
  created_at: string;
}

export interface RolloutTables {
  rollout_wave: RolloutWaveTable;
  plan_settings: PlanSettingsTable;
  plan_task: PlanTaskTable;
  plan_dependency: PlanDependencyTable;
  plan_calendar_exception: PlanCalendarExceptionTable;
  plan_baseline: PlanBaselineTable;
}
