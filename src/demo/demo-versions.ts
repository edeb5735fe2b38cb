import type { Db, DbExecutor } from '../db/connection';
import type { RequirementApprovalTable } from '../db/schema-blueprint';
import { newId } from '../shared/ids';
import type { Actor } from '../modules/access/access.service';
import { createReportVersion } from '../modules/assessment/report-version.service';
import { createVersion, findSnapshotBlockers, SIGNOFF_SIDES, type SignoffSide } from '../modules/blueprint/blueprint-version.service';
import type { BlueprintSnapshot } from '../modules/blueprint/blueprint-snapshot';
import { demoActor } from './demo-jobs';

/** The requirement whose resolution changed after V1: custom fields proved not enough for the trace chain. */
export const DEMO_RESOLUTION_CHANGE = '铸件批次追溯（炉号—批次—订单）';
/** The requirement re-estimated after V1 (voucher templates for 14 document types, not 8). */
export const DEMO_EFFORT_CHANGE = { title: '业务单据自动生成凭证', v1: 2 };
/** The grant V1 had and V2 drops: material master data is kept by the IT centre only. */
export const DEMO_REMOVED_GRANT = { role: '仓管员', menu: '物料档案', action: 'edit', scope: 'department' };
/** The grant added after V1, which makes the one SoD conflict of V2 (SOD-01). */
export const DEMO_ADDED_GRANT = { role: '采购员', menu: '付款单', action: 'approve' };

/** When things happened in the demo's history (UTC; Lanzhou is UTC+8). */
const HISTORY = {
  report: '2026-10-30T08:30:00.000Z',
  v1Created: '2026-11-20T07:00:00.000Z',
  v1Client: '2026-11-24T03:30:00.000Z',
  v1Implementer: '2026-11-25T02:00:00.000Z',
  customRequested: '2026-11-27T06:00:00.000Z',
  v2Created: '2026-12-03T09:00:00.000Z',
};

async function memberByKey(db: DbExecutor, memberIds: ReadonlyMap<string, string>, key: string) {
  const id = memberIds.get(key);
  const row = id
    ? await db.selectFrom('project_member').select(['id', 'name', 'project_role', 'tier']).where('id', '=', id).executeTakeFirst()
    : undefined;
  if (!row) throw new Error(`demo: no member "${key}"`);
  return row;
}

/** The side a member signs for, by the rule of findSigningSide (members without accounts cannot sign themselves). */
function sideOf(member: { project_role: string; tier: string }): SignoffSide | undefined {
  if (member.tier === 'consultant_vendor' || member.tier === 'consultant_partner' || member.project_role === 'consultant') {
    return 'implementer';
  }
  return member.project_role === 'sponsor' || member.project_role === 'project_manager' ? 'client' : undefined;
}

/**
 * Records the two sign-offs of a past version. signVersion needs the signer's own account (the
 * demo's people have none), so this applies the same rules: the snapshot must have no blocker
 * (unapproved custom development, SoD conflict), each side signs once, by a member entitled to it,
 * and both signatures approve and lock the version.
 */
async function signPastVersion(
  db: Db,
  projectId: string,
  versionId: string,
  signatures: { member: { id: string; name: string; project_role: string; tier: string }; comment: string; at: string }[],
): Promise<void> {
  await db.kysely.transaction().execute(async (tx) => {
    const version = await tx.selectFrom('blueprint_version').selectAll().where('id', '=', versionId).executeTakeFirstOrThrow();
    const blockers = findSnapshotBlockers(JSON.parse(version.snapshot_json) as BlueprintSnapshot, 'zh-CN');
    if (blockers.length) throw new Error(`demo: V${version.number} cannot be signed: ${blockers.map((b) => b.message).join('; ')}`);
    const sides = new Set<SignoffSide>();
    for (const s of signatures) {
      const side = sideOf(s.member);
      if (!side || sides.has(side)) throw new Error(`demo: ${s.member.name} cannot sign V${version.number}`);
      sides.add(side);
      await tx
        .insertInto('blueprint_signoff')
        .values({
          id: newId(),
          project_id: projectId,
          version_id: versionId,
          side,
          user_id: null,
          signer_name: s.member.name,
          member_role: s.member.project_role,
          comment: s.comment,
          signed_at: s.at,
        })
        .execute();
    }
    if (!SIGNOFF_SIDES.every((side) => sides.has(side))) throw new Error('demo: a past version needs both sides');
    const approvedAt = signatures.map((s) => s.at).sort()[signatures.length - 1]!;
    await tx.updateTable('blueprint_version').set({ status: 'approved', approved_at: approvedAt }).where('id', '=', versionId).execute();
  });
}

