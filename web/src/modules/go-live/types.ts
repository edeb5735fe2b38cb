/**
 * API types of 上线 → 上线决策: aliases of the generated schema.gen.ts (the server's OpenAPI document,
 * from src/modules/go-live/go-live.schema.ts and go-live.routes.ts), and the document's enums as
 * lists the compiler checks against it (see {@link enumValues}).
 */
import { enumValues, type Schemas } from '../../api/schema';

/** The readiness view: criteria evaluated now, the checklist and the decisions (newest first). */
export type GoLiveView = Schemas['GoLiveReadiness'];
export type CriterionView = Schemas['GoLiveCriterion'];
export type CheckView = Schemas['GoLiveCheck'];
export type DecisionView = Schemas['GoLiveDecision'];

export type CreateCheckInput = Schemas['CreateGoLiveCheckBody'];
export type UpdateCheckInput = Schemas['UpdateGoLiveCheckBody'];
/** A decision; `goLiveDate` (YYYY-MM-DD) is required for go and conditional go. */
export type DecisionInput = Schemas['GoLiveDecisionBody'];

/** Criteria evaluated from the other modules' data, in the order the page lists them. */
export type ReadinessCriterion = CriterionView['code'];
export const READINESS_CRITERIA = enumValues<ReadinessCriterion>()([
  'blueprint_approved',
  'migration_loaded',
  'dual_run_exit',
  'no_critical_warnings',
  'high_risks_managed',
  'checklist_complete',
]);

export type CriterionStatus = CriterionView['status'];
export const CRITERION_STATUSES = enumValues<CriterionStatus>()(['pass', 'fail']);

export type CheckCategory = CheckView['category'];
export const CHECK_CATEGORIES = enumValues<CheckCategory>()(['people', 'system', 'data', 'support', 'other']);

export type CheckStatus = CheckView['status'];
export const CHECK_STATUSES = enumValues<CheckStatus>()(['pending', 'pass', 'fail', 'na']);

export type Decision = DecisionView['decision'];
export const DECISIONS = enumValues<Decision>()(['go', 'conditional_go', 'no_go']);
