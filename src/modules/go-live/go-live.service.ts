import type { Db, DbExecutor } from '../../db/connection';
import type { GoLiveCheckTable, GoLiveDecisionTable } from '../../db/schema-go-live';
import { AppError, type ErrorDetail, type Locale } from '../../shared/app-error';
import { newId, nowIso } from '../../shared/ids';
import type { Actor } from '../access/access.service';
import { recordAudit } from '../audit/audit.service';
import { findLatestVersionRow, versionLabel } from '../blueprint/blueprint-version.service';
import { listSpecs } from '../cutover/spec.service';
import { getLatestRealMigrationRun, hasMigrationPlan } from '../migration/migration-contract';
import { getProjectRow } from '../projects/project.service';
import { setPlannedGoLive } from '../projects/project-contract';
import { assertProjectMember } from '../team/assert-project-member';
import { getProjectHealth } from '../risks/health.service';
import {
  deleteCheckRow,
  findCheckRow,
  findMaxCheckSort,
  insertCheck,
  insertDecision,
  listCheckRows,
  listCheckTitles,
  listDecisionRows,
  updateCheckRow,
  type CheckRow,
} from './go-live.repository';
import type {
  CheckCategory,
  CheckStatus,
  CheckView,
  CreateCheckInput,
  CriterionView,
  Decision,
  DecisionInput,
  DecisionView,
  GoLiveView,
  ReadinessCriterion,
  UpdateCheckInput,
} from './go-live.schema';

type Text = { zh: string; en: string };
const pick = (t: Text, locale: Locale): string => (locale === 'zh-CN' ? t.zh : t.en);
const join = (items: string[], locale: Locale): string => items.join(locale === 'zh-CN' ? '、' : ', ');

const TITLES: Record<ReadinessCriterion, Text> = {
  blueprint_approved: { zh: '系统蓝图已签署', en: 'Blueprint signed off' },
  migration_loaded: { zh: '数据已正式迁移', en: 'Data migrated' },
  dual_run_exit: { zh: '双轨运行达到退出标准', en: 'Dual run meets its exit criterion' },
  no_critical_warnings: { zh: '没有严重预警', en: 'No critical early warning' },
  high_risks_managed: { zh: '高风险均有人应对', en: 'High risks are managed' },
  checklist_complete: { zh: '上线检查清单已完成', en: 'Go-live checklist complete' },
};

const HREFS: Record<ReadinessCriterion, string> = {
  blueprint_approved: 'blueprint/versions',
  migration_loaded: 'cutover/migration',
  dual_run_exit: 'cutover/dual-run',
  no_critical_warnings: 'risks',
  high_risks_managed: 'risks?tab=register',
  checklist_complete: 'cutover/go-no-go',
};

/** The go-live checklist the method implies (培训考核、权限开通、回滚预案、24 小时应急支持、驻场支持、上线通知). */
export const DEFAULT_CHECKS: { title: Text; category: CheckCategory }[] = [
  { title: { zh: '关键用户培训考核合格，方可独立操作', en: 'Key users passed their training exams' }, category: 'people' },
  {
    title: { zh: '用户账号与权限已按权限矩阵开通', en: 'User accounts and permissions set up per the permission matrix' },
    category: 'system',
  },
  { title: { zh: '回滚预案已演练，原系统备份已保留', en: 'Rollback rehearsed and the legacy system backed up' }, category: 'data' },
  { title: { zh: '24 小时应急支持小组已排班（含金昌专家）', en: '24-hour support team on duty (with 金昌 experts)' }, category: 'support' },
  { title: { zh: '上线首周驻场支持已安排', en: 'On-site support arranged for the first week' }, category: 'support' },
  { title: { zh: '上线通知已发送全体用户', en: 'Go-live notice sent to all users' }, category: 'people' },
];

function criterion(code: ReadinessCriterion, pass: boolean, detail: Text, locale: Locale): CriterionView {
  return { code, title: pick(TITLES[code], locale), status: pass ? 'pass' : 'fail', detail: pick(detail, locale), href: HREFS[code] };
}

