import type { Db, DbExecutor } from '../../db/connection';
import type { RiskTable } from '../../db/schema-risks';
import { AppError, type Locale } from '../../shared/app-error';
import { newId, nowIso, todayDate } from '../../shared/ids';
import type { Actor } from '../access/access.service';
import { recordAudit } from '../audit/audit.service';
import { getProjectRow } from '../projects/project.service';
import { assertProjectMember } from '../team/assert-project-member';
import { dimensionTitle } from './early-warnings';
import { INDICATOR_CATALOGUE, indicatorTitle, isIndicatorCode } from './indicator-catalogue';
import { deleteRiskRow, findRiskRow, insertRisk, listRiskCodes, listRiskRows, updateRiskRow, type RiskRow } from './risk.repository';
import type { CreateRiskInput, RiskCategory, RiskLevel, RiskStatus, RiskView, UpdateRiskInput } from './risk.schema';

/** The level of a probability × impact score on the 5 × 5 matrix: high ≥ 15, medium ≥ 8. */
export function riskLevel(score: number): RiskLevel {
  if (score >= 15) return 'high';
  if (score >= 8) return 'medium';
  return 'low';
}

/** Whether a risk still needs action (open or being mitigated). */
export function isActiveRisk(status: string): boolean {
  return status === 'open' || status === 'mitigating';
}

/**
 * The register's 来源预警 as users read it: "定制控制 · 超标模块". A code golive no longer evaluates
 * (kept from an older version) is shown as 已停用的预警 rather than as a raw key.
 */
function sourceIndicatorTitle(code: string | null, locale: Locale): string | null {
  if (code === null) return null;
  if (!isIndicatorCode(code)) return locale === 'zh-CN' ? '已停用的预警' : 'Retired warning';
  return `${dimensionTitle(INDICATOR_CATALOGUE[code].dimension, locale)} · ${indicatorTitle(code, locale)}`;
}

function presentRisk(row: RiskRow, today: string, locale: Locale): RiskView {
  const score = row.probability * row.impact;
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    description: row.description,
    category: row.category as RiskCategory,
    probability: row.probability,
    impact: row.impact,
    score,
    level: riskLevel(score),
    ownerMemberId: row.owner_member_id,
    ownerName: row.owner_name,
    mitigation: row.mitigation,
    contingency: row.contingency,
    dueDate: row.due_date,
    overdue: isActiveRisk(row.status) && row.due_date !== null && row.due_date < today,
    status: row.status as RiskStatus,
    sourceIndicator: row.source_indicator,
    sourceIndicatorTitle: sourceIndicatorTitle(row.source_indicator, locale),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    closedAt: row.closed_at,
  };
}

/** The register, by code. */
export async function listRisks(db: Db, projectId: string, locale: Locale): Promise<RiskView[]> {
  await getProjectRow(db.kysely, projectId);
  const today = todayDate();
  return (await listRiskRows(db.kysely, projectId)).map((r) => presentRisk(r, today, locale));
}

/** One register line or NOT_FOUND. */
export async function getRisk(db: DbExecutor, projectId: string, riskId: string, locale: Locale): Promise<RiskView> {
  const [row] = await listRiskRows(db, projectId, riskId);
  if (!row) throw new AppError('NOT_FOUND', { entity: 'risk', id: riskId });
  return presentRisk(row, todayDate(), locale);
}

const MESSAGES = {
  closedNeedsNote: {
    zh: '接受风险需要写明理由（应对措施或应急预案）',
    en: 'accepting a risk needs its reasoning (mitigation or contingency)',
  },
} as const;

const say = (key: keyof typeof MESSAGES, locale: Locale): string => (locale === 'zh-CN' ? MESSAGES[key].zh : MESSAGES[key].en);

/** An accepted risk is one the project decided to live with: the decision must be written down. */
function assertAcceptanceReasoned(status: string, mitigation: string, contingency: string, locale: Locale): void {
  if (status === 'accepted' && mitigation.trim() === '' && contingency.trim() === '') {
    throw new AppError('VALIDATION_FAILED', { summary: `mitigation: ${say('closedNeedsNote', locale)}` }, [
      { field: 'mitigation', reason: say('closedNeedsNote', locale) },
    ]);
  }
}

