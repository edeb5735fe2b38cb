import type { Db, DbExecutor } from '../../db/connection';
import type { BlueprintSignoffTable, BlueprintVersionTable } from '../../db/schema-blueprint';
import { AppError, type Locale } from '../../shared/app-error';
import { newId, nowIso } from '../../shared/ids';
import type { Actor } from '../access/access.service';
import { recordAudit } from '../audit/audit.service';
import { findMemberByUser } from '../team/team-contract';
import { getProjectRow } from '../projects/project.service';
import { APPROVAL_LABELS, blueprintMessage, labelOf } from './blueprint-labels';
import { diffBlueprintSnapshots, type BlueprintDiff } from './blueprint-diff';
import {
  approveVersionById,
  deleteVersionById,
  findLatestVersionRowOfProject,
  findSignoffRow,
  findVersionRow,
  insertSignoff,
  insertVersion,
  listSignoffRows,
  listSignoffSideRows,
  listVersionRows,
  updateVersionNoteById,
} from './blueprint-version.repository';
import { takeBlueprintSnapshot, type BlueprintSnapshot } from './blueprint-snapshot';
import type { Blocker } from './requirement.schema';

export const SIGNOFF_SIDES = ['client', 'implementer'] as const;
export type SignoffSide = (typeof SIGNOFF_SIDES)[number];

export interface SignoffView {
  side: SignoffSide;
  signerName: string;
  memberRole: string | null;
  comment: string;
  signedAt: string;
}

export interface VersionView {
  id: string;
  number: number;
  label: string;
  note: string;
  status: 'pending_signoff' | 'approved';
  locked: boolean;
  createdByName: string;
  createdAt: string;
  approvedAt: string | null;
  signoffs: SignoffView[];
  summary: { requirements: number; custom: number; processes: number; roles: number; grants: number; conflicts: number };
  /** Why the version cannot be signed (empty when it can, or once approved). */
  blockers: Blocker[];
}

/** "V3" */
export function versionLabel(number: number): string {
  return `V${number}`;
}

/** What in a snapshot blocks its sign-off: unapproved custom development and unresolved SoD conflicts. */
export function findSnapshotBlockers(snapshot: BlueprintSnapshot, locale: Locale): Blocker[] {
  const custom: Blocker[] = snapshot.requirements
    .filter((r) => r.resolution === 'custom_development' && r.priority !== 'wont' && r.approval?.status !== 'approved')
    .map((r) => ({
      kind: 'custom_unapproved',
      id: r.id,
      label: r.code,
      message: blueprintMessage('blockerCustom', locale, {
        code: r.code,
        title: r.title,
        status: labelOf(APPROVAL_LABELS, r.approval?.status ?? 'pending', locale),
      }),
    }));
  const sod: Blocker[] = snapshot.permissionMatrix.conflicts.map((c) => ({
    kind: 'sod_conflict',
    id: `${c.ruleId}:${c.roleId}`,
    label: c.ruleCode,
    message: blueprintMessage('blockerSod', locale, { role: c.roleName, rule: `${c.ruleCode} ${c.ruleName}` }),
  }));
  return [...custom, ...sod];
}

function presentVersion(row: BlueprintVersionTable, signoffs: BlueprintSignoffTable[], locale: Locale): VersionView {
  const snapshot = JSON.parse(row.snapshot_json) as BlueprintSnapshot;
  const approved = row.status === 'approved';
  return {
    id: row.id,
    number: Number(row.number),
    label: versionLabel(Number(row.number)),
    note: row.note,
    status: approved ? 'approved' : 'pending_signoff',
    locked: approved,
    createdByName: row.created_by_name,
    createdAt: row.created_at,
    approvedAt: row.approved_at,
    signoffs: signoffs
      .filter((s) => s.version_id === row.id)
      .map((s) => ({
        side: s.side as SignoffSide,
        signerName: s.signer_name,
        memberRole: s.member_role,
        comment: s.comment,
        signedAt: s.signed_at,
      })),
    summary: {
      requirements: snapshot.requirements.length,
      custom: snapshot.requirements.filter((r) => r.resolution === 'custom_development').length,
      processes: snapshot.processes.length,
      roles: snapshot.permissionMatrix.roles.length,
      grants: snapshot.permissionMatrix.grants.length,
      conflicts: snapshot.permissionMatrix.conflicts.length,
    },
    blockers: approved ? [] : findSnapshotBlockers(snapshot, locale),
  };
}

async function getVersionRow(db: DbExecutor, projectId: string, versionId: string): Promise<BlueprintVersionTable> {
  const row = await findVersionRow(db, projectId, versionId);
  if (!row) throw new AppError('NOT_FOUND', { entity: 'blueprint_version', id: versionId });
  return row;
}