interface LiveState {
  requirementId: string;
  resolution: { resolution: string; config_kind: string | null; gap_reason: string; justification: string; upgrade_impact: string };
  effort: number | null;
  approvals: RequirementApprovalTable[];
  effortId: string;
  addedGrant: { role_id: string; function_id: string; scope: string; updated_at: string };
  removedGrant: { role_id: string; function_id: string };
}

async function findGrantIds(db: DbExecutor, projectId: string, role: string, menu: string, action: string) {
  const row = await db
    .selectFrom('erp_role')
    .innerJoin('erp_function', (j) => j.on('erp_function.project_id', '=', projectId).on('erp_function.menu', '=', menu))
    .select(['erp_role.id as role_id', 'erp_function.id as function_id'])
    .where('erp_role.project_id', '=', projectId)
    .where('erp_role.name', '=', role)
    .where('erp_function.action', '=', action)
    .executeTakeFirst();
  if (!row) throw new Error(`demo: no grant ${role} · ${menu} · ${action}`);
  return row;
}

/** Puts the live blueprint back to where it stood at V1; returns what to restore. */
async function rewindToV1(db: Db, projectId: string): Promise<LiveState> {
  return db.kysely.transaction().execute(async (tx) => {
    const byTitle = async (title: string) =>
      tx.selectFrom('requirement').selectAll().where('project_id', '=', projectId).where('title', '=', title).executeTakeFirstOrThrow();
    const changed = await byTitle(DEMO_RESOLUTION_CHANGE);
    const effort = await byTitle(DEMO_EFFORT_CHANGE.title);
    const approvals = await tx.selectFrom('requirement_approval').selectAll().where('requirement_id', '=', changed.id).execute();
    const added = await findGrantIds(tx, projectId, DEMO_ADDED_GRANT.role, DEMO_ADDED_GRANT.menu, DEMO_ADDED_GRANT.action);
    const addedRow = await tx
      .selectFrom('erp_role_grant')
      .select(['role_id', 'function_id', 'scope', 'updated_at'])
      .where('role_id', '=', added.role_id)
      .where('function_id', '=', added.function_id)
      .executeTakeFirstOrThrow();
    const removed = await findGrantIds(tx, projectId, DEMO_REMOVED_GRANT.role, DEMO_REMOVED_GRANT.menu, DEMO_REMOVED_GRANT.action);

    // V1: the trace chain was planned with custom fields on the receipt and issue documents.
    await tx
      .updateTable('requirement')
      .set({ resolution: 'configuration', config_kind: 'custom_field', gap_reason: '', justification: '', upgrade_impact: '' })
      .where('id', '=', changed.id)
      .execute();
    await tx.deleteFrom('requirement_approval').where('requirement_id', '=', changed.id).execute();
    await tx.updateTable('requirement').set({ effort_days: DEMO_EFFORT_CHANGE.v1 }).where('id', '=', effort.id).execute();
    await tx.deleteFrom('erp_role_grant').where('role_id', '=', added.role_id).where('function_id', '=', added.function_id).execute();
    await tx
      .insertInto('erp_role_grant')
      .values({ project_id: projectId, ...removed, scope: DEMO_REMOVED_GRANT.scope, updated_at: HISTORY.v1Created })
      .execute();
    return {
      requirementId: changed.id,
      resolution: {
        resolution: changed.resolution,
        config_kind: changed.config_kind,
        gap_reason: changed.gap_reason,
        justification: changed.justification,
        upgrade_impact: changed.upgrade_impact,
      },
      effort: effort.effort_days,
      approvals,
      effortId: effort.id,
      addedGrant: addedRow,
      removedGrant: removed,
    };
  });
}

