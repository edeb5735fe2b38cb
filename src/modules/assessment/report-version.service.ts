import { z } from '@hono/zod-openapi';
import type { Db, DbExecutor } from '../../db/connection';
import type { ReportDocument } from '../../documents/document-model';
import { AppError, type Locale } from '../../shared/app-error';
import { newId, nowIso } from '../../shared/ids';
import type { Actor } from '../access/access.service';
import { recordAudit } from '../audit/audit.service';
import { getProjectRow } from '../projects/project.service';
import { collectCurrentStateData, composeCurrentStateReport, type CurrentStateData } from './current-state-report';
import {
  findLatestReportVersionNumber,
  findReportVersionRow,
  insertReportVersion,
  listReportVersionRows,
} from './report-version.repository';
import { fieldLabel as lbl, labelled } from '../../shared/validation/field-labels';

export const reportVersionViewSchema = z
  .object({
    id: z.string(),
    versionNumber: z.number(),
    label: z.string(),
    locale: z.enum(['zh-CN', 'en']),
    note: z.string(),
    createdBy: z.string(),
    createdAt: z.string(),
    processCount: z.number(),
    bottleneckCount: z.number(),
    roleCount: z.number(),
    siteCount: z.number(),
    dataAssetCount: z.number(),
    /** Sections that were empty when the version was created (created with `force`). */
    missingSections: z.array(z.enum(['processes', 'roles', 'sites'])),
  })
  .openapi('CurrentStateReportVersion');

export const createReportVersionBodySchema = z
  .object({
    note: labelled(z.string().max(1000).default(''), lbl('说明', 'Note')),
    force: labelled(
      z
        .boolean()
        .default(false)
        .openapi({ description: 'Create the version even though sections are missing (refused with REPORT_SECTIONS_MISSING otherwise)' }),
      lbl('仍然生成', 'Create anyway'),
    ),
  })
  .openapi('CreateCurrentStateReportVersionBody');

/** Sections of the current-state report that have nothing to show when their list is empty. */
export const REPORT_SECTIONS = ['processes', 'roles', 'sites'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

const SECTION_LABELS: Record<ReportSection, Record<Locale, string>> = {
  processes: { 'zh-CN': '现状业务流程', en: 'as-is business processes' },
  roles: { 'zh-CN': '用户角色', en: 'user roles' },
  sites: { 'zh-CN': '技术环境站点', en: 'technical environment sites' },
};

/** The sections a report made of `data` would show empty: no as-is process, no user role, no site. */
export function missingReportSections(data: Pick<CurrentStateData, 'processes' | 'roles' | 'environment'>): ReportSection[] {
  const counts: Record<ReportSection, number> = {
    processes: data.processes.length,
    roles: data.roles.length,
    sites: data.environment.sites.length,
  };
  return REPORT_SECTIONS.filter((s) => counts[s] === 0);
}

export type ReportVersionView = z.infer<typeof reportVersionViewSchema>;

interface VersionRow {
  id: string;
  version_number: number;
  locale: string;
  snapshot: string;
  note: string;
  created_by_name: string;
  created_at: string;
}

function present(row: VersionRow): ReportVersionView {
  const data = JSON.parse(row.snapshot) as CurrentStateData;
  return {
    id: row.id,
    versionNumber: row.version_number,
    label: `V${row.version_number}`,
    locale: row.locale === 'en' ? 'en' : 'zh-CN',
    note: row.note,
    createdBy: row.created_by_name,
    createdAt: row.created_at,
    processCount: data.processes.length,
    bottleneckCount: data.processes.reduce((s, p) => s + p.bottlenecks.length, 0),
    roleCount: data.roles.length,
    siteCount: data.environment.sites.length,
    dataAssetCount: data.dataAssets.length,
    missingSections: missingReportSections(data),
  };
}

/** Report versions, newest first. */
export async function listReportVersions(db: DbExecutor, projectId: string): Promise<ReportVersionView[]> {
  await getProjectRow(db, projectId);
  const rows = await listReportVersionRows(db, projectId);
  return rows.map(present);
}

/**
 * Freezes the report data of this moment as the next version (V1, V2…). The snapshot holds the
 * data, not rendered files, so a download redraws the same content with the current renderer.
 */
export async function createReportVersion(
  db: Db,
  actor: Actor,
  projectId: string,
  input: { note: string; force?: boolean },
  locale: Locale,
): Promise<ReportVersionView> {
  // Collected before the write transaction: reading other modules' tables can take a while.
  const data = await collectCurrentStateData(db.kysely, projectId, locale);
  // A version is a deliverable: one with empty chapters is only made when the caller confirms it.
  const missing = missingReportSections(data);
  if (missing.length && !input.force) {
    const labels = missing.map((m) => SECTION_LABELS[m][locale]);
    throw new AppError(
      'REPORT_SECTIONS_MISSING',
      { sections: labels.join(locale === 'zh-CN' ? '、' : ', ') },
      missing.map((m, i) => ({ field: m, reason: labels[i]! })),
    );
  }
  return db.kysely.transaction().execute(async (tx) => {
    const lastNumber = await findLatestReportVersionNumber(tx, projectId);
    const row = {
      id: newId(),
      project_id: projectId,
      version_number: (lastNumber ?? 0) + 1,
      locale,
      snapshot: JSON.stringify(data),
      note: input.note,
      created_by: actor.userId,
      created_by_name: actor.name,
      created_at: nowIso(),
    };
    await insertReportVersion(tx, row);
    await recordAudit(tx, actor, {
      projectId,
      entity: 'assessment_report_version',
      entityId: row.id,
      action: 'create',
      after: { version_number: row.version_number, note: row.note, locale },
    });
    return present(row);
  });
}

/** The report document of a stored version. */
export async function getReportVersionDocument(
  db: DbExecutor,
  projectId: string,
  versionId: string,
): Promise<{ doc: ReportDocument; fileName: string }> {
  const row = await findReportVersionRow(db, projectId, versionId);
  if (!row) throw new AppError('NOT_FOUND', { entity: 'report_version', id: versionId });
  const locale: Locale = row.locale === 'en' ? 'en' : 'zh-CN';
  const data = JSON.parse(row.snapshot) as CurrentStateData;
  const label = `V${row.version_number}`;
  const doc = composeCurrentStateReport(data, { locale, author: row.created_by_name, versionLabel: label });
  doc.generatedAt = row.created_at;
  const title = locale === 'zh-CN' ? '现状分析报告' : 'current-state-report';
  return { doc, fileName: `${data.project.name}-${title}-${label}.docx` };
}
