import type { Db, DbExecutor } from '../../db/connection';
import { AppError } from '../../shared/app-error';
import { newId, nowIso, todayDate } from '../../shared/ids';
import type { Actor } from '../access/access.service';
import { recordAudit } from '../audit/audit.service';
import { getProjectRow } from '../projects/project.service';
import { findMemberIdRow } from './member.repository';
import {
  deleteStakeholderById,
  insertStakeholder,
  insertStakeholderAssessment,
  listStakeholderAssessmentRows,
  listStakeholderRows,
  updateStakeholderById,
} from './stakeholder.repository';
import type { StakeholderView } from './team.schema';

async function loadStakeholders(db: DbExecutor, projectId: string, stakeholderId?: string): Promise<StakeholderView[]> {
  const rows = await listStakeholderRows(db, projectId, stakeholderId);
  const assessments = await listStakeholderAssessmentRows(db, projectId, stakeholderId);
  return rows.map((r) => {
    const history = assessments
      .filter((a) => a.stakeholder_id === r.id)
      .map((a) => ({ id: a.id, assessedOn: a.assessed_on, support: a.support, note: a.note }));
    return {
      id: r.id,
      name: r.name,
      organization: r.organization,
      memberId: r.member_id,
      influence: r.influence,
      note: r.note,
      support: history.at(-1)?.support ?? null,
      history,
    };
  });
}

async function assertMemberInProject(db: DbExecutor, projectId: string, memberId: string): Promise<void> {
  const member = await findMemberIdRow(db, projectId, memberId);
  if (!member) {
    throw new AppError('VALIDATION_FAILED', { summary: 'memberId: not a member of this project' }, [
      { field: 'memberId', reason: 'is not a member of this project' },
    ]);
  }
}

/** The stakeholder map: influence, current support and support over time. */
export async function listStakeholders(db: Db, projectId: string): Promise<StakeholderView[]> {
  await getProjectRow(db.kysely, projectId);
  return loadStakeholders(db.kysely, projectId);
}

async function getStakeholder(db: DbExecutor, projectId: string, stakeholderId: string): Promise<StakeholderView> {
  const [view] = await loadStakeholders(db, projectId, stakeholderId);
  if (!view) throw new AppError('NOT_FOUND', { entity: 'stakeholder', id: stakeholderId });
  return view;
}

/** Adds a stakeholder with a first support assessment. */
export async function createStakeholder(
  db: Db,
  actor: Actor,
  projectId: string,
  input: {
    name: string;
    organization: string;
    memberId: string | null;
    influence: number;
    note: string;
    support: number;
    assessedOn?: string;
  },
): Promise<StakeholderView> {
  return db.kysely.transaction().execute(async (tx) => {
    await getProjectRow(tx, projectId);
    if (input.memberId) {
      const member = await findMemberIdRow(tx, projectId, input.memberId);
      if (!member) {
        throw new AppError('VALIDATION_FAILED', { summary: 'memberId: not a member of this project' }, [
          { field: 'memberId', reason: 'is not a member of this project' },
        ]);
      }
    }
    const now = nowIso();
    const row = {
      id: newId(),
      project_id: projectId,
      member_id: input.memberId,
      name: input.name,
      organization: input.organization,
      influence: input.influence,
      note: input.note,
      created_at: now,
    };
    await insertStakeholder(tx, row);
    await insertStakeholderAssessment(tx, {
      id: newId(),
      project_id: projectId,
      stakeholder_id: row.id,
      assessed_on: input.assessedOn ?? todayDate(),
      support: input.support,
      note: '',
      created_at: now,
    });
    const view = await getStakeholder(tx, projectId, row.id);
    await recordAudit(tx, actor, { projectId, entity: 'stakeholder', entityId: row.id, action: 'create', after: view });
    return view;
  });
}

/** Edits a stakeholder's name, organisation, influence or note. */
export async function updateStakeholder(
  db: Db,
  actor: Actor,
  projectId: string,
  stakeholderId: string,
  input: { name?: string; organization?: string; influence?: number; note?: string; memberId?: string | null },
): Promise<StakeholderView> {
  return db.kysely.transaction().execute(async (tx) => {
    const before = await getStakeholder(tx, projectId, stakeholderId);
    if (input.memberId) await assertMemberInProject(tx, projectId, input.memberId);
    await updateStakeholderById(tx, stakeholderId, {
      name: input.name ?? before.name,
      organization: input.organization ?? before.organization,
      influence: input.influence ?? before.influence,
      note: input.note ?? before.note,
      member_id: input.memberId === undefined ? before.memberId : input.memberId,
    });
    const after = await getStakeholder(tx, projectId, stakeholderId);
    await recordAudit(tx, actor, { projectId, entity: 'stakeholder', entityId: stakeholderId, action: 'update', before, after });
    return after;
  });
}

/** Removes a stakeholder and their history. */
export async function deleteStakeholder(db: Db, actor: Actor, projectId: string, stakeholderId: string): Promise<void> {
  await db.kysely.transaction().execute(async (tx) => {
    const before = await getStakeholder(tx, projectId, stakeholderId);
    await deleteStakeholderById(tx, stakeholderId);
    await recordAudit(tx, actor, { projectId, entity: 'stakeholder', entityId: stakeholderId, action: 'delete', before });
  });
}

/** Records a new support assessment: support is tracked over time, never overwritten. */
export async function recordStakeholderAssessment(
  db: Db,
  actor: Actor,
  projectId: string,
  stakeholderId: string,
  input: { assessedOn: string; support: number; note: string },
): Promise<StakeholderView> {
  return db.kysely.transaction().execute(async (tx) => {
    await getStakeholder(tx, projectId, stakeholderId);
    const row = {
      id: newId(),
      project_id: projectId,
      stakeholder_id: stakeholderId,
      assessed_on: input.assessedOn,
      support: input.support,
      note: input.note,
      created_at: nowIso(),
    };
    await insertStakeholderAssessment(tx, row);
    await recordAudit(tx, actor, { projectId, entity: 'stakeholder_assessment', entityId: row.id, action: 'create', after: row });
    return getStakeholder(tx, projectId, stakeholderId);
  });
}