/** Applies the changes made after V1 again (the live blueprint as the rest of the demo wrote it). */
async function restoreLive(db: Db, projectId: string, live: LiveState): Promise<void> {
  await db.kysely.transaction().execute(async (tx) => {
    await tx.updateTable('requirement').set(live.resolution).where('id', '=', live.requirementId).execute();
    // The custom-development request was raised after V1 (it cannot predate the resolution change).
    const approvals = live.approvals.map((a) => ({ ...a, requested_at: HISTORY.customRequested }));
    if (approvals.length) await tx.insertInto('requirement_approval').values(approvals).execute();
    await tx.updateTable('requirement').set({ effort_days: live.effort }).where('id', '=', live.effortId).execute();
    await tx
      .deleteFrom('erp_role_grant')
      .where('role_id', '=', live.removedGrant.role_id)
      .where('function_id', '=', live.removedGrant.function_id)
      .execute();
    await tx
      .insertInto('erp_role_grant')
      .values({ project_id: projectId, ...live.addedGrant })
      .execute();
  });
}

/**
 * The demo's document history, made by the real services: the 现状分析报告 V1 from the assessment
 * data, the blueprint V1 (the baseline of the 2026-11-20 review, signed by 王磊 for the client and
 * 陈晓 for 金昌软件) and V2 (after detailed design: 铸件批次追溯 becomes custom development awaiting
 * the steering committee, an effort re-estimated, 仓管员 loses 物料档案·修改, 采购员 gains
 * 付款单·审批 — the SoD conflict that blocks V2's sign-off). Creation times are set to the dates of
 * that history.
 */
export async function insertDemoVersions(db: Db, owner: Actor, projectId: string, memberIds: ReadonlyMap<string, string>): Promise<void> {
  const consultant = await memberByKey(db.kysely, memberIds, 'vc1');
  const pm = await memberByKey(db.kysely, memberIds, 'pm');
  const asConsultant = demoActor(owner, consultant.name);

  const report = await createReportVersion(
    db,
    asConsultant,
    projectId,
    { note: '调研阶段成果：现状流程、瓶颈、用户角色、环境评估与数据资产，已在 2026-10-30 调研总结会上汇报' },
    'zh-CN',
  );
  await db.kysely.updateTable('assessment_report_version').set({ created_at: HISTORY.report }).where('id', '=', report.id).execute();

  const live = await rewindToV1(db, projectId);
  const v1 = await createVersion(db, asConsultant, projectId, { note: '蓝图评审会（2026-11-20）通过的基线版本' }, 'zh-CN');
  await db.kysely.updateTable('blueprint_version').set({ created_at: HISTORY.v1Created }).where('id', '=', v1.id).execute();
  await signPastVersion(db, projectId, v1.id, [
    { member: pm, comment: '客户方确认：流程、差异方案与权限设计符合评审意见', at: HISTORY.v1Client },
    { member: consultant, comment: '实施方确认：按本版本进入系统配置与开发', at: HISTORY.v1Implementer },
  ]);
  await restoreLive(db, projectId, live);
  const v2 = await createVersion(
    db,
    asConsultant,
    projectId,
    { note: '详细设计变更：铸件批次追溯改为客户化开发（待指导委员会审批）；凭证模板工作量上调；仓管员、采购员权限调整' },
    'zh-CN',
  );
  await db.kysely.updateTable('blueprint_version').set({ created_at: HISTORY.v2Created }).where('id', '=', v2.id).execute();
}