function presentCheck(row: CheckRow): CheckView {
  return {
    id: row.id,
    title: row.title,
    category: row.category as CheckCategory,
    ownerMemberId: row.owner_member_id,
    ownerName: row.owner_name,
    status: row.status as CheckStatus,
    note: row.note,
    sort: row.sort,
    updatedAt: row.updated_at,
    updatedByName: row.updated_by_name,
  };
}

type VersionRow = Awaited<ReturnType<typeof findLatestVersionRow>>;
type RealRun = Awaited<ReturnType<typeof getLatestRealMigrationRun>>;
type Spec = Awaited<ReturnType<typeof listSpecs>>[number];
type Health = Awaited<ReturnType<typeof getProjectHealth>>;

/** 系统蓝图已签署: the latest blueprint version is approved by both sides. Appends to `out`. */
function addBlueprintCriterion(out: CriterionView[], version: VersionRow, locale: Locale): void {
  if (!version) {
    out.push(criterion('blueprint_approved', false, { zh: '尚未创建蓝图版本。', en: 'No blueprint version yet.' }, locale));
  } else {
    const label = versionLabel(version.number);
    out.push(
      version.status === 'approved'
        ? criterion(
            'blueprint_approved',
            true,
            { zh: `${label} 已由客户与实施方签署。`, en: `${label} is signed by the client and the implementer.` },
            locale,
          )
        : criterion('blueprint_approved', false, { zh: `${label} 尚待双方签署。`, en: `${label} still awaits both signatures.` }, locale),
    );
  }
}

/** 数据已正式迁移: the latest real migration run loaded every object. Appends to `out`. */
function addMigrationCriterion(out: CriterionView[], hasPlan: boolean, run: RealRun, locale: Locale): void {
  if (!hasPlan) {
    out.push(criterion('migration_loaded', false, { zh: '尚未制定数据迁移计划。', en: 'No data migration plan yet.' }, locale));
  } else if (!run) {
    out.push(
      criterion(
        'migration_loaded',
        false,
        { zh: '还没有正式迁移（只有模拟或尚未运行）。', en: 'No real migration run yet (only simulations, or none).' },
        locale,
      ),
    );
  } else {
    const { unfinished } = run;
    out.push(
      run.loaded
        ? criterion(
            'migration_loaded',
            true,
            {
              zh: `第 ${run.number} 次正式迁移已完成（${run.objects.length} 个对象）。`,
              en: `Real migration run #${run.number} completed (${run.objects.length} objects).`,
            },
            locale,
          )
        : run.rolledBack
          ? criterion(
              'migration_loaded',
              false,
              { zh: `第 ${run.number} 次正式迁移已回滚。`, en: `Real migration run #${run.number} was rolled back.` },
              locale,
            )
          : criterion(
              'migration_loaded',
              false,
              {
                zh: `第 ${run.number} 次正式迁移未完成${unfinished.length ? `：${join(unfinished, 'zh-CN')}` : ''}。`,
                en: `Real migration run #${run.number} is not complete${unfinished.length ? `: ${join(unfinished, 'en')}` : ''}.`,
              },
              locale,
            ),
    );
  }
}

/** 双轨运行达到退出标准: every reconciliation spec meets its exit criterion. Appends to `out`. */
function addDualRunCriterion(out: CriterionView[], specs: Spec[], locale: Locale): void {
  if (specs.length === 0) {
    out.push(criterion('dual_run_exit', false, { zh: '尚未配置双轨对账。', en: 'No dual-run reconciliation is set up.' }, locale));
  } else {
    const open = specs.filter((s) => !s.exitCriterion.met).map((s) => s.name);
    out.push(
      open.length === 0
        ? criterion(
            'dual_run_exit',
            true,
            { zh: `全部 ${specs.length} 项对账均达到退出标准。`, en: `All ${specs.length} reconciliations meet their exit criterion.` },
            locale,
          )
        : criterion(
            'dual_run_exit',
            false,
            { zh: `未达到退出标准：${join(open, 'zh-CN')}。`, en: `Exit criterion not met: ${join(open, 'en')}.` },
            locale,
          ),
    );
  }
}

