import type { Db, DbExecutor } from '../../db/connection';
import type { Locale } from '../../shared/app-error';
import { nowIso, todayDate } from '../../shared/ids';
import type { Actor } from '../access/access.service';
import { latestActionByUser, recordAudit } from '../audit/audit.service';
import { labelOf, MODULE_LABELS } from '../blueprint/blueprint-labels';
import { listPendingCustomApprovals } from '../blueprint/pending-approvals';
import { getMeter } from '../blueprint/requirement.service';
import { listDataAssetLineage, summarizeDataAssets } from '../data-assets/data-asset-summary';
import { listGoals } from '../goals/goal.service';
import { getLatestRealMigrationRun } from '../migration/migration-contract';
import { getProjectRow } from '../projects/project.service';
import { listProjectMembers, listStakeholderSupport, type ProjectMemberRef } from '../team/team-contract';
import { DEFAULT_RISK_SETTINGS, evaluateHealth, levelRank, type RiskFacts } from './early-warnings';
import {
  findPreviousAlertsJson,
  findRiskSettingsJson,
  listHealthHistory,
  listRiskRows,
  saveHealthSnapshot,
  saveRiskSettingsJson,
} from './risk.repository';
import { riskSettingsSchema, type HealthView, type IndicatorView, type RiskSettings } from './risk.schema';

/** How many days of health history a view carries. */
const HISTORY_DAYS = 90;

/** The project's early-warning settings; defaults for what was never saved (older rows gain new keys). */
export async function getRiskSettings(db: DbExecutor, projectId: string): Promise<RiskSettings> {
  const json = await findRiskSettingsJson(db, projectId);
  if (json === undefined) return structuredClone(DEFAULT_RISK_SETTINGS);
  const saved = JSON.parse(json) as Partial<RiskSettings>;
  const merged = { ...DEFAULT_RISK_SETTINGS, ...saved, weights: { ...DEFAULT_RISK_SETTINGS.weights, ...saved.weights } };
  const parsed = riskSettingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : structuredClone(DEFAULT_RISK_SETTINGS);
}

/** Saves the thresholds and weights (validated by the route's schema). */
export async function updateRiskSettings(db: Db, actor: Actor, projectId: string, input: RiskSettings): Promise<RiskSettings> {
  return db.kysely.transaction().execute(async (tx) => {
    await getProjectRow(tx, projectId);
    const before = await getRiskSettings(tx, projectId);
    await saveRiskSettingsJson(tx, projectId, JSON.stringify(input), nowIso());
    await recordAudit(tx, actor, { projectId, entity: 'risk_settings', entityId: projectId, action: 'update', before, after: input });
    return input;
  });
}

/** Sponsors of the project with the time of their latest recorded action (audit trail); the most active counts. */
async function listSponsorActivity(
  db: DbExecutor,
  projectId: string,
): Promise<{ name: string; user_id: string | null; last_at: string | null }[]> {
  const sponsors: ProjectMemberRef[] = await listProjectMembers(db, projectId, 'sponsor');
  const lastAt = await latestActionByUser(
    db,
    projectId,
    sponsors.flatMap((s) => (s.userId ? [s.userId] : [])),
  );
  return sponsors
    .map((s) => ({ name: s.name, user_id: s.userId, last_at: s.userId ? (lastAt.get(s.userId) ?? null) : null }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Reads everything the early warnings look at from the other modules. */
export async function gatherRiskFacts(db: Db, projectId: string, locale: Locale, today = todayDate()): Promise<RiskFacts> {
  const k = db.kysely;
  const project = await getProjectRow(k, projectId);
  const [sponsors, support, meter, pendingApprovals, assets, lineage, run, goals, risks] = await Promise.all([
    listSponsorActivity(k, projectId),
    listStakeholderSupport(k, projectId),
    getMeter(k, projectId, locale),
    listPendingCustomApprovals(k, projectId),
    summarizeDataAssets(k, projectId, locale),
    listDataAssetLineage(k, projectId),
    getLatestRealMigrationRun(k, projectId),
    listGoals(db, projectId, locale, project),
    listRiskRows(k, projectId),
  ]);

  const stakeholders = support.map((s): RiskFacts['stakeholders'][number] => {
    // Assessments come oldest first: the last one is current.
    const current = s.assessments.at(-1);
    return { name: s.name, influence: s.influence, support: current?.support ?? null, assessedOn: current?.assessedOn ?? null };
  });

  // An asset cleaned into a profiled derivative is judged by that derivative: it is what gets migrated.
  const profiledIds = new Set(assets.filter((a) => a.qualityScore !== null).map((a) => a.id));
  const replaced = new Set(lineage.flatMap((l) => (l.derivedFrom && profiledIds.has(l.id) ? [l.derivedFrom] : [])));

  return {
    today,
    projectStartDate: project.start_date,
    sponsors: sponsors.map((s) => ({ name: s.name, hasAccount: s.user_id !== null, lastActiveOn: s.last_at?.slice(0, 10) ?? null })),
    stakeholders,
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
    pendingApprovals: pendingApprovals.map((a) => ({ code: a.code, title: a.title, requestedOn: a.requestedOn })),
    dataAssets: assets.filter((a) => !replaced.has(a.id)).map((a) => ({ id: a.id, name: a.name, qualityScore: a.qualityScore })),
    latestMigrationRun: run ? { number: run.number, sourceRows: run.sourceRows, rejectedRows: run.rejected } : null,
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
  const previous = await findPreviousAlertsJson(k, projectId, today);
  const previousAlerts = previous !== undefined ? new Set(JSON.parse(previous) as string[]) : null;
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
  await saveHealthSnapshot(k, projectId, today, snapshot);
  const history = await listHealthHistory(k, projectId, HISTORY_DAYS);

  return {
    score: evaluation.score,
    level: evaluation.level,
    evaluatedOn: today,
    dimensions,
    alerts,
    history,
  };
}
