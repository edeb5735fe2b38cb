/** Table types of the blueprint module (see the storage conventions in schema.ts). */

/** One fit-gap line: a requirement, where it sits in the process, and how it is resolved. */
export interface RequirementTable {
  id: string;
  project_id: string;
  /** REQ-001…, unique per project. */
  code: string;
  title: string;
  description: string;
  module: string; // ERP module code
  department: string;
  process_map_id: string | null;
  process_element_id: string | null;
  process_step_name: string;
  priority: string; // 'must' | 'should' | 'could' | 'wont'
  resolution: string; // 'standard' | 'process_change' | 'configuration' | 'custom_development'
  config_kind: string | null; // 'custom_field' | 'workflow' | 'report' | 'print_template' | 'parameter'
  process_change_note: string;
  /** Custom development: why process change and configuration are not enough. */
  gap_reason: string;
  /** Custom development: why it is core competitiveness. */
  justification: string;
  effort_days: number | null;
  upgrade_impact: string;
  status: string; // 'draft' | 'confirmed' | 'deferred'
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** Steering-committee decisions on custom development; the latest row of a requirement is current. */
export interface RequirementApprovalTable {
  id: string;
  project_id: string;
  requirement_id: string;
  status: string; // 'pending' | 'approved' | 'rejected'
  requested_by: string | null; // app_user id
  requested_by_name: string;
  requested_at: string;
  decided_by: string | null;
  decided_by_name: string | null;
  comment: string;
  decided_at: string | null;
}

/**
 * UI prototype images. The bytes live in the database (base64 text, portable) so a signed version
 * renders the same document forever; deletion is soft for the same reason.
 */
export interface RequirementPrototypeTable {
  id: string;
  project_id: string;
  requirement_id: string;
  file_name: string;
  mime: string; // 'image/png' | 'image/jpeg'
  size: number;
  sha256: string;
  width_px: number;
  height_px: number;
  caption: string;
  content_base64: string;
  created_by: string | null;
  created_at: string;
  deleted_at: string | null;
}

/** Customisation thresholds of a project (defaults apply without a row). */
export interface BlueprintSettingsTable {
  project_id: string;
  max_custom_share: number; // 0..1
  max_custom_effort_days: number;
  updated_at: string;
}

/** A frozen blueprint version (V1, V2…) awaiting or having sign-off. */
export interface BlueprintVersionTable {
  id: string;
  project_id: string;
  number: number;
  note: string;
  status: string; // 'pending_signoff' | 'approved'
  snapshot_json: string;
  created_by: string | null;
  created_by_name: string;
  created_at: string;
  approved_at: string | null;
}

/** One side's signature on a version: client (甲方) or implementer (乙方/实施方). */
export interface BlueprintSignoffTable {
  id: string;
  project_id: string;
  version_id: string;
  side: string; // 'client' | 'implementer'
  user_id: string | null;
  signer_name: string;
  member_role: string | null;
  comment: string;
  signed_at: string;
}

export interface BlueprintTables {
  requirement: RequirementTable;
  requirement_approval: RequirementApprovalTable;
  requirement_prototype: RequirementPrototypeTable;
  blueprint_settings: BlueprintSettingsTable;
  blueprint_version: BlueprintVersionTable;
  blueprint_signoff: BlueprintSignoffTable;
}
