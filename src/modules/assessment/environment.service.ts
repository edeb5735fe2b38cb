import { z } from '@hono/zod-openapi';
import type { Db, DbExecutor } from '../../db/connection';
import type { EnvProbeResultTable } from '../../db/schema-assessment';
import { AppError, type Locale } from '../../shared/app-error';
import { newId, nowIso } from '../../shared/ids';
import type { Actor } from '../access/access.service';
import { recordAudit } from '../audit/audit.service';
import { findMemberByUser } from '../team/team-contract';
import { getProjectRow } from '../projects/project.service';
import {
  defaultRequirementProfile,
  ENV_CATEGORIES,
  ENV_OPERATORS,
  evaluateProbe,
  evaluateSite,
  parseUserAgent,
  type EnvRequirement,
} from './env-evaluation';
import {
  deleteEnvFactsOfSite,
  deleteEnvProbeResultById,
  deleteEnvRequirementsOfProject,
  deleteEnvSiteById,
  findEnvProbeResultRow,
  findEnvSiteIdRowByName,
  findEnvSiteRow,
  insertEnvFacts,
  insertEnvProbeResult,
  insertEnvRequirements,
  insertEnvSite,
  listEnvFactRows,
  listEnvProbeResultRows,
  listEnvRequirementRows,
  listEnvSiteRows,
  updateEnvSiteById,
} from './environment.repository';
import { fieldLabel as lbl, labelled } from '../../shared/validation/field-labels';

const statusSchema = z.enum(['pass', 'warn', 'fail', 'unknown']);

export const requirementSchema = z
  .object({
    category: labelled(z.enum(ENV_CATEGORIES), lbl('类别', 'Category')),
    metric: labelled(
      z
        .string()
        .trim()
        .regex(/^[a-z][a-z0-9_]{0,49}$/, 'must be lower_snake_case'),
      lbl('指标编码', 'Metric key'),
    ),
    label: labelled(z.string().trim().min(1).max(100), lbl('检查项', 'Item')),
    operator: labelled(z.enum(ENV_OPERATORS), lbl('比较方式', 'Comparison')),
    threshold: labelled(z.number().finite().nullable().default(null), lbl('阈值', 'Threshold')),
    unit: labelled(z.string().trim().max(20).default(''), lbl('单位', 'Unit')),
    allowed: labelled(
      z.array(z.string().trim().min(1).max(100)).max(30).default([]),
      lbl('允许的产品与最低版本', 'Allowed products and minimum versions'),
    ),
    warnBand: labelled(z.number().min(0).max(1).default(0), lbl('预警范围', 'Warn band')),
  })
  .openapi('EnvRequirement');

export const profileBodySchema = z
  .object({ items: labelled(z.array(requirementSchema).min(1).max(50), lbl('ERP 环境要求', 'ERP requirements')) })
  .openapi('EnvProfileBody');

export const itemResultSchema = z
  .object({
    metric: z.string(),
    label: z.string(),
    category: z.enum(ENV_CATEGORIES),
    requirement: z.string(),
    value: z.string().nullable(),
    status: statusSchema,
    message: z.string(),
  })
  .openapi('EnvItemResult');

export const siteBodySchema = z
  .object({
    name: labelled(z.string().trim().min(1).max(100), lbl('站点', 'Site')),
    note: labelled(z.string().max(1000).default(''), lbl('备注', 'Note')),
    facts: labelled(z.record(z.string().regex(/^[a-z][a-z0-9_]{0,49}$/), z.string().max(200)).default({}), lbl('站点情况', 'Site facts')),
  })
  .openapi('EnvSiteBody');

export const updateSiteBodySchema = z
  .object({
    name: labelled(z.string().trim().min(1).max(100).optional(), lbl('站点', 'Site')),
    note: labelled(z.string().max(1000).optional(), lbl('备注', 'Note')),
    facts: labelled(z.record(z.string().regex(/^[a-z][a-z0-9_]{0,49}$/), z.string().max(200)).optional(), lbl('站点情况', 'Site facts')),
  })
  .strict()
  .openapi('UpdateEnvSiteBody');

export const siteViewSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    note: z.string(),
    facts: z.record(z.string(), z.string()),
    status: statusSchema,
    items: z.array(itemResultSchema),
  })
  .openapi('EnvSite');