/** 没有严重预警: no critical health warning outside the risk register. Appends to `out`. */
function addWarningCriterion(out: CriterionView[], health: Health, locale: Locale): void {
  // The register's own warnings are judged by the next criterion, not twice.
  const critical = health.alerts.filter((a) => a.level === 'critical' && a.dimension !== 'risk_register');
  out.push(
    critical.length === 0
      ? criterion(
          'no_critical_warnings',
          true,
          { zh: `项目健康度 ${health.score ?? '—'}，没有严重预警。`, en: `Health score ${health.score ?? '—'}, no critical warning.` },
          locale,
        )
      : criterion(
          'no_critical_warnings',
          false,
          {
            zh: `严重预警：${join(
              critical.map((a) => a.title),
              'zh-CN',
            )}。`,
            en: `Critical warnings: ${join(
              critical.map((a) => a.title),
              'en',
            )}.`,
          },
          locale,
        ),
  );
}

/** 高风险均有人应对: no critical warning of the risk register. Appends to `out`. */
function addRiskCriterion(out: CriterionView[], health: Health, locale: Locale): void {
  // The register's critical warnings are exactly this criterion: an open high risk without owner or
  // mitigation (risk_register.high_open) or overdue (risk_register.overdue); their messages name the lines.
  const unmanaged = health.alerts.filter((a) => a.level === 'critical' && a.dimension === 'risk_register');
  const unmanagedDetail = unmanaged.map((a) => a.message).join(' ');
  out.push(
    criterion(
      'high_risks_managed',
      unmanaged.length === 0,
      unmanaged.length === 0
        ? {
            zh: '每个未关闭的高风险都有负责人、应对措施且未逾期。',
            en: 'Every open high risk has an owner and a mitigation and is not overdue.',
          }
        : { zh: unmanagedDetail, en: unmanagedDetail },
      locale,
    ),
  );
}

/** 上线检查清单已完成: every checklist item passed or does not apply. Appends to `out`. */
function addChecklistCriterion(out: CriterionView[], checks: CheckRow[], locale: Locale): void {
  const openChecks = checks.filter((c) => c.status !== 'pass' && c.status !== 'na');
  out.push(
    checks.length === 0
      ? criterion('checklist_complete', false, { zh: '上线检查清单为空。', en: 'The go-live checklist is empty.' }, locale)
      : openChecks.length === 0
        ? criterion(
            'checklist_complete',
            true,
            { zh: `全部 ${checks.length} 项检查已通过或不适用。`, en: `All ${checks.length} checks passed or do not apply.` },
            locale,
          )
        : criterion(
            'checklist_complete',
            false,
            {
              zh: `${openChecks.length} / ${checks.length} 项检查未通过或待确认：${join(
                openChecks.map((c) => c.title),
                'zh-CN',
              )}。`,
              en: `${openChecks.length} of ${checks.length} checks failed or pending: ${join(
                openChecks.map((c) => c.title),
                'en',
              )}.`,
            },
            locale,
          ),
  );
}

/**
 * Evaluates every readiness criterion from the project's data now. Reading the health records
 * today's health snapshot, like opening the risks page does.
 */
export async function evaluateReadiness(db: Db, projectId: string, locale: Locale): Promise<CriterionView[]> {
  const k = db.kysely;
  const [version, hasPlan, run, specs, health, checks] = await Promise.all([
    findLatestVersionRow(k, projectId),
    hasMigrationPlan(k, projectId),
    getLatestRealMigrationRun(k, projectId),
    listSpecs(db, projectId, locale),
    getProjectHealth(db, projectId, locale),
    listCheckRows(k, projectId),
  ]);
  const out: CriterionView[] = [];
  addBlueprintCriterion(out, version, locale);
  addMigrationCriterion(out, hasPlan, run, locale);
  addDualRunCriterion(out, specs, locale);
  addWarningCriterion(out, health, locale);
  addRiskCriterion(out, health, locale);
  addChecklistCriterion(out, checks, locale);
  return out;
}

function presentDecision(row: GoLiveDecisionTable): DecisionView {
  return {
    id: row.id,
    decision: row.decision as Decision,
    conditions: row.conditions,
    goLiveDate: row.go_live_date,
    decidedByName: row.decided_by_name,
    decidedAt: row.decided_at,
    criteria: JSON.parse(row.criteria) as CriterionView[],
    ready: row.ready === 1,
  };
}

