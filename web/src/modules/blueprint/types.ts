// API shapes of the blueprint module (see src/modules/blueprint/requirement.schema.ts and blueprint.routes.ts).

export const PRIORITIES = ['must', 'should', 'could', 'wont'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const RESOLUTIONS = ['standard', 'process_change', 'configuration', 'custom_development'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];
export const CONFIG_KINDS = ['custom_field', 'workflow', 'report', 'print_template', 'parameter'] as const;
export type ConfigKind = (typeof CONFIG_KINDS)[number];
export const REQUIREMENT_STATUSES = ['draft', 'confirmed', 'deferred'] as const;
export type RequirementStatus = (typeof REQUIREMENT_STATUSES)[number];
export type ApprovalStatus = 'pending' | 'approved' | 'rejected';

export interface Approval {
  id: string;
  status: ApprovalStatus;
  requestedByName: string;
  requestedAt: string;
  decidedByName: string | null;
  comment: string;
  decidedAt: string | null;
}

export interface Requirement {
  id: string;
  projectId: string;
  code: string;
  title: string;
  description: string;
  module: string;
  department: string;
  processMapId: string | null;
  processElementId: string | null;
  processStepName: string;
  priority: Priority;
  resolution: Resolution;
  configKind: ConfigKind | null;
  processChangeNote: string;
  gapReason: string;
  justification: string;
  effortDays: number | null;
  upgradeImpact: string;
  status: RequirementStatus;
  approval: Approval | null;
  prototypeCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface RequirementInput {
  code?: string;
  title: string;
  description: string;
  module: string;
  department: string;
  processMapId: string | null;
  processElementId: string | null;
  processStepName: string;
  priority: Priority;
  resolution: Resolution;
  configKind: ConfigKind | null;
  processChangeNote: string;
  gapReason: string;
  justification: string;
  effortDays: number | null;
  upgradeImpact: string;
  status: RequirementStatus;
}

export interface MeterRow {
  module: string;
  total: number;
  custom: number;
  customShare: number;
  totalEffortDays: number;
  customEffortDays: number;
  customEffortShare: number;
  overShare: boolean;
  overEffort: boolean;
}

export interface Thresholds {
  maxCustomShare: number;
  maxCustomEffortDays: number;
}

export interface Meter {
  thresholds: Thresholds;
  modules: MeterRow[];
  overall: MeterRow;
  warnings: { module: string; kind: 'share' | 'effort'; value: number; threshold: number; message: string }[];
}

export interface Blocker {
  kind: 'custom_unapproved' | 'sod_conflict';
  id: string;
  label: string;
  message: string;
}

export interface RequirementList {
  items: Requirement[];
  meter: Meter;
  blockers: Blocker[];
}

export interface Prototype {
  id: string;
  requirementId: string;
  fileName: string;
  mime: string;
  size: number;
  widthPx: number;
  heightPx: number;
  caption: string;
  createdAt: string;
}

export interface Signoff {
  side: 'client' | 'implementer';
  signerName: string;
  memberRole: string | null;
  comment: string;
  signedAt: string;
}

export interface BlueprintVersion {
  id: string;
  number: number;
  label: string;
  note: string;
  status: 'pending_signoff' | 'approved';
  locked: boolean;
  createdByName: string;
  createdAt: string;
  approvedAt: string | null;
  signoffs: Signoff[];
  summary: { requirements: number; custom: number; processes: number; roles: number; grants: number; conflicts: number };
  blockers: Blocker[];
}

export interface VersionList {
  items: BlueprintVersion[];
  latestLabel: string | null;
  changedSinceLatest: boolean | null;
  changesSinceLatest: number | null;
}

export type DiffValue = string | number | null;
export interface FieldChange {
  field: string;
  before: DiffValue;
  after: DiffValue;
}
export interface GrantDiffItem {
  roleId: string;
  roleName: string;
  functionId: string;
  functionLabel: string;
  scope: string | null;
}

export interface BlueprintDiff {
  requirements: {
    added: { id: string; code: string; title: string }[];
    removed: { id: string; code: string; title: string }[];
    changed: { id: string; code: string; title: string; changes: FieldChange[] }[];
  };
  grants: {
    added: GrantDiffItem[];
    removed: GrantDiffItem[];
    changed: (GrantDiffItem & { before: string; after: string })[];
  };
  processes: {
    added: { id: string; name: string }[];
    removed: { id: string; name: string }[];
    changed: { id: string; name: string; fields: string[] }[];
  };
  thresholds: FieldChange[];
  total: number;
}

/** A step of a process map, as the assessment module lists them (for linking a requirement). */
export interface ProcessOption {
  id: string;
  name: string;
  department: string;
  steps: { elementId: string; name: string; type: string }[];
}
