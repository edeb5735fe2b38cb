import type { Db, DbExecutor } from '../../db/connection';
import type { DocBlock, ReportDocument } from '../../documents/document-model';
import type { Locale } from '../../shared/app-error';
import { nowIso } from '../../shared/ids';
import { summarizeDataAssets, type DataAssetSummary } from '../data-assets/data-asset-summary';
import { getProjectRow } from '../projects/project.service';
import {
  dataAssetChapter,
  environmentChapter,
  overviewChapter,
  processChapter,
  rankBottlenecks,
  roleChapter,
} from './current-state-chapters';
import { conclusionChapter } from './current-state-conclusions';
import { CURRENT_STATE_TEXT } from './current-state-text';
import { getEnvironment, listProbes, type EnvironmentView, type ProbeView } from './environment.service';
import { getProcessSnapshots, type ProcessSnapshot } from './process-snapshot';
import { getAssessmentSettings } from './process.service';
import { listRoles, type RoleView } from './role.service';

/**
 * The data a current-state report is made of, as plain JSON: a report version stores this
 * snapshot, so downloading an old version redraws exactly what was true when it was created.
 */
export interface CurrentStateData {
  project: {
    name: string;
    clientName: string;
    erpProduct: string;
    erpVersion: string;
    startDate: string | null;
    plannedGoLive: string | null;
    description: string;
  };
  hourlyLabourCost: number;
  currency: string;
  processes: ProcessSnapshot[];
  dataAssets: DataAssetSummary[];
  roles: RoleView[];
  environment: EnvironmentView;
  probes: ProbeView[];
  collectedAt: string;
}

/** Collects everything the report shows, at this moment. */
export async function collectCurrentStateData(db: DbExecutor, projectId: string, locale: Locale): Promise<CurrentStateData> {
  const project = await getProjectRow(db, projectId);
  const settings = await getAssessmentSettings(db, projectId);
  return {
    project: {
      name: project.name,
      clientName: project.client_name,
      erpProduct: project.erp_product,
      erpVersion: project.erp_version,
      startDate: project.start_date,
      plannedGoLive: project.planned_go_live,
      description: project.description,
    },
    hourlyLabourCost: settings.hourlyLabourCost,
    currency: settings.currency,
    processes: await getProcessSnapshots(db, projectId, 'as_is'),
    dataAssets: await summarizeDataAssets(db, projectId, locale),
    roles: await listRoles(db, projectId),
    environment: await getEnvironment(db, projectId, locale),
    probes: (await listProbes(db, projectId, locale)).slice(0, 50),
    collectedAt: nowIso(),
  };
}

/** Turns collected data into the report document (no database access: also used for stored versions). */
export function composeCurrentStateReport(
  data: CurrentStateData,
  options: { locale: Locale; author: string; versionLabel?: string },
): ReportDocument {
  const { locale } = options;
  const t = CURRENT_STATE_TEXT[locale];
  const bottlenecks = rankBottlenecks(data.processes);
  const blocks: DocBlock[] = [
    ...overviewChapter(data, bottlenecks, locale),
    ...processChapter(data, bottlenecks, locale),
    ...dataAssetChapter(data, locale),
    ...roleChapter(data, locale),
    ...environmentChapter(data, locale),
    ...conclusionChapter(data, bottlenecks, locale),
  ];
  const period = [data.project.startDate, data.project.plannedGoLive].filter(Boolean).join(' — ');
  return {
    title: t.title,
    subtitle: t.subtitle,
    projectName: data.project.name,
    versionLabel: options.versionLabel ?? (locale === 'zh-CN' ? '草稿' : 'Draft'),
    generatedAt: nowIso(),
    author: options.author,
    locale,
    coverFacts: [
      [t.client, data.project.clientName],
      [t.erp, `${data.project.erpProduct} ${data.project.erpVersion}`.trim()],
      ...(period ? ([[t.period, period]] as [string, string][]) : []),
      [t.collected, data.collectedAt.slice(0, 16).replace('T', ' ')],
    ],
    blocks,
  };
}

// CONTRACT (owner: assessment module). Used by the report routes and `golive report current-state`.

/**
 * Builds the Current State Analysis Report (现状分析报告) from the project's current data: processes
 * with diagrams and bottlenecks, the data inventory and quality summary when present, user roles,
 * environment results and conclusions.
 */
export async function buildCurrentStateReport(
  db: Db,
  projectId: string,
  options: { locale: Locale; author: string; versionLabel?: string },
): Promise<ReportDocument> {
  const data = await collectCurrentStateData(db.kysely, projectId, options.locale);
  return composeCurrentStateReport(data, options);
}