/** Readiness, checklist and decision history of a project. */
export async function getGoLive(db: Db, projectId: string, locale: Locale): Promise<GoLiveView> {
  const project = await getProjectRow(db.kysely, projectId);
  const [criteria, checks, decisions] = await Promise.all([
    evaluateReadiness(db, projectId, locale),
    listCheckRows(db.kysely, projectId),
    listDecisionRows(db.kysely, projectId),
  ]);
  return {
    ready: criteria.every((c) => c.status === 'pass'),
    criteria,
    checks: checks.map(presentCheck),
    decisions: decisions.map(presentDecision),
    plannedGoLive: project.planned_go_live,
  };
}

const MESSAGES = {
  conditionsNeeded: {
    zh: '有条件上线需写明上线条件，暂缓上线需写明原因',
    en: 'a conditional go needs its conditions, a no-go its reasons',
  },
  dateNeeded: { zh: '上线决策需要上线日期', en: 'a go decision needs the go-live date' },
} as const;

async function nextSort(db: DbExecutor, projectId: string): Promise<number> {
  return (await findMaxCheckSort(db, projectId)) + 1;
}

/** Adds a checklist item at the end. */
export async function createCheck(db: Db, actor: Actor, projectId: string, input: CreateCheckInput, locale: Locale): Promise<CheckView> {
  return db.kysely.transaction().execute(async (tx) => {
    await getProjectRow(tx, projectId);
    await assertProjectMember(tx, projectId, input.ownerMemberId, 'ownerMemberId', locale);
    const now = nowIso();
    const row: GoLiveCheckTable = {
      id: newId(),
      project_id: projectId,
      title: input.title,
      category: input.category,
      owner_member_id: input.ownerMemberId,
      status: input.status,
      note: input.note,
      sort: await nextSort(tx, projectId),
      created_at: now,
      updated_at: now,
      updated_by_name: actor.name,
    };
    await insertCheck(tx, row);
    await recordAudit(tx, actor, { projectId, entity: 'go_live_check', entityId: row.id, action: 'create', after: row });
    const [created] = await listCheckRows(tx, projectId, row.id);
    return presentCheck(created!);
  });
}

/** Adds the default checklist items (in the caller's language) that are not there yet, by title. */
export async function addDefaultChecks(db: Db, actor: Actor, projectId: string, locale: Locale): Promise<GoLiveView> {
  await db.kysely.transaction().execute(async (tx) => {
    await getProjectRow(tx, projectId);
    const existing = new Set(await listCheckTitles(tx, projectId));
    let sort = await nextSort(tx, projectId);
    const now = nowIso();
    for (const item of DEFAULT_CHECKS) {
      if (existing.has(item.title.zh) || existing.has(item.title.en)) continue;
      const row: GoLiveCheckTable = {
        id: newId(),
        project_id: projectId,
        title: pick(item.title, locale),
        category: item.category,
        owner_member_id: null,
        status: 'pending',
        note: '',
        sort: sort++,
        created_at: now,
        updated_at: now,
        updated_by_name: actor.name,
      };
      await insertCheck(tx, row);
      await recordAudit(tx, actor, { projectId, entity: 'go_live_check', entityId: row.id, action: 'create', after: row });
    }
  });
  return getGoLive(db, projectId, locale);
}

/** Changes a checklist item (status, owner, note …). */
export async function updateCheck(
  db: Db,
  actor: Actor,
  projectId: string,
  checkId: string,
  input: UpdateCheckInput,
  locale: Locale,
): Promise<CheckView> {
  return db.kysely.transaction().execute(async (tx) => {
    const before = await findCheckRow(tx, projectId, checkId);
    if (!before) throw new AppError('NOT_FOUND', { entity: 'go_live_check', id: checkId });
    if (input.ownerMemberId !== undefined) await assertProjectMember(tx, projectId, input.ownerMemberId, 'ownerMemberId', locale);
    const changes: Partial<GoLiveCheckTable> = {
      ...(input.title !== undefined && { title: input.title }),
      ...(input.category !== undefined && { category: input.category }),
      ...(input.ownerMemberId !== undefined && { owner_member_id: input.ownerMemberId }),
      ...(input.status !== undefined && { status: input.status }),
      ...(input.note !== undefined && { note: input.note }),
      updated_at: nowIso(),
      updated_by_name: actor.name,
    };
    await updateCheckRow(tx, checkId, changes);
    await recordAudit(tx, actor, {
      projectId,
      entity: 'go_live_check',
      entityId: checkId,
      action: 'update',
      before,
      after: { ...before, ...changes },
    });
    const [updated] = await listCheckRows(tx, projectId, checkId);
    return presentCheck(updated!);
  });
}

