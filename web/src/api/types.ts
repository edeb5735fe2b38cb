/**
 * Types of the GoLive HTTP API, mirrored from the server's zod schemas in
 * src/modules/*\/*.schema.ts (the source of truth). They are duplicated rather than imported so the
 * web build does not depend on the server's runtime packages.
 */

/** The nine phases of the method, in order (project.schema.ts PHASES). */
export const PHASES = ['goals', 'team', 'assessment', 'blueprint', 'rollout', 'training', 'cutover', 'operations', 'risks'] as const;
export type Phase = (typeof PHASES)[number];
/** Phases whose module is built; the others are shown as "coming soon". */
export const AVAILABLE_PHASES: readonly Phase[] = ['goals', 'team'];

export const ERP_MODULES = ['finance', 'purchasing', 'inventory', 'sales', 'production', 'quality', 'hr', 'crm'] as const;
export type ErpModule = (typeof ERP_MODULES)[number];

export const PROJECT_ROLES = ['sponsor', 'project_manager', 'consultant', 'business_expert', 'it', 'end_user', 'viewer'] as const;
export type ProjectRole = (typeof PROJECT_ROLES)[number];

export const TEAM_TIERS = ['steering', 'pmo', 'expert', 'consultant_vendor', 'consultant_partner', 'member'] as const;
export type TeamTier = (typeof TEAM_TIERS)[number];

export const RACI_LETTERS = ['R', 'A', 'C', 'I'] as const;
export type RaciLetter = (typeof RACI_LETTERS)[number];

export const SMART_CRITERIA = ['specific', 'measurable', 'achievable', 'relevant', 'timeBound'] as const;
export type SmartCriterion = (typeof SMART_CRITERIA)[number];

export const ROI_ITEM_KINDS = ['one_off_cost', 'recurring_cost', 'benefit'] as const;
export type RoiItemKind = (typeof ROI_ITEM_KINDS)[number];

export const GOAL_DIRECTIONS = ['increase', 'decrease'] as const;
export type GoalDirection = (typeof GOAL_DIRECTIONS)[number];

/** Support levels of a stakeholder, 1 strongly against … 5 champion. */
export const SUPPORT_LEVELS = [1, 2, 3, 4, 5] as const;

export interface ErrorDetail {
  field: string;
  reason: string;
}
export interface ErrorBody {
  error: { code: string; message: string; details: ErrorDetail[] };
}

export interface User {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  locale: string;
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
}
export interface CreatedToken {
  token: string;
  item: ApiToken;
}

export interface PermissionMatrix {
  roles: string[];
  resources: string[];
  actions: string[];
  grants: { role: string; resource: string; action: string }[];
}

export interface Project {
  id: string;
  name: string;
  clientName: string;
  erpProduct: string;
  erpVersion: string;
  modulesInScope: string[];
  startDate: string | null;
  plannedGoLive: string | null;
  description: string;
  isDemo: boolean;
  createdAt: string;
  updatedAt: string;
  myRole: string | null;
}
export interface ProjectInput {
  name: string;
  clientName: string;
  erpProduct: string;
  erpVersion: string;
  modulesInScope: ErpModule[];
  startDate: string | null;
  plannedGoLive: string | null;
  description: string;
}

export interface ProjectAccess {
  role: string;
  allowed: string[];
}

export interface Dashboard {
  project: Project;
  daysToGoLive: number | null;
  goals: { total: number; smart: number; averageProgress: number | null };
  team: { members: number; fteTotal: number; byTier: Record<string, number> };
  raci: { deliverables: number; withoutAccountable: number };
  stakeholders: { total: number; resisting: number };
  phases: { phase: Phase; available: boolean }[];
}

export interface AuditEntry {
  id: string;
  at: string;
  actorName: string | null;
  entity: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
}
export interface AuditPage {
  total: number;
  items: AuditEntry[];
}

export interface SmartIssue {
  criterion: SmartCriterion;
  code: string;
  message: string;
}
export interface Goal {
  id: string;
  projectId: string;
  statement: string;
  kpiName: string | null;
  kpiUnit: string | null;
  baseline: number | null;
  target: number | null;
  direction: GoalDirection;
  deadline: string | null;
  ownerMemberId: string | null;
  ownerName: string | null;
  module: string | null;
  latestValue: number | null;
  latestMeasuredOn: string | null;
  progress: number | null;
  smart: { ok: boolean; issues: SmartIssue[] };
  createdAt: string;
  updatedAt: string;
}
export interface GoalInput {
  statement: string;
  kpiName: string | null;
  kpiUnit: string | null;
  baseline: number | null;
  target: number | null;
  direction: GoalDirection;
  deadline: string | null;
  ownerMemberId: string | null;
  module: ErpModule | null;
}

export interface Measurement {
  id: string;
  goalId: string;
  measuredOn: string;
  value: number;
  note: string;
}
export interface MeasurementInput {
  measuredOn: string;
  value: number;
  note: string;
}

export interface RoiSettings {
  horizonYears: number;
  /** Fraction: 0.08 = 8 %. */
  discountRate: number;
  currency: string;
}
export interface RoiItem {
  id: string;
  kind: RoiItemKind;
  label: string;
  amount: number;
}
export interface RoiCashFlow {
  year: number;
  cashFlow: number;
  discounted: number;
  cumulative: number;
}
export interface Roi {
  settings: RoiSettings;
  items: RoiItem[];
  result: {
    oneOffCost: number;
    recurringCostPerYear: number;
    benefitPerYear: number;
    netBenefitPerYear: number;
    cashFlows: RoiCashFlow[];
    totalCost: number;
    totalBenefit: number;
    roiPercent: number | null;
    npv: number;
    paybackYears: number | null;
    paybackWithinHorizon: boolean;
  };
}

export interface Member {
  id: string;
  name: string;
  department: string;
  title: string;
  phone: string;
  email: string;
  projectRole: string;
  tier: string;
  organization: string;
  allocationPct: number;
  accountEmail: string | null;
}
export interface MemberInput {
  name: string;
  department: string;
  title: string;
  phone: string;
  email: string;
  projectRole: ProjectRole;
  tier: TeamTier;
  organization: string;
  allocationPct: number;
  accountEmail: string | null;
}

export interface RaciMatrix {
  deliverables: { id: string; phase: string; name: string; sort: number }[];
  members: { id: string; name: string; tier: string; department: string }[];
  assignments: { deliverableId: string; memberId: string; letter: RaciLetter }[];
  issues: { deliverableId: string; code: 'no_accountable' | 'no_responsible'; message: string }[];
}

export interface StakeholderAssessment {
  id: string;
  assessedOn: string;
  support: number;
  note: string;
}
export interface Stakeholder {
  id: string;
  name: string;
  organization: string;
  memberId: string | null;
  influence: number;
  note: string;
  support: number | null;
  history: StakeholderAssessment[];
}
export interface StakeholderInput {
  name: string;
  organization: string;
  memberId: string | null;
  influence: number;
  note: string;
  support: number;
  assessedOn?: string;
}
export interface StakeholderUpdate {
  name?: string;
  organization?: string;
  influence?: number;
  note?: string;
}
export interface AssessmentInput {
  assessedOn: string;
  support: number;
  note: string;
}
