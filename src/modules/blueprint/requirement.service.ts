import type { Db, DbExecutor } from '../../db/connection';
import type { RequirementApprovalTable, RequirementTable } from '../../db/schema-blueprint';
import { AppError, type ErrorDetail, type Locale } from '../../shared/app-error';
import { newId, nowIso } from '../../shared/ids';
import type { Actor } from '../access/access.service';
import { recordAudit } from '../audit/audit.service';
import { getProjectRow } from '../projects/project.service';
import {
  findLatestApprovalRequestedAt,
  insertApproval,
  listApprovalRows,
  listApprovalRowsOfRequirement,
  updateApprovalDecision,
} from './approval.repository';
import { APPROVAL_LABELS, blueprintMessage, labelOf } from './blueprint-labels';
import { findBlueprintSettingsRow, saveBlueprintSettingsRow } from './blueprint-settings.repository';
import { computeCustomisationMeter, DEFAULT_THRESHOLDS } from './customisation-meter';
import { APPROVAL_RELEVANT_FIELDS, checkResolutionRule } from './custom-dev-rule';
import { countLivePrototypesByRequirement, softDeletePrototypesOfRequirement } from './prototype.repository';
import {
  deleteRequirementById,
  findProcessMapIdRow,
  findRequirementIdRowByCode,
  findRequirementRow,
  insertRequirement,
  listRequirementCodeRows,
  listRequirementRows,
  updateRequirementById,
} from './requirement.repository';
import type {
  ApprovalView,
  Blocker,
  CreateRequirementInput,
  MeterView,
  RequirementView,
  Thresholds,
  UpdateRequirementInput,
} from './requirement.schema';

type RequirementRow = RequirementTable;

function presentApproval(row: RequirementApprovalTable | undefined): ApprovalView | null {
  if (!row) return null;
  return {
    id: row.id,
    status: row.status as ApprovalView['status'],
    requestedByName: row.requested_by_name,
    requestedAt: row.requested_at,
    decidedByName: row.decided_by_name,
    comment: row.comment,
    decidedAt: row.decided_at,
  };
}

