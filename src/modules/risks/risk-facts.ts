/*
 * The facts the early-warning rules read. Its own file so each rule file can take it without
 * importing the evaluation that combines them.
 */

/** What the evaluation reads; gathered by `gatherRiskFacts`. */
export interface RiskFacts {
  today: string;
  projectStartDate: string | null;
  sponsors: { name: string; hasAccount: boolean; lastActiveOn: string | null }[];
  stakeholders: { name: string; influence: number; support: number | null; assessedOn: string | null }[];
  /** Null when the fit-gap list has no counted requirement. */
  customisation: {
    customShare: number;
    maxCustomShare: number;
    modulesOver: { module: string; label: string }[];
  } | null;
  pendingApprovals: { code: string; title: string; requestedOn: string }[];
  /** Assets as they stand for migration: a cleaned derivative replaces its source. */
  dataAssets: { id: string; name: string; qualityScore: number | null }[];
  /** The latest real (not simulated) migration run that finished. */
  latestMigrationRun: { number: number; sourceRows: number; rejectedRows: number } | null;
  goals: {
    statement: string;
    smartOk: boolean;
    progress: number | null;
    deadline: string | null;
    createdOn: string;
  }[];
  risks: {
    code: string;
    title: string;
    score: number;
    status: string;
    hasOwner: boolean;
    hasMitigation: boolean;
    dueDate: string | null;
    /** The indicator this line was raised from, if any. */
    sourceIndicator?: string | null;
  }[];
}