export const probeBodySchema = z
  .object({
    userAgent: labelled(z.string().min(1).max(1000), lbl('浏览器标识', 'User agent')),
    screenWidth: labelled(z.number().int().min(1).max(20000), lbl('屏幕宽度', 'Screen width')),
    screenHeight: labelled(z.number().int().min(1).max(20000), lbl('屏幕高度', 'Screen height')),
    devicePixelRatio: labelled(z.number().min(0.1).max(10), lbl('屏幕缩放比例', 'Device pixel ratio')),
    rttSamplesMs: labelled(z.array(z.number().min(0).max(120000)).min(1).max(50), lbl('往返延迟（毫秒）', 'Round trips (ms)')),
    downloadMbps: labelled(z.number().min(0).max(100000).nullable(), lbl('下载速度（兆比特每秒）', 'Download (Mbps)')),
    siteName: labelled(z.string().trim().max(100).default(''), lbl('站点', 'Site')),
  })
  .openapi('ProbeBody');

export const probeViewSchema = z
  .object({
    id: z.string(),
    submittedBy: z.string(),
    siteName: z.string(),
    browserName: z.string(),
    browserVersion: z.string(),
    osName: z.string(),
    screenWidth: z.number(),
    screenHeight: z.number(),
    devicePixelRatio: z.number(),
    rttSamplesMs: z.array(z.number()),
    rttMedianMs: z.number(),
    downloadMbps: z.number().nullable(),
    userAgent: z.string(),
    measuredAt: z.string(),
    status: statusSchema,
    items: z.array(itemResultSchema),
  })
  .openapi('ProbeResult');

export const environmentViewSchema = z
  .object({
    profile: z.object({ isDefault: z.boolean(), items: z.array(requirementSchema) }),
    sites: z.array(siteViewSchema),
  })
  .openapi('Environment');

export type SiteInput = z.infer<typeof siteBodySchema>;
export type UpdateSiteInput = z.infer<typeof updateSiteBodySchema>;
export type SiteView = z.infer<typeof siteViewSchema>;
export type ProbeInput = z.infer<typeof probeBodySchema>;
export type ProbeView = z.infer<typeof probeViewSchema>;
export type EnvironmentView = z.infer<typeof environmentViewSchema>;

/** The project's requirement profile: the stored one, or the default 金昌 ERP profile when never edited. */
export async function getRequirementProfile(
  db: DbExecutor,
  projectId: string,
  locale: Locale,
): Promise<{ isDefault: boolean; items: EnvRequirement[] }> {
  const rows = await listEnvRequirementRows(db, projectId);
  if (rows.length === 0) return { isDefault: true, items: defaultRequirementProfile(locale) };
  return {
    isDefault: false,
    items: rows.map((r) => ({
      category: r.category as EnvRequirement['category'],
      metric: r.metric,
      label: r.label,
      operator: r.operator as EnvRequirement['operator'],
      threshold: r.threshold,
      unit: r.unit,
      allowed: JSON.parse(r.allowed) as string[],
      warnBand: r.warn_band,
    })),
  };
}

function validateProfile(items: EnvRequirement[]): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.metric)) throw new AppError('ASSESSMENT_ENV_METRIC_TWICE', { metric: item.label }, [{ field: `items.${i}.metric` }]);
    seen.add(item.metric);
    if ((item.operator === 'min' || item.operator === 'max') && item.threshold === null) {
      throw new AppError('ASSESSMENT_ENV_THRESHOLD_REQUIRED', { metric: item.label }, [{ field: `items.${i}.threshold` }]);
    }
    if ((item.operator === 'one_of' || item.operator === 'min_version') && item.allowed.length === 0) {
      throw new AppError('ASSESSMENT_ENV_ALLOWED_REQUIRED', { metric: item.label }, [{ field: `items.${i}.allowed` }]);
    }
  });
}

/** Replaces the project's requirement profile. */
export async function saveRequirementProfile(
  db: Db,
  actor: Actor,
  projectId: string,
  items: EnvRequirement[],
  locale: Locale,
): Promise<EnvironmentView> {
  validateProfile(items);
  return db.kysely.transaction().execute(async (tx) => {
    await getProjectRow(tx, projectId);
    const before = await getRequirementProfile(tx, projectId, locale);
    await deleteEnvRequirementsOfProject(tx, projectId);
    const now = nowIso();
    await insertEnvRequirements(
      tx,
      items.map((item, i) => ({
        id: newId(),
        project_id: projectId,
        category: item.category,
        metric: item.metric,
        label: item.label,
        operator: item.operator,
        threshold: item.threshold,
        unit: item.unit,
        allowed: JSON.stringify(item.allowed),
        warn_band: item.warnBand,
        sort_order: i,
        created_at: now,
        updated_at: now,
      })),
    );
    await recordAudit(tx, actor, {
      projectId,
      entity: 'env_requirement',
      entityId: projectId,
      action: 'update',
      before: before.items,
      after: items,
    });
    return getEnvironment(tx, projectId, locale);
  });
}

