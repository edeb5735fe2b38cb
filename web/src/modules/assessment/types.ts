// API types of the assessment module (mirrors src/modules/assessment/*.schema.ts; the web does not import server code).

export const BOTTLENECK_TYPES = ['paper_approval', 'information_silo', 'rekeying', 'waiting', 'rework'] as const;
export type BottleneckType = (typeof BOTTLENECK_TYPES)[number];
export type ProcessStage = 'as_is' | 'to_be';

export interface ProcessStep {
  elementId: string;
  name: string;
  type: string;
}

export interface Bottleneck {
  id: string;
  processId: string;
  elementId: string;
  stepName: string;
  type: BottleneckType;
  durationHours: number;
  volumePerMonth: number;
  monthlyCost: number;
  note: string;
  orphaned: boolean;
}

export interface ProcessSummary {
  id: string;
  stage: ProcessStage;
  department: string;
  name: string;
  description: string;
  steps: ProcessStep[];
  bottleneckCount: number;
  orphanedCount: number;
  monthlyCost: number;
  createdAt: string;
  updatedAt: string;
}

export interface ProcessView extends ProcessSummary {
  bpmnXml: string;
  bottlenecks: Bottleneck[];
}

export interface BottleneckInput {
  elementId: string;
  type: BottleneckType;
  durationHours: number;
  volumePerMonth: number;
  note: string;
}

export interface AssessmentSettings {
  hourlyLabourCost: number;
  currency: string;
}

export const ROLE_KINDS = ['operator', 'reviewer', 'administrator', 'other'] as const;
export type RoleKind = (typeof ROLE_KINDS)[number];

export interface AssessmentRole {
  id: string;
  department: string;
  name: string;
  kind: RoleKind;
  headcount: number;
  mainTasks: string;
  currentSystems: string[];
  createdAt: string;
  updatedAt: string;
}

export type RoleInput = Omit<AssessmentRole, 'id' | 'createdAt' | 'updatedAt'>;

export const ENV_CATEGORIES = ['server', 'database', 'client', 'network'] as const;
export const ENV_OPERATORS = ['min', 'max', 'one_of', 'min_version'] as const;
export type EnvStatus = 'pass' | 'warn' | 'fail' | 'unknown';

export interface EnvRequirement {
  category: (typeof ENV_CATEGORIES)[number];
  metric: string;
  label: string;
  operator: (typeof ENV_OPERATORS)[number];
  threshold: number | null;
  unit: string;
  allowed: string[];
  warnBand: number;
}

export interface EnvItemResult {
  metric: string;
  label: string;
  category: string;
  requirement: string;
  value: string | null;
  status: EnvStatus;
  message: string;
}

export interface EnvSite {
  id: string;
  name: string;
  note: string;
  facts: Record<string, string>;
  status: EnvStatus;
  items: EnvItemResult[];
}

export interface EnvironmentView {
  profile: { isDefault: boolean; items: EnvRequirement[] };
  sites: EnvSite[];
}

export interface ProbeResult {
  id: string;
  submittedBy: string;
  siteName: string;
  browserName: string;
  browserVersion: string;
  osName: string;
  screenWidth: number;
  screenHeight: number;
  devicePixelRatio: number;
  rttSamplesMs: number[];
  rttMedianMs: number;
  downloadMbps: number | null;
  userAgent: string;
  measuredAt: string;
  status: EnvStatus;
  items: EnvItemResult[];
}

export interface ProbeInput {
  userAgent: string;
  screenWidth: number;
  screenHeight: number;
  devicePixelRatio: number;
  rttSamplesMs: number[];
  downloadMbps: number | null;
  siteName: string;
}

export interface ReportVersion {
  id: string;
  versionNumber: number;
  label: string;
  locale: 'zh-CN' | 'en';
  note: string;
  createdBy: string;
  createdAt: string;
  processCount: number;
  bottleneckCount: number;
  roleCount: number;
  siteCount: number;
  dataAssetCount: number;
  /** Sections that were empty when the version was created (confirmed by its author). */
  missingSections: ('processes' | 'roles' | 'sites')[];
}
