/** Table types of the assessment module (see the storage conventions in schema.ts). */

export interface ProcessMapTable {
  id: string;
  project_id: string;
  stage: string; // 'as_is' | 'to_be'
  department: string;
  name: string;
  description: string;
  bpmn_xml: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProcessBottleneckTable {
  id: string;
  project_id: string;
  process_id: string;
  element_id: string;
  step_name: string;
  type: string;
  duration_hours: number;
  volume_per_month: number;
  note: string;
  created_at: string;
  updated_at: string;
}

export interface AssessmentSettingsTable {
  project_id: string;
  hourly_labour_cost: number;
  currency: string;
  updated_at: string;
}

export interface AssessmentRoleTable {
  id: string;
  project_id: string;
  department: string;
  name: string;
  kind: string; // 'operator' | 'reviewer' | 'administrator' | 'other'
  headcount: number;
  main_tasks: string;
  current_systems: string; // JSON array of strings
  created_at: string;
  updated_at: string;
}

export interface EnvRequirementTable {
  id: string;
  project_id: string;
  category: string;
  metric: string;
  label: string;
  operator: string; // 'min' | 'max' | 'one_of' | 'min_version'
  threshold: number | null;
  unit: string;
  allowed: string; // JSON
  warn_band: number;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export interface EnvSiteTable {
  id: string;
  project_id: string;
  name: string;
  note: string;
  created_at: string;
  updated_at: string;
}

export interface EnvFactTable {
  id: string;
  project_id: string;
  site_id: string;
  metric: string;
  value: string;
  updated_at: string;
}

export interface EnvProbeResultTable {
  id: string;
  project_id: string;
  member_id: string | null;
  user_id: string | null;
  submitted_by: string;
  site_name: string;
  browser_name: string;
  browser_version: string;
  os_name: string;
  screen_width: number;
  screen_height: number;
  device_pixel_ratio: number;
  rtt_samples: string; // JSON array of ms
  rtt_median_ms: number;
  download_mbps: number | null;
  user_agent: string;
  measured_at: string;
}

export interface AssessmentReportVersionTable {
  id: string;
  project_id: string;
  version_number: number;
  locale: string;
  snapshot: string; // JSON: the ReportDocument data at that moment (images re-rendered on download)
  note: string;
  created_by: string | null;
  created_by_name: string;
  created_at: string;
}

/** Table types of the assessment module (see the storage conventions in schema.ts). */
export interface AssessmentTables {
  process_map: ProcessMapTable;
  process_bottleneck: ProcessBottleneckTable;
  assessment_settings: AssessmentSettingsTable;
  assessment_role: AssessmentRoleTable;
  env_requirement: EnvRequirementTable;
  env_site: EnvSiteTable;
  env_fact: EnvFactTable;
  env_probe_result: EnvProbeResultTable;
  assessment_report_version: AssessmentReportVersionTable;
}
