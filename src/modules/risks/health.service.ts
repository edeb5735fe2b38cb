import type { Db, DbExecutor } from '../../db/connection';
import type { Locale } from '../../shared/app-error';
import { nowIso, todayDate } from '../../shared/ids';
import type { Actor } from '../access/access.service';
import { recordAudit } from '../audit/audit.service';
import { labelOf, MODULE_LABELS } from '../blueprint/blueprint-labels';
import { getMeter } from '../blueprint/requirement.service';
import { summarizeDataAssets } from '../data-assets/data-asset-summary';
import { listGoals } from '../goals/goal.service';
import { getProjectRow } from '../projects/project.service';
import { DEFAULT_RISK_SETTINGS, evaluateHealth, levelRank, type RiskFacts } from './early-warnings';
import {
  findLatestRealMigrationRun,
  listApprovalRequests,
  listAssetLineage,
  listRiskRows,
  listSponsorActivity,
  listStakeholderSupport,
} from './risk.repository';
import { riskSettingsSchema, type HealthView, type IndicatorView, type RiskSettings } from './risk.schema';

/** How many days of health history a view carries. */
const HISTORY_DAYS = 90;

/** The project's early-warning settings; defaults for what was never saved (older rows gain new keys). */
export async function getRiskSettings(db: DbExecutor, projectId: string): Promise<RiskSettings> {
  const row = await db.selectFrom('risk_settings').select('settings').where('project_id', '=', projectId).executeTakeFirst();
  if (!row) return structuredClone(DEFAULT_RISK_SETTINGS);
  const saved = JSON.parse(row.settings) as Partial<RiskSettings>;
  const merged = { ...DEFAULT_RISK_SETTINGS, ...saved, weights: { ...DEFAULT_RISK_SETTINGS.weights, ...saved.weights } };
  const parsed = riskSettingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : structuredClone(DEFAULT_RISK_SETTINGS);
}

/** Saves the thresholds and weights (validated by the route's schema). */
export async function updateRiskSettings(db: Db, actor: Actor, projectId: string, input: RiskSettings): Promise<RiskSettings> {
  return db.kysely.transaction().execute(async (tx) => {
    await getProjectRow(tx, projectId);
    const before = await getRiskSettings(tx, projectId);
    const values = { settings: JSON.stringify(input), updated_at: nowIso() };
    await tx
      .insertInto('risk_settings')
      .values({ project_id: projectId, ...values })
      .onConflict((oc) => oc.column('project_id').doUpdateSet(values))
      .execute();
    await recordAudit(tx, actor, { projectId, entity: 'risk_settings', entityId: projectId, action: 'update', before, after: input });
    return input;
  });
}

/** Reads everything the early warnings look at from the other modules. */
export async function gatherRiskFacts(db: Db, projectId: string, locale: Locale, today = todayDate()): Promise<RiskFacts> {
  const k = db.kysely;
  const project = await getProjectRow(k, projectId);
  const [sponsors, support, meter, approvals, assets, lineage, run, goals, risks] = await Promise.all([
    listSponsorActivity(k, projectId),
    listStakeholderSupport(k, projectId),
    getMeter(k, projectId, locale),
    listApprovalRequests(k, projectId),
    summarizeDataAssets(k, projectId, locale),
    listAssetLineage(k, projectId),
    findLatestRealMigrationRun(k, projectId),
    listGoals(db, projectId, locale, project),
    listRiskRows(k, projectId),
  ]);

  const stakeholders = new Map<string, RiskFacts['stakeholders'][number]>();
  for (const s of support) {
    // Rows come oldest assessment first: the last one seen is current.
    stakeholders.set(s.id, { name: s.name, influence: s.influence, support: s.support, assessedOn: s.assessed_on });
  }

  const latestApproval = new Map<string, (typeof approvals)[number]>();
  for (const a of approvals) latestApproval.set(a.requirement_id, a);
  const pendingApprovals = [...latestApproval.values()]
    .filter((a) => a.status === 'pending' && a.resolution === 'custom_development' && a.priority !== 'wont')
    .map((a) => ({ code: a.code, title: a.title, requestedOn: a.requested_at.slice(0, 10) }));

  // An asset cleaned into a profiled derivative is judged by that derivative: it is what gets migrated.
  const profiledIds = new Set(assets.filter((a) => a.qualityScore !== null).map((a) => a.id));
  const replaced = new Set(lineage.filter((l) => l.derived_from && profiledIds.has(l.id)).map((l) => l.derived_from as string));

  return {
    today,
    projectStartDate: project.start_date,
    sponsors: sponsors.map((s) => ({ name: s.name, hasAccount: s.user_id !== null, lastActiveOn: s.last_at?.slice(0, 10) ?? null })),
    stakeholders: [...stakeholders.values()],
    customisation:
      meter.overall.total === 0
        ? null
        : {
            customShare: meter.overall.customShare,
            maxCustomShare: meter.thresholds.maxCustomShare,
            modulesOver: meter.modules
              .filter((m) => m.overShare || m.overEffort)
              .map((m) => ({ module: m.module, label: labelOf(MODULE_LABELS, m.module, locale) })),
          },
    pendingApprovals,
    dataAssets: assets.filter((a) => !replaced.has(a.id)).map((a) => ({ id: a.id, name: a.name, qualityScore: a.qualityScore })),
    latestMigrationRun: run ? { number: run.number, sourceRows: run.source_rows, rejectedRows: run.rejected } : null,
    goals: goals.map((g) => ({
      statement: g.statement,
      smartOk: g.smart.ok,
      progress: g.progress,
      deadline: g.deadline,
      createdOn: g.createdAt.slice(0, 10),
    })),
    risks: risks.map((r) => ({
      code: r.code,
      title: r.title,
      score: r.probability * r.impact,
      status: r.status,
      hasOwner: r.owner_member_id !== null,
      hasMitigation: r.mitigation.trim() !== '',
      dueDate: r.due_date,
      sourceIndicator: r.source_indicator,
    })),
  };
}