/** Drops the project's own profile, going back to the default one. */
export async function resetRequirementProfile(db: Db, actor: Actor, projectId: string, locale: Locale): Promise<EnvironmentView> {
  return db.kysely.transaction().execute(async (tx) => {
    await getProjectRow(tx, projectId);
    const before = await getRequirementProfile(tx, projectId, locale);
    await deleteEnvRequirementsOfProject(tx, projectId);
    await recordAudit(tx, actor, { projectId, entity: 'env_requirement', entityId: projectId, action: 'delete', before: before.items });
    return getEnvironment(tx, projectId, locale);
  });
}

/** Profile and sites with their facts evaluated (computed on read, so a profile edit re-evaluates everything). */
export async function getEnvironment(db: DbExecutor, projectId: string, locale: Locale): Promise<EnvironmentView> {
  await getProjectRow(db, projectId);
  const profile = await getRequirementProfile(db, projectId, locale);
  const sites = await listEnvSiteRows(db, projectId);
  const facts = await listEnvFactRows(db, projectId);
  return {
    profile,
    sites: sites.map((site) => {
      const siteFacts = Object.fromEntries(facts.filter((f) => f.site_id === site.id).map((f) => [f.metric, f.value]));
      return { id: site.id, name: site.name, note: site.note, facts: siteFacts, ...evaluateSite(profile.items, siteFacts, locale) };
    }),
  };
}

async function writeFacts(tx: DbExecutor, projectId: string, siteId: string, facts: Record<string, string>): Promise<void> {
  await deleteEnvFactsOfSite(tx, siteId);
  const entries = Object.entries(facts).filter(([, v]) => v.trim() !== '');
  if (entries.length === 0) return;
  const now = nowIso();
  await insertEnvFacts(
    tx,
    entries.map(([metric, value]) => ({
      id: newId(),
      project_id: projectId,
      site_id: siteId,
      metric,
      value: value.trim(),
      updated_at: now,
    })),
  );
}

async function assertSiteNameFree(db: DbExecutor, projectId: string, name: string, exceptId?: string): Promise<void> {
  if (await findEnvSiteIdRowByName(db, projectId, name, exceptId))
    throw new AppError('ASSESSMENT_SITE_NAME_TAKEN', { name }, [{ field: 'name' }]);
}

/** Adds a site with its recorded facts. */
export async function createSite(db: Db, actor: Actor, projectId: string, input: SiteInput, locale: Locale): Promise<SiteView> {
  return db.kysely.transaction().execute(async (tx) => {
    await getProjectRow(tx, projectId);
    await assertSiteNameFree(tx, projectId, input.name);
    const now = nowIso();
    const row = { id: newId(), project_id: projectId, name: input.name, note: input.note, created_at: now, updated_at: now };
    await insertEnvSite(tx, row);
    await writeFacts(tx, projectId, row.id, input.facts);
    await recordAudit(tx, actor, {
      projectId,
      entity: 'env_site',
      entityId: row.id,
      action: 'create',
      after: { ...row, facts: input.facts },
    });
    return (await getEnvironment(tx, projectId, locale)).sites.find((s) => s.id === row.id)!;
  });
}

/** Updates a site's name, note or facts (facts are replaced as a whole). */
export async function updateSite(
  db: Db,
  actor: Actor,
  projectId: string,
  siteId: string,
  input: UpdateSiteInput,
  locale: Locale,
): Promise<SiteView> {
  return db.kysely.transaction().execute(async (tx) => {
    const before = (await getEnvironment(tx, projectId, locale)).sites.find((s) => s.id === siteId);
    if (!before) throw new AppError('NOT_FOUND', { entity: 'env_site', id: siteId });
    if (input.name && input.name !== before.name) await assertSiteNameFree(tx, projectId, input.name, siteId);
    await updateEnvSiteById(tx, siteId, { name: input.name ?? before.name, note: input.note ?? before.note, updated_at: nowIso() });
    if (input.facts) await writeFacts(tx, projectId, siteId, input.facts);
    const after = (await getEnvironment(tx, projectId, locale)).sites.find((s) => s.id === siteId)!;
    await recordAudit(tx, actor, {
      projectId,
      entity: 'env_site',
      entityId: siteId,
      action: 'update',
      before: { name: before.name, note: before.note, facts: before.facts },
      after: { name: after.name, note: after.note, facts: after.facts },
    });
    return after;
  });
}

