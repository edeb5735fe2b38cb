/**
 * API types of the assessment module: aliases of the generated schema.gen.ts (the server's OpenAPI
 * document, from src/modules/assessment/*.schema.ts), and the document's enums as lists the compiler
 * checks against it (see {@link enumValues}).
 */
import { enumValues, type Schemas } from '../../api/schema';

// ---- process maps and bottlenecks ----

export type ProcessSummary = Schemas['ProcessSummary'];
export type ProcessView = Schemas['Process'];
export type ProcessStep = Schemas['ProcessStep'];
export type ProcessStage = ProcessSummary['stage'];
export type ProcessInput = Schemas['CreateProcessBody'];
export type ProcessUpdate = Schemas['UpdateProcessBody'];

export type Bottleneck = Schemas['Bottleneck'];
export type BottleneckType = Bottleneck['type'];
export const BOTTLENECK_TYPES = enumValues<BottleneckType>()(['paper_approval', 'information_silo', 'rekeying', 'waiting', 'rework']);
export type BottleneckInput = Schemas['BottleneckBody'];
export type BottleneckUpdate = Schemas['UpdateBottleneckBody'];

/** Also the body of the save; `currency` defaults to CNY when left out. */
export type AssessmentSettings = Schemas['AssessmentSettings'];

// ---- user roles ----

export type AssessmentRole = Schemas['AssessmentRole'];
export type RoleKind = AssessmentRole['kind'];
export const ROLE_KINDS = enumValues<RoleKind>()(['operator', 'reviewer', 'administrator', 'other']);
export type RoleInput = Schemas['AssessmentRoleBody'];
export type RoleUpdate = Schemas['UpdateAssessmentRoleBody'];

// ---- environment: requirement profile, sites, browser probes ----

export type EnvironmentView = Schemas['Environment'];
/** Also an item of the profile's save body: the fields with a default may be left out there. */
export type EnvRequirement = Schemas['EnvRequirement'];
export const ENV_CATEGORIES = enumValues<EnvRequirement['category']>()(['server', 'database', 'client', 'network']);
export const ENV_OPERATORS = enumValues<EnvRequirement['operator']>()(['min', 'max', 'one_of', 'min_version']);
export type EnvSite = Schemas['EnvSite'];
export type EnvStatus = EnvSite['status'];
export type EnvItemResult = Schemas['EnvItemResult'];
export type SiteInput = Schemas['EnvSiteBody'];
export type SiteUpdate = Schemas['UpdateEnvSiteBody'];

export type ProbeResult = Schemas['ProbeResult'];
export type ProbeInput = Schemas['ProbeBody'];

// ---- current-state report versions ----

export type ReportVersion = Schemas['CurrentStateReportVersion'];
export type ReportVersionInput = Schemas['CreateCurrentStateReportVersionBody'];
