import type { Db, DbExecutor } from '../../db/connection';
import { AppError, type Locale } from '../../shared/app-error';
import { newId } from '../../shared/ids';
import type { Actor } from '../access/access.service';
import { recordAudit } from '../audit/audit.service';
import { getProjectRow } from '../projects/project.service';
import { findMemberIdRow, getMemberNameRowById, listRaciMemberRows } from './member.repository';
import {
  deleteDeliverableById,
  deleteRaciCell,
  findDeliverableRow,
  findMaxDeliverableSort,
  insertDeliverable,
  insertRaciCell,
  listDeliverableRows,
  listRaciCellRows,
  listRaciCellRowsOfDeliverable,
} from './raci.repository';
import { findOtherAccountable, findRaciProblems, type RaciCell } from './raci-rule';
import type { RaciView } from './team.schema';

const PROBLEM_MESSAGE: Record<Locale, string> = {
  'zh-CN': '交付物“{name}”没有负责人（A）：每个交付物必须恰好有一个 A',
  en: 'Deliverable "{name}" has no Accountable (A): each deliverable needs exactly one A',
};

/** The RACI matrix of a project with the deliverables that break the rule. */
export async function getRaciMatrix(db: DbExecutor, projectId: string, locale: Locale): Promise<RaciView> {
  await getProjectRow(db, projectId);
  const [deliverables, members, cells] = await Promise.all([
    listDeliverableRows(db, projectId),
    listRaciMemberRows(db, projectId),
    listRaciCellRows(db, projectId),
  ]);
  const assignments = cells.map((c) => ({
    deliverableId: c.deliverable_id,
    memberId: c.member_id,
    letter: c.letter as RaciCell['letter'],
  }));
  const names = new Map(deliverables.map((d) => [d.id, d.name]));
  return {
    deliverables,
    members,
    assignments,
    issues: findRaciProblems(
      deliverables.map((d) => d.id),
      assignments,
    ).map((p) => ({ ...p, message: PROBLEM_MESSAGE[locale].replace('{name}', names.get(p.deliverableId) ?? '') })),
  };
}

/** Sets or clears one RACI cell; a second A on a deliverable is refused with the current holder's name. */
export async function setRaciCell(
  db: Db,
  actor: Actor,
  projectId: string,
  input: { deliverableId: string; memberId: string; letter: RaciCell['letter'] | null },
  locale: Locale,
): Promise<RaciView> {
  return db.kysely.transaction().execute(async (tx) => {
    const deliverable = await findDeliverableRow(tx, projectId, input.deliverableId);
    if (!deliverable) throw new AppError('NOT_FOUND', { entity: 'deliverable', id: input.deliverableId });
    const member = await findMemberIdRow(tx, projectId, input.memberId);
    if (!member) throw new AppError('NOT_FOUND', { entity: 'member', id: input.memberId });
    const cells = await listRaciCellRowsOfDeliverable(tx, input.deliverableId);
    const typed = cells.map((c) => ({ deliverableId: c.deliverable_id, memberId: c.member_id, letter: c.letter as RaciCell['letter'] }));
    if (input.letter === 'A') {
      const other = findOtherAccountable(typed, input.deliverableId, input.memberId);
      if (other) {
        const holder = await getMemberNameRowById(tx, other.memberId);
        throw new AppError('RACI_DUPLICATE_ACCOUNTABLE', { deliverable: deliverable.name, member: holder.name });
      }
    }
    const before = typed.find((c) => c.memberId === input.memberId)?.letter ?? null;
    await deleteRaciCell(tx, input.deliverableId, input.memberId);
    if (input.letter) {
      await insertRaciCell(tx, {
        project_id: projectId,
        deliverable_id: input.deliverableId,
        member_id: input.memberId,
        letter: input.letter,
      });
    }
    await recordAudit(tx, actor, {
      projectId,
      entity: 'raci',
      entityId: `${input.deliverableId}:${input.memberId}`,
      action: 'update',
      before: { letter: before },
      after: { letter: input.letter },
    });
    return getRaciMatrix(tx, projectId, locale);
  });
}

/** Adds a deliverable at the end of its phase. */
export async function addDeliverable(
  db: Db,
  actor: Actor,
  projectId: string,
  input: { phase: string; name: string },
  locale: Locale,
): Promise<RaciView> {
  return db.kysely.transaction().execute(async (tx) => {
    await getProjectRow(tx, projectId);
    const last = await findMaxDeliverableSort(tx, projectId);
    const row = { id: newId(), project_id: projectId, phase: input.phase, name: input.name, sort: Number(last ?? -1) + 1 };
    await insertDeliverable(tx, row);
    await recordAudit(tx, actor, { projectId, entity: 'deliverable', entityId: row.id, action: 'create', after: row });
    return getRaciMatrix(tx, projectId, locale);
  });
}

/** Removes a deliverable and its RACI cells. */
export async function deleteDeliverable(db: Db, actor: Actor, projectId: string, deliverableId: string, locale: Locale): Promise<RaciView> {
  return db.kysely.transaction().execute(async (tx) => {
    const before = await findDeliverableRow(tx, projectId, deliverableId);
    if (!before) throw new AppError('NOT_FOUND', { entity: 'deliverable', id: deliverableId });
    await deleteDeliverableById(tx, deliverableId);
    await recordAudit(tx, actor, { projectId, entity: 'deliverable', entityId: deliverableId, action: 'delete', before });
    return getRaciMatrix(tx, projectId, locale);
  });
}