async function signoffsOf(db: DbExecutor, projectId: string): Promise<BlueprintSignoffTable[]> {
  return listSignoffRows(db, projectId);
}

/** One version with its frozen snapshot. */
export async function getVersion(
  db: DbExecutor,
  projectId: string,
  versionId: string,
  locale: Locale,
): Promise<VersionView & { snapshot: BlueprintSnapshot }> {
  const row = await getVersionRow(db, projectId, versionId);
  return { ...presentVersion(row, await signoffsOf(db, projectId), locale), snapshot: JSON.parse(row.snapshot_json) as BlueprintSnapshot };
}

/** The snapshot of a version, or of the live blueprint for `current`. */
export async function loadSnapshot(db: DbExecutor, projectId: string, versionId: string, locale: Locale): Promise<BlueprintSnapshot> {
  if (versionId === 'current') return takeBlueprintSnapshot(db, projectId, locale);
  return JSON.parse((await getVersionRow(db, projectId, versionId)).snapshot_json) as BlueprintSnapshot;
}

/** The latest version row of a project, if any. */
export async function findLatestVersionRow(db: DbExecutor, projectId: string): Promise<BlueprintVersionTable | undefined> {
  return findLatestVersionRowOfProject(db, projectId);
}

/**
 * Versions, newest first, and whether the live blueprint has changed since the latest one
 * ("changed since V2": a signed version stays as it was; changes go into the next version).
 */
export async function listVersions(db: Db, projectId: string, locale: Locale) {
  await getProjectRow(db.kysely, projectId);
  const rows = await listVersionRows(db.kysely, projectId);
  const signoffs = await signoffsOf(db.kysely, projectId);
  const items = rows.map((r) => presentVersion(r, signoffs, locale));
  let changesSinceLatest: number | null = null;
  if (rows[0]) {
    const live = await takeBlueprintSnapshot(db.kysely, projectId, locale);
    changesSinceLatest = diffBlueprintSnapshots(JSON.parse(rows[0].snapshot_json) as BlueprintSnapshot, live).total;
  }
  return {
    items,
    latestLabel: items[0]?.label ?? null,
    changedSinceLatest: changesSinceLatest === null ? null : changesSinceLatest > 0,
    changesSinceLatest,
  };
}

/** Freezes the live blueprint as the next version (V1, V2…), awaiting sign-off by both sides. */
export async function createVersion(
  db: Db,
  actor: Actor,
  projectId: string,
  input: { note: string },
  locale: Locale,
): Promise<VersionView> {
  return db.kysely.transaction().execute(async (tx) => {
    await getProjectRow(tx, projectId);
    // Snapshots are stored in zh-CN (the document's primary language); labels are re-localized on read.
    const snapshot = await takeBlueprintSnapshot(tx, projectId, 'zh-CN');
    const latest = await findLatestVersionRow(tx, projectId);
    const row: BlueprintVersionTable = {
      id: newId(),
      project_id: projectId,
      number: latest ? Number(latest.number) + 1 : 1,
      note: input.note,
      status: 'pending_signoff',
      snapshot_json: JSON.stringify(snapshot),
      created_by: actor.userId,
      created_by_name: actor.name,
      created_at: nowIso(),
      approved_at: null,
    };
    await insertVersion(tx, row);
    const { snapshot_json: _s, ...meta } = row;
    await recordAudit(tx, actor, { projectId, entity: 'blueprint_version', entityId: row.id, action: 'create', after: meta });
    return presentVersion(row, [], locale);
  });
}

function assertUnlocked(row: BlueprintVersionTable): void {
  if (row.status === 'approved') {
    throw new AppError('BLUEPRINT_VERSION_LOCKED', { label: versionLabel(Number(row.number)) });
  }
}

/** Edits a version's note; an approved (locked) version refuses with 409. */
export async function updateVersionNote(
  db: Db,
  actor: Actor,
  projectId: string,
  versionId: string,
  input: { note: string },
  locale: Locale,
): Promise<VersionView> {
  return db.kysely.transaction().execute(async (tx) => {
    const row = await getVersionRow(tx, projectId, versionId);
    assertUnlocked(row);
    await updateVersionNoteById(tx, versionId, input.note);
    await recordAudit(tx, actor, {
      projectId,
      entity: 'blueprint_version',
      entityId: versionId,
      action: 'update',
      before: { note: row.note },
      after: input,
    });
    return presentVersion({ ...row, note: input.note }, await signoffsOf(tx, projectId), locale);
  });
}