/** Next free R-nnn code of a project. */
async function nextRiskCode(db: DbExecutor, projectId: string): Promise<string> {
  let max = 0;
  for (const code of await listRiskCodes(db, projectId)) {
    const match = /^R-(\d+)$/.exec(code);
    if (match) max = Math.max(max, Number(match[1]));
  }
  return `R-${String(max + 1).padStart(3, '0')}`;
}

/** Adds a register line with the next R-nnn code. */
export async function createRisk(db: Db, actor: Actor, projectId: string, input: CreateRiskInput, locale: Locale): Promise<RiskView> {
  return db.kysely.transaction().execute(async (tx) => {
    await getProjectRow(tx, projectId);
    await assertProjectMember(tx, projectId, input.ownerMemberId, 'ownerMemberId', locale);
    assertAcceptanceReasoned(input.status, input.mitigation, input.contingency, locale);
    const now = nowIso();
    const row: RiskTable = {
      id: newId(),
      project_id: projectId,
      code: await nextRiskCode(tx, projectId),
      title: input.title,
      description: input.description,
      category: input.category,
      probability: input.probability,
      impact: input.impact,
      owner_member_id: input.ownerMemberId,
      mitigation: input.mitigation,
      contingency: input.contingency,
      due_date: input.dueDate,
      status: input.status,
      source_indicator: input.sourceIndicator,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
      closed_at: input.status === 'closed' ? now : null,
    };
    await insertRisk(tx, row);
    await recordAudit(tx, actor, { projectId, entity: 'risk', entityId: row.id, action: 'create', after: row });
    return getRisk(tx, projectId, row.id, locale);
  });
}

/** Changes a register line; closing stamps `closedAt`, reopening clears it. */
export async function updateRisk(
  db: Db,
  actor: Actor,
  projectId: string,
  riskId: string,
  input: UpdateRiskInput,
  locale: Locale,
): Promise<RiskView> {
  return db.kysely.transaction().execute(async (tx) => {
    const before = await findRiskRow(tx, projectId, riskId);
    if (!before) throw new AppError('NOT_FOUND', { entity: 'risk', id: riskId });
    if (input.ownerMemberId !== undefined) await assertProjectMember(tx, projectId, input.ownerMemberId, 'ownerMemberId', locale);
    const status = input.status ?? before.status;
    assertAcceptanceReasoned(status, input.mitigation ?? before.mitigation, input.contingency ?? before.contingency, locale);
    const now = nowIso();
    const changes: Partial<RiskTable> = {
      ...(input.title !== undefined && { title: input.title }),
      ...(input.description !== undefined && { description: input.description }),
      ...(input.category !== undefined && { category: input.category }),
      ...(input.probability !== undefined && { probability: input.probability }),
      ...(input.impact !== undefined && { impact: input.impact }),
      ...(input.ownerMemberId !== undefined && { owner_member_id: input.ownerMemberId }),
      ...(input.mitigation !== undefined && { mitigation: input.mitigation }),
      ...(input.contingency !== undefined && { contingency: input.contingency }),
      ...(input.dueDate !== undefined && { due_date: input.dueDate }),
      status,
      closed_at: status === 'closed' ? (before.status === 'closed' ? before.closed_at : now) : null,
      updated_at: now,
    };
    await updateRiskRow(tx, riskId, changes);
    await recordAudit(tx, actor, {
      projectId,
      entity: 'risk',
      entityId: riskId,
      action: 'update',
      before,
      after: { ...before, ...changes },
    });
    return getRisk(tx, projectId, riskId, locale);
  });
}

/** Removes a register line (the audit trail keeps it). */
export async function deleteRisk(db: Db, actor: Actor, projectId: string, riskId: string): Promise<void> {
  await db.kysely.transaction().execute(async (tx) => {
    const before = await findRiskRow(tx, projectId, riskId);
    if (!before) throw new AppError('NOT_FOUND', { entity: 'risk', id: riskId });
    await deleteRiskRow(tx, riskId);
    await recordAudit(tx, actor, { projectId, entity: 'risk', entityId: riskId, action: 'delete', before });
  });
}