function presentRequirement(row: RequirementRow, approval: RequirementApprovalTable | undefined, prototypeCount: number): RequirementView {
  return {
    id: row.id,
    projectId: row.project_id,
    code: row.code,
    title: row.title,
    description: row.description,
    module: row.module,
    department: row.department,
    processMapId: row.process_map_id,
    processElementId: row.process_element_id,
    processStepName: row.process_step_name,
    priority: row.priority as RequirementView['priority'],
    resolution: row.resolution as RequirementView['resolution'],
    configKind: row.config_kind as RequirementView['configKind'],
    processChangeNote: row.process_change_note,
    gapReason: row.gap_reason,
    justification: row.justification,
    effortDays: row.effort_days,
    upgradeImpact: row.upgrade_impact,
    status: row.status as RequirementView['status'],
    approval: row.resolution === 'custom_development' ? presentApproval(approval) : null,
    prototypeCount,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Latest approval row per requirement of a project. */
async function latestApprovals(db: DbExecutor, projectId: string): Promise<Map<string, RequirementApprovalTable>> {
  const rows = await listApprovalRows(db, projectId);
  const latest = new Map<string, RequirementApprovalTable>();
  for (const r of rows) {
    const current = latest.get(r.requirement_id);
    if (!current || r.requested_at >= current.requested_at) latest.set(r.requirement_id, r);
  }
  return latest;
}

/** Natural order of codes: REQ-2 before REQ-10. */
function compareCodes(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** A project's requirements, ordered by code. */
export async function listRequirementViews(db: DbExecutor, projectId: string, requirementId?: string): Promise<RequirementView[]> {
  const rows = await listRequirementRows(db, projectId, requirementId);
  const approvals = await latestApprovals(db, projectId);
  const counts = await countLivePrototypesByRequirement(db, projectId);
  const countMap = new Map(counts.map((c) => [c.requirement_id, Number(c.n)]));
  return rows.sort((a, b) => compareCodes(a.code, b.code)).map((r) => presentRequirement(r, approvals.get(r.id), countMap.get(r.id) ?? 0));
}

/** One requirement or NOT_FOUND. */
export async function getRequirement(db: DbExecutor, projectId: string, requirementId: string): Promise<RequirementView> {
  const [view] = await listRequirementViews(db, projectId, requirementId);
  if (!view) throw new AppError('NOT_FOUND', { entity: 'requirement', id: requirementId });
  return view;
}

/** The project's customisation thresholds (defaults without a saved row). */
export async function getThresholds(db: DbExecutor, projectId: string): Promise<Thresholds> {
  const row = await findBlueprintSettingsRow(db, projectId);
  return row ? { maxCustomShare: row.max_custom_share, maxCustomEffortDays: row.max_custom_effort_days } : { ...DEFAULT_THRESHOLDS };
}

/** Saves the customisation thresholds. */
export async function setThresholds(db: Db, actor: Actor, projectId: string, input: Thresholds, locale: Locale): Promise<MeterView> {
  return db.kysely.transaction().execute(async (tx) => {
    await getProjectRow(tx, projectId);
    const before = await getThresholds(tx, projectId);
    const values = { max_custom_share: input.maxCustomShare, max_custom_effort_days: input.maxCustomEffortDays, updated_at: nowIso() };
    await saveBlueprintSettingsRow(tx, projectId, values);
    await recordAudit(tx, actor, { projectId, entity: 'blueprint_settings', entityId: projectId, action: 'update', before, after: input });
    return getMeter(tx, projectId, locale);
  });
}

/** The customisation meter of the live requirement list. */
export async function getMeter(db: DbExecutor, projectId: string, locale: Locale): Promise<MeterView> {
  const [items, thresholds] = await Promise.all([listRequirementViews(db, projectId), getThresholds(db, projectId)]);
  return computeCustomisationMeter(items, thresholds, locale);
}

/** Custom items without steering-committee approval: each one blocks the blueprint sign-off. */
export function findUnapprovedCustom(items: RequirementView[], locale: Locale): Blocker[] {
  return items
    .filter((r) => r.resolution === 'custom_development' && r.priority !== 'wont' && r.approval?.status !== 'approved')
    .map((r) => ({
      kind: 'custom_unapproved' as const,
      id: r.id,
      label: r.code,
      message: blueprintMessage('blockerCustom', locale, {
        code: r.code,
        title: r.title,
        status: labelOf(APPROVAL_LABELS, r.approval?.status ?? 'pending', locale),
      }),
    }));
}

/** The list page: requirements, meter and what blocks the sign-off. */
export async function listRequirements(db: Db, projectId: string, locale: Locale) {
  await getProjectRow(db.kysely, projectId);
  const [items, thresholds] = await Promise.all([listRequirementViews(db.kysely, projectId), getThresholds(db.kysely, projectId)]);
  return { items, meter: computeCustomisationMeter(items, thresholds, locale), blockers: findUnapprovedCustom(items, locale) };
}

function validationError(details: ErrorDetail[]): AppError {
  return new AppError('VALIDATION_FAILED', { summary: details.map((d) => `${d.field}: ${d.reason}`).join('; ') }, details);
}

/** Next free REQ-nnn code of a project. */
export async function nextRequirementCode(db: DbExecutor, projectId: string, taken: Iterable<string> = []): Promise<string> {
  const rows = await listRequirementCodeRows(db, projectId);
  let max = 0;
  for (const code of [...rows.map((r) => r.code), ...taken]) {
    const match = /^REQ-(\d+)$/i.exec(code);
    if (match) max = Math.max(max, Number(match[1]));
  }
  return `REQ-${String(max + 1).padStart(3, '0')}`;
}

async function assertCodeFree(db: DbExecutor, projectId: string, code: string, exceptId: string | null): Promise<void> {
  if (await findRequirementIdRowByCode(db, projectId, code, exceptId))
    throw new AppError('BLUEPRINT_REQUIREMENT_CODE_TAKEN', { code }, [{ field: 'code' }]);
}

async function assertProcessInProject(db: DbExecutor, projectId: string, processMapId: string | null, locale: Locale): Promise<void> {
  if (!processMapId) return;
  const found = await findProcessMapIdRow(db, projectId, processMapId);
  if (!found) throw validationError([{ field: 'processMapId', reason: blueprintMessage('unknownProcess', locale) }]);
}

/** Opens a new pending steering-committee request for a custom item. */
export async function requestApproval(db: DbExecutor, actor: Actor, projectId: string, requirementId: string): Promise<void> {
  // Request times order the history: keep them strictly increasing even within one millisecond.
  const lastAt = await findLatestApprovalRequestedAt(db, requirementId);
  let requestedAt = nowIso();
  if (lastAt && String(lastAt) >= requestedAt) requestedAt = new Date(Date.parse(String(lastAt)) + 1).toISOString();
  const row: RequirementApprovalTable = {
    id: newId(),
    project_id: projectId,
    requirement_id: requirementId,
    status: 'pending',
    requested_by: actor.userId,
    requested_by_name: actor.name,
    requested_at: requestedAt,
    decided_by: null,
    decided_by_name: null,
    comment: '',
    decided_at: null,
  };
  await insertApproval(db, row);
  await recordAudit(db, actor, { projectId, entity: 'requirement_approval', entityId: row.id, action: 'create', after: row });
}

/** The row a create/import writes, from validated input. */
export function toRequirementRow(
  projectId: string,
  code: string,
  input: Omit<CreateRequirementInput, 'code'>,
  actor: Actor,
  now: string,
): RequirementRow {
  return {
    id: newId(),
    project_id: projectId,
    code,
    title: input.title,
    description: input.description,
    module: input.module,
    department: input.department,
    process_map_id: input.processMapId,
    process_element_id: input.processElementId,
    process_step_name: input.processStepName,
    priority: input.priority,
    resolution: input.resolution,
    config_kind: input.configKind,
    process_change_note: input.processChangeNote,
    gap_reason: input.gapReason,
    justification: input.justification,
    effort_days: input.effortDays,
    upgrade_impact: input.upgradeImpact,
    status: input.status,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  };
}

/** Creates a requirement; custom development is checked by the method's rule and sent for approval. */
export async function createRequirement(
  db: Db,
  actor: Actor,
  projectId: string,
  input: CreateRequirementInput,
  locale: Locale,
): Promise<RequirementView> {
  const details = checkResolutionRule(input, locale);
  if (details.length) throw validationError(details);
  return db.kysely.transaction().execute(async (tx) => {
    await getProjectRow(tx, projectId);
    await assertProcessInProject(tx, projectId, input.processMapId, locale);
    const code = input.code ?? (await nextRequirementCode(tx, projectId));
    await assertCodeFree(tx, projectId, code, null);
    const row = toRequirementRow(projectId, code, input, actor, nowIso());
    await insertRequirement(tx, row);
    await recordAudit(tx, actor, { projectId, entity: 'requirement', entityId: row.id, action: 'create', after: row });
    if (row.resolution === 'custom_development') await requestApproval(tx, actor, projectId, row.id);
    return getRequirement(tx, projectId, row.id);
  });
}

/** camelCase input field → stored column. */
const COLUMN_OF = {
  code: 'code',
  title: 'title',
  description: 'description',
  module: 'module',
  department: 'department',
  processMapId: 'process_map_id',
  processElementId: 'process_element_id',
  processStepName: 'process_step_name',
  priority: 'priority',
  resolution: 'resolution',
  configKind: 'config_kind',
  processChangeNote: 'process_change_note',
  gapReason: 'gap_reason',
  justification: 'justification',
  effortDays: 'effort_days',
  upgradeImpact: 'upgrade_impact',
  status: 'status',
} as const satisfies Record<keyof UpdateRequirementInput, keyof RequirementRow>;

/**
 * Applies a change to a stored requirement inside the caller's transaction: the method's rule is
 * checked on the result; becoming custom development, or changing what the steering committee
 * decided on (gap reason, justification, effort, upgrade impact), opens a new pending approval.
 */
export async function applyRequirementUpdate(
  tx: DbExecutor,
  actor: Actor,
  before: RequirementRow,
  input: UpdateRequirementInput,
  locale: Locale,
): Promise<void> {
  const after: RequirementRow = { ...before };
  const target = after as unknown as Record<string, unknown>;
  for (const [field, column] of Object.entries(COLUMN_OF)) {
    const value = (input as Record<string, unknown>)[field];
    if (value !== undefined) target[column] = value;
  }
  // Leaving "configuration" drops the configuration kind rather than failing on a stale value.
  if (input.resolution && input.resolution !== 'configuration' && input.configKind === undefined) after.config_kind = null;
  const details = checkResolutionRule(
    {
      resolution: after.resolution,
      configKind: after.config_kind,
      processChangeNote: after.process_change_note,
      gapReason: after.gap_reason,
      justification: after.justification,
      effortDays: after.effort_days,
      upgradeImpact: after.upgrade_impact,
    },
    locale,
  );
  if (details.length) throw validationError(details);
  if (after.code !== before.code) await assertCodeFree(tx, before.project_id, after.code, before.id);
  if (after.process_map_id !== before.process_map_id) await assertProcessInProject(tx, before.project_id, after.process_map_id, locale);
  after.updated_at = nowIso();
  const { id: _id, project_id: _p, created_at: _c, created_by: _b, ...changes } = after;
  await updateRequirementById(tx, before.id, changes);
  await recordAudit(tx, actor, {
    projectId: before.project_id,
    entity: 'requirement',
    entityId: before.id,
    action: 'update',
    before,
    after,
  });

  if (after.resolution !== 'custom_development') return;
  const becameCustom = before.resolution !== 'custom_development';
  const relevantChanged = APPROVAL_RELEVANT_FIELDS.some((f) => {
    const column = COLUMN_OF[f];
    return before[column] !== after[column];
  });
  const current = (await latestApprovals(tx, before.project_id)).get(before.id);
  if (becameCustom || !current || (relevantChanged && current.status !== 'pending')) {
    await requestApproval(tx, actor, before.project_id, before.id);
  }
}

async function getRequirementRow(db: DbExecutor, projectId: string, requirementId: string): Promise<RequirementRow> {
  const row = await findRequirementRow(db, projectId, requirementId);
  if (!row) throw new AppError('NOT_FOUND', { entity: 'requirement', id: requirementId });
  return row;
}

/** Updates a requirement (see {@link applyRequirementUpdate} for the approval rules). */
export async function updateRequirement(
  db: Db,
  actor: Actor,
  projectId: string,
  requirementId: string,
  input: UpdateRequirementInput,
  locale: Locale,
): Promise<RequirementView> {
  return db.kysely.transaction().execute(async (tx) => {
    const before = await getRequirementRow(tx, projectId, requirementId);
    await applyRequirementUpdate(tx, actor, before, input, locale);
    return getRequirement(tx, projectId, requirementId);
  });
}

/** Deletes a requirement with its approvals; its prototypes are kept (soft-deleted) for the versions that show them. */
export async function deleteRequirement(db: Db, actor: Actor, projectId: string, requirementId: string): Promise<void> {
  await db.kysely.transaction().execute(async (tx) => {
    const before = await getRequirementRow(tx, projectId, requirementId);
    const now = nowIso();
    await softDeletePrototypesOfRequirement(tx, projectId, requirementId, now);
    await deleteRequirementById(tx, requirementId);
    await recordAudit(tx, actor, { projectId, entity: 'requirement', entityId: requirementId, action: 'delete', before });
  });
}

/**
 * The steering committee's decision on a custom item. Only pending requests are decided; the
 * requester may not approve their own request (four-eyes principle); a rejection needs a comment.
 */
export async function decideApproval(
  db: Db,
  actor: Actor,
  projectId: string,
  requirementId: string,
  input: { decision: 'approved' | 'rejected'; comment: string },
  locale: Locale,
): Promise<RequirementView> {
  return db.kysely.transaction().execute(async (tx) => {
    const requirement = await getRequirementRow(tx, projectId, requirementId);
    if (requirement.resolution !== 'custom_development') {
      throw new AppError('BLUEPRINT_APPROVAL_NOT_CUSTOM');
    }
    const current = (await latestApprovals(tx, projectId)).get(requirementId);
    if (!current || current.status !== 'pending') {
      const status = labelOf(APPROVAL_LABELS, current?.status ?? 'pending', locale);
      throw new AppError('BLUEPRINT_APPROVAL_NOT_PENDING', { status });
    }
    if (current.requested_by === actor.userId) {
      throw new AppError('BLUEPRINT_APPROVAL_SELF', { name: current.requested_by_name });
    }
    if (input.decision === 'rejected' && !input.comment.trim()) {
      throw validationError([{ field: 'comment', reason: blueprintMessage('rejectComment', locale) }]);
    }
    const after: RequirementApprovalTable = {
      ...current,
      status: input.decision,
      decided_by: actor.userId,
      decided_by_name: actor.name,
      comment: input.comment,
      decided_at: nowIso(),
    };
    await updateApprovalDecision(tx, current.id, {
      status: after.status,
      decided_by: after.decided_by,
      decided_by_name: after.decided_by_name,
      comment: after.comment,
      decided_at: after.decided_at,
    });
    await recordAudit(tx, actor, {
      projectId,
      entity: 'requirement_approval',
      entityId: current.id,
      action: input.decision === 'approved' ? 'approve' : 'reject',
      before: current,
      after,
    });
    return getRequirement(tx, projectId, requirementId);
  });
}

/** Approval history of a requirement, oldest first. */
export async function listApprovalHistory(db: DbExecutor, projectId: string, requirementId: string): Promise<ApprovalView[]> {
  await getRequirementRow(db, projectId, requirementId);
  const rows = await listApprovalRowsOfRequirement(db, requirementId);
  return rows.map((r) => presentApproval(r)!);
}