/** Deletes a site and its facts. */
export async function deleteSite(db: Db, actor: Actor, projectId: string, siteId: string): Promise<void> {
  await db.kysely.transaction().execute(async (tx) => {
    const before = await findEnvSiteRow(tx, projectId, siteId);
    if (!before) throw new AppError('NOT_FOUND', { entity: 'env_site', id: siteId });
    await deleteEnvFactsOfSite(tx, siteId);
    await deleteEnvSiteById(tx, siteId);
    await recordAudit(tx, actor, { projectId, entity: 'env_site', entityId: siteId, action: 'delete', before });
  });
}

/** The median of a list of numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function presentProbe(row: EnvProbeResultTable, profile: EnvRequirement[], locale: Locale): ProbeView {
  const base = {
    id: row.id,
    submittedBy: row.submitted_by,
    siteName: row.site_name,
    browserName: row.browser_name,
    browserVersion: row.browser_version,
    osName: row.os_name,
    screenWidth: row.screen_width,
    screenHeight: row.screen_height,
    devicePixelRatio: row.device_pixel_ratio,
    rttSamplesMs: JSON.parse(row.rtt_samples) as number[],
    rttMedianMs: row.rtt_median_ms,
    downloadMbps: row.download_mbps,
    userAgent: row.user_agent,
    measuredAt: row.measured_at,
  };
  return { ...base, ...evaluateProbe(profile, base, locale) };
}

/** Builds a probe row from what a browser measured (the browser is parsed from its user agent here, not trusted from the client). */
export function buildProbeRow(
  projectId: string,
  who: { memberId: string | null; userId: string | null; name: string },
  input: ProbeInput,
  measuredAt = nowIso(),
): EnvProbeResultTable {
  const ua = parseUserAgent(input.userAgent);
  return {
    id: newId(),
    project_id: projectId,
    member_id: who.memberId,
    user_id: who.userId,
    submitted_by: who.name,
    site_name: input.siteName,
    browser_name: ua.browserName,
    browser_version: ua.browserVersion,
    os_name: ua.osName,
    screen_width: input.screenWidth,
    screen_height: input.screenHeight,
    device_pixel_ratio: input.devicePixelRatio,
    rtt_samples: JSON.stringify(input.rttSamplesMs.map((v) => Math.round(v * 10) / 10)),
    rtt_median_ms: Math.round(median(input.rttSamplesMs) * 10) / 10,
    download_mbps: input.downloadMbps === null ? null : Math.round(input.downloadMbps * 100) / 100,
    user_agent: input.userAgent,
    measured_at: measuredAt,
  };
}

/** Stores a probe result submitted by a member's browser. */
export async function submitProbe(db: Db, actor: Actor, projectId: string, input: ProbeInput, locale: Locale): Promise<ProbeView> {
  return db.kysely.transaction().execute(async (tx) => {
    await getProjectRow(tx, projectId);
    const member = await findMemberByUser(tx, projectId, actor.userId);
    const row = buildProbeRow(projectId, { memberId: member?.id ?? null, userId: actor.userId, name: member?.name ?? actor.name }, input);
    await insertEnvProbeResult(tx, row);
    await recordAudit(tx, actor, { projectId, entity: 'env_probe_result', entityId: row.id, action: 'create', after: row });
    const profile = await getRequirementProfile(tx, projectId, locale);
    return presentProbe(row, profile.items, locale);
  });
}

/** Probe results, newest first, evaluated against the browser/bandwidth/latency requirements. */
export async function listProbes(db: DbExecutor, projectId: string, locale: Locale): Promise<ProbeView[]> {
  await getProjectRow(db, projectId);
  const profile = await getRequirementProfile(db, projectId, locale);
  const rows = await listEnvProbeResultRows(db, projectId, 500);
  return rows.map((r) => presentProbe(r, profile.items, locale));
}

/** Deletes a probe result. */
export async function deleteProbe(db: Db, actor: Actor, projectId: string, probeId: string): Promise<void> {
  await db.kysely.transaction().execute(async (tx) => {
    const before = await findEnvProbeResultRow(tx, projectId, probeId);
    if (!before) throw new AppError('NOT_FOUND', { entity: 'probe', id: probeId });
    await deleteEnvProbeResultById(tx, probeId);
    await recordAudit(tx, actor, { projectId, entity: 'env_probe_result', entityId: probeId, action: 'delete', before });
  });
}