const isAlert = (i: { level: string }): boolean => i.level === 'warning' || i.level === 'critical';

/**
 * Evaluates the project's health now, records it as today's snapshot (the last evaluation of a day
 * wins) and returns it with the trend. Indicators name the open register line raised from them, and
 * alerts that were not alerts on the previous evaluated day are flagged new.
 */
export async function getProjectHealth(db: Db, projectId: string, locale: Locale, today = todayDate()): Promise<HealthView> {
  const [facts, settings] = await Promise.all([gatherRiskFacts(db, projectId, locale, today), getRiskSettings(db.kysely, projectId)]);
  const evaluation = evaluateHealth(facts, settings, locale);
  const k = db.kysely;
  const previous = await k
    .selectFrom('risk_health_snapshot')
    .select('alerts')
    .where('project_id', '=', projectId)
    .where('day', '<', today)
    .orderBy('day', 'desc')
    .limit(1)
    .executeTakeFirst();
  const previousAlerts = previous ? new Set(JSON.parse(previous.alerts) as string[]) : null;
  const registered = new Map<string, string>();
  for (const r of facts.risks) {
    if (r.sourceIndicator && r.status !== 'closed') registered.set(r.sourceIndicator, r.code);
  }

  const dimensions = evaluation.dimensions.map((d) => ({
    ...d,
    indicators: d.indicators.map((i): IndicatorView => ({
      ...i,
      riskCode: registered.get(i.code) ?? null,
      isNew: previousAlerts !== null && isAlert(i) && !previousAlerts.has(i.code),
    })),
  }));
  const alerts = dimensions
    .flatMap((d) => d.indicators)
    .filter(isAlert)
    .sort((a, b) => levelRank(a.level) - levelRank(b.level));

  const snapshot = {
    score: evaluation.score,
    dimensions: JSON.stringify(Object.fromEntries(dimensions.map((d) => [d.code, d.score]))),
    alerts: JSON.stringify(alerts.map((a) => a.code)),
    created_at: nowIso(),
  };
  await k
    .insertInto('risk_health_snapshot')
    .values({ project_id: projectId, day: today, ...snapshot })
    .onConflict((oc) => oc.columns(['project_id', 'day']).doUpdateSet(snapshot))
    .execute();
  const history = await k
    .selectFrom('risk_health_snapshot')
    .select(['day', 'score'])
    .where('project_id', '=', projectId)
    .orderBy('day', 'desc')
    .limit(HISTORY_DAYS)
    .execute();

  return {
    score: evaluation.score,
    level: evaluation.level,
    evaluatedOn: today,
    dimensions,
    alerts,
    history: history.reverse().map((h) => ({ day: h.day, score: h.score === null ? null : Number(h.score) })),
  };
}
