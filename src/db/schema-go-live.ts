/** Table types of the go-live module (see the storage conventions in schema.ts). */

/** One line of the go-live checklist (上线检查清单). */
export interface GoLiveCheckTable {
  id: string;
  project_id: string;
  title: string;
  category: string; // 'people' | 'system' | 'data' | 'support' | 'other'
  owner_member_id: string | null;
  status: string; // 'pending' | 'pass' | 'fail' | 'na'
  note: string;
  sort: number;
  created_at: string;
  updated_at: string;
  updated_by_name: string | null;
}

/** A go/no-go decision of the steering committee, with the readiness criteria as they stood. */
export interface GoLiveDecisionTable {
  id: string;
  project_id: string;
  decision: string; // 'go' | 'conditional_go' | 'no_go'
  conditions: string;
  go_live_date: string | null;
  /** JSON array of the criteria views at decision time. */
  criteria: string;
  ready: number;
  decided_by: string | null;
  decided_by_name: string;
  decided_at: string;
}

export interface GoLiveTables {
  go_live_check: GoLiveCheckTable;
  go_live_decision: GoLiveDecisionTable;
}
