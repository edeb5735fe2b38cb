/** Table types of the risks module (see the storage conventions in schema.ts). */

/** One line of the risk register (风险登记册). */
export interface RiskTable {
  id: string;
  project_id: string;
  /** R-001…, unique per project. */
  code: string;
  title: string;
  description: string;
  /** A pitfall code of the early warnings or 'schedule' | 'budget' | 'technical' | 'resource' | 'other'. */
  category: string;
  /** 1 (rare) … 5 (almost certain). */
  probability: number;
  /** 1 (negligible) … 5 (severe). */
  impact: number;
  owner_member_id: string | null;
  mitigation: string;
  contingency: string;
  due_date: string | null;
  status: string; // 'open' | 'mitigating' | 'accepted' | 'closed'
  /** The early-warning indicator this risk was registered from, e.g. 'over_customisation.share'. */
  source_indicator: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

/** Early-warning thresholds and health-score weights of a project (JSON, defaults when absent). */
export interface RiskSettingsTable {
  project_id: string;
  settings: string;
  updated_at: string;
}

/** The project health of one day: the last evaluation of that day wins (the trend chart reads these). */
export interface RiskHealthSnapshotTable {
  project_id: string;
  day: string;
  score: number | null;
  /** JSON: { dimension code: score | null }. */
  dimensions: string;
  /** JSON: indicator codes at warning or critical, for "new since" comparisons. */
  alerts: string;
  created_at: string;
}

export interface RiskTables {
  risk: RiskTable;
  risk_settings: RiskSettingsTable;
  risk_health_snapshot: RiskHealthSnapshotTable;
}