/** Deletes a version that is not approved (e.g. superseded before sign-off); approved ones are locked (409). */
export async function deleteVersion(db: Db, actor: Actor, projectId: string, versionId: string): Promise<void> {
  await db.kysely.transaction().execute(async (tx) => {
    const row = await getVersionRow(tx, projectId, versionId);
    assertUnlocked(row);
    await deleteVersionById(tx, versionId);
    const { snapshot_json: _s, ...meta } = row;
    await recordAudit(tx, actor, { projectId, entity: 'blueprint_version', entityId: versionId, action: 'delete', before: meta });
  });
}

/**
 * Which side the caller signs for, from their member record: external consultants (tier
 * consultant_vendor / consultant_partner, or role consultant) sign for the implementer; sponsors
 * and project managers for the client. A platform admin without a member record acts as the
 * client's project manager.
 */
export async function findSigningSide(
  db: DbExecutor,
  projectId: string,
  actor: Actor,
): Promise<{ side: SignoffSide; memberRole: string | null } | undefined> {
  const found = await findMemberByUser(db, projectId, actor.userId);
  const member = found && { project_role: found.projectRole, tier: found.tier };
  if (member) {
    if (member.tier === 'consultant_vendor' || member.tier === 'consultant_partner' || member.project_role === 'consultant') {
      return { side: 'implementer', memberRole: member.project_role };
    }
    if (member.project_role === 'sponsor' || member.project_role === 'project_manager')
      return { side: 'client', memberRole: member.project_role };
    return actor.isAdmin ? { side: 'client', memberRole: member.project_role } : undefined;
  }
  return actor.isAdmin ? { side: 'client', memberRole: null } : undefined;
}

/**
 * Signs a version for the caller's side. Refused while the version contains unapproved custom
 * development or SoD conflicts; once both sides have signed, the version is approved and locked.
 */
export async function signVersion(
  db: Db,
  actor: Actor,
  projectId: string,
  versionId: string,
  input: { comment: string },
  locale: Locale,
): Promise<VersionView> {
  return db.kysely.transaction().execute(async (tx) => {
    const row = await getVersionRow(tx, projectId, versionId);
    const label = versionLabel(Number(row.number));
    assertUnlocked(row);
    const signer = await findSigningSide(tx, projectId, actor);
    if (!signer) throw new AppError('BLUEPRINT_SIGN_NO_SIDE');
    const sideName = blueprintMessage(signer.side === 'client' ? 'sideClient' : 'sideImplementer', locale);
    const existing = await findSignoffRow(tx, versionId, signer.side);
    if (existing) {
      throw new AppError('BLUEPRINT_ALREADY_SIGNED', { label, side: sideName, name: existing.signer_name });
    }
    const blockers = findSnapshotBlockers(JSON.parse(row.snapshot_json) as BlueprintSnapshot, locale);
    if (blockers.length) {
      throw new AppError(
        'BLUEPRINT_SIGN_BLOCKED',
        { label, reasons: blockers.map((b) => b.message).join(locale === 'zh-CN' ? '；' : '; ') },
        blockers.map((b) => ({ field: b.label, reason: b.message })),
      );
    }
    const signoff: BlueprintSignoffTable = {
      id: newId(),
      project_id: projectId,
      version_id: versionId,
      side: signer.side,
      user_id: actor.userId,
      signer_name: actor.name,
      member_role: signer.memberRole,
      comment: input.comment,
      signed_at: nowIso(),
    };
    await insertSignoff(tx, signoff);
    await recordAudit(tx, actor, { projectId, entity: 'blueprint_signoff', entityId: signoff.id, action: 'create', after: signoff });
    const sides = await listSignoffSideRows(tx, versionId);
    let after = row;
    if (SIGNOFF_SIDES.every((s) => sides.some((x) => x.side === s))) {
      after = { ...row, status: 'approved', approved_at: nowIso() };
      await approveVersionById(tx, versionId, after.approved_at);
      await recordAudit(tx, actor, {
        projectId,
        entity: 'blueprint_version',
        entityId: versionId,
        action: 'approve',
        before: { status: row.status },
        after: { status: 'approved', approvedAt: after.approved_at },
      });
    }
    return presentVersion(after, await signoffsOf(tx, projectId), locale);
  });
}

/** Differences between two versions (`to` may be `current`, the live blueprint). */
export async function diffVersions(db: Db, projectId: string, fromId: string, toId: string, locale: Locale): Promise<BlueprintDiff> {
  await getProjectRow(db.kysely, projectId);
  const [from, to] = await Promise.all([
    loadSnapshot(db.kysely, projectId, fromId, locale),
    loadSnapshot(db.kysely, projectId, toId, locale),
  ]);
  return diffBlueprintSnapshots(from, to);
}
