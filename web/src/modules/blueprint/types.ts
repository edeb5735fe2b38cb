/**
 * API types of the blueprint module: aliases of the generated schema.gen.ts (the server's OpenAPI
 * document, from src/modules/blueprint/requirement.schema.ts and blueprint.routes.ts), and the
 * document's enums as lists the compiler checks against it (see {@link enumValues}).
 */
import { enumValues, type ResponseOf, type Schemas } from '../../api/schema';

// ---- requirements and their approval ----

export type Requirement = Schemas['Requirement'];
export type RequirementInput = Schemas['CreateRequirementBody'];
export type RequirementUpdate = Schemas['UpdateRequirementBody'];
export type RequirementList = Schemas['RequirementList'];
export type RequirementImportResult = Schemas['RequirementImportResult'];

export type Priority = Requirement['priority'];
export const PRIORITIES = enumValues<Priority>()(['must', 'should', 'could', 'wont']);
export type Resolution = Requirement['resolution'];
export const RESOLUTIONS = enumValues<Resolution>()(['standard', 'process_change', 'configuration', 'custom_development']);
export type ConfigKind = NonNullable<Requirement['configKind']>;
export const CONFIG_KINDS = enumValues<ConfigKind>()(['custom_field', 'workflow', 'report', 'print_template', 'parameter']);
export type RequirementStatus = Requirement['status'];
export const REQUIREMENT_STATUSES = enumValues<RequirementStatus>()(['draft', 'confirmed', 'deferred']);

export type Approval = Schemas['RequirementApproval'];
export type ApprovalStatus = Approval['status'];
export type ApprovalDecision = Schemas['RequirementApprovalDecision'];

/** What blocks a sign-off: an unapproved custom development or an unmitigated SoD conflict. */
export type Blocker = RequirementList['blockers'][number];

export type Prototype = Schemas['Prototype'];

// ---- customisation meter ----

export type Meter = Schemas['CustomisationMeter'];
/** One module's row of the meter (module "all" for the overall row). */
export type MeterRow = Meter['overall'];
export type Thresholds = Schemas['CustomisationThresholds'];

// ---- versions, sign-offs and the diff ----

export type BlueprintVersion = Schemas['BlueprintVersion'];
export type Signoff = BlueprintVersion['signoffs'][number];
export type VersionList = ResponseOf<'/api/v1/projects/{id}/blueprint/versions', 'get'>;

export type BlueprintDiff = Schemas['BlueprintDiff'];
export type FieldChange = BlueprintDiff['thresholds'][number];
export type DiffValue = FieldChange['before'];
export type GrantDiffItem = BlueprintDiff['grants']['added'][number];

/** A to-be process map with its steps, as the assessment module lists them (for linking a requirement). */
export type ProcessOption = Schemas['ProcessSummary'];