/** Removes a checklist item (the audit trail keeps it). */
export async function deleteCheck(db: Db, actor: Actor, projectId: string, checkId: string): Promise<void> {
  await db.kysely.transaction().execute(async (tx) => {
    const before = await findCheckRow(tx, projectId, checkId);
    if (!before) throw new AppError('NOT_FOUND', { entity: 'go_live_check', id: checkId });
    await deleteCheckRow(tx, checkId);
    await recordAudit(tx, actor, { projectId, entity: 'go_live_check', entityId: checkId, action: 'delete', before });
  });
}

/**
 * The decision rules, pure: conditions for a conditional go or a no-go, a date for a go, and no plain go
 * while any criterion fails. Throws the AppError the API returns (400 naming fields, 409 naming criteria).
 */
export function assertDecisionAllowed(input: DecisionInput, criteria: CriterionView[], locale: Locale): void {
  const details: ErrorDetail[] = [];
  if (input.decision !== 'go' && input.conditions.trim() === '')
    details.push({ field: 'conditions', reason: pick(MESSAGES.conditionsNeeded, locale) });
  if (input.decision !== 'no_go' && input.goLiveDate === null)
    details.push({ field: 'goLiveDate', reason: pick(MESSAGES.dateNeeded, locale) });
  if (details.length) {
    throw new AppError('VALIDATION_FAILED', { summary: details.map((d) => `${d.field}: ${d.reason}`).join('; ') }, details);
  }
  const failing = criteria.filter((c) => c.status === 'fail');
  if (input.decision === 'go' && failing.length > 0) {
    throw new AppError(
      'GO_LIVE_NOT_READY',
      { criteria: failing.map((c) => c.title).join(locale === 'zh-CN' ? '、' : ', ') },
      failing.map((c) => ({ field: c.code, reason: `${c.title}: ${c.detail}` })),
    );
  }
}

/**
 * Records a go/no-go decision with the criteria as they stand. A plain go is refused while any
 * criterion fails (the steering committee may still take a conditional go, naming its conditions); a
 * go or conditional go sets the project's planned go-live date.
 */
export async function recordDecision(db: Db, actor: Actor, projectId: string, input: DecisionInput, locale: Locale): Promise<DecisionView> {
  // Field errors first: they need no evaluation.
  assertDecisionAllowed(input, [], locale);
  const criteria = await evaluateReadiness(db, projectId, locale);
  const ready = criteria.every((c) => c.status === 'pass');
  assertDecisionAllowed(input, criteria, locale);
  return db.kysely.transaction().execute(async (tx) => {
    const project = await getProjectRow(tx, projectId);
    const row: GoLiveDecisionTable = {
      id: newId(),
      project_id: projectId,
      decision: input.decision,
      conditions: input.conditions,
      go_live_date: input.goLiveDate,
      criteria: JSON.stringify(criteria),
      ready: ready ? 1 : 0,
      decided_by: actor.userId,
      decided_by_name: actor.name,
      decided_at: nowIso(),
    };
    await insertDecision(tx, row);
    await recordAudit(tx, actor, {
      projectId,
      entity: 'go_live_decision',
      entityId: row.id,
      action: 'create',
      after: { ...row, criteria },
    });
    if (input.decision !== 'no_go' && input.goLiveDate && input.goLiveDate !== project.planned_go_live) {
      const updatedAt = nowIso();
      await setPlannedGoLive(tx, projectId, input.goLiveDate, updatedAt);
      await recordAudit(tx, actor, {
        projectId,
        entity: 'project',
        entityId: projectId,
        action: 'update',
        before: { plannedGoLive: project.planned_go_live },
        after: { plannedGoLive: input.goLiveDate },
      });
    }
    return presentDecision(row);
  });
}
